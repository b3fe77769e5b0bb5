import { hostname } from 'node:os';
import type { LeaseHolder, Store } from '../store/index.js';
import { isStoreError } from '../store/index.js';
import { SessionError } from './errors.js';

/** A holder not heard from for this long has gone, even if its pid now names another process. */
export const LEASE_STALE_MS = 60_000;
/** How often a holder writes its heartbeat. */
const RENEW_EVERY_MS = 5_000;

/** Does a process with this pid run on this machine? (EPERM: it does, as another user.) */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function describe(h: LeaseHolder, nowMs: number): string {
  const since = new Date(h.sinceMs).toISOString().replace('T', ' ').slice(0, 19);
  const seen = Math.max(0, Math.round((nowMs - h.heartbeatMs) / 1000));
  return `process ${h.pid} on ${h.host} (since ${since} UTC, last heard from ${seen} s ago)`;
}

/**
 * This process's hold on a session: one writer per session. A second `resume`
 * (or a resume of a session a script is still playing) is refused with the
 * holder's name; a holder that was killed is taken over at once on the same
 * machine (its pid is gone), or after LEASE_STALE_MS from elsewhere.
 */
export class SessionLease {
  private lastRenew: number;

  private constructor(
    private readonly store: Store,
    readonly sessionId: string,
    private readonly me: { pid: number; host: string },
    private readonly wallNow: () => number,
  ) {
    this.lastRenew = wallNow();
  }

  static claim(store: Store, sessionId: string, wallNow: () => number): SessionLease {
    const me = { pid: process.pid, host: hostname() };
    const nowMs = wallNow();
    const held = store.leases.take(sessionId, me, { nowMs, staleMs: LEASE_STALE_MS, alive: (h) => h.host !== me.host || pidAlive(h.pid) });
    if (held) {
      throw new SessionError(
        `session ${sessionId} is being played right now by ${describe(held, nowMs)}; close that one first, or watch it with \`firedrill examine ${sessionId}\``,
      );
    }
    return new SessionLease(store, sessionId, me, wallNow);
  }

  /** The heartbeat, at most every few seconds; a locked database just waits for the next one. */
  renew(): void {
    const now = this.wallNow();
    if (now - this.lastRenew < RENEW_EVERY_MS) return;
    try {
      this.store.leases.renew(this.sessionId, this.me, now);
      this.lastRenew = now;
    } catch (e) {
      if (!isStoreError(e, 'locked')) throw e;
    }
  }

  release(): void {
    try {
      this.store.leases.release(this.sessionId, this.me);
    } catch {
      // A lease left behind is taken over: its pid is gone.
    }
  }
}
