// One writer per session: a lease row names the process that plays it (pid,
// host, since when) and its last heartbeat. Taking it is one IMMEDIATE
// transaction, so of two processes that try at once exactly one gets it.
import type { Database as DB, Statement, Transaction } from 'better-sqlite3';
import { guarded } from './error-mapping.js';

export interface LeaseHolder {
  pid: number;
  host: string;
  /** Wall ms when the holder took the lease. */
  sinceMs: number;
  /** Wall ms of the holder's last heartbeat. */
  heartbeatMs: number;
}

export interface LeaseRules {
  nowMs: number;
  /** A holder whose heartbeat is older than this has gone (a killed process, a lost machine). */
  staleMs: number;
  /** Whether a holder on this machine still runs (a pid check); other machines go by the heartbeat. */
  alive: (holder: LeaseHolder) => boolean;
}

/** Taken (`null`), or refused with whoever holds it. */
export type LeaseRefusal = LeaseHolder | null;

export interface SessionLeases {
  /** Takes the session's lease, or names whoever holds it (a live holder with a fresh heartbeat). */
  take(sessionId: string, me: { pid: number; host: string }, rules: LeaseRules): LeaseRefusal;
  renew(sessionId: string, me: { pid: number; host: string }, nowMs: number): boolean;
  release(sessionId: string, me: { pid: number; host: string }): void;
  holder(sessionId: string): LeaseHolder | null;
}

export class LeaseTable implements SessionLeases {
  private readonly get: Statement;
  private readonly put: Statement;
  private readonly beat: Statement;
  private readonly drop: Statement;
  private readonly takeTx: Transaction<(sessionId: string, me: { pid: number; host: string }, rules: LeaseRules) => LeaseRefusal>;

  constructor(
    private readonly db: DB,
    private readonly path: string,
  ) {
    this.get = db.prepare(`SELECT pid, host, since_ms AS sinceMs, heartbeat_ms AS heartbeatMs FROM session_leases WHERE session_id = ?`);
    this.put = db.prepare(`INSERT OR REPLACE INTO session_leases (session_id, pid, host, since_ms, heartbeat_ms) VALUES (?, ?, ?, ?, ?)`);
    this.beat = db.prepare(`UPDATE session_leases SET heartbeat_ms = ? WHERE session_id = ? AND pid = ? AND host = ?`);
    this.drop = db.prepare(`DELETE FROM session_leases WHERE session_id = ? AND pid = ? AND host = ?`);
    this.takeTx = db.transaction((sessionId, me, rules) => {
      const held = this.get.get(sessionId) as LeaseHolder | undefined;
      const mine = held && held.pid === me.pid && held.host === me.host;
      if (held && !mine && rules.nowMs - held.heartbeatMs <= rules.staleMs && rules.alive(held)) return held;
      this.put.run(sessionId, me.pid, me.host, mine ? held.sinceMs : rules.nowMs, rules.nowMs);
      return null;
    });
  }

  take(sessionId: string, me: { pid: number; host: string }, rules: LeaseRules): LeaseRefusal {
    return guarded(this.path, () => this.takeTx.immediate(sessionId, me, rules));
  }

  /** False when the lease is no longer ours (taken over after we looked dead). */
  renew(sessionId: string, me: { pid: number; host: string }, nowMs: number): boolean {
    return guarded(this.path, () => this.beat.run(nowMs, sessionId, me.pid, me.host).changes === 1);
  }

  release(sessionId: string, me: { pid: number; host: string }): void {
    guarded(this.path, () => this.drop.run(sessionId, me.pid, me.host));
  }

  holder(sessionId: string): LeaseHolder | null {
    return guarded(this.path, () => (this.get.get(sessionId) as LeaseHolder | undefined) ?? null);
  }
}
