// Schema history. Append only: never edit a shipped migration, add a new one.
// The database's PRAGMA user_version = number of migrations applied.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { StoreError } from './errors.js';
import { GENESIS_HASH } from './hash-chain.js';
import { describeFile } from './error-mapping.js';
import { signHead, type KeyRing } from '../signing/index.js';

/** What a step may need besides the database: this installation's keys (v5 signs the heads of the recordings it finds). */
export interface MigrationContext {
  keys?: KeyRing;
}

type Migration = (db: Database, ctx?: MigrationContext) => void;

export const MIGRATIONS: readonly Migration[] = [
  // v1: sessions + their hash-chained event log.
  (db) =>
    db.exec(`
      CREATE TABLE sessions (
        id            TEXT PRIMARY KEY,
        scenario_id   TEXT NOT NULL,
        scenario_json TEXT NOT NULL,
        scenario_hash TEXT NOT NULL,
        app_version   TEXT NOT NULL,
        seed          INTEGER NOT NULL,
        variant       TEXT NOT NULL,
        trainee       TEXT NOT NULL,
        mode          TEXT NOT NULL CHECK (mode IN ('solo', 'interview')),
        difficulty    TEXT NOT NULL,
        started_at    TEXT NOT NULL,
        -- Date.parse(started_at): orders 'latest' correctly whatever the ISO offset.
        started_ms    REAL NOT NULL,
        -- No foreign key: a branch may be imported without its parent.
        parent_id     TEXT,
        branch_at_ms  REAL,
        outcome       TEXT,
        score         REAL,
        score_max     REAL,
        ended_at      TEXT,
        report_json   TEXT
      ) STRICT;
      CREATE INDEX sessions_by_start ON sessions (started_ms);

      CREATE TABLE events (
        id         INTEGER PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        seq        INTEGER NOT NULL CHECK (seq >= 1),
        sim_ms     REAL NOT NULL,
        wall_ms    REAL NOT NULL,
        actor      TEXT NOT NULL CHECK (actor IN ('ic', 'examiner', 'system')),
        type       TEXT NOT NULL,
        payload    TEXT NOT NULL,  -- canonical JSON, the exact text the hash covers
        prev_hash  TEXT NOT NULL,
        hash       TEXT NOT NULL,
        UNIQUE (session_id, seq)   -- also the index for reading a session in order
      ) STRICT;
    `),
  // v2: what a running candidate process publishes beside the recording, and
  // the replay-fidelity hashes. Neither is an input to the world: the event
  // log alone still decides it, and verify/export's hash chain ignores both.
  (db) =>
    db.exec(`
      -- One row per session being played live: the sim time (whole seconds, in
      -- ms) the candidate's process may have advanced to, so an examiner in
      -- another process stamps an injection no earlier than the candidate's
      -- clock. Written by the candidate only; monotone in sim_ms.
      CREATE TABLE live_clock (
        session_id TEXT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
        sim_ms     REAL NOT NULL,
        wall_ms    REAL NOT NULL,
        speed      REAL NOT NULL,
        paused     INTEGER NOT NULL CHECK (paused IN (0, 1)),
        pid        INTEGER NOT NULL
      ) STRICT;

      -- A hash of the candidate's view model right after an IC command, as the
      -- live process computed it; replay --check recomputes and compares.
      CREATE TABLE view_hashes (
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        seq        INTEGER NOT NULL CHECK (seq >= 1),
        hash       TEXT NOT NULL,
        PRIMARY KEY (session_id, seq)
      ) STRICT;
    `),
  // v3: each scenario snapshot stored once, keyed by the SHA-256 of its text.
  // A session kept its own ~110 KB copy; a trainee replays the same few
  // scenarios, so most copies were the same text. Reads join it back, so a
  // session row and an export are what they were.
  (db) => {
    db.exec(`
      CREATE TABLE scenarios (
        key  TEXT PRIMARY KEY,  -- SHA-256 of json, hex
        json TEXT NOT NULL
      ) STRICT;
      ALTER TABLE sessions ADD COLUMN scenario_key TEXT NOT NULL DEFAULT '';
    `);
    const put = db.prepare('INSERT OR IGNORE INTO scenarios (key, json) VALUES (?, ?)');
    const point = db.prepare('UPDATE sessions SET scenario_key = ? WHERE id = ?');
    const json = db.prepare('SELECT scenario_json FROM sessions WHERE id = ?').pluck();
    // One snapshot in memory at a time: a database may hold thousands.
    for (const id of db.prepare('SELECT id FROM sessions').pluck().all() as string[]) {
      const text = json.get(id) as string;
      const key = scenarioKey(text);
      put.run(key, text);
      point.run(key, id);
    }
    db.exec('ALTER TABLE sessions DROP COLUMN scenario_json');
  },
  // v4: the head of each session's chain (its last event's seq and hash),
  // moved in the same transaction as every append. The chain alone shows an
  // edited or removed event in the middle, not a recording cut short at the
  // end; a head that no longer matches the last event does.
  (db) => {
    db.exec(`
      ALTER TABLE sessions ADD COLUMN head_seq INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sessions ADD COLUMN head_hash TEXT NOT NULL DEFAULT '${GENESIS_HASH}';
      UPDATE sessions SET
        head_seq  = coalesce((SELECT max(seq) FROM events WHERE events.session_id = sessions.id), 0),
        head_hash = coalesce((SELECT hash FROM events WHERE events.session_id = sessions.id ORDER BY seq DESC LIMIT 1), '${GENESIS_HASH}');
    `);
  },
  // v5: one writer per session. The process playing a session (live, a
  // resume, a headless script) holds its lease: who (pid, host), since when,
  // and a heartbeat, so a second one is refused by name and a killed one's
  // lease can be taken over (store/leases.ts).
  (db) =>
    db.exec(`
      CREATE TABLE session_leases (
        session_id   TEXT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
        pid          INTEGER NOT NULL,
        host         TEXT NOT NULL,
        since_ms     REAL NOT NULL,
        heartbeat_ms REAL NOT NULL
      ) STRICT;
    `),
  // v6: a bound, signed chain. Each new recording starts with a genesis event
  // (seq 0) holding the whole session header, so the header is inside the
  // chain; the head is signed (head_signer, head_sig) with every append; the
  // time limit joins the header. Derived results (outcome, score, report) are
  // a cache, trusted only at the head they were computed for and under this
  // installation's MAC (derived_head, derived_mac, derived_report_mac). Sessions recorded before
  // this have no genesis and no signature: legacy = 1 labels them "unsigned,
  // made before signing". Their heads are signed here, in the upgrade's own
  // transaction, as what this installation held when it upgraded: verify
  // requires that signature, so a signed recording stripped down to look
  // older (no genesis, chain recomputed, legacy = 1) is still refused.
  (db, ctx) => {
    db.exec(`
      CREATE TABLE events_v5 (
        id         INTEGER PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        seq        INTEGER NOT NULL CHECK (seq >= 0),  -- 0: the genesis event
        sim_ms     REAL NOT NULL,
        wall_ms    REAL NOT NULL,
        actor      TEXT NOT NULL CHECK (actor IN ('ic', 'examiner', 'system')),
        type       TEXT NOT NULL,
        payload    TEXT NOT NULL,
        prev_hash  TEXT NOT NULL,
        hash       TEXT NOT NULL,
        UNIQUE (session_id, seq)
      ) STRICT;
      INSERT INTO events_v5 SELECT id, session_id, seq, sim_ms, wall_ms, actor, type, payload, prev_hash, hash FROM events;
      DROP TABLE events;
      ALTER TABLE events_v5 RENAME TO events;
      ALTER TABLE sessions ADD COLUMN time_limit_sec REAL;
      ALTER TABLE sessions ADD COLUMN legacy INTEGER NOT NULL DEFAULT 0 CHECK (legacy IN (0, 1));
      ALTER TABLE sessions ADD COLUMN head_signer TEXT;
      ALTER TABLE sessions ADD COLUMN head_sig TEXT;
      ALTER TABLE sessions ADD COLUMN derived_head TEXT;
      ALTER TABLE sessions ADD COLUMN derived_mac TEXT;
      ALTER TABLE sessions ADD COLUMN derived_report_mac TEXT;
      UPDATE sessions SET legacy = 1;
    `);
    const heads = db.prepare('SELECT id, head_seq AS seq, head_hash AS hash FROM sessions').all() as { id: string; seq: number; hash: string }[];
    if (heads.length === 0 || !ctx?.keys) return;
    const key = ctx.keys.own();
    const sign = db.prepare('UPDATE sessions SET head_signer = ?, head_sig = ? WHERE id = ?');
    for (const h of heads) sign.run(key.openssh, signHead(key.privateKey, { session: h.id, seq: h.seq, hash: h.hash }), h.id);
  },
];

/** Where a snapshot is stored: the SHA-256 of its text. */
export function scenarioKey(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses a database from a newer build before touching it. */
export function assertNotNewer(db: Database, file: string): void {
  const current = schemaVersion(db);
  if (current > MIGRATIONS.length) {
    throw new StoreError(
      'newer-schema',
      `${describeFile(file)} was written by a newer firedrill (schema v${current}; this firedrill understands up to v${MIGRATIONS.length}); upgrade firedrill, or set FIREDRILL_DB to use a different database file`,
    );
  }
}

export function migrate(db: Database, file: string, ctx: MigrationContext = {}): void {
  assertNotNewer(db, file);
  for (let v = schemaVersion(db); v < MIGRATIONS.length; v++) {
    // One IMMEDIATE transaction per step, version bump included, so a crash
    // leaves the database at a whole version. The re-read inside the lock
    // makes two processes opening a fresh file at once take turns instead of
    // both running CREATE TABLE.
    db.transaction(() => {
      if (schemaVersion(db) !== v) return;
      MIGRATIONS[v]!(db, ctx);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
  assertNotNewer(db, file); // another process may have upgraded it meanwhile
}
