import { PreparingController } from '../../session/preparing-controller.js';
import { briefingOnlyView } from '../../view/briefing-view.js';
import { importWithoutFetch } from '../load-ui.js';
import { numFlag } from '../args.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { resolveScenario } from '../scenarios.js';
import type { LiveSession } from './live-session.js';
import type { PlayOptions } from './play-options.js';
import { coachWanted } from '../../sim/coach.js';

export function requireTty(what: string): void {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new CliError(`${what} needs an interactive terminal (stdin and stdout must be a TTY). To play without one, run a script: firedrill play SCENARIO --script FILE (see README.md)`);
  }
}

export async function playInteractive(ctx: Context, ref: string | undefined, opts: PlayOptions): Promise<number> {
  requireTty('interactive play');
  // --speed X: the clock starts at this speed (recorded as a speed event); + and - step from there.
  const startSpeed = numFlag(ctx.flags, 'speed', 0.1, 1000);
  const loaded = ref ? await resolveScenario(ref) : await (await import('./pick.js')).pickScenario(ctx, opts.difficulty ? { difficulty: opts.difficulty } : {});
  if (!loaded) return 0;
  const difficulty = opts.difficulty ?? loaded.scenario.difficulty;
  // The briefing is drawn from the scenario alone; the store and the session load while it is read.
  const prepared: { session?: LiveSession } = {};
  const controller = new PreparingController(briefingOnlyView(loaded.scenario, { difficulty, interview: opts.mode === 'interview' }), async () => {
    const { startLiveSession } = await import('./live-session.js');
    prepared.session = startLiveSession(ctx, loaded, {
      seed: opts.seed,
      difficulty,
      mode: opts.mode,
      postmortemMin: opts.postmortemMin,
      startSpeed,
      coach: coachWanted({ mode: opts.mode, difficulty, noCoach: opts.noCoach }),
    });
    return prepared.session.controller;
  });
  try {
    const { runInteractive } = await importWithoutFetch(() => import('../../ui/run.js'));
    await runInteractive(controller, { color: ctx.io.color });
    // A failure to prepare (a locked database, say) ends here, with its own message.
    await controller.ready();
    for (const line of prepared.session?.closingLines() ?? []) ctx.io.out(line);
    return 0;
  } finally {
    prepared.session?.close();
  }
}
