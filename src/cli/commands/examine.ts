import { existsSync } from 'node:fs';
import { ExaminerConsole } from '../../session/examiner.js';
import { intFlag } from '../args.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { openStore } from '../../store/index.js';

/**
 * `firedrill examine SESSION|latest`: the examiner console, in a second
 * terminal, attached to a live (or finished) session through the shared
 * database. `--headless` prints the console once as plain text.
 */
export async function examineCommand(ctx: Context, positionals: string[]): Promise<number> {
  const id = positionals[0];
  if (!id) throw new CliError('examine needs a session id or `latest`', 2);
  // Examining reads an existing recording: a mistyped --db must not leave an empty database behind.
  if (ctx.dbPath !== ':memory:' && !existsSync(ctx.dbPath)) {
    throw new CliError(`there is no database at ${ctx.dbPath}; check --db or FIREDRILL_DB (the examiner's console reads the database the session is recorded in)`);
  }
  const store = openStore(ctx.dbPath);
  try {
    const examiner = ExaminerConsole.attach(store, id, ctx.wallNow);
    if (ctx.flags.headless) {
      const width = intFlag(ctx.flags, 'width', 80, 400) ?? 120;
      const height = intFlag(ctx.flags, 'height', 24, 200) ?? 40;
      const { renderExaminerFrame } = await import('../../ui/examiner/render-examiner.js');
      process.stdout.write(`${renderExaminerFrame(examiner, width, height)}\n`);
      return 0;
    }
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      throw new CliError(
        'the examiner console needs an interactive terminal (stdin and stdout must be a TTY); to print it once as text: firedrill examine SESSION --headless',
      );
    }
    const { runExaminer } = await import('../../ui/examiner/run-examiner.js');
    await runExaminer(examiner, { color: ctx.io.color });
    return 0;
  } finally {
    store.close();
  }
}
