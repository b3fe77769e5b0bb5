// Examiner injections speak as any persona of the scenario (stakeholder,
// responder, executive) under the name the candidate's screen gives them,
// never a raw id; prepared curveballs come from the scenario's data; and
// after the time limit the live clock and the impact stand still.
import { describe, expect, it } from 'vitest';
import { ExaminerConsole } from '../../src/session/examiner.js';
import { Recording } from '../../src/session/replay.js';
import { Session } from '../../src/session/session.js';
import { openStore } from '../../src/store/index.js';
import { viewSizeFor } from '../../src/ui/render-frame.js';
import { scenarioFromRaw } from '../../src/scenario/validate.js';
import { loadFixture } from '../helpers.js';
import { LiveDriver } from './replay-helpers.js';

const size = viewSizeFor(120, 40);

function hosted(file = 'scenarios/payment-fraud-dns.yaml') {
  const store = openStore(':memory:');
  const loaded = loadFixture(file);
  const session = Session.start(store, loaded, { seed: 1, trainee: 'cand', mode: 'interview', difficulty: 'normal' }, () => 1_700_000_000_000);
  const driver = new LiveDriver(session, { interview: true });
  const examiner = ExaminerConsole.attach(store, session.id, () => driver.wall);
  driver.live.start();
  driver.runTo(60_000);
  examiner.poll();
  const feed = () => {
    driver.frame();
    return session.engine.state.feed.map((f) => `${f.from}: ${f.text}`);
  };
  return { store, session, driver, examiner, feed, scenario: loaded.scenario };
}

describe('injections from the scenario\'s personas', () => {
  it('a stakeholder, a responder and the executive speak under their display names', () => {
    const { examiner, feed, session } = hosted();
    expect(examiner.injectMessage('dana: Is the EU affected too?')).toBe(true);
    expect(examiner.injectMessage('Priya: I think the config push at 20:58 matters')).toBe(true);
    expect(examiner.injectMessage('exec: Board wants a summary in ten minutes.')).toBe(true);
    const lines = feed();
    expect(lines).toContain('Dana Whitfield (Support lead): Is the EU affected too?');
    expect(lines.some((l) => l.startsWith('Priya Raman → you: I think the config push'))).toBe(true);
    expect(lines).toContain('Alex Moreau (VP Payments): Board wants a summary in ten minutes.');
    expect(lines.some((l) => /^(dana|priya|exec):/u.test(l))).toBe(false);
    // the stakeholder's and the executive's questions can be answered with reply
    const q = session.engine.state.questions.filter((x) => x.id.startsWith('inject-'));
    expect(q.map((x) => x.stakeholder)).toEqual(['dana', 'executive']);
    expect(examiner.injectMessage('nobody: hello')).toBe(true); // not a persona: the whole text, from the first stakeholder
    expect(feed()).toContain('Dana Whitfield (Support lead): nobody: hello');
  });

  it('prepared curveballs come from the scenario, by number or id, and replay as they were', () => {
    const { examiner, feed, store, session, scenario } = hosted();
    const balls = scenario.examiner.curveballs;
    expect(balls.length).toBeGreaterThanOrEqual(3);
    expect(examiner.view(size).curveballs.map((c) => c.id)).toEqual(balls.map((b) => b.id));
    expect(examiner.curveball('1')).toBe(true);
    expect(examiner.curveball(balls[2]!.id)).toBe(true);
    expect(examiner.curveball('99')).toBe(false);
    expect(examiner.view(size).message).toMatch(/no curveball "99"; this scenario has 1–\d/);
    const lines = feed();
    expect(lines.some((l) => l.endsWith(balls[0]!.text))).toBe(true);
    expect(lines.some((l) => l.endsWith(balls[2]!.text))).toBe(true);
    expect(examiner.view(size).curveballs.filter((c) => c.used).map((c) => c.n)).toEqual([1, 3]);
    const rec = Recording.load(store, session.id);
    expect(rec.final.state.feed.map((f) => f.text)).toEqual(session.engine.state.feed.map((f) => f.text));
  });

  it('a scenario whose curveball speaks as nobody in it is refused', () => {
    const raw = structuredClone(loadFixture('scenarios/payment-fraud-dns.yaml').raw) as { examiner: { curveballs: { id: string; from: string; text: string }[] } };
    raw.examiner.curveballs = [{ id: 'ghost', from: 'casper', text: 'boo' }];
    const r = scenarioFromRaw(raw, 'payment-fraud-dns');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message).join('\n')).toMatch(/curveball ghost.*"casper"/);
  });
});

describe('the time limit', () => {
  it('after it runs out, the live clock and the impact stand still', () => {
    const { driver, session } = hosted('test/fixtures/mini.yaml');
    const limitMs = session.engine.state.timeLimitSec * 1000;
    driver.runTo(limitMs + 5_000, limitMs / 100 + 1_000); // the clock stops at the limit: bounded frames
    expect(session.engine.incident.hasTag('time-up')).toBe(true);
    const clock = driver.live.clockMs;
    const impact = JSON.stringify(session.engine.state.impact);
    for (let i = 0; i < 50; i++) driver.frame();
    expect(driver.live.clockMs).toBe(clock);
    expect(JSON.stringify(session.engine.state.impact)).toBe(impact);
  });
});
