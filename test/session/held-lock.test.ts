// Another process holds the database's write lock for 12 s while the
// candidate plays: play goes on (the screen says it is waiting), nothing
// typed is lost, and every input is recorded in order once the lock is free.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIVE_BUSY_TIMEOUT_MS, LiveController } from '../../src/session/live-controller.js';
import { loadForResume } from '../../src/session/resume.js';
import { Session } from '../../src/session/session.js';
import { FIDELITY_SIZE } from '../../src/session/fidelity.js';
import { openStore } from '../../src/store/index.js';
import { loadFixture } from '../helpers.js';
import { MINI, tempDir } from '../cli/cli-helpers.js';

function live(db: string, wall: { now: number }) {
  const store = openStore(db, { busyTimeoutMs: LIVE_BUSY_TIMEOUT_MS });
  const session = Session.start(store, loadFixture(MINI), { seed: 2, trainee: 'kim', mode: 'solo', difficulty: 'normal' }, () => wall.now);
  const controller = new LiveController(session, { interview: false, onFinish: () => 'over', wallNow: () => wall.now });
  return { store, session, controller };
}

const commands = (store: ReturnType<typeof openStore>, id: string) =>
  store.events(id).filter((e) => e.type === 'command').map((e) => (e.payload as { text: string }).text);

describe('a write lock held elsewhere', () => {
  it('12 s of held lock: play goes on, the screen says why, no command is lost', () => {
    const db = join(tempDir(), 'locked.db');
    const wall = { now: 1_700_000_000_000 };
    const { store, session, controller } = live(db, wall);
    controller.start();
    for (let i = 0; i < 5; i++) {
      wall.now += 1000;
      controller.advance(1000);
    }
    controller.submit('ack');
    const simBefore = controller.clockMs;

    // another process takes the write lock and keeps it
    const other = new Database(db, { timeout: 0 });
    other.prepare('BEGIN IMMEDIATE').run();
    controller.submit('sev 2');
    controller.submit('status investigating; next update in 10 min');
    for (let i = 0; i < 12; i++) {
      wall.now += 1000;
      controller.advance(1000);
      if (i === 3) controller.submit('escalate ops');
    }
    expect(controller.waiting).toBe(true);
    expect(controller.finished).toBe(false);
    const answer = controller.view(FIDELITY_SIZE).answer;
    expect(answer?.ok).toBe(false);
    expect(answer?.text).toMatch(/^waiting for the database \(12 s\): another process holds its write lock; the clock stands still and 3 inputs are kept/);
    // the clock stood still: nothing was published or applied meanwhile
    expect(controller.clockMs).toBe(simBefore);
    expect(commands(store, session.id)).toEqual(['ack']);

    other.prepare('COMMIT').run();
    other.close();
    wall.now += 1000;
    controller.advance(1000);
    expect(controller.waiting).toBe(false);
    expect(commands(store, session.id)).toEqual(['ack', 'sev 2', 'status investigating; next update in 10 min', 'escalate ops']);
    // each took effect when it was typed, on a clock that had stood still
    const stamps = store.events(session.id).filter((e) => e.type === 'command').map((e) => e.simMs);
    expect(stamps.slice(1).every((ms) => ms === simBefore)).toBe(true);
    expect(controller.view(FIDELITY_SIZE).answer?.text).not.toMatch(/waiting/);
    expect(store.verify(session.id).ok).toBe(true);
    store.close();
  });

  it('a resume forgets the clock a killed process had published', () => {
    const db = join(tempDir(), 'clock.db');
    const wall = { now: 1_700_000_000_000 };
    const { store, session, controller } = live(db, wall);
    controller.start();
    controller.advance(1000);
    // a process had published a clock far ahead of its last event, then died
    store.publishLiveClock(session.id, session.recorder.appliedSeq, { simMs: 600_000, wallMs: wall.now, speed: 10, paused: false, pid: 999_999_999 });
    session.lease?.release();
    store.close();
    const again = openStore(db);
    const resumed = loadForResume(again, session.id, () => wall.now + 10_000);
    expect(again.liveClock(session.id)).toBeNull();
    const c = new LiveController(resumed, { interview: false, onFinish: () => 'over', wallNow: () => wall.now + 10_000 });
    c.advance(1000);
    expect(again.liveClock(session.id)!.simMs).toBeLessThan(10_000);
    resumed.lease?.release();
    again.close();
  });
});
