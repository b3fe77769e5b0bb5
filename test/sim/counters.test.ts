import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load.js';
import { checkpoint, playText } from '../helpers.js';
import { edit, lint } from '../scenario/lint/helpers.js';

const FIXTURE = 'test/fixtures/counters.yaml';
const text = readFileSync(FIXTURE, 'utf8');
const OPENING = `00:30 ack\n00:40 sev 2\n`;

type Log = readonly { sec: number; flag: string; on: boolean }[];
/** The counter's value at a second, read from its value flags. */
const valueAt = (log: Log, sec: number) => {
  let v: string | null = null;
  for (const c of log) if (c.sec <= sec && c.flag.startsWith('admitted-pct=')) v = c.on ? c.flag.slice(13) : v === c.flag.slice(13) ? null : v;
  return v === null ? null : Number(v);
};

describe('counters in play', () => {
  it('start at their start, are set and stepped by actions, and conditions read them', async () => {
    const { session } = await playText(FIXTURE, `${OPENING}02:00 do shed load\n03:00 do admit more\n03:10 do admit more\n03:20 do admit more\n03:30 do admit more\n05:00 do admit more\n`);
    const log = session.engine.state.flagLog;
    expect(valueAt(log, 0)).toBe(100);
    expect(valueAt(log, 120)).toBe(30);
    expect(valueAt(log, 200)).toBe(60);
    expect(valueAt(log, 210)).toBe(70);
    expect(valueAt(log, 300)).toBe(80);
    // exactly one value flag is up at a time
    const up = session.engine.flags.active().filter((f) => f.startsWith('admitted-pct='));
    expect(up).toEqual(['admitted-pct=80']);
    // a reply reads the counter after its own change
    expect(session.engine.state.feed.filter((f) => /in all/.test(f.text)).map((f) => f.text.match(/\d+ per cent in all/)![0])).toEqual(['40 per cent in all', '50 per cent in all', '60 per cent in all', '70 per cent in all', '80 per cent in all']);
    // overloaded while more than 60 % is admitted on the old capacity
    expect(session.engine.metricAt('checkout_5xx', 100)).toBe(80);
    expect(session.engine.metricAt('checkout_5xx', 150)).toBe(0.5);
    expect(session.engine.metricAt('checkout_5xx', 205)).toBe(0.5);
    expect(session.engine.metricAt('checkout_5xx', 215)).toBe(80);
  });

  it('a metric effect per a counter follows each step', async () => {
    const { session } = await playText(FIXTURE, `${OPENING}02:00 do shed load\n03:00 do admit more\n`);
    const rps = (sec: number) => session.engine.metricAt('checkout_rps', sec);
    // baseline before onset; 0.6 per admitted per cent after it
    expect([rps(30), rps(60), rps(119), rps(120), rps(179), rps(180)]).toEqual([20, 60, 60, 18, 18, 24]);
  });

  it('a diagnostic and a requires read the value; a change past max stops at max', async () => {
    const { session } = await playText(FIXTURE, `${OPENING}01:10 run admission status\n02:00 do shed load\n02:10 run admission status\n02:30 do admit more\n02:40 do admit more\n02:50 run admission status\n03:00 do admit all\n04:00 do admit more\n04:10 run admission status\n`);
    const feed = session.engine.state.feed.map((f) => f.text);
    expect(feed.filter((t) => /admitting all traffic|admitting most traffic|shedding most traffic/.test(t))).toEqual([
      'admitting all traffic',
      'shedding most traffic',
      'admitting most traffic',
      'admitting all traffic',
    ]);
    // admit all adds 100 after its 20 s delay and stops at max; then admit more is refused by its requires
    const log = session.engine.state.flagLog;
    expect(valueAt(log, 180)).toBe(50);
    expect(valueAt(log, 199)).toBe(50);
    expect(valueAt(log, 180 + 20)).toBe(100);
    expect(feed).toContain('All traffic is already admitted.');
    expect(session.engine.state.actions.filter((a) => a.id === 'admit-more')).toHaveLength(2);
  });

  it('the rubric reads them: a reached check on a counter value', async () => {
    const strong = await playText(FIXTURE, `${OPENING}02:00 do shed load\n02:10 do scale out checkout\n04:00 do admit more\n04:10 do admit more\n04:20 do admit more\n04:30 do admit more\n04:40 do admit more\n04:50 do admit more\n05:00 do admit more\n06:00 resolve\n`);
    expect(checkpoint(strong.score, 'restored').earned).toBe(checkpoint(strong.score, 'restored').points);
    // the seventh step (05:00) brings it back to 100 % on the new capacity
    expect(strong.session.engine.state.fixedSec).toBeGreaterThanOrEqual(300);
    expect(strong.session.engine.state.fixedSec).toBeLessThanOrEqual(301);
    const weak = await playText(FIXTURE, `${OPENING}02:00 do shed load\n02:10 do scale out checkout\n04:00 do admit more\n06:00 resolve\n`);
    expect(checkpoint(weak.score, 'restored').earned).toBe(0);
  });

  it('the same script gives the same world twice', async () => {
    const script = `${OPENING}02:00 do shed load\n03:00 do admit all\n`;
    const a = await playText(FIXTURE, script);
    const b = await playText(FIXTURE, script);
    expect(JSON.stringify(a.session.engine.state)).toBe(JSON.stringify(b.session.engine.state));
  });
});

describe('counters in validate and lint', () => {
  const problems = (t: string) => {
    const r = loadScenarioText(t, 'x.yaml');
    return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it('refuses an unknown counter in a condition or an action, and a counter that can grow without bound', () => {
    expect(problems(text)).toEqual([]);
    expect(problems(edit(text, 'when: "admitted-pct == 100"', 'when: "admited-pct == 100"')).join('\n')).toMatch(/diagnostics\.0\.outputs\.0\.when: unknown counter "admited-pct"/);
    expect(problems(edit(text, '[{ id: admitted-pct, add: 10 }]', '[{ id: admitted, add: 10 }]')).join('\n')).toMatch(/actions\.1\.counters\.0\.id: unknown counter "admitted"/);
    expect(problems(edit(text, '{ id: admitted-pct, start: 100, min: 0, max: 100 }', '{ id: admitted-pct, start: 100, min: 0 }')).join('\n')).toMatch(/counters\.0: counter admitted-pct can reach more than 1000 values; bound it with min and max/);
    expect(problems(edit(text, '[{ id: admitted-pct, set: 30 }]', '[{ id: admitted-pct, set: 30, add: 1 }]')).join('\n')).toMatch(/exactly one of add or set/);
    expect(problems(edit(text, 'when: "admitted-pct == 100"', 'when: "admitted-pct == high"')).join('\n')).toMatch(/write a whole number/);
    expect(problems(edit(text, '{{counter:admitted-pct}}', '{{counter:admitted}}')).join('\n')).toMatch(/actions\.1\.response: unknown counter "admitted" in \{\{counter:…\}\}/);
  });

  it('lint explores the values actions reach: the fixture is clean, a value no step reaches is found', () => {
    expect(lint(text).filter((f) => f.severity === 'error')).toEqual([]);
    const odd = lint(edit(text, 'fixedWhen: "scaled & admitted-pct == 100"', 'fixedWhen: "scaled & admitted-pct == 95"'));
    expect(odd.map((f) => f.message).join('\n')).toMatch(/counter admitted-pct is never == 95: from its start its changes only reach 30, 40, 50, 60, 70, 80, 90, 100/);
  });

  it('lint reads a metric effect per a counter at every value it reaches', () => {
    // above 55 only with everything admitted (60): reachable, so no warning
    expect(lint(text).filter((f) => f.path.startsWith('alerts'))).toEqual([]);
    // below 15: the least it gets is 18 (30 %), so it never fires
    const low = lint(edit(text, 'above: 55, forSec: 30, severity: warning', 'below: 15, forSec: 30, severity: warning'));
    expect(low.map((f) => `${f.path}: ${f.message}`).join('\n')).toMatch(/alerts\.1: alert surge never fires: metric checkout_rps never goes below 15/);
    // an unknown counter is refused
    expect(lint(edit(text, 'per: admitted-pct', 'per: admitted')).map((f) => f.message).join('\n')).toMatch(/unknown counter "admitted"/);
  });

  it('lint warns about a counter nothing reads and one nothing changes', () => {
    const extra = edit(text, '  - { id: admitted-pct, start: 100, min: 0, max: 100 }', '  - { id: admitted-pct, start: 100, min: 0, max: 100 }\n  - { id: spare, start: 3 }');
    const said = lint(extra).map((f) => `${f.path}: ${f.message}`).join('\n');
    expect(said).toMatch(/counters\.1: counter spare is never compared in a condition, shown/);
    expect(said).toMatch(/counters\.1: counter spare never changes: no action's counters name it, so it stays at 3/);
    expect(said).not.toMatch(/counters\.0/);
  });

  it('lint follows the steps: a value reached only by stepping up from a shed is reachable, and unreachable once the step is gone', () => {
    // 40 is reached only from 30 (shed) by one admit-more step
    const forty = edit(text, 'fixedWhen: "scaled & admitted-pct == 100"', 'fixedWhen: "scaled & admitted-pct == 40"');
    expect(lint(forty).filter((f) => f.path === 'fixedWhen')).toEqual([]);
    const noStep = edit(forty, 'requires: "admitted-pct < 100"', 'requires: "admitted-pct < 30"');
    expect(lint(noStep).filter((f) => f.path === 'fixedWhen').map((f) => f.message).join('\n')).toMatch(/counter admitted-pct is never == 40 there: it only gets to 30, 100/);
  });
});
