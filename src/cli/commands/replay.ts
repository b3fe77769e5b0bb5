import { parseDuration } from '../../scenario/duration.js';
import { Session } from '../../session/session.js';
import { selectView } from '../../view/select.js';
import { intFlag } from '../args.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';

export async function replayCommand(ctx: Context, positionals: string[]): Promise<number> {
  const id = positionals[0];
  if (!id) throw new CliError('replay needs a session id or `latest`', 2);
  if (ctx.flags.at === undefined || !ctx.flags.headless) throw new CliError('interactive replay is not available in this version; print one frame with: firedrill replay SESSION --at MM:SS --headless', 2);
  const sec = parseDuration(ctx.flags.at);
  if (sec === null) throw new CliError(`--at takes MM:SS or H:MM:SS, got "${ctx.flags.at}"`, 2);
  const width = intFlag(ctx.flags, 'width', 80, 400) ?? 120;
  const height = intFlag(ctx.flags, 'height', 24, 200) ?? 40;
  const store = ctx.openStore({ readonly: true });
  try {
    const session = Session.load(store, id, ctx.wallNow, sec * 1000);
    const { renderFrame, viewSizeFor } = await import('../../ui/render-frame.js');
    const vm = selectView(session.engine, viewSizeFor(width, height), { mode: 'replay', interview: session.row.mode === 'interview', summary: null });
    process.stdout.write(`${renderFrame(vm, width, height)}\n`);
    return 0;
  } finally {
    store.close();
  }
}
