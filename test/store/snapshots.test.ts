import { createHash } from 'node:crypto';
import { chmodSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { GENESIS_HASH, eventHash, openStore } from '../../src/store/index.js';
import { sampleSession, tempDbPath } from './helpers.js';

const big = (title: string) => JSON.stringify({ id: 'db-failover', title, briefing: 'the primary is down '.repeat(3000) });

/** A database as firedrill wrote it before snapshots were shared: schema v2, a copy per session. */
function version2Database(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  MIGRATIONS[0]!(db);
  MIGRATIONS[1]!(db);
  db.pragma('user_version = 2');
  const insert = db.prepare(`INSERT INTO sessions (id, scenario_id, scenario_json, scenario_hash, app_version, seed, variant, trainee, mode, difficulty, started_at, started_ms)
    VALUES (?, 'db-failover', ?, ?, '0.1.0', 1, 'default', 'alex', 'solo', 'normal', ?, ?)`);
  const rows = [
    ['a', big('one')],
    ['b', big('one')],
    ['c', big('two')],
  ] as const;
  rows.forEach(([id, json], i) => insert.run(id, json, createHash('sha256').update(json).digest('hex'), `2026-01-10T09:0${i}:00.000Z`, Date.parse(`2026-01-10T09:0${i}:00.000Z`)));
  const payload = '{"text":"ack"}';
  const e = { sessionId: 'a', seq: 1, simMs: 1000, wallMs: 1, actor: 'ic' as const, type: 'command', payload: { text: "ack" } };
  db.prepare(`INSERT INTO events (session_id, seq, sim_ms, wall_ms, actor, type, payload, prev_hash, hash) VALUES ('a', 1, 1000, 1, 'ic', 'command', ?, ?, ?)`).run(
    payload,
    GENESIS_HASH,
    eventHash(GENESIS_HASH, e),
  );
  db.close();
}

describe('scenario snapshots stored once per text (schema v3), chain heads (v4)', () => {
  it('sessions of the same scenario share one stored snapshot; each reads back whole', () => {
    const file = tempDbPath();
    const store = openStore(file);
    for (let i = 0; i < 5; i++) store.createSession(sampleSession({ id: `s${i}`, scenarioJson: big('one') }));
    store.createSession(sampleSession({ id: 'other', scenarioJson: big('two') }));
    expect(store.getSession('s3').scenarioJson).toBe(big('one'));
    expect(store.getSession('other').scenarioJson).toBe(big('two'));
    expect(store.exportSession('s4').session.scenarioJson).toBe(big('one'));
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM scenarios').pluck().get()).toBe(2);
    db.close();
  });

  it('upgrades a version 2 database: one copy per distinct snapshot, every session and chain as before', () => {
    const file = tempDbPath();
    version2Database(file);
    const store = openStore(file);
    expect(store.getSession('a').scenarioJson).toBe(big('one'));
    expect(store.getSession('b').scenarioJson).toBe(big('one'));
    expect(store.getSession('c').scenarioJson).toBe(big('two'));
    expect(store.listSessions().map((s) => s.id)).toEqual(['c', 'b', 'a']);
    expect(store.verify('a')).toMatchObject({ ok: true, events: 1 });
    // v4 set each chain's head from its events: appending goes on from there.
    expect(store.appendEvent('a', { simMs: 2000, wallMs: 2, actor: 'ic', type: 'command', payload: { text: 'sev 2' } }).seq).toBe(2);
    expect(store.appendEvent('b', { simMs: 1000, wallMs: 1, actor: 'ic', type: 'command', payload: { text: 'ack' } }).seq).toBe(1);
    expect(store.verify('a')).toMatchObject({ ok: true, events: 2 });
    expect(store.verify('b')).toMatchObject({ ok: true, events: 1 });
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT count(*) FROM scenarios').pluck().get()).toBe(2);
    expect((db.prepare('PRAGMA table_info(sessions)').all() as { name: string }[]).map((c) => c.name)).not.toContain('scenario_json');
    db.close();
  });

  it('a reader (report, the picker history) upgrades an older database it can write, and says what to do when it cannot', () => {
    const file = tempDbPath();
    version2Database(file);
    const reader = openStore(file, { readonly: true });
    expect(reader.getSession('c').scenarioJson).toBe(big('two'));
    reader.close();

    const locked = tempDbPath('old.db');
    version2Database(locked);
    chmodSync(locked, 0o444);
    if (process.getuid?.() === 0) return; // root writes through the mode bits
    expect(() => openStore(locked, { readonly: true })).toThrow(/older layout that must be upgraded/);
  });
});
