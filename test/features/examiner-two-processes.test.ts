// Acceptance: a candidate process and an examiner process on one database
// for 30+ sim-minutes, writing both ways (the candidate's commands, the
// examiner's injections, hint, pause/resume, extension and notes). Neither
// sees SQLITE_BUSY; every injection reaches the candidate's world and the
// recording; the candidate's world is exactly the replay's; the examiner saw
// every command.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Recording } from '../../src/session/replay.js';
import { openStore } from '../../src/store/index.js';
import { createHash } from 'node:crypto';
import { tempDb } from '../cli/run-cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

function run(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture(script), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('candidate and examiner processes on one database', () => {
  it('30 sim-minutes with injections both ways: no SQLITE_BUSY, nothing lost, the replay is the candidate\'s world', async () => {
    const db = tempDb();
    openStore(db).close(); // create the file first so both start on a migrated database
    const [cand, exam] = await Promise.all([
      run('candidate-worker.ts', [db, 'scenarios/payment-fraud-dns.yaml', 'test/scripts/payment-fraud-dns.weak.txt', '7', String(31 * 60)]),
      run('examiner-worker.ts', [db]),
    ]);
    for (const r of [cand, exam]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/SQLITE_BUSY|locked/i);
    }
    const c = JSON.parse(cand.stdout.trim().split('\n').at(-1)!) as { session: string; simSec: number; feed: string[]; pages: string[]; notes: number; timeLimitSec: number; world: string; pausedFrames: number; commands: number };
    const e = JSON.parse(exam.stdout.trim().split('\n').at(-1)!) as { done: { what: string; seq: number; simMs: number }[]; refused: string[]; seen: string[] };
    expect(c.simSec).toBeGreaterThanOrEqual(30 * 60);
    expect(e.refused).toEqual([]);
    expect(e.done.length).toBeGreaterThanOrEqual(30);
    expect(c.pausedFrames).toBeGreaterThan(0);

    const store = openStore(db);
    const events = store.events(c.session);
    const bySeq = new Map(events.map((x) => [x.seq, x]));
    for (const d of e.done) {
      const ev = bySeq.get(d.seq);
      expect(ev, d.what).toBeDefined();
      expect(ev!.actor).toBe('examiner');
    }
    // each injection reached the candidate's world
    for (const d of e.done.filter((x) => x.what.startsWith('message: ') || x.what.startsWith('page: '))) {
      const text = d.what.replace(/^(message|page): /, '');
      expect([...c.feed, ...c.pages].some((t) => t.includes(text)), text).toBe(true);
    }
    expect(c.feed.some((t) => t.startsWith('Hint: '))).toBe(true);
    expect(c.timeLimitSec).toBe(45 * 60 + 600);
    expect(c.notes).toBe(e.done.filter((x) => x.what.startsWith('note')).length);

    // the replay: same world as the candidate's, the injections among its markers, fidelity intact
    const rec = Recording.load(store, c.session);
    expect(createHash('sha256').update(JSON.stringify(rec.final.state)).digest('hex')).toBe(c.world);
    expect(rec.markers.filter((m) => m.kind === 'inject').length).toBe(e.done.filter((x) => /^(message|page|hint)/.test(x.what)).length);
    expect(rec.checkFidelity(store.viewHashes(c.session))).toMatchObject({ firstDiff: null, checked: c.commands });
    expect(store.verify(c.session).ok).toBe(true);
    // the examiner saw every command the candidate typed
    const typed = events.filter((x) => x.actor === 'ic' && x.type === 'command').map((x) => (x.payload as { text: string }).text);
    expect(e.seen).toEqual(typed);
    store.close();
  }, 300_000);
});
