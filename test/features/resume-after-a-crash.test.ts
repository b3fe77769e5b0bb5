// Resume after a crash: a paced scripted session is killed with SIGKILL at
// random points (10 by default; FIREDRILL_HEAVY=1 for 50). Every event the
// process acknowledged ("accepted #SEQ MM:SS text" on stderr) is in the
// database; Session.load gives the world of a fresh engine fed the same
// events; and resuming live from the last event, then playing the rest of
// the script, ends in the world of an uninterrupted run.
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/scenario/duration.js';
import { branchSession } from '../../src/session/branch.js';
import { scriptStart } from '../../src/session/headless.js';
import { Recording } from '../../src/session/replay.js';
import { loadForResume } from '../../src/session/resume.js';
import { Session } from '../../src/session/session.js';
import { Engine } from '../../src/sim/engine.js';
import { openStore } from '../../src/store/index.js';
import { cli, cliAsync, tempDb } from '../cli/run-cli.js';
import { loadFixture } from '../helpers.js';
import { LiveDriver, lines } from '../session/replay-helpers.js';

const SCENARIO = 'test/fixtures/mini.yaml';
const SCRIPT = 'test/fixtures/mini.strong.txt';
const KILLS = process.env.FIREDRILL_HEAVY === '1' ? 50 : 10;

interface Accepted {
  seq: number;
  simMs: number;
  text: string;
}

/** A small seeded generator, so a failing run can be repeated. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Plays the paced script and SIGKILLs it `delayMs` after the `after`-th acknowledgement. */
function killAt(db: string, seed: number, after: number, delayMs: number): Promise<Accepted[]> {
  return new Promise((resolve, reject) => {
    const child = cliAsync(['play', SCENARIO, '--script', SCRIPT, '--seed', String(seed), '--pace', '30'], { FIREDRILL_DB: db });
    const accepted: Accepted[] = [];
    let buf = '';
    let armed = false;
    child.stderr.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const m = /^accepted #(\d+)\s+(\d+:\d\d)\s+(.*?)(?:\s+→.*)?$/.exec(line);
        if (m) accepted.push({ seq: Number(m[1]), simMs: parseDuration(m[2]!)! * 1000, text: m[3]! });
        if (accepted.length >= after && !armed) {
          armed = true;
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      }
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(accepted) : reject(new Error(`exited without being killed (${signal}); accepted ${accepted.length}`))));
  });
}

describe('SIGKILL at random points, then resume', () => {
  it(`loses no acknowledged event, rebuilds the same world, and resumes to the uninterrupted result (${KILLS} kills)`, async () => {
    const loaded = loadFixture(SCENARIO);
    const script = lines(SCRIPT);
    const baseSeed = Number(process.env.FIREDRILL_KILL_SEED ?? Date.now() % 100_000);
    const random = rng(baseSeed);
    const feed = (engine: Engine, cmds: { simMs: number; text: string }[]) => {
      // as `play --script` records it (solo at normal: the coach speaks)
      engine.apply({ simMs: 0, actor: 'ic', body: scriptStart(script, { mode: 'solo', difficulty: 'normal', coach: true }) });
      for (const c of cmds) engine.apply({ simMs: c.simMs, actor: 'ic', body: { type: 'command', text: c.text } });
      return engine;
    };
    for (let k = 0; k < KILLS; k++) {
      const seed = 11 + k;
      const after = 1 + Math.floor(random() * (script.length - 2));
      const delay = Math.floor(random() * 40);
      const where = `kill ${k + 1}/${KILLS} (FIREDRILL_KILL_SEED=${baseSeed}): after ${after} acks + ${delay} ms`;
      const db = tempDb();
      const accepted = await killAt(db, seed, after, delay);
      expect(accepted.length, where).toBeGreaterThanOrEqual(after);

      const store = openStore(db);
      const row = store.getSession('latest');
      const events = store.events(row.id);
      const commands = events.filter((e) => e.type === 'command').map((e) => ({ seq: e.seq, simMs: e.simMs, text: (e.payload as { text: string }).text }));
      // every acknowledged event is there, as acknowledged; at most the one in flight besides
      for (const a of accepted) expect(commands.find((c) => c.seq === a.seq), `${where}: #${a.seq}`).toEqual(a);
      expect(commands.length - accepted.length, where).toBeGreaterThanOrEqual(0);
      expect(commands.length - accepted.length, where).toBeLessThanOrEqual(1);
      expect(store.verify(row.id).ok, where).toBe(true);

      // the world from the database is the world of a fresh engine fed those events
      const fromDb = Session.load(store, row.id, () => 0);
      const fresh = feed(new Engine(loaded.scenario, { seed }), commands);
      expect(JSON.stringify(fromDb.engine.state), where).toBe(JSON.stringify(fresh.state));

      // resume live from the last event and play the rest of the script
      const resumed = loadForResume(store, row.id, () => 0);
      const d = new LiveDriver(resumed);
      expect(d.live.clockMs, where).toBe(commands.at(-1)!.simMs);
      for (const l of script.slice(commands.length)) {
        d.runTo(l.simMs);
        d.live.submit(l.text);
      }
      const uninterrupted = feed(new Engine(loaded.scenario, { seed }), script);
      expect(JSON.stringify(resumed.engine.state), `${where}: after resuming`).toBe(JSON.stringify(uninterrupted.state));
      const rec = Recording.load(store, row.id);
      expect(JSON.stringify(rec.final.state), where).toBe(JSON.stringify(resumed.engine.state));
      expect(rec.checkFidelity(store.viewHashes(row.id)).firstDiff, where).toBeNull();
      store.close();
    }
  }, 600_000);

  it('resume refuses a finished session, one another live process is playing, and a missing terminal', async () => {
    const db = tempDb();
    expect(cli(['play', SCENARIO, '--script', SCRIPT, '--quiet'], { FIREDRILL_DB: db }).code).toBe(0);
    const store = openStore(db);
    expect(() => loadForResume(store, 'latest', Date.now)).toThrow(/is over \(resolved\); there is nothing to resume.*replay/);
    const session = Session.start(store, loadFixture(SCENARIO), { seed: 1, trainee: 't', mode: 'solo', difficulty: 'normal' }, Date.now);
    session.record({ type: 'start' }, 0);
    store.publishLiveClock(session.id, 1, { simMs: 5000, wallMs: Date.now(), speed: 1, paused: false, pid: process.ppid });
    expect(() => loadForResume(store, session.id, Date.now)).toThrow(new RegExp(`being played right now by process ${process.ppid}`));
    expect(() => loadForResume(store, session.id, () => Date.now() + 60_000)).not.toThrow();
    store.close();
    const r = cli(['resume', 'latest'], { FIREDRILL_DB: db });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/resume needs an interactive terminal/);
  });
});

describe('what-if branches', () => {
  it('--branch-at starts a new session from that point: parent and time recorded, same snapshot, seed and variant, events copied', () => {
    const db = tempDb();
    expect(cli(['play', SCENARIO, '--script', SCRIPT, '--quiet', '--seed', '8'], { FIREDRILL_DB: db }).code).toBe(0);
    const store = openStore(db);
    const parent = store.getSession('latest');
    const parentEvents = store.events(parent.id);
    const branch = branchSession(store, parent.id, 330_500, Date.now);
    expect(branch.row).toMatchObject({ parentId: parent.id, branchAtMs: 330_000, scenarioJson: parent.scenarioJson, scenarioHash: parent.scenarioHash, seed: 8, variant: parent.variant, mode: parent.mode });
    const copied = store.events(branch.id);
    expect(copied.map((e) => [e.type, e.simMs, e.payload])).toEqual(parentEvents.filter((e) => e.simMs <= 330_000 && e.type !== 'quit').map((e) => [e.type, e.simMs, e.payload]));
    expect(store.verify(branch.id).ok).toBe(true);
    expect(JSON.stringify(branch.engine.state)).toBe(JSON.stringify(Recording.load(store, parent.id).at(330_000).engine.state));
    // a different course from there; the original is untouched
    const d = new LiveDriver(branch);
    expect(d.live.clockMs).toBe(330_000);
    d.runTo(340_000);
    d.live.submit('do restart db');
    expect(branch.engine.state.actions.map((a) => a.id)).toContain('restart-db');
    expect(store.events(parent.id)).toEqual(parentEvents);
    expect(store.listSessions().find((s) => s.id === branch.id)).toMatchObject({ parentId: parent.id, branchAtMs: 330_000 });
    expect(() => branchSession(store, parent.id, 99 * 60_000, Date.now)).toThrow(/ends at \+\d+:\d\d; branch at or before that/);
    expect(() => branchSession(store, parent.id, Recording.load(store, parent.id).endMs, Date.now)).toThrow(/already over/);
    store.close();
  });
});
