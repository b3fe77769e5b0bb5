// The examiner and the candidate run separate processes on one database file.
// IMMEDIATE transactions + the busy timeout must serialise their appends.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { sampleSession, tempDbPath } from './helpers.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const worker = fileURLToPath(new URL('./fixtures/append-worker.ts', import.meta.url));

function startWorker(file: string, sessionId: string, count: number, writer: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', worker, file, sessionId, String(count), writer], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`worker ${writer} exited early (${code}): ${stderr}`)));
  });
  const exited = once(child, 'exit').then(([code]) => ({ code: code as number | null, stderr: () => stderr }));
  return { child, ready, exited };
}

function go(child: ChildProcess): void {
  child.stdin!.write('go\n');
}

describe('multi-process appends', () => {
  it('two child processes and two in-process stores append to one session without gaps', async () => {
    const file = tempDbPath();
    const a = openStore(file);
    const b = openStore(file);
    a.createSession(sampleSession({ id: 'shared', mode: 'interview' }));

    const PER_CHILD = 150;
    const PER_LOCAL = 75;
    const workers = [startWorker(file, 'shared', PER_CHILD, 'child-1'), startWorker(file, 'shared', PER_CHILD, 'child-2')];
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) go(w.child);

    // Interleave local appends with the children, yielding so we keep overlapping them.
    for (let i = 0; i < PER_LOCAL; i++) {
      a.appendEvent('shared', { simMs: i, wallMs: Date.now(), actor: 'ic', type: 'note', payload: { writer: 'local-a', i } });
      b.appendEvent('shared', { simMs: i, wallMs: Date.now(), actor: 'system', type: 'note', payload: { writer: 'local-b', i } });
      await new Promise((r) => setTimeout(r, 1));
    }
    const results = await Promise.all(workers.map((w) => w.exited));
    for (const r of results) expect(r.code, r.stderr()).toBe(0);

    const events = a.events('shared');
    const total = 2 * PER_CHILD + 2 * PER_LOCAL;
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(a.verify('shared')).toMatchObject({ session: 'shared', events: total, ok: true, brokenAt: null });
    expect(b.verify('shared').ok).toBe(true);

    // Each writer's own events are all there, in the order it wrote them.
    for (const writer of ['child-1', 'child-2', 'local-a', 'local-b']) {
      const mine = events.map((e) => e.payload as { writer: string; i: number }).filter((p) => p.writer === writer);
      expect(mine.map((p) => p.i)).toEqual(Array.from({ length: writer.startsWith('child') ? PER_CHILD : PER_LOCAL }, (_, i) => i));
    }
    // The writers really did overlap (otherwise this test proves little).
    const writers = events.map((e) => (e.payload as { writer: string }).writer);
    const switches = writers.filter((w, i) => i > 0 && w !== writers[i - 1]).length;
    expect(switches).toBeGreaterThan(3);

    a.close();
    b.close();
  });

  it('processes opening a brand-new file at the same time migrate it once', async () => {
    const file = tempDbPath();
    // count 0: each worker opens (and so migrates) the store only on "go".
    const workers = [1, 2, 3, 4, 5, 6].map((n) => startWorker(file, 'none', 0, `opener-${n}`));
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) go(w.child);
    const results = await Promise.all(workers.map((w) => w.exited));
    for (const r of results) expect(r.code, r.stderr()).toBe(0);
    const store = openStore(file);
    expect(store.listSessions()).toEqual([]);
    store.close();
  });
});
