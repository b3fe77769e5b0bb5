import { formatClock } from '../scenario/clock-text.js';
import type { Store } from '../store/index.js';
import { newSessionId } from './ids.js';
import { Recording } from './replay.js';
import { Session, SessionError } from './session.js';
import { APP_VERSION } from './version.js';

/**
 * What-if: a new session that starts where a recorded one stood at `atMs`.
 * It carries the same scenario snapshot, seed, variant and difficulty, and a
 * copy of the original's events up to that time (re-chained in the new
 * session's own hash chain; the row's parentId and branchAtMs say where they
 * came from). The original is not touched.
 */
export function branchSession(store: Store, idOrLatest: string, atMs: number, wallNow: () => number): Session {
  const rec = Recording.load(store, idOrLatest);
  const at = Math.max(0, Math.floor(atMs / 1000) * 1000);
  if (at > rec.endMs) {
    throw new SessionError(`session ${rec.row.id} ends at +${formatClock(rec.endMs / 1000)}; branch at or before that`);
  }
  if (rec.at(at).engine.incident.hasTag('over')) {
    throw new SessionError(`session ${rec.row.id} is already over at +${formatClock(at / 1000)}; branch at an earlier time`);
  }
  const parent = rec.row;
  const row = store.createSession({
    id: newSessionId(wallNow()),
    scenarioId: parent.scenarioId,
    scenarioJson: parent.scenarioJson,
    scenarioHash: parent.scenarioHash,
    // The copied events are re-recorded, and what follows recorded, by this version.
    appVersion: APP_VERSION,
    seed: parent.seed,
    variant: parent.variant,
    trainee: parent.trainee,
    mode: parent.mode,
    difficulty: parent.difficulty,
    startedAt: new Date(wallNow()).toISOString(),
    parentId: parent.id,
    branchAtMs: at,
  });
  const hashes = new Map(store.viewHashes(parent.id).map((h) => [h.seq, h.hash]));
  rec.events.forEach((e, i) => {
    if (rec.effMs[i]! > at || e.type === 'quit') return;
    const copy = store.appendEvent(row.id, { simMs: e.simMs, wallMs: e.wallMs, actor: e.actor, type: e.type, payload: e.payload });
    const h = hashes.get(e.seq);
    if (h) store.putViewHash(row.id, copy.seq, h);
  });
  return Session.load(store, row.id, wallNow, at);
}
