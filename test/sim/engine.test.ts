import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/sim/engine.js';
import { Session } from '../../src/session/session.js';
import { openStore } from '../../src/store/index.js';
import { loadFixture, play } from '../helpers.js';

const MINI = 'test/fixtures/mini.yaml';
const STRONG = 'test/fixtures/mini.strong.txt';

function signals(engine: Engine, toSec: number) {
  const logs: string[] = [];
  const metrics: string[] = [];
  for (let s = 0; s <= toSec; s++) {
    for (const l of engine.logsAt(s)) logs.push(JSON.stringify(l));
    for (const m of engine.scenario.metrics) metrics.push(`${s} ${m.id} ${engine.metricAt(m.id, s)}`);
  }
  return { logs: logs.join('\n'), metrics: metrics.join('\n') };
}

describe('engine', () => {
  it('gives byte-identical worlds, logs and metrics for the same scenario, seed and events', async () => {
    const a = await play(MINI, STRONG, 7);
    const b = await play(MINI, STRONG, 7);
    expect(JSON.stringify(a.session.engine.state)).toBe(JSON.stringify(b.session.engine.state));
    const sa = signals(a.session.engine, a.session.engine.sec);
    const sb = signals(b.session.engine, b.session.engine.sec);
    expect(sa.logs).toBe(sb.logs);
    expect(sa.metrics).toBe(sb.metrics);
    expect(sa.logs.length).toBeGreaterThan(1000);
    expect(a.score).toEqual(b.score);
  });

  it('changes the noise with the seed but not the story', async () => {
    const a = await play(MINI, STRONG, 1);
    const b = await play(MINI, STRONG, 2);
    expect(signals(a.session.engine, 300).metrics).not.toBe(signals(b.session.engine, 300).metrics);
    expect(a.session.engine.state.outcome).toBe('resolved');
    expect(b.session.engine.state.outcome).toBe('resolved');
  });

  it('chooses the variant by seed, and both variants occur', () => {
    const scenario = loadFixture(MINI).scenario;
    const variants = new Set<string>();
    for (let seed = 0; seed < 40; seed++) variants.add(new Engine(scenario, { seed }).state.variant);
    expect([...variants].sort()).toEqual(['bad-config', 'bad-flag']);
    expect(new Engine(scenario, { seed: 5 }).state.variant).toBe(new Engine(scenario, { seed: 5 }).state.variant);
  });

  it('generates any window directly: logs of a second do not depend on what was generated before', async () => {
    const a = await play(MINI, STRONG, 3);
    const e = a.session.engine;
    const direct = JSON.stringify(e.logsAt(400));
    signals(e, 500);
    expect(JSON.stringify(e.logsAt(400))).toBe(direct);
  });

  it('moves through phases, fires the alert, and stops impact once mitigated', async () => {
    const { session } = await play(MINI, STRONG, 1);
    const s = session.engine.state;
    expect(s.onsetSec).toBe(60);
    expect(s.pages[0]!.name).toBe('CheckoutErrors');
    expect(s.mitigatedSec).not.toBeNull();
    expect(session.engine.metricAt('checkout_5xx', 200)!).toBeGreaterThan(50);
    expect(session.engine.metricAt('checkout_5xx', s.mitigatedSec! + 5)!).toBeLessThan(5);
    expect(session.engine.metricAt('blind', 200)).toBeNull();
    expect(session.engine.metricAt('blind', 30)).not.toBeNull();
    const impactAtEnd = s.impact['failed']!;
    expect(impactAtEnd).toBeGreaterThan(100);
  });

  it('rebuilds the same world from the stored events', async () => {
    const store = openStore(':memory:');
    const { session } = await play(MINI, STRONG, 9, { store });
    const again = Session.load(store, session.id, () => 0);
    expect(JSON.stringify(again.engine.state)).toBe(JSON.stringify(session.engine.state));
  });

  it('keeps time moving forward and impact non-negative while advancing', () => {
    const engine = new Engine(loadFixture(MINI).scenario, { seed: 4 });
    engine.apply({ simMs: 0, actor: 'ic', body: { type: 'start' } });
    let last = 0;
    for (let ms = 0; ms < 40 * 60_000; ms += 37_000) {
      engine.advanceTo(ms);
      expect(engine.sec).toBeGreaterThanOrEqual(last);
      last = engine.sec;
      for (const v of Object.values(engine.state.impact)) expect(v).toBeGreaterThanOrEqual(0);
    }
    expect(engine.state.outcome).toBe('timed-out');
  });
});

describe('metric effects', () => {
  it('fade out over releaseSec once their condition stops holding', async () => {
    const { loadScenarioText } = await import('../../src/scenario/index.js');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(MINI, 'utf8').replace('{ when: "onset & !rolled-back", set: 80, rampSec: 20 }', '{ when: "onset & !rolled-back", set: 80, rampSec: 20, releaseSec: 100 }');
    const r = loadScenarioText(text, 'mini-release.yaml');
    if (!r.ok) throw new Error(r.problems[0]!.message);
    const engine = new Engine(r.value.scenario, { seed: 1 });
    engine.apply({ simMs: 0, actor: 'ic', body: { type: 'start' } });
    engine.apply({ simMs: 200_000, actor: 'ic', body: { type: 'command', text: 'do rollback' } });
    engine.advanceTo(400_000);
    const at = (s: number) => engine.metricAt('checkout_5xx', s)!;
    // rollback lands at 230 s: 50 s later the error rate is about half way down, 100 s later back to baseline
    expect(at(229)).toBeGreaterThan(50);
    expect(at(280)).toBeGreaterThan(20);
    expect(at(280)).toBeLessThan(60);
    expect(at(340)).toBeLessThan(3);
  });
});

describe('diagnostic outputs', () => {
  it('fill {{metric:ID}} with the value at the moment the output is produced', async () => {
    const { loadScenarioText } = await import('../../src/scenario/index.js');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(MINI, 'utf8').replace('"20:58 flag checkout.route=legacy"', '"20:58 flag checkout.route=legacy (5xx now {{metric:checkout_5xx}})"');
    const r = loadScenarioText(text, 'mini-placeholder.yaml');
    if (!r.ok) throw new Error(r.problems[0]!.message);
    const engine = new Engine(r.value.scenario, { seed: 1, variant: 'bad-flag' });
    engine.apply({ simMs: 0, actor: 'ic', body: { type: 'start' } });
    engine.apply({ simMs: 200_000, actor: 'ic', body: { type: 'command', text: 'run config log' } });
    engine.advanceTo(230_000);
    expect(engine.state.feed.some((f) => /5xx now \d+(\.\d)?%\)/.test(f.text))).toBe(true);
    const bad = loadScenarioText(text.replace('{{metric:checkout_5xx}}', '{{metric:nope}}'), 'bad.yaml');
    expect(bad.ok).toBe(false);
  });
});
