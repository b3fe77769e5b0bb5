import { describe, expect, it } from 'vitest';
import { checkpoint, playText, reasonsOf } from '../helpers.js';

const MINI = 'test/fixtures/mini.yaml';
// Ana joins 60 s after `escalate ops` and takes 120 s per task.
const OPENING = `
00:30 ack
00:40 sev 2
00:50 status Checkout failing; investigating. Next update in 10 min.
01:00 escalate ops
`;

describe('incident command as a simulated team', () => {
  it('a responder joins after the page, acknowledges a task and reports back with evidence', async () => {
    const { session } = await playText(MINI, `${OPENING}02:10 ask ana run config log in 5m\n`);
    const s = session.engine.state;
    expect(s.responders['ana']!.joinedSec).toBe(120);
    const task = s.tasks[0]!;
    expect(task).toMatchObject({ who: 'ana', kind: 'diagnostic', named: true, dueSec: 130 + 300, reportedSec: 130 + 120 });
    expect(s.feed.some((f) => f.from === 'Ana → you' && /config change log/.test(f.text))).toBe(true);
    expect(s.evidence['change-found']).toBe(250);
  });

  it('refuses to delegate to someone who has not joined, and says what to do', async () => {
    const { session } = await playText(MINI, `00:30 ask ana run config log in 5m\n`);
    expect(session.engine.state.tasks).toHaveLength(0);
    expect(session.engine.state.lastAnswer).toMatchObject({ ok: false, text: 'Ana has not joined yet: `escalate ops` first' });
  });

  it('loses the follow-up point when a time-box runs out unanswered, keeps it when the IC follows up', async () => {
    // a 1-minute box on a 2-minute task: the box expires before the report
    const silent = await playText(MINI, `${OPENING}02:10 ask ana run config log in 1m\n`);
    const diligent = await playText(MINI, `${OPENING}02:10 ask ana run config log in 1m\n03:20 followup ana\n`);
    expect(silent.session.engine.state.tasks[0]!.expiredSec).toBe(190);
    expect(checkpoint(silent.score, 'follow').earned).toBe(0);
    expect(checkpoint(silent.score, 'follow').reason).toMatch(/did not follow up on ana/);
    // every point it carries in this session (checks that did not apply gave it their weight)
    expect(checkpoint(diligent.score, 'follow').earned).toBe(checkpoint(diligent.score, 'follow').points);
    expect(checkpoint(diligent.score, 'follow').points).toBeGreaterThanOrEqual(5);
    expect(diligent.session.engine.state.feed.some((f) => f.from === 'Ana' && /Still on/.test(f.text))).toBe(true);
  });

  it('scores "can someone" lower than a named, time-boxed ask', async () => {
    const anyone = await playText(MINI, `${OPENING}02:10 ask anyone run config log\n`);
    const named = await playText(MINI, `${OPENING}02:10 ask ana run config log in 5m\n`);
    expect(anyone.session.engine.state.tasks[0]!.named).toBe(false);
    expect(checkpoint(anyone.score, 'delegate').earned).toBeLessThan(checkpoint(named.score, 'delegate').earned);
  });

  it('costs command points for hands-on work once responders are present, not before', async () => {
    const alone = await playText(MINI, `00:30 ack\n00:40 run config log\n`);
    const crowded = await playText(MINI, `${OPENING}02:10 run config log\n`);
    expect(alone.session.engine.state.handsOn).toHaveLength(0);
    expect(crowded.session.engine.state.handsOn).toHaveLength(1);
    expect(checkpoint(crowded.score, 'handsoff').reason).toMatch(/hands-on work while responders were present/);
  });

  it('hears objections to a poll from joined responders, and records the poll', async () => {
    const { session } = await playText(MINI, `${OPENING}02:10 poll roll back the last change\n`);
    const poll = session.engine.state.polls[0]!;
    expect(poll.objections[0]).toMatch(/Ana: Rollback drops the new promo config/);
    expect(session.engine.state.feed.some((f) => f.tone === 'alert' && /Objection/.test(f.text))).toBe(true);
  });

  it('assigns roles and hands over command with an acknowledgement', async () => {
    const { session } = await playText(MINI, `${OPENING}02:10 role ops ana\n02:20 handoff ana\n`);
    const s = session.engine.state;
    expect(s.roles['ops']!.who).toBe('ana');
    expect(s.handoff).toEqual({ who: 'ana', sec: 140 });
    expect(s.feed.some((f) => f.from === 'Ana' && /I am now the incident commander/.test(f.text))).toBe(true);
  });

  it('brings in the executive after a long silence and takes communication points, saying why', async () => {
    // SEV-2 declared, one update at 0:50, then silence until the time limit (30 min)
    const silent = await playText(MINI, `${OPENING}`);
    const s = silent.session.engine.state;
    expect(s.executiveSec).toBe(50 + 600);
    expect(s.feed.some((f) => /Vic \(VP\)/.test(f.from))).toBe(true);
    expect(checkpoint(silent.score, 'cadence').earned).toBeLessThan(5);
    expect(reasonsOf(silent.score)).toMatch(/executive swooped in at 10:50/);
    expect(reasonsOf(silent.score)).toMatch(/no update between 0:50 and/);
  });

  it('counts a reply that covers what the stakeholder asked', async () => {
    const good = await playText(MINI, `${OPENING}05:30 reply sam Checkout fails for most users; next update in 10 minutes\n`);
    const thin = await playText(MINI, `${OPENING}05:30 reply sam working on it\n`);
    expect(good.session.engine.state.questions[0]).toMatchObject({ stakeholder: 'sam', answerCovers: true });
    expect(thin.session.engine.state.questions[0]).toMatchObject({ stakeholder: 'sam', answerCovers: false });
  });

  it('is deterministic: the same script gives identical events and score', async () => {
    const script = `${OPENING}02:10 ask ana run config log in 1m\n03:20 followup ana\n04:00 poll roll back\n04:10 ask ana do rollback in 3m\n`;
    const a = await playText(MINI, script, 11);
    const b = await playText(MINI, script, 11);
    const inputs = (r: typeof a) => r.session.store.events(r.session.id).map((e) => [e.seq, e.simMs, e.actor, e.type, e.payload]);
    expect(inputs(a)).toEqual(inputs(b));
    expect(a.score).toEqual(b.score);
  });
});

describe('time-boxes in a scenario that shows a day per minute', () => {
  const VISITS = 'scenarios/visits-slow-query.yaml';
  const opening = `00:12 ack\n00:25 escalate web\n00:30 escalate dba\n`;

  it('"in 1d" is one of the scenario\'s days, and the IC hears it in those words', async () => {
    const { session } = await playText(VISITS, `${opening}02:15 ask aiko run EXPLAIN (ANALYZE, BUFFERS) the /visits query for center 4127 in 1d\n`, 1, 'missing-index');
    const s = session.engine.state;
    const task = s.tasks.find((t) => t.who === 'aiko')!;
    expect(task.dueSec).toBe(135 + 60);
    expect(s.feed.some((f) => /back to you in 1:00 \(1 d on the clock\)/.test(f.text))).toBe(true);
    expect(s.timeline.some((e) => /in 1 d$/.test(e.text))).toBe(true);
  });

  it('"in 12h" is half a day: half a sim-minute', async () => {
    const { session } = await playText(VISITS, `${opening}02:15 ask aiko run EXPLAIN (ANALYZE, BUFFERS) the /visits query for center 4127 in 12h\n`, 1, 'missing-index');
    expect(session.engine.state.tasks.find((t) => t.who === 'aiko')!.dueSec).toBe(135 + 30);
  });
});
