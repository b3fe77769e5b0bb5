import { headSignatureHolds, parseOpensshKey, signHead, type InstallationKey, type KeyRing, type Signer } from '../signing/index.js';
import { canonicalJson, eventHash, GENESIS_HASH, type SessionExport, type StoredEvent } from '../store/index.js';
import { scenarioOf } from './session.js';

/**
 * The candidate's copy of a recording (`firedrill export SESSION --candidate`):
 * a document of its own of what the candidate did and saw, separately
 * chained and signed, with nothing in it derived from what it withholds.
 *
 * Kept: the scenario's id and title, trainee, mode, difficulty, start time,
 * app version, and every event the candidate's screen reflected (their own
 * commands, clock changes, and the examiner's injections, released hints,
 * pauses and extensions, which appeared on their screen) with its sim and
 * wall time, numbered 1, 2, 3… in the copy and chained from the copy's own
 * genesis event. The head is signed with this installation's key.
 *
 * Withheld, and nothing computed from it: examiner notes (`annotate`
 * events: not their text, their hashes, their number or where they fell —
 * the original's hashes and sequence numbers are not in the copy, since each
 * original hash covers every note before it and a gap in numbering shows
 * when a note was written); the scenario snapshot (every variant's root
 * cause, the rubric, hints, the examiner's notes) and its hash; the variant
 * and the seed (the seed picks the variant); the score and the report; the
 * replay-fidelity hashes. The copy is the same file whatever the notes said.
 *
 * Without the snapshot a candidate copy is not a recording: it cannot be
 * replayed, verified as one, or imported (import refuses it and says so).
 */
export const CANDIDATE_COPY_FORMAT = 'firedrill-candidate-copy';
export const CANDIDATE_COPY_VERSION = 2;

type CopyEvent = Omit<StoredEvent, 'sessionId'>;

export interface CandidateCopy {
  format: typeof CANDIDATE_COPY_FORMAT;
  version: typeof CANDIDATE_COPY_VERSION;
  about: string;
  /** The copy's own id: the recording's id and ".candidate". */
  id: string;
  session: {
    /** The recording this was cut from (an examiner can find it by id). */
    source: string;
    scenarioId: string;
    scenarioTitle: string;
    trainee: string;
    mode: string;
    difficulty: string;
    startedAt: string;
    appVersion: string;
  };
  /** seq 0 of the copy's chain: the session fields above. */
  genesis: CopyEvent;
  events: CopyEvent[];
  head: { seq: number; hash: string };
  signature: { signer: string; sig: string };
  withheld: string[];
}

/** Event types only the examiner sees: notes and the scorecard. */
export const EXAMINER_ONLY = new Set(['annotate', 'rate', 'recommend']);

const WITHHELD = ['examiner notes', 'scorecard (ratings, recommendation)', 'scenario snapshot (root causes, rubric, hints, examiner notes)', 'variant', 'seed', 'score and report', 'view hashes'];

export function candidateCopy(x: SessionExport, key: InstallationKey): CandidateCopy {
  const s = x.session;
  let title = s.scenarioId;
  try {
    title = scenarioOf(s).title;
  } catch {
    // An unreadable snapshot still has an id to show.
  }
  const id = `${s.id}.candidate`;
  const session = { source: s.id, scenarioId: s.scenarioId, scenarioTitle: title, trainee: s.trainee, mode: s.mode, difficulty: s.difficulty, startedAt: s.startedAt, appVersion: s.appVersion };
  const link = (prevHash: string, e: Omit<CopyEvent, 'prevHash' | 'hash'>): CopyEvent => {
    const payload = JSON.parse(canonicalJson(e.payload ?? null)) as unknown;
    return { ...e, payload, prevHash, hash: eventHash(prevHash, { sessionId: id, ...e, payload }) };
  };
  const started = Date.parse(s.startedAt);
  const genesis = link(GENESIS_HASH, { seq: 0, simMs: 0, wallMs: Number.isFinite(started) ? started : 0, actor: 'system', type: 'genesis', payload: { v: 1, kind: 'candidate copy', ...session } });
  const events: CopyEvent[] = [];
  let prev = genesis.hash;
  for (const e of x.events) {
    if (EXAMINER_ONLY.has(e.type)) continue;
    const c = link(prev, { seq: events.length + 1, simMs: e.simMs, wallMs: e.wallMs, actor: e.actor, type: e.type, payload: e.payload });
    events.push(c);
    prev = c.hash;
  }
  const head = { seq: events.length, hash: prev };
  return {
    format: CANDIDATE_COPY_FORMAT,
    version: CANDIDATE_COPY_VERSION,
    about: "A candidate's copy of a firedrill recording: examiner-only content withheld, chained and signed on its own. Not a recording: it cannot be replayed or imported.",
    id,
    session,
    genesis,
    events,
    head,
    signature: { signer: key.openssh, sig: signHead(key.privateKey, { session: id, ...head }) },
    withheld: WITHHELD,
  };
}

/** Whether a candidate copy is whole: its own chain, head and signature; and who signed it. */
export function checkCandidateCopy(c: CandidateCopy, keys: KeyRing): { ok: true; signer: Signer } | { ok: false; problem: string } {
  let prev = GENESIS_HASH;
  for (const [i, e] of [c.genesis, ...c.events].entries()) {
    if (e.seq !== i || e.prevHash !== prev || e.hash !== eventHash(prev, { sessionId: c.id, ...e })) return { ok: false, problem: `event ${e.seq} does not follow from the one before it` };
    prev = e.hash;
  }
  if (c.head.seq !== c.events.length || c.head.hash !== prev) return { ok: false, problem: 'its head is not where its events end' };
  const key = parseOpensshKey(c.signature.signer);
  const signer = key ? keys.whoIs(key.text) : null;
  if (!key || !signer || !headSignatureHolds(key.key, { session: c.id, ...c.head }, c.signature.sig)) return { ok: false, problem: 'the signature on its head does not hold' };
  return { ok: true, signer };
}
