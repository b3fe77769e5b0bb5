// Components expand into ordinary metrics, logs and alerts: a degradation
// moves exactly the series it names, a hand-written entry with a generated id
// wins, and a scenario without components loads exactly as before.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Trace } from '../../../src/scenario/authoring/trace.js';
import { expandComponents } from '../../../src/scenario/components/expand.js';
import { loadScenarioText, scenarioFiles } from '../../../src/scenario/load.js';
import { lint } from '../lint/helpers.js';
import { generated, load, MINI, problems, withSections } from './helpers.js';

const HTTP = "components:\n  - { id: checkout-api, kind: http, service: checkout, panel: errors, routes: ['POST /api/payment', 'GET /api/stats'], baseline: { rps: 40, errorPct: 0.2, p95Ms: 120 } }\n";
/** The ids of the component's series that carry effects. */
const moved = (text: string) => generated(load(text), 'checkout-api').metrics.filter((m) => m.effects.length > 0).map((m) => m.id);

describe('degradations', () => {
  it('an error ratio moves the error series and nothing else', () => {
    const s = load(withSections(`${HTTP}degrade:\n  - { component: checkout-api, when: 'onset & !rolled-back', errors: 0.35 }\n`));
    const g = generated(s, 'checkout-api');
    expect(g.metrics.filter((m) => m.effects.length > 0).map((m) => m.id)).toEqual(['checkout-api.errors', 'checkout-api.post-api-payment.errors', 'checkout-api.get-api-stats.errors']);
    const e = g.metrics.find((m) => m.id === 'checkout-api.errors')!.effects[0]!;
    expect(e).toMatchObject({ set: 35, rampSec: 30, when: { kind: 'and' } });
    // the written metrics are untouched
    expect(s.metrics.filter((m) => !m.id.includes('.'))).toEqual(load(MINI).metrics);
  });

  it('latency multiplies the latency series; drop zeroes the rate; saturation sets CPU; no data blanks every series', () => {
    const one = (fields: string) => moved(withSections(`${HTTP}degrade:\n  - { component: checkout-api, when: onset, ${fields} }\n`));
    expect(one('latencyX: 4')).toEqual(['checkout-api.p50', 'checkout-api.p95', 'checkout-api.p99', 'checkout-api.post-api-payment.p95', 'checkout-api.get-api-stats.p95']);
    expect(one('drop: true')).toEqual(['checkout-api.rps']);
    expect(one('rateX: 3')).toEqual(['checkout-api.rps']);
    expect(one('saturation: 0.95')).toEqual(['checkout-api.cpu']);
    const nodata = load(withSections(`${HTTP}degrade:\n  - { component: checkout-api, when: onset, nodata: true }\n`));
    const g = generated(nodata, 'checkout-api');
    expect(g.metrics.every((m) => m.effects.length === 1 && m.effects[0]!.nodata === true)).toBe(true);
    // the component's lines go on while its telemetry is missing
    expect(g.logs.map((l) => l.id)).toEqual(['checkout-api.log']);
  });

  it('on some routes: those routes move fully, the totals by their share of traffic', () => {
    const s = load(withSections(`${HTTP}degrade:\n  - { component: checkout-api, when: onset, routes: ['POST /api/payment'], errors: 0.5, latencyX: 3 }\n`));
    const fx = Object.fromEntries(generated(s, 'checkout-api').metrics.map((m) => [m.id, m.effects]));
    expect(fx['checkout-api.post-api-payment.errors']!.map((e) => e.set)).toEqual([50]);
    expect(fx['checkout-api.get-api-stats.errors']).toEqual([]);
    expect(fx['checkout-api.get-api-stats.p95']).toEqual([]);
    expect(fx['checkout-api.errors']!.map((e) => e.set)).toEqual([25.1]);
    expect(fx['checkout-api.p95']!.map((e) => e.mul)).toEqual([2]);
    expect(generated(s, 'checkout-api').logs.find((l) => l.id === 'checkout-api.error-log')!.fields.request).toEqual({ pick: ['POST /api/payment'] });
  });

  it('a component that is down stops its usual lines while it is down; several faults get numbered lines', () => {
    const s = load(withSections(`${HTTP}degrade:\n  - { component: checkout-api, when: onset, errors: 0.2 }\n  - { component: checkout-api, when: rolled-back, drop: true }\n  - { component: checkout-api, when: escalation, errors: 0.9, reason: pool exhausted }\n`));
    const g = generated(s, 'checkout-api');
    expect(g.logs.map((l) => l.id)).toEqual(['checkout-api.log', 'checkout-api.error-log', 'checkout-api.down-log', 'checkout-api.error-log-2']);
    expect(g.logs[0]!.when).toEqual({ kind: 'not', arg: { kind: 'flag', name: 'rolled-back' } });
    expect(g.logs[3]!.fields.reason).toBe('pool exhausted');
  });

  it('carries its ramp, ramp shape and release onto every effect it makes', () => {
    const s = load(withSections(`${HTTP}degrade:\n  - { component: checkout-api, when: onset, errors: 0.5, rampSec: 2m, releaseSec: 90, ramp: ease-in }\n`));
    const e = generated(s, 'checkout-api').metrics.find((m) => m.id === 'checkout-api.errors')!.effects[0]!;
    expect(e).toMatchObject({ rampSec: 120, releaseSec: 90, ramp: 'ease-in' });
  });

  it('lint reports a generated rule that cannot fire at the component that made it', () => {
    const text = withSections('components:\n  - { id: orders-db, kind: database, service: checkout }\ndegrade:\n  - { component: orders-db, when: onset, saturation: 0.5 }\n');
    const line = text.split('\n').findIndex((l) => l.includes('{ id: orders-db, kind: database')) + 1;
    const found = lint(text).filter((f) => f.message.includes('orders-db.connections-high never fires'));
    expect(found.map((f) => [f.line, f.severity])).toEqual([[line, 'warning']]);
  });

  it('names its own mistakes where they are written', () => {
    const bad = (degrade: string) => problems(withSections(`${HTTP}degrade:\n  - ${degrade}\n`));
    expect(bad('{ component: checkout, when: onset, errors: 0.3 }')).toEqual([expect.stringMatching(/^\d+:\d+ degrade\.0\.component: unknown component "checkout"; components: checkout-api$/)]);
    expect(bad("{ component: checkout-api, when: onset, routes: ['GET /health'], errors: 0.3 }")[0]).toMatch(/degrade\.0\.routes\.0: checkout-api has no route "GET \/health"/);
    expect(bad('{ component: checkout-api, when: onset }')[0]).toMatch(/needs at least one of errors, latencyX/);
    expect(bad('{ component: checkout-api, when: onset, errors: 35 }')[0]).toMatch(/degrade\.0\.errors/);
    expect(bad("{ component: checkout-api, when: 'onset & !fixd', errors: 0.3 }")).toEqual([expect.stringMatching(/^\d+:\d+ degrade\.0\.when: unknown flag "fixd"/)]);
    expect(bad("{ component: checkout-api, when: 'onset &', errors: 0.3 }")[0]).toMatch(/degrade\.0\.when/);
    const pods = problems(withSections('components:\n  - { id: pods, kind: kubernetes, service: checkout }\ndegrade:\n  - { component: pods, when: onset, latencyX: 3 }\n'));
    expect(pods[0]).toMatch(/degrade\.0\.latencyX: pods is a Kubernetes workload: it has no series that latencyX changes/);
    expect(problems(withSections('components:\n  - { id: api, kind: http }\n'))[0]).toMatch(/components\.0: no service "api"/);
    expect(problems(withSections('components:\n  - { id: api, kind: http, service: checkout, panel: nope }\n'))[0]).toMatch(/components\.0\.panel: unknown panel "nope"/);
    expect(problems(withSections('components:\n  - { id: api, kind: kafka, service: checkout }\n'))[0]).toMatch(/components\.0\.kind/);
    expect(problems(withSections("components:\n  - { id: api, kind: http, service: checkout, routes: ['GET /a-b', 'GET /a/b'] }\n"))).toEqual([
      expect.stringMatching(/components\.0\.routes\.1: routes "GET \/a-b" and "GET \/a\/b" would both be named api\.get-a-b/),
    ]);
    expect(problems(withSections("components:\n  - { id: api, kind: http, service: checkout, routes: ['GET /', 'GET /'] }\n"))).toEqual([expect.stringMatching(/components\.0\.routes\.1: route "GET \/" is listed twice/)]);
  });
});

describe('overrides', () => {
  it('a written metric, log or alert with a generated id replaces it whole, and stays where it is written', () => {
    const text = withSections(`${HTTP}degrade:\n  - { component: checkout-api, when: onset, errors: 0.35 }\n`)
      .replace('metrics:\n', 'metrics:\n  - { id: checkout-api.p99, panel: errors, label: p99 from the load balancer, unit: ms, baseline: 300, hidden: true }\n')
      .replace('logs:\n', "logs:\n  - { id: checkout-api.log, service: checkout, rate: 1, level: info, message: 'GET /healthz 200' }\n")
      .replace('alerts:\n', 'alerts:\n  - { id: checkout-api.errors-high, name: PaymentErrors, metric: checkout-api.post-api-payment.errors, above: 10, summary: payments failing }\n');
    const s = load(text);
    expect(s.metrics.filter((m) => m.id === 'checkout-api.p99')).toEqual([expect.objectContaining({ label: 'p99 from the load balancer', baseline: 300, hidden: true })]);
    expect(s.metrics[0]!.id).toBe('checkout-api.p99');
    expect(s.logs.filter((l) => l.id === 'checkout-api.log')).toEqual([expect.objectContaining({ message: 'GET /healthz 200', rate: 1 })]);
    expect(s.alerts.filter((a) => a.id === 'checkout-api.errors-high')).toEqual([expect.objectContaining({ name: 'PaymentErrors', above: 10 })]);
    // the rest is generated as usual
    expect(s.metrics.filter((m) => m.id.startsWith('checkout-api.'))).toHaveLength(10);
  });

  it('a written panel with a component\'s id replaces its own panel', () => {
    const s = load(withSections('components:\n  - { id: checkout, kind: http }\n').replace('panels:\n', 'panels:\n  - { id: checkout, title: Checkout API }\n'));
    expect(s.panels.filter((p) => p.id === 'checkout')).toEqual([{ id: 'checkout', title: 'Checkout API', description: '' }]);
  });
});

describe('the expansion', () => {
  const strip = (text: string) => {
    const r = loadScenarioText(text, 'x.yaml');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.value.scenario;
  };

  it('gives the scenario written out by hand: the fixture with components loads to the same scenario as without', () => {
    const short = strip(readFileSync('test/fixtures/components.yaml', 'utf8'));
    const long = strip(readFileSync('test/fixtures/components-expanded.yaml', 'utf8'));
    expect(JSON.stringify(short)).toBe(JSON.stringify(long));
  });

  it('leaves a scenario without components as it was, bundled ones included', () => {
    for (const file of ['test/fixtures/mini.yaml', ...scenarioFiles(['scenarios'])]) {
      const raw = parse(readFileSync(file, 'utf8'), { merge: true }) as Record<string, unknown>;
      const before = structuredClone(raw);
      const problems: unknown[] = [];
      expect(expandComponents(raw, new Trace(), [])).toBe(raw);
      expect(raw).toEqual(before);
      expect(problems).toEqual([]);
    }
  });

  it('is the same every time: the raw document a session stores expands to the same scenario', () => {
    const text = readFileSync('test/fixtures/components.yaml', 'utf8');
    const a = loadScenarioText(text, 'a.yaml');
    const b = loadScenarioText(text, 'b.yaml');
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) {
      expect(JSON.stringify(a.value.scenario)).toBe(JSON.stringify(b.value.scenario));
      expect(a.value.hash).toBe(b.value.hash);
    }
  });

  it('needs a panel and a metric from somewhere', () => {
    const none = MINI.replace(/^panels:[\s\S]*?(?=^logs:)/m, '');
    expect(problems(none).map((p) => p.split(' ')[1])).toEqual(expect.arrayContaining(['panels:', 'metrics:']));
    const fromComponent = none.replace('impact:\n  - { id: failed, label: failed checkouts, from: [checkout_rps, checkout_5xx], scale: 0.01 }\n', 'components:\n  - { id: checkout, kind: http }\n').replace(/dash: errors/, 'dash: checkout')
      .replace(/alerts:\n.*\n/, '');
    expect(problems(fromComponent)).toEqual([]);
  });
});
