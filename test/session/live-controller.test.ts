// The live controller on its own: how wall time from the frame clock moves
// sim time (speed, pause, the one-second cap per frame), that every input is
// in the log before it takes effect, that nothing is recorded before the start
// or after the end, that an event another process appended takes effect
// before the clock moves, and that the end is settled exactly once.
import { describe, expect, it } from 'vitest';
import { LiveController, type LiveOptions } from '../../src/session/live-controller.js';
import { Session } from '../../src/session/session.js';
import { openStore } from '../../src/store/index.js';
import { loadFixture } from '../helpers.js';

const WALL = 1_700_000_000_000;

function live(opts: Partial<LiveOptions> = {}) {
  const store = openStore(':memory:');
  const session = Session.start(store, loadFixture('test/fixtures/mini.yaml'), { seed: 3, trainee: 't', mode: 'solo', difficulty: 'normal' }, () => WALL);
  const finished: string[] = [];
  let wall = WALL;
  const controller = new LiveController(session, {
    interview: false,
    onFinish: (s) => {
      finished.push(s.id);
      return 'the summary';
    },
    wallNow: () => wall,
    ...opts,
  });
  /** One frame: `ms` of wall time pass, then the controller is told. */
  const frame = (ms: number) => {
    wall += ms;
    controller.advance(ms);
  };
  const types = () => store.events(session.id).map((e) => e.type);
  return { store, session, controller, frame, types, finished };
}

describe('the live controller', () => {
  it('records nothing and moves no time before the start', () => {
    const { controller, frame, types } = live();
    controller.submit('ack');
    controller.faster();
    controller.togglePause();
    frame(1000);
    expect(controller.started).toBe(false);
    expect(controller.clockMs).toBe(0);
    expect(types()).toEqual([]);
  });

  it('moves sim time by the wall time times the speed, and at most one wall second per frame', () => {
    const { controller, frame, session } = live();
    controller.start();
    frame(500);
    expect(controller.clockMs).toBe(500);
    for (const _ of [1, 2, 3, 4]) controller.faster(); // 2x, 5x, 10x, and no further
    expect(session.engine.state.speed).toBe(10);
    frame(100);
    expect(controller.clockMs).toBe(1500);
    // a laptop that slept for a minute: one second of it counts
    frame(60_000);
    expect(controller.clockMs).toBe(11_500);
    expect(session.engine.sec).toBe(11);
    for (const _ of [1, 2, 3, 4]) controller.slower();
    expect(session.engine.state.speed).toBe(1);
  });

  it('a pause stops the clock until the resume; both are recorded', () => {
    const { controller, frame, types } = live();
    controller.start();
    frame(1000);
    controller.togglePause();
    frame(1000);
    frame(1000);
    expect(controller.clockMs).toBe(1000);
    controller.togglePause();
    frame(1000);
    expect(controller.clockMs).toBe(2000);
    expect(types()).toEqual(['start', 'pause', 'resume']);
  });

  it('runs the postmortem countdown on wall time: a pause or a speed-up of the incident clock does not touch it', () => {
    const { controller, frame, session, store } = live();
    controller.start();
    frame(1000);
    controller.submit('resolve');
    controller.submit('postmortem');
    const pm = session.engine.state.postmortem;
    expect(pm.startedSec).toBe(1);
    const allowed = pm.deadlineSec! - pm.startedSec!;
    for (const _ of [1, 2, 3, 4]) controller.faster();
    controller.togglePause();
    expect(session.engine.state.paused).toBe(true);
    for (let i = 0; i < 90; i++) frame(1000);
    // 90 wall seconds later: 90 seconds of the countdown gone, not 0 (paused) and not 900 (10x)
    expect(session.engine.sec).toBe(91);
    controller.submit('pm summary Payments failed for ten minutes after a config push.');
    controller.submit('pm submit');
    const done = session.engine.state.postmortem;
    expect(done.submittedSec! - done.startedSec!).toBe(90);
    expect(session.score().timings).toMatchObject({ postmortemS: 90, postmortemAllowedS: allowed });
    // The elapsed time is in the events' sim times: a replay gets the same without a wall clock.
    const replayed = Session.load(store, session.id, () => 0);
    expect(replayed.score().timings.postmortemS).toBe(90);
  });

  it('a command is in the log, stamped at the present, before the engine shows it', () => {
    const { controller, frame, session, store } = live();
    controller.start();
    frame(1000);
    const applied: number[] = [];
    const apply = session.engine.apply.bind(session.engine);
    session.engine.apply = (e) => {
      applied.push(store.events(session.id).length);
      return apply(e);
    };
    controller.submit('sev 2');
    controller.submit('   ');
    expect(applied).toEqual([2]); // the start and the command were stored when it was applied
    const command = store.events(session.id).at(-1)!;
    expect(command).toMatchObject({ type: 'command', simMs: 1000, wallMs: WALL + 1000, payload: { text: 'sev 2' } });
    expect(session.engine.state.severity).toBe(2);
  });

  it('--speed: the start is followed by the speed, recorded like a key', () => {
    const { controller, frame, types, session } = live({ startSpeed: 60 });
    controller.start();
    controller.start();
    expect(types()).toEqual(['start', 'speed']);
    expect(session.engine.state.speed).toBe(60);
    frame(1000);
    expect(controller.clockMs).toBe(60_000);
  });

  it("an event another process appended takes effect before the clock moves", () => {
    const { controller, frame, session, store } = live();
    controller.start();
    frame(1000);
    // the examiner, in another process, pauses the session at the candidate's present
    store.appendEventLive(session.id, { simMs: 1000, wallMs: WALL + 1500, actor: 'examiner', type: 'pause', payload: {} });
    frame(1000);
    expect(session.engine.state.paused).toBe(true);
    expect(controller.clockMs).toBe(1000);
    // and the candidate's next input goes on top of it
    controller.submit('ack');
    expect(store.events(session.id).map((e) => e.type)).toEqual(['start', 'pause', 'command']);
  });

  it('quit ends the session, settles it exactly once, and nothing is recorded after', () => {
    const { controller, frame, types, finished, session } = live();
    controller.start();
    frame(1000);
    controller.quit();
    controller.quit();
    controller.submit('ack');
    controller.faster();
    frame(1000);
    expect(controller.finished).toBe(true);
    expect(types()).toEqual(['start', 'quit']);
    expect(finished).toEqual([session.id]);
    expect(controller.view({ sparkPoints: 10, logLines: 5, feedLines: 5, timelineEntries: 5, logScrollback: 0 }).summary).toBe('the summary');
  });
});
