// The coach on the play screen: a solo player at normal sees its muted
// line in the chat; an interview candidate never does, even when the coach
// was asked for, and the examiner's console shows no coach line among the
// candidate's either. The weak play (an ack four minutes late, a harmful
// restart, a long silence, a resolve while the alert fires) is played live,
// frame by frame, as a person at the keyboard would.
import { describe, expect, it } from 'vitest';
import { LiveController } from '../../src/session/live-controller.js';
import { reportMarkdown } from '../../src/session/reports.js';
import { Session } from '../../src/session/session.js';
import { openStore } from '../../src/store/index.js';
import { renderFrame, viewSizeFor } from '../../src/ui/render-frame.js';
import { selectExaminerView } from '../../src/view/examiner-select.js';
import { loadFixture, scriptLines } from '../helpers.js';

const W = 120;
const H = 40;
const WALL = 1_700_000_000_000;

function playLive(mode: 'solo' | 'interview') {
  const store = openStore(':memory:');
  const session = Session.start(store, loadFixture('test/fixtures/mini.yaml'), { seed: 2, trainee: 'cand', mode, difficulty: 'normal' }, () => WALL);
  let wall = WALL;
  const live = new LiveController(session, { interview: mode === 'interview', coach: true, onFinish: () => 'done', wallNow: () => wall });
  const size = viewSizeFor(W, H);
  const frames: string[] = [];
  live.start();
  for (const line of scriptLines('test/fixtures/mini.weak.txt')) {
    if (line.text === 'postmortem') break;
    while (live.clockMs < line.simMs) {
      wall += 1000;
      live.advance(1000);
      if (live.clockMs % 30_000 === 0) frames.push(renderFrame(live.view(size), W, H));
    }
    live.submit(line.text);
    frames.push(renderFrame(live.view(size), W, H));
  }
  const examiner = selectExaminerView(session.engine, { sessionId: session.id, trainee: 'cand', mode, link: '', live: true, candidateSize: size, activity: [], message: null });
  return { store, session, frames, examiner };
}

describe('the coach on the play screen', () => {
  it('a solo player sees the coach’s lines in the chat, as the recording says', () => {
    const { store, session, frames } = playLive('solo');
    const start = store.events(session.id).find((e) => e.type === 'start')!;
    expect(start.payload).toMatchObject({ coach: true });
    expect(session.engine.state.nudges.map((n) => n.rule)).toEqual(['unacked-page', 'harmful-change', 'idle', 'update-cadence', 'resolve-with-alerts']);
    expect(frames.some((f) => f.includes('coach › CheckoutErrors has been paging'))).toBe(true);
    expect(frames.some((f) => f.includes('coach › That change'))).toBe(true);
    expect(reportMarkdown(session, session.score(), false)).toContain('## Coach nudges');
    // a reload of the recording says the same lines
    expect(Session.load(store, session.id, () => WALL).engine.state.nudges).toEqual(session.engine.state.nudges);
    store.close();
  });

  it('an interview candidate never sees a coach line, and the examiner sees none as the candidate’s', () => {
    const { store, session, frames, examiner } = playLive('interview');
    expect(store.events(session.id).find((e) => e.type === 'start')!.payload).not.toHaveProperty('coach');
    const s = session.engine.state;
    expect(s.coach).toBe(false);
    expect(s.nudges).toEqual([]);
    expect(s.feed.some((f) => f.channel === 'coach' || f.from === 'coach')).toBe(false);
    expect(frames.length).toBeGreaterThan(20);
    for (const f of frames) expect(f).not.toMatch(/coach ›/);
    // the same slips happened: the coach would have had something to say
    expect(s.actions.some((a) => a.kind === 'harmful')).toBe(true);
    expect(JSON.stringify(examiner)).not.toMatch(/coach ›|"channel":"coach"|"from":"coach"/);
    // nor in the debrief, the candidate's or the examiner's
    for (const reveal of [false, true]) expect(reportMarkdown(session, session.score(), reveal)).not.toMatch(/coach/i);
    store.close();
  });
});
