// One recorder: whichever path records an event (a script line, the live
// controller, the examiner console, or several at once on one session), each
// process's engine applies every event of the log exactly once, in log order,
// and what it applied is what a replay reads back.
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/sim/events.js';
import { ExaminerConsole } from '../../src/session/examiner.js';
import { LiveController } from '../../src/session/live-controller.js';
import { toSimEvent } from '../../src/session/recorder.js';
import { Session } from '../../src/session/session.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDb } from '../cli/run-cli.js';
import { loadFixture } from '../helpers.js';

const WALL = 1_700_000_000_000;
const start = (store: Store, mode: 'solo' | 'interview' = 'solo') =>
  Session.start(store, loadFixture('test/fixtures/mini.yaml'), { seed: 5, trainee: 't', mode, difficulty: 'normal' }, () => WALL);

/** Everything the session's engine applies from now on. */
function applied(session: Session): SimEvent[] {
  const seen: SimEvent[] = [];
  const engine = session.engine;
  const apply = engine.apply.bind(engine);
  engine.apply = (e: SimEvent) => {
    seen.push(e);
    return apply(e);
  };
  return seen;
}

const asLog = (store: Store, id: string) => JSON.stringify(store.events(id).map(toSimEvent));

describe('one recorder', () => {
  it('a script: each recorded event is applied once', () => {
    const store = openStore(':memory:');
    const s = start(store);
    const seen = applied(s);
    s.record({ type: 'start' }, 0);
    s.record({ type: 'command', text: 'ack' }, 30_000);
    s.record({ type: 'command', text: 'sev 2' }, 60_000);
    s.record({ type: 'quit' }, 90_000, 'system');
    expect(seen).toHaveLength(4);
    expect(JSON.stringify(seen)).toBe(asLog(store, s.id));
    // the IC's decisions carry their view hash, the rest do not
    expect(store.viewHashes(s.id).map((h) => h.seq)).toEqual([2, 3]);
  });

  it('live play, with a start speed and a script-style record in between: each event applied once', () => {
    const store = openStore(':memory:');
    const s = start(store);
    const seen = applied(s);
    let wall = WALL;
    const live = new LiveController(s, { interview: false, startSpeed: 5, onFinish: () => 'done', wallNow: () => wall });
    live.start();
    expect(s.engine.state.speed).toBe(5);
    for (let i = 0; i < 30; i++) live.advance((wall += 100) && 100);
    // another path writing to the same session (what the --speed Proxy used to do) is not applied twice
    s.record({ type: 'speed', speed: 2 }, s.engine.sec * 1000);
    live.submit('ack');
    for (let i = 0; i < 10; i++) live.advance((wall += 100) && 100);
    live.quit();
    const log = store.events(s.id);
    expect(log.map((e) => e.type)).toEqual(['start', 'speed', 'speed', 'command', 'quit']);
    expect(JSON.stringify(seen)).toBe(asLog(store, s.id));
  });

  it('the examiner and the candidate in two processes: each side applies each event once, in log order', () => {
    const db = tempDb();
    const candStore = openStore(db);
    const examStore = openStore(db);
    const cand = start(candStore, 'interview');
    const candSeen = applied(cand);
    let wall = WALL;
    const live = new LiveController(cand, { interview: true, onFinish: () => 'done', wallNow: () => wall });
    const examiner = ExaminerConsole.attach(examStore, cand.id, () => wall);
    const examSeen = applied(examiner.session);
    const frames = (n: number) => {
      for (let i = 0; i < n; i++) live.advance((wall += 100) && 100);
    };
    live.start();
    frames(50);
    examiner.poll();
    expect(examiner.injectMessage('sam: any news?')).toBe(true);
    live.submit('ack'); // recorded on top of the examiner's message, which it applies first
    expect(examiner.note('asked for news')).toBe(true);
    frames(5);
    expect(examiner.togglePause()).toBe(true);
    frames(5);
    examiner.poll();
    const log = asLog(candStore, cand.id);
    expect(candStore.events(cand.id).map((e) => `${e.actor}:${e.type}`)).toEqual(['ic:start', 'examiner:inject', 'ic:command', 'examiner:annotate', 'examiner:pause']);
    expect(JSON.stringify(candSeen)).toBe(log);
    expect(JSON.stringify(examSeen)).toBe(log);
    expect(examiner.view({ sparkPoints: 10, logLines: 5, feedLines: 5, timelineEntries: 5, logScrollback: 0 }).activity.filter((a) => a.kind === 'inject')).toHaveLength(1);
    candStore.close();
    examStore.close();
  });
});
