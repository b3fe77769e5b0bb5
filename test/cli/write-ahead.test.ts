import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { cli, cliAsync, tempDb } from './run-cli.js';

/** Starts a paced scripted session, kills it with SIGKILL after `after` accepted events. */
function killAfter(db: string, after: number): Promise<{ seq: number; text: string }[]> {
  return new Promise((resolve, reject) => {
    const child = cliAsync(['play', 'test/fixtures/mini.yaml', '--script', 'test/fixtures/mini.strong.txt', '--seed', '5', '--pace', '40'], { FIREDRILL_DB: db });
    const accepted: { seq: number; text: string }[] = [];
    let buf = '';
    child.stderr.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const m = /^accepted #(\d+)\s+\S+\s+(.*?)(?:\s+→.*)?$/.exec(line);
        if (m) accepted.push({ seq: Number(m[1]), text: m[2]! });
        if (accepted.length === after) child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(accepted) : reject(new Error(`exited without being killed (${signal})`))));
  });
}

describe('write-ahead recording', () => {
  it('keeps every event acknowledged before a SIGKILL, and the chain verifies', async () => {
    const db = tempDb();
    const accepted = await killAfter(db, 8);
    expect(accepted).toHaveLength(8);
    const store = openStore(db);
    const session = store.getSession('latest');
    const events = store.events(session.id);
    for (const a of accepted) {
      const e = events.find((x) => x.seq === a.seq);
      expect(e, `event #${a.seq}`).toBeDefined();
      expect((e!.payload as { text: string }).text).toBe(a.text);
    }
    store.close();
    expect(cli(['verify', 'latest'], { FIREDRILL_DB: db }).code).toBe(0);
  });

  it('detects an edited event row: verify exits 3', async () => {
    const db = tempDb();
    const r = cli(['play', 'test/fixtures/mini.yaml', '--script', 'test/fixtures/mini.strong.txt', '--quiet'], { FIREDRILL_DB: db });
    expect(r.code).toBe(0);
    const raw = new Database(db);
    raw.prepare("UPDATE events SET payload = replace(payload, 'sev 2', 'sev 1') WHERE seq = 3").run();
    raw.close();
    const v = cli(['verify', 'latest'], { FIREDRILL_DB: db });
    expect(v.code).toBe(3);
    expect(v.stdout).toMatch(/BROKEN .* breaks at event 3/);
  });
});

describe('a recording cut short at the end', () => {
  it('verify finds the last events missing (exit 3), nothing more is written to it, and its export is refused', () => {
    const db = tempDb();
    expect(cli(['play', 'test/fixtures/mini.yaml', '--script', 'test/fixtures/mini.strong.txt', '--quiet'], { FIREDRILL_DB: db }).code).toBe(0);
    let store = openStore(db);
    const id = store.getSession('latest').id;
    const total = store.events(id).length;
    const exported = store.exportSession(id);
    store.close();
    expect(exported.head).toEqual({ seq: total, hash: exported.events.at(-1)!.hash });

    // The chain alone cannot see this: every remaining event still links to the one before.
    const raw = new Database(db);
    raw.prepare('DELETE FROM events WHERE session_id = ? AND seq > ?').run(id, total - 2);
    raw.close();
    const v = cli(['verify', 'latest', '--json'], { FIREDRILL_DB: db });
    expect(v.code).toBe(3);
    expect(JSON.parse(v.stdout)).toMatchObject({ session: id, events: total - 2, ok: false, brokenAt: total - 1 });

    store = openStore(db);
    expect(() => store.appendEvent(id, { simMs: 1, wallMs: 1, actor: 'examiner', type: 'annotate', payload: { text: 'late' } })).toThrow(
      /recorded up to event \d+ but its events end at \d+: the recording was cut short/,
    );
    expect(store.events(id)).toHaveLength(total - 2);
    store.close();

    // An export whose last events were cut off (its head kept) does not import.
    const cut = { ...exported, events: exported.events.slice(0, -2) };
    const other = openStore(tempDb());
    expect(() => other.importSession(cut)).toThrow(/it was recorded up to event \d+ but its events end at \d+: the recording was cut short/);
    // Without its head a signed recording is refused: a cut could not be noticed.
    const { head: _head, ...headless } = cut;
    expect(() => other.importSession(headless)).toThrow(/it has no chain head/);
    expect(other.listSessions()).toEqual([]);
    other.close();
  });
});
