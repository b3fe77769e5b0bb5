import { numFlag } from '../args.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedScenario } from '../../scenario/index.js';
import { bundledScenarios } from '../paths.js';
import type { Context } from '../context.js';
import type { PlayController } from '../../view/controller.js';
import { importWithoutFetch } from '../../view/load-ui.js';
import { CliError } from '../errors.js';
import { resolveScenario } from '../scenarios.js';
import { INTERVIEW_DONE, LiveController } from '../../session/live-controller.js';
import { finishSession } from '../../session/reports.js';
import { Session } from '../../session/session.js';
import { trainee } from './play.js';
import { loadFast, pickScenario } from './pick.js';

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
  // Hidden, for benchmarks and demos: the clock starts at this speed (recorded as a speed event).
  const startSpeed = numFlag(ctx.flags, 'speed', 0.1, 1000);
  // --difficulty when given, else the scenario's own (play.ts defaults the option to normal).
  const flagged = ctx.flags.difficulty !== undefined;
  const loaded = ref ? resolveForPlay(ref) : await pickScenario(ctx, flagged ? { difficulty: opts.difficulty } : {});
  if (!loaded) return 0;
  const store = ctx.openStore();
  let reportPath: string | null = null;
  let summary = '';
  try {
    const difficulty = flagged ? opts.difficulty : loaded.scenario.difficulty;
    const session = Session.start(store, loaded, { seed: opts.seed, difficulty, mode: opts.mode, trainee: trainee(ctx) }, ctx.wallNow);
    const live = new LiveController(session, {
      interview: opts.mode === 'interview',
      ...(opts.postmortemMin ? { postmortemMin: opts.postmortemMin } : {}),
      onFinish: (s) => {
        const done = finishSession(s);
        reportPath = done.reportPath;
        summary = done.summary;
        return done.summary;
      },
    });
    const controller: PlayController = startSpeed ? startingAt(live, startSpeed, () => session.record({ type: 'speed', speed: startSpeed }, 0)) : live;
    const { runInteractive } = await importWithoutFetch(() => import('../../ui/run.js'));
    await runInteractive(controller, { color: ctx.io.color });
    if (!controller.finished) {
      // the terminal went away without a quit: leave the session open to resume
      ctx.io.out(`session ${session.id} is still open; continue it with: firedrill resume ${session.id}`);
      return 0;
    }
    // an interview candidate's score and debrief belong to the examiner
    ctx.io.out(opts.mode === 'interview' ? INTERVIEW_DONE : summary || `session ${session.id} ended`);
    ctx.io.out(`session ${session.id}${reportPath && opts.mode !== 'interview' ? ` · report ${reportPath}` : ''}`);
    return 0;
  } finally {
    store.close();
  }
}

/** The controller, with `start()` followed by a recorded speed change (the hidden --speed flag). */
function startingAt(base: PlayController, _speed: number, setSpeed: () => void): PlayController {
  return new Proxy(base, {
    get(target, prop) {
      if (prop === 'start') {
        return () => {
          const was = target.started;
          target.start();
          if (!was && target.started) setSpeed();
        };
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/**
 * The scenario to play, read quickly: a bundled id is tried as
 * scenarios/ID.yaml before every bundled file is loaded to look for it, and
 * the YAML is parsed once per content (see loadFast). Anything unusual goes
 * the general way (resolveScenario), which also words the errors.
 */
export function resolveForPlay(ref: string): LoadedScenario {
  const looksLikePath = /[\\/]|\.ya?ml$/i.test(ref);
  const file = looksLikePath ? ref : /^[\w.-]+$/u.test(ref) ? join(bundledScenarios(), `${ref}.yaml`) : null;
  if (file && existsSync(file)) {
    const fast = loadFast(file);
    if (fast && (looksLikePath || fast.scenario.id === ref)) return fast;
  }
  return resolveScenario(ref);
}

