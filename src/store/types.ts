import type { SessionLeases } from './leases.js';
// Public shapes of the event store. Plain data only, so the rest of the app
// (sim, UI, scoring) can depend on these without pulling in SQLite.
import type { KeyRing, Signer } from '../signing/index.js';

export type Actor = 'ic' | 'examiner' | 'system';

export interface NewEvent {
  simMs: number;
  wallMs: number;
  actor: Actor;
  type: string;
  payload: unknown;
}

export interface StoredEvent extends NewEvent {
  sessionId: string;
  seq: number;
  prevHash: string;
  hash: string;
}

export interface NewSession {
  id: string;
  scenarioId: string;
  scenarioJson: string;
  scenarioHash: string;
  appVersion: string;
  seed: number;
  variant: string;
  trainee: string;
  mode: 'solo' | 'interview';
  difficulty: string;
  /** ISO wall-clock time. */
  startedAt: string;
  parentId?: string | null;
  branchAtMs?: number | null;
  /** The incident's time limit as the session started (scenario and difficulty), in sim seconds. */
  timeLimitSec?: number | null;
}

/**
 * A row as the store hands it out. outcome, score, scoreMax, endedAt and
 * reportJson are derived from the events: the store returns them only when
 * they were computed at the current chain head under this installation's
 * key (else null, and `derivedFresh` false in listings), so an edited
 * score is never shown; the session layer recomputes them.
 */
export interface SessionRow extends Required<NewSession> {
  outcome: string | null;
  score: number | null;
  scoreMax: number | null;
  endedAt: string | null;
  reportJson: string | null;
}

/**
 * A session as a listing shows it: everything but the two large texts (the
 * scenario snapshot, ~100 KB for a big scenario, and the report), which a
 * listing of many sessions would otherwise read in full.
 */
export type SessionSummary = Omit<SessionRow, 'scenarioJson' | 'reportJson'> & {
  /** outcome/score/scoreMax/endedAt were computed at the current head (else null here: recompute). */
  derivedFresh: boolean;
  signing: SigningLabel;
};

/** How a session's recording is signed, as a listing labels it (verify checks the signature itself). */
export type SigningLabel =
  | { kind: 'signed'; signer: Signer }
  | { kind: 'unsigned'; legacy: boolean };

export interface HeadSignature {
  /** "ssh-ed25519 AAAA…" of the key that signed. */
  signer: string;
  /** Base64 Ed25519 signature of the head statement (signing/head-statement.ts). */
  sig: string;
}

/** Derived results: null outcome for a session still open. */
export interface SessionFinish {
  outcome: string | null;
  score: number | null;
  scoreMax: number | null;
  reportJson: string | null;
  endedAt: string | null;
}

export interface VerifyResult {
  session: string;
  /** Events, the genesis event not counted. */
  events: number;
  ok: boolean;
  /** seq of the first row that does not follow from the one before (0: the header); null when ok or only the signature fails. */
  brokenAt: number | null;
  /** What is wrong, for a person; null when ok. */
  problem: string | null;
  /** Made before signing: the chain is checked, nothing says who made it. */
  legacy: boolean;
  /** Who signed the head (when the signature holds). */
  signer: Signer | null;
}

export interface SessionExport {
  format: 'firedrill-session';
  version: 1;
  session: SessionRow;
  events: StoredEvent[];
  /** Where the recording ended: its last event's seq and hash (0 and the genesis hash when it has none). Absent in older exports. */
  head?: { seq: number; hash: string };
  /** seq 0, the header bound into the chain; absent for recordings made before signing. */
  genesis?: StoredEvent | null;
  /** The signature on the head; absent for recordings made before signing. */
  signature?: HeadSignature | null;
}

export interface ImportOptions {
  /** Take an unsigned recording, or one signed by a key this installation does not trust (labelled so). */
  allowUntrusted?: boolean;
  /** Checks the unpacked scenario snapshot (schema, the header's variant); returns what is wrong, or null. */
  checkSnapshot?: (raw: unknown, header: SessionRow) => string | null;
  /** Named in every refusal. */
  source?: string;
}

/** What an import took in, and how far it can be trusted. */
export interface ImportResult {
  row: SessionRow;
  check: VerifyResult;
}

/**
 * What a candidate's process publishes while it plays a session live: the sim
 * time it may advance to. Examiners stamp their events no earlier than this,
 * so an injection never lands in the candidate's past.
 */
export interface LiveClock {
  sessionId: string;
  /** Whole sim seconds, in ms; never decreases. */
  simMs: number;
  /** Wall time of the last publication (a heartbeat even while paused). */
  wallMs: number;
  speed: number;
  paused: boolean;
  pid: number;
}

export type LiveClockInput = Omit<LiveClock, 'sessionId'>;

/** A replay-fidelity record: the hash of the candidate's view right after event `seq`. */
export interface ViewHash {
  seq: number;
  hash: string;
}

export interface OpenOptions {
  readonly?: boolean;
  /** This installation's key and the keys it trusts; default: the user data folder (or FIREDRILL_KEYS). */
  keys?: KeyRing;
  /** How long to wait for another process's write lock. Default 5000 ms; tests lower it. */
  busyTimeoutMs?: number;
}

export interface Store {
  /** Absolute path of the database file, or ':memory:'. */
  readonly path: string;
  createSession(s: NewSession): SessionRow;
  /** 'latest' = most recently started session. */
  getSession(idOrLatest: string): SessionRow;
  /** Newest first; without the scenario snapshot and report (getSession has them). */
  listSessions(): SessionSummary[];
  appendEvent(sessionId: string, e: NewEvent): StoredEvent;
  /** Ordered by seq; only events with seq > afterSeq. */
  events(sessionId: string, afterSeq?: number): StoredEvent[];
  finishSession(id: string, f: SessionFinish): void;
  verify(sessionId: string): VerifyResult;
  exportSession(id: string): SessionExport;
  /** Checks everything (shape, limits, snapshot, chain, head, signature, trust) before writing anything. */
  importSession(x: unknown, opts?: ImportOptions): ImportResult;
  /**
   * Stores recomputed derived results, trusted only while the head is
   * `atHead` (no-op on a read-only store, when the head moved, or when the
   * database or the key folder cannot be written).
   */
  cacheDerived(id: string, atHead: string, f: SessionFinish | null): void;
  /** The session's chain head. */
  head(id: string): { seq: number; hash: string };
  /** seq of the session's last event; 0 when it has none. */
  lastSeq(sessionId: string): number;
  /**
   * Appends only if the session's last event is still `afterSeq` (in one
   * IMMEDIATE transaction); null when another process appended meanwhile,
   * so the caller can catch up and try again.
   */
  appendEventAfter(sessionId: string, afterSeq: number, e: NewEvent): StoredEvent | null;
  /**
   * Appends stamped no earlier than the session's live clock or its last
   * event (read in the same IMMEDIATE transaction): an examiner's event
   * never lands in the past of the process that owns the clock.
   */
  appendEventLive(sessionId: string, e: NewEvent): StoredEvent;
  liveClock(sessionId: string): LiveClock | null;
  /**
   * Forgets the session's published clock: a resumed session's clock starts
   * from its last event, not from the furthest time a crashed process had
   * published (which would let an examiner's event land in the future).
   */
  resetLiveClock(sessionId: string): void;
  /** Who plays each session: one writer per session. */
  readonly leases: SessionLeases;
  /**
   * In one IMMEDIATE transaction: the events after `afterSeq`; when there are
   * none, `clock` is published (sim time never goes backwards). The caller
   * applies any events returned and calls again before advancing its clock.
   */
  publishLiveClock(sessionId: string, afterSeq: number, clock: LiveClockInput): StoredEvent[];
  putViewHash(sessionId: string, seq: number, hash: string): void;
  viewHashes(sessionId: string): ViewHash[];
  close(): void;
}
