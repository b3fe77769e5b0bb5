import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../../scenario/json-schema.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';

/** `firedrill schema [--out FILE]`: the scenario format as JSON Schema, for editors. */
export function schemaCommand(ctx: Context, positionals: string[]): number {
  if (positionals.length > 0) throw new CliError(`schema takes no arguments (got "${positionals[0]}"); write it to a file with --out FILE`, 2);
  const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
  if (!ctx.flags.out) {
    process.stdout.write(text);
    return 0;
  }
  try {
    writeFileSync(ctx.flags.out, text);
  } catch (e) {
    throw new CliError(`cannot write ${ctx.flags.out}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (e as Error).message}`);
  }
  ctx.io.note(`wrote ${ctx.flags.out}; add "# yaml-language-server: $schema=${ctx.flags.out}" (a path relative to the scenario) at the top of a scenario for completion`);
  return 0;
}
