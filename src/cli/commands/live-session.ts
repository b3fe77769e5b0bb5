import type { LoadedScenario } from '../../scenario/validate.js';
import { INTERVIEW_DONE, LIVE_BUSY_TIMEOUT_MS, LiveController } from '../../session/live-controller.js';
import { finishSession } from '../../session/reports.js';
import { Session } from '../../session/session.js';
import { openStore } from '../../store/index.js';
import type { PlayController } from '../../view/controller.js';
import type { Context } from '../context.js';
import { trainee, type PlayOptions } from './play-options.js';

export interface LiveSessionOptions {
  seed: number;
  difficulty: NonNullable<PlayOptions['difficulty']>;
  mode: 'solo' | 'interview';
  postmortemMin: number | undefined;
  /** The solo coach speaks (coachWanted). */
  coach: boolean;
  /** --speed: the clock starts at this speed (recorded as a speed event). */
  startSpeed: number | undefined;
}

export interface LiveSession {
  controller: PlayController;
  /** What the terminal says once the screen is gone. */
  closingLines(): string[];
  close(): void;
}

/**
 * The recorded session behind the play screen: the store opened, the session
 * started (its first events written), and its live controller. Loaded once
 * the briefing is on screen (PreparingController).
 */
export function startLiveSession(ctx: Context, loaded: LoadedScenario, opts: LiveSessionOptions): LiveSession {
  const store = openStore(ctx.dbPath, { busyTimeoutMs: LIVE_BUSY_TIMEOUT_MS });
  try {
    let reportPath: string | null = null;
    let summary = '';
    const session = Session.start(store, loaded, { seed: opts.seed, difficulty: opts.difficulty, mode: opts.mode, trainee: trainee(ctx) }, ctx.wallNow);
    const live = new LiveController(session, {
      interview: opts.mode === 'interview',
      coach: opts.coach,
      ...(opts.postmortemMin ? { postmortemMin: opts.postmortemMin } : {}),
      ...(opts.startSpeed ? { startSpeed: opts.startSpeed } : {}),
      onFinish: (s) => {
        const done = finishSession(s);
        reportPath = done.reportPath;
        summary = done.summary;
        return done.summary;
      },
    });
    const controller: PlayController = live;
    return {
      controller,
      closingLines: () => {
        // The terminal went away without a quit: the session stays open to resume.
        if (!controller.finished) return [`session ${session.id} is still open; continue it with: firedrill resume ${session.id}`];
        // An interview candidate's score and debrief belong to the examiner.
        const interview = opts.mode === 'interview';
        return [
          interview ? INTERVIEW_DONE : summary || `session ${session.id} ended`,
          `session ${session.id}${reportPath && !interview ? ` · report ${reportPath}` : ''}`,
        ];
      },
      close: () => {
        session.lease?.release();
        store.close();
      },
    };
  } catch (e) {
    store.close();
    throw e;
  }
}
