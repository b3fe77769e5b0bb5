// The solo coach: each rule speaks on a script that provokes it and stays
// quiet on the strong play; the same seed and events give the same lines;
// it is off at hard, off without the start event's `coach`, never in an
// interview; a reload of the recording says the same lines; and the score
// is the same with and without it.
import { describe, expect, it } from 'vitest';
import { coachWanted } from '../../src/sim/coach.js';
import type { CoachRule } from '../../src/sim/world.js';
import { runScript, type HeadlessOptions } from '../../src/session/headless.js';
import { parseScript } from '../../src/session/script.js';
import { Session } from '../../src/session/session.js';
import { openStore } from '../../src/store/index.js';
import { loadFixture, scriptLines } from '../helpers.js';
import { cases } from '../support/hidden-strings.js';

const MINI = 'test/fixtures/mini.yaml';
const WALL = () => 1_700_000_000_000;

async function run(scenarioPath: string, lines: ReturnType<typeof scriptLines>, opts: Partial<HeadlessOptions> = {}) {
  const store = openStore(':memory:');
  const r = await runScript(store, loadFixture(scenarioPath), lines, { seed: 1, trainee: 't', mode: 'solo', difficulty: 'normal', coach: true, ...opts }, WALL);
  return { ...r, store, state: r.session.engine.state };
}

function text(script: string) {
  const p = parseScript(script, 'inline');
  if (!p.ok) throw new Error(p.errors.join('\n'));
  return p.lines;
}

const rules = (s: { nudges: { rule: CoachRule }[] }) => s.nudges.map((n) => n.rule);

describe('the coach', () => {
  it('is wanted in solo play at easy and normal, unless --no-coach; never at hard or in an interview', () => {
    expect(coachWanted({ mode: 'solo', difficulty: 'easy' })).toBe(true);
    expect(coachWanted({ mode: 'solo', difficulty: 'normal' })).toBe(true);
    expect(coachWanted({ mode: 'solo', difficulty: 'normal', noCoach: true })).toBe(false);
    expect(coachWanted({ mode: 'solo', difficulty: 'hard' })).toBe(false);
    expect(coachWanted({ mode: 'interview', difficulty: 'easy' })).toBe(false);
  });

  it('nudges the weak play: the unacknowledged page, minutes idle, the harmful change, no update, the resolve with alerts firing', async () => {
    const { state } = await run(MINI, scriptLines('test/fixtures/mini.weak.txt'));
    expect(state.coach).toBe(true);
    expect(rules(state)).toEqual(['unacked-page', 'harmful-change', 'idle', 'update-cadence', 'resolve-with-alerts']);
    const at = (rule: CoachRule) => state.nudges.filter((n) => n.rule === rule).map((n) => n.sec);
    // CheckoutErrors pages at 1:32; the rubric's ack target is 2 minutes
    expect(at('unacked-page')).toEqual([92 + 120]);
    // said right after the command that earned it
    expect(at('harmful-change')).toEqual([6 * 60 + 30]);
    expect(at('resolve-with-alerts')).toEqual([20 * 60]);
    // the last command before the long silence is run config log at 10:00: three minutes later
    expect(at('idle')).toEqual([13 * 60]);
    // acknowledged at 6:00, the cadence is 10 minutes, no update ever
    expect(at('update-cadence')).toEqual([16 * 60]);
    // each is in the chat as the coach's muted line, at its second
    const lines = state.feed.filter((f) => f.channel === 'coach');
    expect(lines.map((f) => [f.sec, f.text])).toEqual(state.nudges.map((n) => [n.sec, n.text]));
    expect(lines.every((f) => f.from === 'coach' && f.tone === 'muted')).toBe(true);
    expect(lines.find((f) => f.sec === 6 * 60 + 30)?.text).toMatch(/Restart the database.*made things worse/);
  });

  it('nudges a time-box that ran out with nobody following up, once, and not when the IC followed up', async () => {
    const base = '01:40 ack\n01:50 sev 2\n02:00 status Checkout failing; next update in 10 min\n02:10 escalate ops\n03:20 ask ana run config log in 30s\n';
    const left = await run(MINI, text(base));
    const boxes = left.state.nudges.filter((n) => n.rule === 'timebox-expired');
    expect(boxes).toHaveLength(1);
    const task = left.state.tasks[0]!;
    expect(boxes[0]!.sec).toBe(task.expiredSec! + 60);
    expect(boxes[0]!.text).toMatch(/Ana's time-box for "run config log" ran out a minute ago.*followup ana/);
    const followed = await run(MINI, text(`${base}04:00 followup ana\n`));
    expect(rules(followed.state)).not.toContain('timebox-expired');
  });

  it('says nothing on the mini strong play', async () => {
    const { state } = await run(MINI, scriptLines('test/fixtures/mini.strong.txt'));
    expect(state.coach).toBe(true);
    expect(state.nudges).toEqual([]);
    expect(state.feed.some((f) => f.channel === 'coach')).toBe(false);
  });

  it('gives the same nudges for the same seed and events', async () => {
    const a = await run(MINI, scriptLines('test/fixtures/mini.weak.txt'));
    const b = await run(MINI, scriptLines('test/fixtures/mini.weak.txt'));
    expect(a.state.nudges).toEqual(b.state.nudges);
    expect(a.state.feed).toEqual(b.state.feed);
  });

  it('is silent at hard, without the start event asking for it, and in an interview', async () => {
    const weak = scriptLines('test/fixtures/mini.weak.txt');
    for (const opts of [{ difficulty: 'hard' as const }, { coach: false }, { mode: 'interview' as const }]) {
      const { state, store, session } = await run(MINI, weak, opts);
      expect(state.coach, JSON.stringify(opts)).toBe(false);
      expect(state.nudges).toEqual([]);
      expect(state.feed.some((f) => f.channel === 'coach')).toBe(false);
      // the recording says so: its start event carries no coach
      expect(store.events(session.id).find((e) => e.type === 'start')!.payload).not.toHaveProperty('coach');
    }
  });

  it('a recording reloaded says the same lines at the same seconds as the live session', async () => {
    const live = await run(MINI, scriptLines('test/fixtures/mini.weak.txt'));
    expect(live.store.events(live.session.id).find((e) => e.type === 'start')!.payload).toMatchObject({ coach: true });
    const replayed = Session.load(live.store, live.session.id, WALL);
    expect(replayed.engine.state.nudges).toEqual(live.state.nudges);
    expect(replayed.engine.state.feed).toEqual(live.state.feed);
    // and part way through, only what had been said by then
    const mid = Session.load(live.store, live.session.id, WALL, 10 * 60 * 1000);
    expect(mid.engine.state.nudges).toEqual(live.state.nudges.filter((n) => n.sec <= 600));
  });

  describe('on every scenario’s scripts', () => {
    for (const c of cases()) {
      const strong = c.name.includes('.strong.');
      it(`${c.name}: ${strong ? 'no nudge' : 'nudged'}, and the score is the same without the coach`, async () => {
        const lines = scriptLines(c.scriptPath);
        const variant = c.variant ? { variant: c.variant } : {};
        const on = await run(c.scenarioPath, lines, variant);
        const off = await run(c.scenarioPath, lines, { ...variant, coach: false });
        if (strong) expect(on.state.nudges.map((n) => `${n.sec} ${n.text}`)).toEqual([]);
        else expect(on.state.nudges.length).toBeGreaterThan(0);
        expect(off.state.nudges).toEqual([]);
        expect(on.score).toEqual(off.score);
        // nothing but the coach's own lines differs
        expect(on.state.feed.filter((f) => f.channel !== 'coach')).toEqual(off.state.feed);
      }, 120_000);
    }
  });
});
