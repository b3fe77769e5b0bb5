// SIGKILL at random moments: paced scripted sessions are killed mid-flight;
// every event the program acknowledged ("accepted #SEQ MM:SS text" on stderr,
// printed after the commit) must be in the database, the chain must verify,
// and the world must rebuild from what is there. 5 trials by default,
// FIREDRILL_HEAVY=1 for 30; FIREDRILL_CRASH_SEED replays a run's kill points.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/session/session.js';
import { openStore } from '../../src/store/index.js';
import { BIN } from '../cli/run-cli.js';
import { MINI, MINI_STRONG, runCli, tempDir } from '../cli/cli-helpers.js';

const TRIALS = process.env.FIREDRILL_HEAVY === '1' ? 30 : 5;
const SEED = Number(process.env.FIREDRILL_CRASH_SEED ?? Date.now() % 1_000_000);
const PACE_MS = 30;
const SCRIPT_LINES = 23;

/** mulberry32: reproducible kill points from one printed seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Acked {
  seq: number;
  clock: string;
  text: string;
}

const ACCEPTED = /^accepted #(\d+) +(\d+:\d{2}(?::\d{2})?) {2}(.*?)(?: {2}→ .*)?$/;

/** Plays the paced script and SIGKILLs it `delayMs` after its first acknowledgement. */
function playAndKill(db: string, seed: number, delayMs: number): Promise<{ acked: Acked[]; killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'play', MINI, '--script', MINI_STRONG, '--seed', String(seed), '--pace', String(PACE_MS), '--db', db], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    const acked: Acked[] = [];
    let stderr = '';
    let buf = '';
    let timer: NodeJS.Timeout | undefined;
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stderr += text;
      buf += text;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const m = ACCEPTED.exec(line);
        if (!m) continue;
        acked.push({ seq: Number(m[1]), clock: m[2]!, text: m[3]! });
        if (acked.length === 1) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      resolve({ acked, killed: signal === 'SIGKILL', stderr });
    });
  });
}

describe('SIGKILL during paced scripted sessions', () => {
  it(`loses no acknowledged event and leaves a verifiable chain (${TRIALS} trials, seed ${SEED})`, async () => {
    const random = rng(SEED);
    let killedMidway = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const db = join(tempDir(), 'crash.db');
      // Anywhere from right after the first acknowledgement to near the script's end.
      const delayMs = Math.floor(random() * PACE_MS * (SCRIPT_LINES - 1));
      const where = `trial ${trial} (FIREDRILL_CRASH_SEED=${SEED}, kill ${delayMs} ms after the first acknowledgement)`;
      const { acked, killed, stderr } = await playAndKill(db, trial + 1, delayMs);
      expect(acked.length, `${where}: nothing acknowledged\n${stderr}`).toBeGreaterThan(0);
      if (killed) killedMidway++;

      const store = openStore(db);
      try {
        const row = store.getSession('latest');
        const events = store.events(row.id);
        // seq 1 is the start; the script's commands follow, in order, with no gaps.
        events.forEach((e, i) => expect(e.seq, where).toBe(i + 1));
        expect(events[0]).toMatchObject({ seq: 1, type: 'start' });
        for (const a of acked) {
          const e = events.find((x) => x.seq === a.seq);
          expect(e, `${where}: acknowledged #${a.seq} "${a.text}" is missing`).toBeDefined();
          expect(e!.type).toBe('command');
          expect((e!.payload as { text: string }).text, where).toBe(a.text);
          const [mm, ss] = a.clock.split(':').map(Number);
          expect(e!.simMs, where).toBe((mm! * 60 + ss!) * 1000);
        }
        // At most the event being committed when the kill came is ahead of the acknowledgements.
        const commands = events.filter((e) => e.type === 'command').length;
        expect(commands - acked.length, where).toBeLessThanOrEqual(1);
        expect(store.verify(row.id), where).toMatchObject({ ok: true, brokenAt: null, events: events.length });
        // The world rebuilds from whatever was committed.
        const session = Session.load(store, row.id, () => 0);
        expect(session.engine.state.commandsSeen, where).toBe(commands);
      } finally {
        store.close();
      }
      const v = await runCli(['verify', 'latest', '--db', db]);
      expect(v.code, `${where}: ${v.stdout}${v.stderr}`).toBe(0);
      rmSync(dirname(db), { recursive: true, force: true });
    }
    // Guard against a test that never actually kills anything.
    expect(killedMidway, `seed ${SEED}`).toBeGreaterThan(0);
  }, 15_000 + TRIALS * 5_000);
});
