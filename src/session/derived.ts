// Outcome, score and report are never read from storage or files as they
// were written: they are what replaying the events gives. The store keeps
// them as a cache it vouches for only at the chain head they were computed
// at; whatever it cannot vouch for is recomputed here (and cached again when
// the store is writable).
import type { SessionFinish, SessionSummary, Store } from '../store/index.js';
import { Session } from './session.js';

/** A listing row whose derived results could not be recomputed (unreadable events or snapshot). */
export const UNREADABLE = 'unreadable';

/** Replays the session and derives what finishing it gave (nulls while it is still open). */
export function deriveSession(store: Store, id: string): SessionFinish {
  const session = Session.load(store, id, () => 0);
  const s = session.engine.state;
  if (s.lifecycle !== 'scored' && s.lifecycle !== 'abandoned') return { outcome: null, score: null, scoreMax: null, reportJson: null, endedAt: null };
  const score = session.score();
  const last = store.events(id).at(-1);
  return {
    outcome: s.outcome ?? 'abandoned',
    score: score.total,
    scoreMax: score.max,
    reportJson: JSON.stringify(score),
    endedAt: last ? new Date(last.wallMs).toISOString() : session.row.startedAt,
  };
}

/** The derived results at the session's current head: the store's if it vouches for them, else recomputed. */
export function derivedOf(store: Store, id: string): SessionFinish & { unreadable: boolean } {
  const row = store.getSession(id);
  if (row.outcome !== null) return { outcome: row.outcome, score: row.score, scoreMax: row.scoreMax, reportJson: row.reportJson, endedAt: row.endedAt, unreadable: row.outcome === UNREADABLE };
  const head = store.head(id).hash;
  try {
    const d = deriveSession(store, id);
    store.cacheDerived(id, head, d);
    return { ...d, unreadable: false };
  } catch {
    // Kept as such at this head, so a listing does not try again every time.
    const none = { outcome: UNREADABLE, score: null, scoreMax: null, reportJson: null, endedAt: null };
    store.cacheDerived(id, head, none);
    return { ...none, unreadable: true };
  }
}

/** Every session, newest first, with derived results the store vouches for or recomputed ones. */
export function listSessionsDerived(store: Store): SessionSummary[] {
  return store.listSessions().map((r) => {
    if (r.derivedFresh) return r;
    const d = derivedOf(store, r.id);
    return { ...r, outcome: d.outcome, score: d.score, scoreMax: d.scoreMax, endedAt: d.endedAt, derivedFresh: !d.unreadable };
  });
}
