import { writeFileSync } from 'node:fs';
import { scenarioSkeleton } from '../../scenario/skeleton.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';

const ID = /^[a-z0-9][a-z0-9_-]*$/;

/** `firedrill new ID [--out FILE]`: a commented skeleton scenario that validates, lints clean and plays. */
export function newCommand(ctx: Context, positionals: string[]): number {
  const id = positionals[0];
  if (!id) throw new CliError('new needs a scenario id: `firedrill new my-incident` writes my-incident.yaml', 2);
  if (positionals.length > 1) throw new CliError(`new takes one id (got ${positionals.length} arguments); choose the file with --out FILE`, 2);
  if (!ID.test(id)) throw new CliError(`"${id}" is not a scenario id: use lowercase letters, digits, "-" and "_", starting with a letter or digit`, 2);
  const file = ctx.flags.out ?? `${id}.yaml`;
  try {
    writeFileSync(file, scenarioSkeleton(id), { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CliError(`${file} already exists; not overwriting it (choose another name or --out FILE)`);
    throw new CliError(`cannot write ${file}: ${code === 'ENOENT' ? 'no such folder' : (e as Error).message}`);
  }
  if (ctx.io.json) ctx.io.data({ id, file });
  else ctx.io.out(`wrote ${file}\nnext: firedrill validate ${file} && firedrill lint ${file}, then play it with a script: firedrill play ${file} --script RUN.txt --json`);
  return 0;
}
