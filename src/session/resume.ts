import { formatClock } from '../scenario/clock-text.js';
import type { LiveClock, Store } from '../store/index.js';
import { SessionLease } from './lease.js';
import { Session, SessionError } from './session.js';

/** A live clock younger than this, from a process that still exists, means someone is playing the session now. */
export const LIVE_WITHIN_MS = 5000;

/** Is the process that published this clock still running (on this machine)? */
export function clockOwnerAlive(clock: LiveClock, wallNow: number, self = process.pid): boolean {
  if (clock.pid === self) return false;
  if (wallNow - clock.wallMs > LIVE_WITHIN_MS) return false;
  try {
    process.kill(clock.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Rebuilds an interrupted session (a killed process, a closed terminal) from
 * its events, ready to continue live from its last event: the same world,
 * because the world is a function of the events. Refuses a finished session
 * and one that another process is still playing.
 */
export function loadForResume(store: Store, idOrLatest: string, wallNow: () => number): Session {
  const session = Session.load(store, idOrLatest, wallNow);
  const s = session.engine.state;
  if (session.engine.incident.hasTag('over')) {
    throw new SessionError(
      `session ${session.id} is over (${s.outcome ?? s.lifecycle}); there is nothing to resume. Replay it with \`firedrill replay ${session.id}\`, or try another course from a point in it with \`firedrill replay ${session.id} --branch-at MM:SS\``,
    );
  }
  const clock = store.liveClock(session.id);
  if (clock && clockOwnerAlive(clock, wallNow())) {
    throw new SessionError(`session ${session.id} is being played right now by process ${clock.pid} (sim +${formatClock(clock.simMs / 1000)}); close that one first, or watch it with \`firedrill examine ${session.id}\``);
  }
  // One writer per session: taken atomically, so of two resumes started together one is refused.
  session.lease = SessionLease.claim(store, session.id, wallNow);
  // The clock starts again from the last event, not from what a killed process last published.
  store.resetLiveClock(session.id);
  return session;
}
