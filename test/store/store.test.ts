import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { GENESIS_HASH, StoreError, eventHash, exportFileText, openStore, packExport, unpackExport, type Store } from '../../src/store/index.js';
import { sampleSession, tempDbPath } from './helpers.js';
import { MIGRATIONS } from '../../src/store/migrations.js';

function withStore<T>(fn: (store: Store, file: string) => T, file = tempDbPath()): T {
  const store = openStore(file);
  try {
    return fn(store, file);
  } finally {
    store.close();
  }
}

function appendSome(store: Store, sessionId: string, n: number): void {
  for (let i = 1; i <= n; i++) {
    store.appendEvent(sessionId, { simMs: i * 1000, wallMs: 1_700_000_000_000 + i, actor: i % 2 ? 'ic' : 'system', type: 'cmd', payload: { n: i, text: `step ${i}` } });
  }
}

describe('opening', () => {
  it('sets the pragmas and schema version', () => {
    withStore((store, file) => {
      expect(store.path).toBe(file);
      const db = new Database(file);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      db.close();
    });
  });

  it('creates missing parent folders', () => {
    const file = tempDbPath('a/b/c/firedrill.db');
    withStore((store) => expect(store.listSessions()).toEqual([]), file);
  });

  it('works in memory', () => {
    const store = openStore(':memory:');
    store.createSession(sampleSession());
    expect(store.getSession('latest').id).toBe('sess-1');
    store.close();
    store.close(); // idempotent
  });

  it('reopens an existing database without migrating again', () => {
    const file = tempDbPath();
    withStore((s) => s.createSession(sampleSession()), file);
    withStore((s) => expect(s.getSession('sess-1').trainee).toBe('alex'), file);
  });
});

describe('sessions', () => {
  it('create / get / latest / list', () => {
    withStore((store) => {
      const a = store.createSession(sampleSession({ id: 'a', startedAt: '2026-01-10T09:00:00.000Z' }));
      expect(a).toMatchObject({ id: 'a', parentId: null, branchAtMs: null, outcome: null, score: null, endedAt: null });
      store.createSession(sampleSession({ id: 'c', startedAt: '2026-01-12T09:00:00.000Z', mode: 'interview' }));
      // Started between a and c, given in another offset: ordering uses the instant, not the text.
      store.createSession(sampleSession({ id: 'b', startedAt: '2026-01-11T10:00:00.000+01:00', parentId: 'a', branchAtMs: 90_000 }));

      expect(store.getSession('a')).toEqual(a);
      expect(store.getSession('b')).toMatchObject({ parentId: 'a', branchAtMs: 90_000 });
      expect(store.getSession('latest').id).toBe('c');
      expect(store.listSessions().map((s) => s.id)).toEqual(['c', 'b', 'a']);
    });
  });

  it('finishSession records the outcome', () => {
    withStore((store) => {
      store.createSession(sampleSession());
      const finish = { outcome: 'resolved', score: 72.5, scoreMax: 100, reportJson: '{"grade":"B"}', endedAt: '2026-01-10T09:45:00.000Z' };
      store.finishSession('sess-1', finish);
      expect(store.getSession('sess-1')).toMatchObject(finish);
      expect(() => store.finishSession('nope', finish)).toThrow(StoreError);
    });
  });

  it('getSession of an unknown id is not-found, naming the id', () => {
    withStore((store) => {
      const err = catchError(() => store.getSession('ghost'));
      expect(err).toBeInstanceOf(StoreError);
      expect(err).toMatchObject({ code: 'not-found' });
      expect((err as Error).message).toContain('"ghost"');
      expect(catchError(() => store.getSession('latest'))).toMatchObject({ code: 'not-found', message: expect.stringMatching(/no sessions/) });
      expect(catchError(() => store.events('ghost'))).toMatchObject({ code: 'not-found' });
      expect(catchError(() => store.verify('ghost'))).toMatchObject({ code: 'not-found' });
      expect(catchError(() => store.appendEvent('ghost', { simMs: 0, wallMs: 0, actor: 'ic', type: 'x', payload: null }))).toMatchObject({ code: 'not-found' });
    });
  });

  it('rejects malformed sessions as programming errors', () => {
    withStore((store) => {
      expect(() => store.createSession(sampleSession({ seed: 1.5 }))).toThrow(TypeError);
      expect(() => store.createSession(sampleSession({ startedAt: 'yesterday' }))).toThrow(TypeError);
      expect(() => store.createSession(sampleSession({ id: 'latest' }))).toThrow(TypeError);
      store.createSession(sampleSession());
      expect(() => store.createSession(sampleSession())).toThrow(/already exists/);
    });
  });
});

describe('events', () => {
  it('append + events round trip, chained from the genesis event (seq 0, the header)', () => {
    withStore((store) => {
      store.createSession(sampleSession());
      const genesis = store.exportSession('sess-1').genesis!;
      expect(genesis).toMatchObject({ seq: 0, type: 'genesis', prevHash: GENESIS_HASH, payload: { trainee: 'alex', seed: 42, variant: 'default' } });
      expect(store.head('sess-1')).toEqual({ seq: 0, hash: genesis.hash });
      const first = store.appendEvent('sess-1', { simMs: 0, wallMs: 1000, actor: 'system', type: 'start', payload: { z: 1, a: [1, 2] } });
      const second = store.appendEvent('sess-1', { simMs: 1500.5, wallMs: 2000, actor: 'ic', type: 'cmd', payload: 'ack INC-42' });
      const third = store.appendEvent('sess-1', { simMs: 2000, wallMs: 3000, actor: 'examiner', type: 'inject', payload: undefined });

      expect(first).toMatchObject({ sessionId: 'sess-1', seq: 1, prevHash: genesis.hash });
      expect(first.hash).toBe(eventHash(genesis.hash, first));
      expect(second).toMatchObject({ seq: 2, prevHash: first.hash });
      expect(third).toMatchObject({ seq: 3, prevHash: second.hash, payload: null });

      expect(store.events('sess-1')).toEqual([first, second, third]);
      expect(store.events('sess-1', 1)).toEqual([second, third]);
      expect(store.events('sess-1', 3)).toEqual([]);
    });
  });

  it('stores the payload as canonical JSON text', () => {
    withStore((store, file) => {
      store.createSession(sampleSession());
      store.appendEvent('sess-1', { simMs: 0, wallMs: 0, actor: 'ic', type: 't', payload: { b: 2, a: { d: 1, c: 0 } } });
      const db = new Database(file, { readonly: true });
      expect(db.prepare('SELECT payload FROM events WHERE seq = 1').pluck().get()).toBe('{"a":{"c":0,"d":1},"b":2}');
      db.close();
    });
  });

  it('keeps a separate seq per session', () => {
    withStore((store) => {
      store.createSession(sampleSession({ id: 'x' }));
      store.createSession(sampleSession({ id: 'y' }));
      appendSome(store, 'x', 3);
      appendSome(store, 'y', 2);
      expect(store.events('x').map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(store.events('y').map((e) => e.seq)).toEqual([1, 2]);
    });
  });

  it('rejects malformed events as programming errors', () => {
    withStore((store) => {
      store.createSession(sampleSession());
      const bad = { simMs: Number.NaN, wallMs: 0, actor: 'ic', type: 't', payload: 1 } as const;
      expect(() => store.appendEvent('sess-1', bad)).toThrow(TypeError);
      expect(() => store.appendEvent('sess-1', { ...bad, simMs: 0, actor: 'boss' as never })).toThrow(TypeError);
      expect(store.events('sess-1')).toEqual([]);
    });
  });
});

describe('verify', () => {
  it('is ok for an untouched chain (and an empty one)', () => {
    withStore((store) => {
      store.createSession(sampleSession());
      expect(store.verify('sess-1')).toMatchObject({ session: 'sess-1', events: 0, ok: true, brokenAt: null, problem: null, legacy: false });
      appendSome(store, 'sess-1', 5);
      expect(store.verify('sess-1')).toMatchObject({ session: 'sess-1', events: 5, ok: true, brokenAt: null, signer: { trust: 'this-machine' } });
    });
  });

  it('finds a payload tampered with via raw SQL', () => {
    withStore((store, file) => {
      store.createSession(sampleSession());
      appendSome(store, 'sess-1', 5);
      const db = new Database(file);
      db.prepare(`UPDATE events SET payload = '{"n":3,"text":"step 3, honest"}' WHERE session_id = 'sess-1' AND seq = 3`).run();
      db.close();
      expect(store.verify('sess-1')).toMatchObject({ session: 'sess-1', events: 5, ok: false, brokenAt: 3 });
    });
  });

  it('finds a deleted row, a rewritten hash and an unreadable payload', () => {
    withStore((store, file) => {
      for (const id of ['del', 'rehash', 'garbage']) {
        store.createSession(sampleSession({ id }));
        appendSome(store, id, 4);
      }
      const db = new Database(file);
      db.prepare(`DELETE FROM events WHERE session_id = 'del' AND seq = 2`).run();
      // Forging seq 2 with a self-consistent hash still breaks the link from seq 3.
      const row = db.prepare(`SELECT * FROM events WHERE session_id = 'rehash' AND seq = 2`).get() as { prev_hash: string; sim_ms: number; wall_ms: number; actor: 'ic'; type: string };
      const forged = eventHash(row.prev_hash, { sessionId: 'rehash', seq: 2, simMs: row.sim_ms, wallMs: row.wall_ms, actor: row.actor, type: row.type, payload: { forged: true } });
      db.prepare(`UPDATE events SET payload = '{"forged":true}', hash = ? WHERE session_id = 'rehash' AND seq = 2`).run(forged);
      db.prepare(`UPDATE events SET payload = '{not json' WHERE session_id = 'garbage' AND seq = 4`).run();
      db.close();

      expect(store.verify('del')).toMatchObject({ ok: false, brokenAt: 3, events: 3 });
      expect(store.verify('rehash')).toMatchObject({ ok: false, brokenAt: 3 });
      expect(store.verify('garbage')).toMatchObject({ ok: false, brokenAt: 4 });
      expect(catchError(() => store.events('garbage'))).toMatchObject({ code: 'corrupt' });
    });
  });
});

describe('export / import', () => {
  function exported(): string {
    return withStore((store) => {
      store.createSession(sampleSession({ parentId: 'elsewhere', branchAtMs: 30_000 }));
      appendSome(store, 'sess-1', 6);
      store.finishSession('sess-1', { outcome: 'resolved', score: 8, scoreMax: 10, reportJson: null, endedAt: '2026-01-10T09:30:00.000Z' });
      const x = store.exportSession('sess-1');
      expect(x).toMatchObject({ format: 'firedrill-session', version: 1 });
      expect(x.events).toHaveLength(6);
      return JSON.stringify(x); // what actually goes to disk
    });
  }

  it('round trips into a fresh database and verifies', () => {
    const text = exported();
    withStore((store) => {
      const { row } = store.importSession(JSON.parse(text));
      // Derived results do not travel: they are recomputed where the recording lands.
      expect(row).toEqual({ ...JSON.parse(text).session, outcome: null, score: null, scoreMax: null, endedAt: null, reportJson: null });
      expect(store.verify('sess-1')).toMatchObject({ session: 'sess-1', events: 6, ok: true, brokenAt: null, legacy: false, signer: { trust: 'this-machine' } });
      expect(store.exportSession('sess-1')).toEqual({ ...JSON.parse(text), session: row });
      // The chain continues after an import.
      expect(store.appendEvent('sess-1', { simMs: 1, wallMs: 1, actor: 'examiner', type: 'note', payload: 'later' }).seq).toBe(7);
      expect(store.verify('sess-1').ok).toBe(true);
    });
  });

  it('the export file (version 3) packs the scenario snapshot and imports to the same session as version 1', () => {
    const v1 = JSON.parse(exported());
    const big = JSON.stringify({ id: 'db-failover', briefing: 'the primary is down '.repeat(2000) });
    const text = withStore((store) => {
      store.createSession(sampleSession({ scenarioJson: big }));
      appendSome(store, 'sess-1', 6);
      return exportFileText(store.exportSession('sess-1'), [{ seq: 2, hash: 'b'.repeat(64) }]);
    });
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'firedrill-session', version: 3, scenario: { encoding: 'gzip+base64', bytes: big.length } });
    expect(file.session.scenarioJson).toBeUndefined();
    expect(text.length).toBeLessThan(big.length / 4);
    withStore((store) => {
      const { row } = store.importSession(text);
      expect(row.scenarioJson).toBe(big);
      expect(store.verify('sess-1').ok).toBe(true);
      // Unpacking gives back the version 1 shape exactly.
      expect(unpackExport(packExport(store.exportSession('sess-1')))).toEqual({ ...store.exportSession('sess-1') });
    });
    // Version 1 files still import.
    withStore((store) => expect(store.importSession(v1).row.scenarioJson).toBe(v1.session.scenarioJson));
  });

  it('refuses a version 2 file whose snapshot is missing, damaged, or expands past any scenario, recording nothing', () => {
    const file = withStore((store) => {
      store.createSession(sampleSession());
      appendSome(store, 'sess-1', 3);
      return packExport(store.exportSession('sess-1'));
    });
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 32)).toString('base64');
    const bad = [
      { ...file, scenario: undefined },
      { ...file, scenario: { ...file.scenario, encoding: 'zstd' } },
      { ...file, scenario: { ...file.scenario, data: 'bm90IGd6aXA=' } },
      { ...file, scenario: { ...file.scenario, data: bomb } },
    ];
    withStore((store) => {
      for (const x of bad) {
        const err = catchError(() => store.importSession(x));
        expect(err).toMatchObject({ code: 'invalid-import', message: expect.stringMatching(/scenario snapshot/) });
      }
      expect(store.listSessions()).toEqual([]);
    });
  });

  it('accepts the export as JSON text too', () => {
    const text = exported();
    withStore((store) => expect(store.importSession(text).row.id).toBe('sess-1'));
  });

  it('refuses an export with one byte changed in an event payload', () => {
    const text = exported();
    const tampered = text.replace('"text":"step 4"', '"text":"step 5"');
    expect(tampered).not.toBe(text);
    withStore((store) => {
      const err = catchError(() => store.importSession(JSON.parse(tampered)));
      expect(err).toMatchObject({ code: 'integrity' });
      expect((err as Error).message).toMatch(/event 4/);
      expect(store.listSessions()).toEqual([]);
    });
  });

  it('refuses an id that already exists, bad shapes, and mixed-up events', () => {
    const text = exported();
    withStore((store) => {
      store.importSession(text);
      expect(catchError(() => store.importSession(text))).toMatchObject({ code: 'invalid-import', message: expect.stringMatching(/already exists/) });
    });
    withStore((store) => {
      expect(catchError(() => store.importSession({ format: 'something-else' }))).toMatchObject({ code: 'invalid-import' });
      expect(catchError(() => store.importSession('{oops'))).toMatchObject({ code: 'invalid-import', message: expect.stringMatching(/not valid JSON/) });
      const x = JSON.parse(text);
      x.events.pop();
      x.events.shift(); // chain no longer starts at seq 1
      expect(catchError(() => store.importSession(x))).toMatchObject({ code: 'integrity' });
      const y = JSON.parse(text);
      y.events[2].sessionId = 'other';
      expect(catchError(() => store.importSession(y))).toMatchObject({ code: 'integrity', message: expect.stringMatching(/belongs to session other/) });
      expect(store.listSessions()).toEqual([]);
    });
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}
