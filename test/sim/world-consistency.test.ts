// Every bundled scenario, every variant: the strong script written for it and
// the weak script played in it, checked for signals that contradict each
// other at every IC decision and at seconds between (test/support/world-invariants.ts).
// Each invariant is shown to catch a planted contradiction.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCondition } from '../../src/scenario/condition.js';
import { lintFile } from '../../src/scenario/lint/index.js';
import { Engine } from '../../src/sim/engine.js';
import { createIncidentMachine } from '../../src/sim/incident-machine.js';
import { loadFixture } from '../helpers.js';
import {
  alertsFollowRules,
  changedSettingsReported,
  checkedSeconds,
  checkWorld,
  formatWorldFinding,
  impactFiguresAgree,
  impactStopsWithFault,
  logFieldsAgree,
  metricsMatchLogs,
  observe,
  onlyJoinedSpeak,
  repliesAreCurrent,
  type Observed,
} from '../support/world-invariants.js';

const SCENARIOS = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
const script = (file: string) => ({ file, text: readFileSync(file, 'utf8') });

/** The strong script for a variant (per-variant file, else the scenario's one), and the weak script. */
function runsOf(id: string): { file: string; variant: string }[] {
  const scripts = readdirSync('test/scripts');
  return loadFixture(`scenarios/${id}.yaml`).scenario.variants.flatMap((v) => {
    const strong = scripts.find((f) => f === `${id}.${v.id}.strong.txt`) ?? scripts.find((f) => f === `${id}.strong.txt`);
    return [...(strong ? [{ file: `test/scripts/${strong}`, variant: v.id }] : []), { file: `test/scripts/${id}.weak.txt`, variant: v.id }];
  });
}

describe('the world agrees with itself in every bundled scenario', () => {
  for (const id of SCENARIOS) {
    it(`${id}: strong and weak scripts in every variant`, { timeout: 120_000 }, async () => {
      const runs = runsOf(id);
      expect(runs.some((r) => r.file.endsWith('.strong.txt'))).toBe(true);
      const findings = [];
      for (const r of runs) findings.push(...checkWorld(await observe(`scenarios/${id}.yaml`, script(r.file), r.variant)));
      expect(findings.map(formatWorldFinding)).toEqual([]);
    });
  }
});

const PLANTED = 'test/fixtures/consistency';
const quiet = script('test/fixtures/mini.weak.txt');

describe('each invariant catches a planted contradiction', () => {
  it('log fields: db time over the duration, a path its controller does not serve', async () => {
    const o = await observe(`${PLANTED}/log-fields.yaml`, quiet, 'bad-config');
    const found = logFieldsAgree(o, checkedSeconds(o)).map((f) => f.text);
    expect(found.some((t) => /db time .* exceeds the request's total duration/.test(t))).toBe(true);
    expect(found.some((t) => /path \/messages is not served by controller CheckoutController|path \/checkout is not served by controller ShiftsController/.test(t))).toBe(true);
    const lint = lintFile(`${PLANTED}/log-fields.yaml`, { createMachine: createIncidentMachine }).findings.filter((f) => f.rule === 'consistency');
    expect(lint.map((f) => f.path)).toEqual(expect.arrayContaining(['logs.0.fields.db', 'logs.0.fields.controller']));
  });

  it('speakers: someone who has not joined speaks', async () => {
    const o = await observe(`${PLANTED}/unjoined-speaker.yaml`, quiet, 'bad-config');
    const found = onlyJoinedSpeak(o);
    expect(found[0]).toMatchObject({ invariant: 'unjoined-speaker', sec: 30, scenario: 'planted-unjoined-speaker', variant: 'bad-config' });
    expect(found[0]!.text).toMatch(/Ana speaks .*rolled the config back already/);
  });

  it('impact: a counter that grows before onset or while mitigated', async () => {
    const o = await observe('test/fixtures/mini.yaml', script('test/fixtures/mini.strong.txt'), 'bad-config');
    expect(impactStopsWithFault(o)).toEqual([]);
    // the recorded samples, as a world that kept counting would have them
    const mitigated = o.samples.findIndex((s) => s.lifecycle === 'mitigated');
    const planted: Observed = { ...o, samples: o.samples.map((s, i) => (i === 1 || i > mitigated ? { ...s, impact: { failed: (s.impact.failed ?? 0) + i } } : s)) };
    const texts = impactStopsWithFault(planted).map((f) => f.text);
    expect(texts).toEqual(expect.arrayContaining([expect.stringMatching(/failed grew .* before the incident began/), expect.stringMatching(/failed grew .* while the impact is stopped/)]));
  });

  it('impact figures: counters of the same harm, one reading none beside the other', async () => {
    const o = await observe('test/fixtures/mini.yaml', script('test/fixtures/mini.strong.txt'), 'bad-config');
    const value = { id: 'failed-value', label: 'in failed checkouts', unit: '$', from: ['checkout_rps', 'checkout_5xx'], scale: 2.4 };
    const withValue: Observed = { ...o, scenario: { ...o.scenario, impact: [...o.scenario.impact, value] } };
    // a little harm, shown consistently: "<1 failed checkouts · $7 in failed checkouts"
    expect(impactFiguresAgree({ ...withValue, samples: [{ sec: 62, impact: { failed: 0.03, 'failed-value': 7.2 }, lifecycle: 'active', onset: true }] })).toEqual([]);
    const planted = impactFiguresAgree({ ...withValue, samples: [{ sec: 62, impact: { failed: 0, 'failed-value': 7.2 }, lifecycle: 'active', onset: true }] });
    expect(planted.map((f) => f.text)).toEqual(['the header reads 0 failed checkouts · $7 in failed checkouts']);
  });

  it('a recording made before these rules replays as it was played', () => {
    const sc = loadFixture('test/fixtures/mini.yaml').scenario;
    const run = (consistent: boolean | undefined) => {
      const e = new Engine(sc, { seed: 1, variant: 'bad-config' });
      e.apply({ simMs: 0, actor: 'system', body: { type: 'start', delegation: 'auto', ...(consistent === undefined ? {} : { consistent }) } });
      e.advanceTo(50_000);
      return e.state.impact.failed ?? 0;
    };
    // baseline errors before the onset (01:00) were counted then, and are not now
    expect(run(undefined)).toBeGreaterThan(0);
    expect(run(true)).toBe(0);
  });

  it('alerts: a page from noise around a healthy baseline', async () => {
    const o = await observe(`${PLANTED}/alert-noise.yaml`, quiet, 'bad-config');
    expect(alertsFollowRules(o).some((f) => /QueueDepthHigh paged .* noise around its baseline 4/.test(f.text))).toBe(true);
    const lint = lintFile(`${PLANTED}/alert-noise.yaml`, { createMachine: createIncidentMachine }).findings.filter((f) => f.rule === 'consistency');
    expect(lint.map((f) => f.path)).toContain('alerts.0.above');
  });

  it('replies: a delayed reply that describes the world as it was asked, not as it lands', async () => {
    // asked before onset (01:00), landing 30 s after it
    const text = '00:10 ack\n00:40 do rollback config\n';
    const o = await observe('test/fixtures/mini.yaml', { file: 'inline', text }, 'bad-config');
    expect(repliesAreCurrent(o)).toEqual([]);
    // the same run, had the rollback's reply been chosen when asked: one that only fits before onset
    const rollback = o.scenario.actions.find((a) => a.id === 'rollback')!;
    const stale = { ...rollback, responses: [{ when: parseCondition('!onset'), text: 'Rolled back; nothing was failing yet.' }] };
    const planted: Observed = { ...o, scenario: { ...o.scenario, actions: o.scenario.actions.map((a) => (a.id === 'rollback' ? stale : a)) } };
    const asked = o.engine.state.actions.find((a) => a.id === 'rollback')!.sec;
    planted.engine.state.feed.push({ sec: asked + rollback.delaySec, channel: 'chat', from: '$ rollback config', text: 'Rolled back; nothing was failing yet.', tone: 'normal' });
    expect(repliesAreCurrent(planted).map((f) => f.invariant)).toEqual(['stale-reply']);
  });

  it('settings: a check that still reports the value a change replaced', async () => {
    const text = '00:10 ack\n00:20 do raise the pool\n00:40 run pool status\n';
    const o = await observe(`${PLANTED}/stale-setting.yaml`, { file: 'inline', text }, 'bad-config');
    const found = changedSettingsReported(o);
    expect(found[0]).toMatchObject({ invariant: 'stale-setting', sec: 45 });
    expect(found[0]!.text).toMatch(/pool_size 10 → 40.* still reports .*pool_size: 10/);
  });

  it('metrics and logs: a route whose p95 the logs do not bear out', async () => {
    const o = await observe(`${PLANTED}/metric-vs-logs.yaml`, quiet, 'bad-config');
    const found = metricsMatchLogs(o, checkedSeconds(o));
    expect(found[0]?.text).toMatch(/checkout_p95 .* shows \d{3}(–\d{3})? ms .* log lines on \/checkout put p95 at \d\d ms/);
  });
});

describe('contradictions seen in play stay fixed', () => {
  it('kubectl describe hpa reports the minimum the IC raised, with or without the metrics API', async () => {
    const lines = readFileSync('test/scripts/k8s-observability-blindspot.v1-workers-tls.strong.txt', 'utf8').split('\n').filter((l) => /^\d/.test(l));
    // before the metrics API is repaired (12:40) and after it is (16:40), with both HPAs raised
    lines.splice(lines.findIndex((l) => l.startsWith('11:40')), 0, '11:00 ask bruno do raise minReplicas of the appoints-v2 HPA to 8 in 3m');
    lines.splice(lines.findIndex((l) => l.startsWith('12:30')), 0, '12:20 ask diego run kubectl describe hpa -n apps in 2m');
    lines.splice(lines.findIndex((l) => l.startsWith('20:05')), 0, '17:30 ask diego run kubectl describe hpa -n apps in 2m');
    const o = await observe('scenarios/k8s-observability-blindspot.yaml', { file: 'hpa-probe', text: lines.join('\n') }, 'v1-workers-tls');
    const shown = o.engine.state.feed.filter((f) => f.text.startsWith('kubectl describe hpa:')).map((f) => f.text);
    expect(shown).toHaveLength(2);
    expect(shown[0]).toMatch(/Min replicas: 8 .* 8 current \/ 8 desired/);
    expect(shown[1]).toMatch(/appoints-v1 +Min replicas: 8[\s\S]*appoints-v2 +Min replicas: 8/);
    expect(checkWorld(o).map(formatWorldFinding)).toEqual([]);
  });

  it('a purge that lands with the rollback says the publisher is stopped, in no absent responder\'s voice', async () => {
    const text = '00:10 ack\n05:00 do roll back menu-publisher to 2.7.4\n05:30 do purge the schema-4 menu:v3 keys from menu-cache\n';
    const o = await observe('scenarios/menu-telemetry-partition.yaml', { file: 'purge-probe', text }, 'cache-schema');
    const at360 = o.engine.state.feed.filter((f) => f.sec === 360 && f.from.startsWith('$ ')).map((f) => f.text);
    expect(at360[0]).toMatch(/^menu-publisher is back on 2\.7\.4/);
    expect(at360[1]).toMatch(/^Deleted the schema-4 menu:v3:\* keys/);
    expect(at360.join('\n')).not.toMatch(/still sweeping|Lina:/);
    expect(checkWorld(o).map(formatWorldFinding)).toEqual([]);
  });

  it('once the index is VALID and used, /visits p95 and the slow-query log drop within hours, and pagination after it keeps them down', async () => {
    const f = 'test/scripts/visits-slow-query.missing-index.strong.txt';
    const o = await observe('scenarios/visits-slow-query.yaml', script(f), 'missing-index');
    const valid = o.engine.state.feed.find((x) => /The index is VALID and the planner uses it/.test(x.text))!.sec;
    // one sim-second is 24 minutes here: 10 s is four hours
    for (let s = valid + 10; s <= valid + 120; s += 5) expect(o.engine.metricAt('visits_p95', s)!).toBeLessThan(1500);
    for (let s = valid + 1; s <= valid + 120; s++) expect(o.logs(s).filter((l) => l.service === 'postgres' && /FROM "visits" WHERE/.test(l.message))).toEqual([]);
  });

  it('with pagination alone on the missing index, the /visits lines keep up with p95 as it grows, because their times follow it', async () => {
    const text = '00:10 ack\n00:20 do paginate /visits at 50 rows per page, newest first\n05:00 status paginated\n';
    const o = await observe('scenarios/visits-slow-query.yaml', { file: 'paginate-probe', text }, 'missing-index');
    for (const sec of [60, 600, 1800, 2160]) {
      const p95 = o.engine.metricAt('visits_p95', sec)!;
      for (const l of o.logs(sec).filter((x) => x.fields.path === '/visits' && typeof x.fields.duration === 'number')) {
        expect(Number(l.fields.duration) / p95).toBeGreaterThanOrEqual(0.45 - 1e-3);
        expect(Number(l.fields.duration) / p95).toBeLessThanOrEqual(1.02 + 1e-3);
      }
    }
    expect(checkWorld(o).map(formatWorldFinding)).toEqual([]);
  });

  it('LogsErrorBurst does not page for a burst that was over before the ruler came back', async () => {
    const text = '06:05 ack\n06:30 do raise minReplicas of the appoints-v1 HPA to 8\n07:30 do set the Loki ruler rule_path to /tmp/loki/rules on an emptyDir\n';
    const o = await observe('scenarios/k8s-observability-blindspot.yaml', { file: 'burst-probe', text }, 'v1-workers-tls');
    expect(o.engine.state.mitigatedSec).not.toBeNull();
    expect(o.engine.state.pages.filter((p) => p.name === 'LogsErrorBurst').map((p) => `${p.firedSec}s with /v1 5xx at ${o.engine.metricAt('v1_5xx', p.firedSec)}%`)).toEqual([]);
  });
});
