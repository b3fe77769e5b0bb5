import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { resolveScenario } from '../scenarios.js';
import { LiveController } from '../../session/live-controller.js';
import { finishSession } from '../../session/reports.js';
import { Session } from '../../session/session.js';
import { trainee } from './play.js';
import { pickScenario } from './pick.js';

export interface InteractiveOptions {
  seed: number;
  difficulty: 'easy' | 'normal' | 'hard';
  mode: 'solo' | 'interview';
  postmortemMin: number | undefined;
}

export function requireTty(what: string): void {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new CliError(`${what} needs an interactive terminal (stdin and stdout must be a TTY). To play without one, run a script: firedrill play SCENARIO --script FILE (see README.md)`);
  }
}

export async function playInteractive(ctx: Context, ref: string | undefined, opts: InteractiveOptions): Promise<number> {
  requireTty('interactive play');
  const loaded = ref ? resolveScenario(ref) : await pickScenario(ctx);
  if (!loaded) return 0;
  const store = ctx.openStore();
  let reportPath: string | null = null;
  let summary = '';
  try {
    const session = Session.start(store, loaded, { seed: opts.seed, difficulty: opts.difficulty, mode: opts.mode, trainee: trainee(ctx) }, ctx.wallNow);
    const controller = new LiveController(session, {
      interview: opts.mode === 'interview',
      ...(opts.postmortemMin ? { postmortemMin: opts.postmortemMin } : {}),
      onFinish: (s) => {
        const done = finishSession(s);
        reportPath = done.reportPath;
        summary = done.summary;
        return done.summary;
      },
    });
    const { runInteractive } = await import('../../ui/run.js');
    await runInteractive(controller, { color: ctx.io.color });
    if (!controller.finished) controller.quit();
    ctx.io.out(summary || `session ${session.id} ended`);
    ctx.io.out(`session ${session.id}${reportPath ? ` · report ${reportPath}` : ''}`);
    return 0;
  } finally {
    store.close();
  }
}
