import { formatClock } from '../../scenario/clock-text.js';
import { INTERVIEW_DONE, LIVE_BUSY_TIMEOUT_MS, LiveController } from '../../session/live-controller.js';
import { finishSession } from '../../session/reports.js';
import { loadForResume } from '../../session/resume.js';
import type { Session } from '../../session/session.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { requireTty } from './play-interactive.js';
import { openStore } from '../../store/index.js';

/**
 * Plays an already-recorded session on live from where its world stands (a
 * resumed or a branched session), until the player quits; prints the summary.
 */
export async function continueLive(ctx: Context, session: Session): Promise<number> {
  let reportPath: string | null = null;
  let summary = '';
  const controller = new LiveController(session, {
    interview: session.row.mode === 'interview',
    onFinish: (s) => {
      const done = finishSession(s);
      reportPath = done.reportPath;
      summary = done.summary;
      return done.summary;
    },
  });
  const { runInteractive } = await import('../../ui/run.js');
  await runInteractive(controller, { color: ctx.io.color });
  if (!controller.finished) {
    // Closed terminal, a signal: the session stays resumable (quitting is q, or Ctrl-C, in the app).
    ctx.io.out(`session ${session.id} interrupted at sim +${formatClock(session.engine.sec)}; \`firedrill resume ${session.id}\` continues it`);
    return 0;
  }
  // An interview candidate's terminal gets no score: the rubric is the examiner's to share.
  ctx.io.out(session.row.mode === 'interview' && summary ? INTERVIEW_DONE : summary || `session ${session.id} ended`);
  ctx.io.out(`session ${session.id}${reportPath ? ` · report ${reportPath}` : ''}`);
  return 0;
}

/** `firedrill resume SESSION`: continues an interrupted session from its last event, with the same world. */
export async function resumeCommand(ctx: Context, positionals: string[]): Promise<number> {
  const id = positionals[0];
  if (!id) throw new CliError('resume needs a session id or `latest`', 2);
  requireTty('resume');
  const store = openStore(ctx.dbPath, { busyTimeoutMs: LIVE_BUSY_TIMEOUT_MS });
  let session: Session | undefined;
  try {
    session = loadForResume(store, id, ctx.wallNow);
    ctx.io.note(`resuming ${session.id} at sim +${formatClock(session.engine.sec)}`);
    return await continueLive(ctx, session);
  } finally {
    session?.lease?.release();
    store.close();
  }
}
