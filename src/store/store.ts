// The event store: sessions plus an append-only, hash-chained event log per
// session, in one SQLite file that several processes (examiner + candidate)
// may write at once.
import { resolve } from 'node:path';
import type { Database as DB, Transaction } from 'better-sqlite3';
import * as z from 'zod';
import { canonicalJson } from './canonical-json.js';
import { DEFAULT_BUSY_TIMEOUT_MS, openConnection } from './connection.js';
import { describeFile, guarded } from './error-mapping.js';
import { StoreError } from './errors.js';
import { GENESIS_HASH, eventHash } from './hash-chain.js';
import { EVENT_COLUMNS, SESSION_COLUMNS, SESSION_SUMMARY_COLUMNS, parsePayload, toStoredEvent, type EventRecord, type InternalColumns } from './rows.js';
import { newEventSchema, newSessionSchema } from './schemas.js';
import { scenarioKey as scenarioKeyOf } from './migrations.js';
import { LeaseTable } from './leases.js';
import { keyRing, signHead, type KeyRing, type Signer } from '../signing/index.js';
import { genesisEvent, HEADER_FIELDS, type SessionHeader } from './genesis.js';
import { checkRecording, type Link } from './recording-check.js';
import { prepareImport } from './import-check.js';
import { macHolds, reportMac, summaryMac, type DerivedFrom } from './derived-cache.js';
import type {
  ImportOptions,
  ImportResult,
  SigningLabel,
  LiveClock,
  LiveClockInput,
  NewEvent,
  NewSession,
  OpenOptions,
  SessionExport,
  SessionFinish,
  SessionRow,
  SessionSummary,
  Store,
  StoredEvent,
  VerifyResult,
  ViewHash,
} from './types.js';

/** Opens (creating if needed) the database at `path`; ':memory:' gives a throwaway one. */
export function openStore(path: string, opts: OpenOptions = {}): Store {
  const file = path === ':memory:' ? path : resolve(path);
  const keys = opts.keys ?? keyRing();
  const db = openConnection(file, {
    readonly: opts.readonly ?? false,
    busyTimeoutMs: opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
    migration: { keys },
  });
  return new SqliteStore(db, file, keys, opts.readonly ?? false);
}

type RawRow = SessionRow & InternalColumns;
type RawSummary = Omit<SessionSummary, 'derivedFresh' | 'signing'> & InternalColumns;

class SqliteStore implements Store {
  private readonly sql;
  /** One writer per session (leases.ts). */
  readonly leases: LeaseTable;
  private readonly appendTx: Transaction<(sessionId: string, e: z.output<typeof newEventSchema>) => StoredEvent>;
  private readonly insertSessionTx: Transaction<(row: SessionRow) => void>;
  private readonly importTx: Transaction<(x: SessionExport, legacy: boolean) => void>;
  private readonly finishTx: Transaction<(id: string, f: SessionFinish, atHead: string | null) => void>;
  private readonly signers = new Map<string, Signer | null>();
  private readonly snapshotTx: Transaction<(id: string) => SessionExport>;
  private readonly appendAfterTx: Transaction<(sessionId: string, afterSeq: number, e: z.output<typeof newEventSchema>) => StoredEvent | null>;
  private readonly appendLiveTx: Transaction<(sessionId: string, e: z.output<typeof newEventSchema>) => StoredEvent>;
  private readonly publishClockTx: Transaction<(sessionId: string, afterSeq: number, c: LiveClockInput) => StoredEvent[]>;

  constructor(
    private readonly db: DB,
    readonly path: string,
    private readonly keys: KeyRing,
    private readonly readonly: boolean,
  ) {
    this.leases = new LeaseTable(db, path);
    this.sql = {
      sessionById: db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = ?`),
      // rowid breaks ties so two sessions started in the same millisecond still have an order.
      latestSession: db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions ORDER BY started_ms DESC, rowid DESC LIMIT 1`),
      allSessions: db.prepare(`SELECT ${SESSION_SUMMARY_COLUMNS} FROM sessions ORDER BY started_ms DESC, rowid DESC`),
      sessionExists: db.prepare(`SELECT 1 FROM sessions WHERE id = ?`).pluck(),
      putScenario: db.prepare(`INSERT OR IGNORE INTO scenarios (key, json) VALUES (?, ?)`),
      insertSession: db.prepare(`
        INSERT INTO sessions (id, scenario_id, scenario_key, scenario_hash, app_version, seed, variant, trainee,
          mode, difficulty, started_at, started_ms, parent_id, branch_at_ms, time_limit_sec, legacy)
        VALUES (@id, @scenarioId, @scenarioKey, @scenarioHash, @appVersion, @seed, @variant, @trainee,
          @mode, @difficulty, @startedAt, @startedMs, @parentId, @branchAtMs, @timeLimitSec, @legacy)`),
      head: db.prepare(`SELECT head_seq AS seq, head_hash AS hash FROM sessions WHERE id = ?`),
      moveHead: db.prepare(`UPDATE sessions SET head_seq = ?, head_hash = ? WHERE id = ?`),
      signHead: db.prepare(`UPDATE sessions SET head_signer = ?, head_sig = ? WHERE id = ?`),
      finishSession: db.prepare(`
        UPDATE sessions SET outcome = @outcome, score = @score, score_max = @scoreMax, report_json = @reportJson, ended_at = @endedAt,
          derived_head = @head, derived_mac = @mac, derived_report_mac = @reportMac WHERE id = @id`),
      lastEvent: db.prepare(`SELECT seq, hash FROM events WHERE session_id = ? ORDER BY seq DESC LIMIT 1`),
      genesis: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE session_id = ? AND seq = 0`),
      chain: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE session_id = ? ORDER BY seq`),
      eventsAfter: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE session_id = ? AND seq > ? ORDER BY seq`),
      insertEvent: db.prepare(`
        INSERT INTO events (session_id, seq, sim_ms, wall_ms, actor, type, payload, prev_hash, hash)
        VALUES (@sessionId, @seq, @simMs, @wallMs, @actor, @type, @payload, @prevHash, @hash)`),
      lastSimMs: db.prepare(`SELECT sim_ms FROM events WHERE session_id = ? ORDER BY seq DESC LIMIT 1`).pluck(),
      liveClock: db.prepare(`SELECT session_id AS sessionId, sim_ms AS simMs, wall_ms AS wallMs, speed, paused, pid FROM live_clock WHERE session_id = ?`),
      upsertClock: db.prepare(`
        INSERT INTO live_clock (session_id, sim_ms, wall_ms, speed, paused, pid) VALUES (@sessionId, @simMs, @wallMs, @speed, @paused, @pid)
        ON CONFLICT (session_id) DO UPDATE SET sim_ms = max(sim_ms, excluded.sim_ms), wall_ms = excluded.wall_ms,
          speed = excluded.speed, paused = excluded.paused, pid = excluded.pid`),
      putViewHash: db.prepare(`INSERT OR REPLACE INTO view_hashes (session_id, seq, hash) VALUES (?, ?, ?)`),
      viewHashes: db.prepare(`SELECT seq, hash FROM view_hashes WHERE session_id = ? ORDER BY seq`),
    };

    // Read-then-write, so IMMEDIATE: take the write lock before reading the
    // last seq. A DEFERRED transaction would have to upgrade its lock after
    // the read and gets SQLITE_BUSY at once (no busy wait) if another process
    // committed in between.
    this.appendTx = db.transaction((sessionId: string, e: z.output<typeof newEventSchema>) => {
      this.requireSession(sessionId);
      return this.insertNext(sessionId, e);
    });

    // The conditional and the live-stamped appends read and write in one
    // IMMEDIATE transaction too, so what they read cannot change before they write.
    this.appendAfterTx = db.transaction((sessionId: string, afterSeq: number, e: z.output<typeof newEventSchema>) => {
      this.requireSession(sessionId);
      const last = this.sql.lastEvent.get(sessionId) as { seq: number } | undefined;
      return (last?.seq ?? 0) === afterSeq ? this.insertNext(sessionId, e) : null;
    });

    this.appendLiveTx = db.transaction((sessionId: string, e: z.output<typeof newEventSchema>) => {
      this.requireSession(sessionId);
      const clock = this.sql.liveClock.get(sessionId) as { simMs: number } | undefined;
      const lastSim = this.sql.lastSimMs.get(sessionId) as number | undefined;
      return this.insertNext(sessionId, { ...e, simMs: Math.max(e.simMs, clock?.simMs ?? 0, lastSim ?? 0) });
    });

    this.publishClockTx = db.transaction((sessionId: string, afterSeq: number, c: LiveClockInput) => {
      const fresh = this.events(sessionId, afterSeq);
      if (fresh.length === 0) {
        this.sql.upsertClock.run({ sessionId, simMs: c.simMs, wallMs: c.wallMs, speed: c.speed, paused: c.paused ? 1 : 0, pid: c.pid });
      }
      return fresh;
    });

    this.insertSessionTx = db.transaction((row: SessionRow) => {
      this.insertRow(row, false);
      const g = genesisEvent(row);
      this.sql.insertEvent.run({ ...g, payload: canonicalJson(g.payload) });
      this.moveAndSign(row.id, 0, g.hash);
    });

    this.importTx = db.transaction((x: SessionExport, legacy: boolean) => {
      if (this.sql.sessionExists.get(x.session.id) !== undefined) {
        throw invalidImport(`session ${x.session.id} already exists in ${describeFile(path)}`);
      }
      this.insertRow(x.session, legacy);
      for (const e of x.genesis ? [x.genesis, ...x.events] : x.events) this.sql.insertEvent.run({ ...e, payload: canonicalJson(e.payload) });
      const head = x.head!;
      // A recording made before signing is signed here, as what this installation accepted unsigned.
      if (legacy) this.moveAndSign(x.session.id, head.seq, head.hash);
      else {
        this.sql.moveHead.run(head.seq, head.hash, x.session.id);
        if (x.signature) this.sql.signHead.run(x.signature.signer, x.signature.sig, x.session.id);
      }
    });

    this.finishTx = db.transaction((id: string, f: SessionFinish, atHead: string | null) => {
      const raw = this.rawRow(id);
      if (atHead !== null && raw.headHash_ !== atHead) return;
      const macKey = this.keys.own().macKey;
      const from = derivedFrom(raw);
      this.sql.finishSession.run({
        id,
        ...f,
        head: raw.headHash_,
        mac: summaryMac(macKey, id, from, f),
        reportMac: reportMac(macKey, id, from, f.reportJson),
      });
    });

    // One read transaction, so the session and its events are a consistent snapshot.
    this.snapshotTx = db.transaction((id: string): SessionExport => {
      const raw = this.rawRow(id);
      const session = this.present(raw);
      const head = this.sql.head.get(session.id) as { seq: number; hash: string };
      const g = this.sql.genesis.get(session.id) as EventRecord | undefined;
      return {
        format: 'firedrill-session',
        version: 1,
        session,
        events: this.events(session.id),
        head,
        genesis: g ? toStoredEvent(g, this.path) : null,
        signature: raw.headSigner_ !== null && raw.headSig_ !== null ? { signer: raw.headSigner_, sig: raw.headSig_ } : null,
      };
    });
  }

  createSession(s: NewSession): SessionRow {
    return guarded(this.path, () => {
      const v = checkInput(newSessionSchema, s, 'createSession');
      const row: SessionRow = {
        ...v,
        parentId: v.parentId ?? null,
        branchAtMs: v.branchAtMs ?? null,
        timeLimitSec: v.timeLimitSec ?? null,
        outcome: null,
        score: null,
        scoreMax: null,
        endedAt: null,
        reportJson: null,
      };
      try {
        this.insertSessionTx(row);
      } catch (err) {
        // Ids are generated by the app, so a clash is a bug, not a user error.
        if ((err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
          throw new Error(`createSession: session ${row.id} already exists in ${describeFile(this.path)}`, { cause: err });
        }
        throw err;
      }
      return row;
    });
  }

  getSession(idOrLatest: string): SessionRow {
    return guarded(this.path, () => {
      if (idOrLatest === 'latest') {
        const row = this.sql.latestSession.get() as RawRow | undefined;
        if (!row) throw new StoreError('not-found', `no sessions have been recorded in ${describeFile(this.path)} yet`);
        return this.present(row);
      }
      return this.present(this.rawRow(idOrLatest));
    });
  }

  listSessions(): SessionSummary[] {
    return guarded(this.path, () => {
      const macKey = this.keys.ownIfAny()?.macKey ?? null;
      return (this.sql.allSessions.all() as RawSummary[]).map((r) => {
        const { headHash_, scenarioKey_: _k, derivedHead_, derivedMac_, legacy_, headSigner_, headSig_: _sig, ...row } = r;
        const fresh = macKey !== null && derivedHead_ === headHash_ && macHolds(summaryMac(macKey, r.id, derivedFrom(r), r), derivedMac_);
        const derived = fresh ? {} : { outcome: null, score: null, scoreMax: null, endedAt: null };
        return { ...row, ...derived, derivedFresh: fresh, signing: this.signingLabel(legacy_, headSigner_) };
      });
    });
  }

  head(id: string): { seq: number; hash: string } {
    return guarded(this.path, () => {
      const h = this.sql.head.get(id) as { seq: number; hash: string } | undefined;
      if (!h) throw this.notFound(id);
      return h;
    });
  }

  cacheDerived(id: string, atHead: string, f: SessionFinish | null): void {
    if (this.readonly) return;
    try {
      this.finishTx.immediate(id, f ?? { outcome: null, score: null, scoreMax: null, reportJson: null, endedAt: null }, atHead);
    } catch {
      // Only a cache: a database or key folder that cannot be written (read-only media, another user) just recomputes next time.
    }
  }

  appendEvent(sessionId: string, e: NewEvent): StoredEvent {
    return guarded(this.path, () => this.appendTx.immediate(sessionId, checkInput(newEventSchema, e, 'appendEvent')));
  }

  events(sessionId: string, afterSeq = 0): StoredEvent[] {
    return guarded(this.path, () => {
      const rows = this.sql.eventsAfter.all(sessionId, afterSeq) as EventRecord[];
      // Only pay for the existence check when it could matter.
      if (rows.length === 0) this.requireSession(sessionId);
      return rows.map((r) => toStoredEvent(r, this.path));
    });
  }

  finishSession(id: string, f: SessionFinish): void {
    guarded(this.path, () => this.finishTx.immediate(id, f, null));
  }

  verify(sessionId: string): VerifyResult {
    return guarded(this.path, () => {
      const raw = this.rawRow(sessionId);
      const links: Link[] = (this.sql.chain.all(sessionId) as EventRecord[]).map((r) => {
        const p = parsePayload(r);
        return p.ok ? { ...r, payload: p.value } : { seq: r.seq, unreadable: true as const };
      });
      const head = this.sql.head.get(sessionId) as { seq: number; hash: string };
      const check = checkRecording(
        {
          header: raw,
          scenarioJson: raw.scenarioJson ?? '',
          legacy: raw.legacy_ === 1,
          legacySigned: true,
          links,
          head,
          signature: raw.headSigner_ !== null && raw.headSig_ !== null ? { signer: raw.headSigner_, sig: raw.headSig_ } : null,
        },
        this.keys,
      );
      return { session: raw.id, ...check };
    });
  }

  exportSession(id: string): SessionExport {
    return guarded(this.path, () => this.snapshotTx.deferred(id));
  }

  importSession(x: unknown, opts: ImportOptions = {}): ImportResult {
    return guarded(this.path, () => {
      const checked = prepareImport(x, opts, this.keys);
      this.importTx.immediate(checked.data, checked.legacy);
      return { row: this.getSession(checked.data.session.id), check: checked.check };
    });
  }

  lastSeq(sessionId: string): number {
    return guarded(this.path, () => {
      this.requireSession(sessionId);
      return (this.sql.lastEvent.get(sessionId) as { seq: number } | undefined)?.seq ?? 0;
    });
  }

  appendEventAfter(sessionId: string, afterSeq: number, e: NewEvent): StoredEvent | null {
    return guarded(this.path, () => this.appendAfterTx.immediate(sessionId, afterSeq, checkInput(newEventSchema, e, 'appendEventAfter')));
  }

  appendEventLive(sessionId: string, e: NewEvent): StoredEvent {
    return guarded(this.path, () => this.appendLiveTx.immediate(sessionId, checkInput(newEventSchema, e, 'appendEventLive')));
  }

  resetLiveClock(sessionId: string): void {
    guarded(this.path, () => {
      this.db.prepare('DELETE FROM live_clock WHERE session_id = ?').run(sessionId);
    });
  }

  liveClock(sessionId: string): LiveClock | null {
    return guarded(this.path, () => {
      const r = this.sql.liveClock.get(sessionId) as (Omit<LiveClock, 'paused'> & { paused: number }) | undefined;
      return r ? { ...r, paused: r.paused === 1 } : null;
    });
  }

  publishLiveClock(sessionId: string, afterSeq: number, clock: LiveClockInput): StoredEvent[] {
    return guarded(this.path, () => this.publishClockTx.immediate(sessionId, afterSeq, clock));
  }

  putViewHash(sessionId: string, seq: number, hash: string): void {
    guarded(this.path, () => {
      this.sql.putViewHash.run(sessionId, seq, hash);
    });
  }

  viewHashes(sessionId: string): ViewHash[] {
    return guarded(this.path, () => this.sql.viewHashes.all(sessionId) as ViewHash[]);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** The next event of the chain; inside a write transaction only. */
  private insertNext(sessionId: string, e: z.output<typeof newEventSchema>): StoredEvent {
    const last = this.sql.lastEvent.get(sessionId) as { seq: number; hash: string } | undefined;
    const head = this.sql.head.get(sessionId) as { seq: number; hash: string };
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS_HASH;
    // Writing on top of a recording cut short would hide the loss: refuse.
    if (seq - 1 !== head.seq || prevHash !== head.hash) throw this.cutShort(sessionId, seq - 1, head.seq);
    const content = { sessionId, seq, simMs: e.simMs, wallMs: e.wallMs, actor: e.actor, type: e.type };
    // Store and return the payload as it will read back (canonical JSON), so
    // appendEvent's result equals what events() later yields.
    const payloadText = canonicalJson(e.payload ?? null);
    const payload: unknown = JSON.parse(payloadText);
    const stored: StoredEvent = { ...content, payload, prevHash, hash: eventHash(prevHash, { ...content, payload }) };
    this.sql.insertEvent.run({ ...stored, payload: payloadText });
    this.moveAndSign(sessionId, seq, stored.hash);
    return stored;
  }

  /** Moves the head and signs it with this installation's key; inside a write transaction only. */
  private moveAndSign(sessionId: string, seq: number, hash: string): void {
    const key = this.keys.own();
    this.sql.moveHead.run(seq, hash, sessionId);
    this.sql.signHead.run(key.openssh, signHead(key.privateKey, { session: sessionId, seq, hash }), sessionId);
  }

  private rawRow(id: string): RawRow {
    const row = this.sql.sessionById.get(id) as RawRow | undefined;
    if (!row) throw this.notFound(id);
    return row;
  }

  /** The row without its internal columns, derived results only when they hold at the current head. */
  private present(r: RawRow): SessionRow {
    const { headHash_, scenarioKey_: _k, derivedHead_, derivedMac_, derivedReportMac_, legacy_: _l, headSigner_: _s, headSig_: _g, ...row } = r;
    const macKey = this.keys.ownIfAny()?.macKey ?? null;
    const from = derivedFrom(r);
    const fresh = macKey !== null && derivedHead_ === headHash_ && macHolds(summaryMac(macKey, r.id, from, r), derivedMac_);
    const reportFresh = fresh && macHolds(reportMac(macKey!, r.id, from, r.reportJson), derivedReportMac_ ?? null);
    return {
      ...row,
      ...(fresh ? {} : { outcome: null, score: null, scoreMax: null, endedAt: null }),
      reportJson: reportFresh ? row.reportJson : null,
    };
  }

  private signingLabel(legacy: number, signer: string | null): SigningLabel {
    if (legacy === 1 || signer === null) return { kind: 'unsigned', legacy: legacy === 1 };
    if (!this.signers.has(signer)) this.signers.set(signer, this.keys.whoIs(signer));
    const who = this.signers.get(signer);
    return who ? { kind: 'signed', signer: who } : { kind: 'unsigned', legacy: false };
  }

  private cutShort(sessionId: string, lastSeq: number, headSeq: number): StoreError {
    return new StoreError(
      'corrupt',
      `session ${sessionId} in ${describeFile(this.path)} was recorded up to event ${headSeq} but its events end at ${lastSeq}: the recording was cut short; nothing more is written to it (firedrill verify shows it)`,
    );
  }

  /** The snapshot once per text (migrations.ts v3), then the row pointing at it; inside a transaction. */
  private insertRow(row: SessionRow, legacy: boolean): void {
    const scenarioKey = scenarioKeyOf(row.scenarioJson);
    this.sql.putScenario.run(scenarioKey, row.scenarioJson);
    this.sql.insertSession.run({
      id: row.id,
      scenarioId: row.scenarioId,
      scenarioKey,
      scenarioHash: row.scenarioHash,
      appVersion: row.appVersion,
      seed: row.seed,
      variant: row.variant,
      trainee: row.trainee,
      mode: row.mode,
      difficulty: row.difficulty,
      startedAt: row.startedAt,
      startedMs: Date.parse(row.startedAt),
      parentId: row.parentId ?? null,
      branchAtMs: row.branchAtMs ?? null,
      timeLimitSec: row.timeLimitSec ?? null,
      legacy: legacy ? 1 : 0,
    });
  }

  private requireSession(id: string): void {
    if (this.sql.sessionExists.get(id) === undefined) throw this.notFound(id);
  }

  private notFound(id: string): StoreError {
    return new StoreError('not-found', `there is no session "${id}" in ${describeFile(this.path)}; list the sessions to see which ids exist`);
  }
}

/** What a row's derived results depend on besides its events. */
function derivedFrom(r: SessionHeader & InternalColumns): DerivedFrom {
  return { head: r.headHash_, header: HEADER_FIELDS.map((f) => r[f] ?? null), scenarioKey: r.scenarioKey_ };
}

function invalidImport(reason: string): StoreError {
  return new StoreError('invalid-import', `cannot import session: ${reason}`);
}

// Bad arguments are programming errors, so these stay plain TypeErrors.
function checkInput<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new TypeError(`${where}: invalid argument\n${z.prettifyError(r.error)}`);
  return r.data;
}
