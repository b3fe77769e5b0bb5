// The event store under arbitrary input: any JSON payload round-trips
// through append and read (and export/import), and any edit to a stored row
// is caught by verify.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type NewSession } from '../../src/store/index.js';

const HEAVY = process.env.FIREDRILL_HEAVY === '1';
const root = mkdtempSync(join(tmpdir(), 'firedrill-robust-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDb = () => join(root, `db-${n++}.sqlite`);

const session = (id: string): NewSession => ({
  id,
  scenarioId: 'mini-checkout',
  scenarioJson: '{"id":"mini-checkout"}',
  scenarioHash: createHash('sha256').update('{"id":"mini-checkout"}').digest('hex'),
  appVersion: '0.1.0',
  seed: 1,
  variant: 'bad-config',
  trainee: 'prop',
  mode: 'solo',
  difficulty: 'normal',
  startedAt: '2026-03-10T21:00:00.000Z',
});

/** What a JSON value reads back as: JSON has no -0 and no undefined. */
const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

const payload = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }), fc.jsonValue({ maxDepth: 2, stringUnit: 'grapheme' }));
// -0 reads back from SQLite as 0 (same hash: canonical JSON writes both as 0); sim times are never -0.
const time = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e15 }).map((v) => (v === 0 ? 0 : v));
const newEvent = fc.record({
  simMs: time,
  wallMs: time,
  actor: fc.constantFrom('ic' as const, 'examiner' as const, 'system' as const),
  type: fc.string({ minLength: 1, maxLength: 20, unit: 'binary' }),
  payload,
});

describe('store: append and read round-trip arbitrary JSON payloads', () => {
  it('reads back what was appended, in order, with an intact chain (and survives export → import)', () => {
    const file = freshDb();
    const store = openStore(file);
    let s = 0;
    try {
      fc.assert(
        fc.property(fc.array(newEvent, { minLength: 1, maxLength: 12 }), (evs) => {
          const id = `prop-${s++}`;
          store.createSession(session(id));
          const appended = evs.map((e) => store.appendEvent(id, e));
          const read = store.events(id);
          expect(read).toEqual(appended);
          read.forEach((r, i) => {
            expect(r.seq).toBe(i + 1);
            expect(r.payload).toEqual(asJson(evs[i]!.payload));
            expect(r.type).toBe(evs[i]!.type);
            expect(r.simMs).toBe(evs[i]!.simMs);
            expect(r.wallMs).toBe(evs[i]!.wallMs);
          });
          expect(store.verify(id)).toMatchObject({ ok: true, brokenAt: null, events: evs.length });
          // The export file is JSON text; importing it elsewhere keeps every event and the chain.
          const text = JSON.stringify(store.exportSession(id));
          const other = openStore(':memory:');
          try {
            other.importSession(text);
            expect(other.events(id)).toEqual(read);
            expect(other.verify(id).ok).toBe(true);
          } finally {
            other.close();
          }
        }),
        { numRuns: HEAVY ? 500 : 80 },
      );
    } finally {
      store.close();
    }
  });
});

type Tamper =
  | { kind: 'payload-value' }
  | { kind: 'payload-garbage' }
  | { kind: 'sim_ms' }
  | { kind: 'wall_ms' }
  | { kind: 'actor' }
  | { kind: 'type' }
  | { kind: 'hash' }
  | { kind: 'prev_hash' }
  | { kind: 'seq-move' }
  | { kind: 'delete' };

const tamper = fc.constantFrom<Tamper>(
  { kind: 'payload-value' },
  { kind: 'payload-garbage' },
  { kind: 'sim_ms' },
  { kind: 'wall_ms' },
  { kind: 'actor' },
  { kind: 'type' },
  { kind: 'hash' },
  { kind: 'prev_hash' },
  { kind: 'seq-move' },
  { kind: 'delete' },
);

describe('store: a corrupted row is detected by verify', () => {
  it('finds any single edit, at the edited row (or, for a moved or deleted row, where the gap is)', () => {
    fc.assert(
      fc.property(fc.array(newEvent, { minLength: 2, maxLength: 8 }), fc.nat(), tamper, (evs, pick, t) => {
        const file = freshDb();
        const store = openStore(file);
        try {
          store.createSession(session('victim'));
          for (const e of evs) store.appendEvent('victim', e);
          // Deleting the last row leaves a shorter valid chain: a hash chain cannot see truncation.
          const last = evs.length;
          const seq = t.kind === 'delete' ? 1 + (pick % (last - 1)) : 1 + (pick % last);
          const raw = new Database(file);
          try {
            const where = `WHERE session_id = 'victim' AND seq = ${seq}`;
            const row = raw.prepare(`SELECT * FROM events ${where}`).get() as { payload: string; actor: string; sim_ms: number; wall_ms: number };
            switch (t.kind) {
              case 'payload-value':
                raw.prepare(`UPDATE events SET payload = ? ${where}`).run(JSON.stringify({ tampered: JSON.parse(row.payload) as unknown }));
                break;
              case 'payload-garbage':
                raw.prepare(`UPDATE events SET payload = ? ${where}`).run(`${row.payload}}{`);
                break;
              case 'sim_ms':
                raw.prepare(`UPDATE events SET sim_ms = ? ${where}`).run(row.sim_ms + 1000);
                break;
              case 'wall_ms':
                raw.prepare(`UPDATE events SET wall_ms = ? ${where}`).run(row.wall_ms - 1);
                break;
              case 'actor':
                raw.prepare(`UPDATE events SET actor = ? ${where}`).run(row.actor === 'ic' ? 'examiner' : 'ic');
                break;
              case 'type':
                raw.prepare(`UPDATE events SET type = type || 'x' ${where}`).run();
                break;
              case 'hash':
                raw.prepare(`UPDATE events SET hash = ? ${where}`).run('f'.repeat(64));
                break;
              case 'prev_hash':
                raw.prepare(`UPDATE events SET prev_hash = ? ${where}`).run('e'.repeat(64));
                break;
              case 'seq-move':
                raw.prepare(`UPDATE events SET seq = ? ${where}`).run(last + 5);
                break;
              case 'delete':
                raw.prepare(`DELETE FROM events ${where}`).run();
                break;
            }
          } finally {
            raw.close();
          }
          const v = store.verify('victim');
          expect(v.ok, `${t.kind} at ${seq}`).toBe(false);
          if (t.kind === 'delete' || t.kind === 'seq-move') expect(v.brokenAt).toBe(seq === last && t.kind === 'seq-move' ? last + 5 : seq + 1);
          else expect(v.brokenAt).toBe(seq);
        } finally {
          store.close();
        }
      }),
      { numRuns: HEAVY ? 400 : 60 },
    );
  });
});
