import { readFileSync, writeFileSync } from 'node:fs';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';

export function exportCommand(ctx: Context, positionals: string[]): number {
  const id = positionals[0];
  if (!id) throw new CliError('export needs a session id or `latest`', 2);
  if (!ctx.flags.out) throw new CliError('export needs --out FILE', 2);
  const store = ctx.openStore({ readonly: true });
  try {
    const data = store.exportSession(store.getSession(id).id);
    writeFileSync(ctx.flags.out, `${JSON.stringify(data, null, 2)}\n`);
    ctx.io.out(`exported ${data.session.id} (${data.events.length} events) to ${ctx.flags.out}`);
    return 0;
  } finally {
    store.close();
  }
}

export function importCommand(ctx: Context, positionals: string[]): number {
  const file = positionals[0];
  if (!file) throw new CliError('import needs a file', 2);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const store = ctx.openStore();
  try {
    const row = store.importSession(text);
    ctx.io.out(`imported ${row.id} (${row.scenarioId}, ${row.trainee}); chain verified`);
    return 0;
  } finally {
    store.close();
  }
}
