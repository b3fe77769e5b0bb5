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
import { GENESIS_HASH, eventHash, findBreak } from './hash-chain.js';
import { EVENT_COLUMNS, SESSION_COLUMNS, SESSION_SUMMARY_COLUMNS, parsePayload, toStoredEvent, type EventRecord } from './rows.js';
import { newEventSchema, newSessionSchema, sessionExportSchema } from './schemas.js';
import { unpackExport } from './export-file.js';
import { scenarioKey as scenarioKeyOf } from './migrations.js';
import { LeaseTable } from './leases.js';
import type {
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
  const db = openConnection(file, {
    readonly: opts.readonly ?? false,
    busyTimeoutMs: opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
  });
  return new SqliteStore(db, file);
}

class SqliteStore implements Store {
  private readonly sql;
  /** One writer per session (leases.ts). */
  readonly leases: LeaseTable;
  private readonly appendTx: Transaction<(sessionId: string, e: z.output<typeof newEventSchema>) => StoredEvent>;
  private readonly insertSessionTx: Transaction<(row: SessionRow) => void>;
  private readonly importTx: Transaction<(x: SessionExport) => void>;
  private readonly snapshotTx: Transaction<(id: string) => SessionExport>;
  private readonly appendAfterTx: Transaction<(sessionId: string, afterSeq: number, e: z.output<typeof newEventSchema>) => StoredEvent | null>;
  private readonly appendLiveTx: Transaction<(sessionId: string, e: z.output<typeof newEventSchema>) => StoredEvent>;
  private readonly publishClockTx: Transaction<(sessionId: string, afterSeq: number, c: LiveClockInput) => StoredEvent[]>;

  constructor(
    private readonly db: DB,
    readonly path: string,
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
          mode, difficulty, started_at, started_ms, parent_id, branch_at_ms, outcome, score, score_max, ended_at, report_json)
        VALUES (@id, @scenarioId, @scenarioKey, @scenarioHash, @appVersion, @seed, @variant, @trainee,
          @mode, @difficulty, @startedAt, @startedMs, @parentId, @branchAtMs, @outcome, @score, @scoreMax, @endedAt, @reportJson)`),
      head: db.prepare(`SELECT head_seq AS seq, head_hash AS hash FROM sessions WHERE id = ?`),
      moveHead: db.prepare(`UPDATE sessions SET head_seq = ?, head_hash = ? WHERE id = ?`),
      finishSession: db.prepare(`
        UPDATE sessions SET outcome = @outcome, score = @score, score_max = @scoreMax,
          report_json = @reportJson, ended_at = @endedAt WHERE id = @id`),
      lastEvent: db.prepare(`SELECT seq, hash FROM events WHERE session_id = ? ORDER BY seq DESC LIMIT 1`),
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
      const scenarioKey = scenarioKeyOf(row.scenarioJson);
      this.sql.putScenario.run(scenarioKey, row.scenarioJson);
      const { scenarioJson: _stored, ...rest } = row;
      this.sql.insertSession.run({ ...rest, scenarioKey, startedMs: Date.parse(row.startedAt) });
    });

    this.importTx = db.transaction((x: SessionExport) => {
      if (this.sql.sessionExists.get(x.session.id) !== undefined) {
        throw invalidImport(`session ${x.session.id} already exists in ${describeFile(path)}`);
      }
      this.insertSessionRow(x.session);
      for (const e of x.events) this.sql.insertEvent.run({ ...e, payload: canonicalJson(e.payload) });
      const last = x.events.at(-1);
      const end = { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
      // Exports written before heads were recorded have none: the events are all there is to check.
      if (x.head && (x.head.seq !== end.seq || x.head.hash !== end.hash)) {
        throw invalidImport(`the recording went up to event ${x.head.seq} but the file's events end at ${end.seq}: events were cut from the end`);
      }
      this.sql.moveHead.run(end.seq, end.hash, x.session.id);
    });

    // One read transaction, so the session and its events are a consistent snapshot.
    this.snapshotTx = db.transaction((id: string): SessionExport => {
      const session = this.getSession(id);
      const head = this.sql.head.get(session.id) as { seq: number; hash: string };
      return { format: 'firedrill-session', version: 1, session, events: this.events(session.id), head };
    });
  }

  createSession(s: NewSession): SessionRow {
    return guarded(this.path, () => {
      const v = checkInput(newSessionSchema, s, 'createSession');
      const row: SessionRow = {
        ...v,
        parentId: v.parentId ?? null,
        branchAtMs: v.branchAtMs ?? null,
        outcome: null,
        score: null,
        scoreMax: null,
        endedAt: null,
        reportJson: null,
      };
      try {
        this.insertSessionRow(row);
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
        const row = this.sql.latestSession.get() as SessionRow | undefined;
        if (!row) throw new StoreError('not-found', `no sessions have been recorded in ${describeFile(this.path)} yet`);
        return row;
      }
      const row = this.sql.sessionById.get(idOrLatest) as SessionRow | undefined;
      if (!row) throw this.notFound(idOrLatest);
      return row;
    });
  }

  listSessions(): SessionSummary[] {
    return guarded(this.path, () => this.sql.allSessions.all() as SessionSummary[]);
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
    guarded(this.path, () => {
      const { changes } = this.sql.finishSession.run({
        id,
        outcome: f.outcome,
        score: f.score,
        scoreMax: f.scoreMax,
        reportJson: f.reportJson,
        endedAt: f.endedAt,
      });
      if (changes === 0) throw this.notFound(id);
    });
  }

  verify(sessionId: string): VerifyResult {
    return guarded(this.path, () => {
      this.requireSession(sessionId);
      const rows = this.sql.eventsAfter.all(sessionId, 0) as EventRecord[];
      const links = rows.map((r) => {
        const p = parsePayload(r);
        return p.ok ? { ...r, payload: p.value } : { seq: r.seq, unreadable: true as const };
      });
      let brokenAt = findBreak(sessionId, links);
      if (brokenAt === null) {
        // The chain holds; does it end where the recording did?
        const head = this.sql.head.get(sessionId) as { seq: number; hash: string };
        const last = rows.at(-1);
        if ((last?.seq ?? 0) !== head.seq || (last?.hash ?? GENESIS_HASH) !== head.hash) brokenAt = (last?.seq ?? 0) + 1;
      }
      return { session: sessionId, events: rows.length, ok: brokenAt === null, brokenAt };
    });
  }

  exportSession(id: string): SessionExport {
    return guarded(this.path, () => this.snapshotTx.deferred(id));
  }

  importSession(x: unknown): SessionRow {
    return guarded(this.path, () => {
      let input = x;
      if (typeof input === 'string') {
        try {
          input = JSON.parse(input);
        } catch {
          throw invalidImport('the file is not valid JSON');
        }
      }
      try {
        input = unpackExport(input);
      } catch (e) {
        throw invalidImport((e as Error).message);
      }
      const parsed = sessionExportSchema.safeParse(input);
      if (!parsed.success) throw invalidImport(`it is not a firedrill session export:\n${z.prettifyError(parsed.error)}`);
      const data = parsed.data as SessionExport;
      const { session, events } = data;
      const stray = events.find((e) => e.sessionId !== session.id);
      if (stray) throw invalidImport(`event ${stray.seq} belongs to session ${stray.sessionId}, not ${session.id}`);
      const brokenAt = findBreak(session.id, events);
      if (brokenAt !== null) {
        throw invalidImport(`event ${brokenAt} does not match its hash chain; the export was edited or damaged after it was written`);
      }
      this.importTx.immediate(data);
      return this.getSession(session.id);
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
    this.sql.moveHead.run(seq, stored.hash, sessionId);
    return stored;
  }

  private cutShort(sessionId: string, lastSeq: number, headSeq: number): StoreError {
    return new StoreError(
      'corrupt',
      `session ${sessionId} in ${describeFile(this.path)} was recorded up to event ${headSeq} but its events end at ${lastSeq}: the recording was cut short; nothing more is written to it (firedrill verify shows it)`,
    );
  }

  /** The snapshot once per text (migrations.ts v3), then the row pointing at it; one transaction. */
  private insertSessionRow(row: SessionRow): void {
    this.insertSessionTx(row);
  }

  private requireSession(id: string): void {
    if (this.sql.sessionExists.get(id) === undefined) throw this.notFound(id);
  }

  private notFound(id: string): StoreError {
    return new StoreError('not-found', `there is no session "${id}" in ${describeFile(this.path)}; list the sessions to see which ids exist`);
  }
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
