// What each kind of component generates: its standard series, default log
// lines and alert rules, named after the component.
import { describe, expect, it } from 'vitest';
import { generated, load, withSections } from './helpers.js';

/** One component of a kind, degraded by everything its kind has series for, so every line and rule is generated. */
function kindScenario(component: string, degrade: string) {
  return load(withSections(`components:\n  - ${component}\ndegrade:\n  - ${degrade}\n`));
}

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('component kinds', () => {
  it('http: rate, errors, latency percentiles and CPU, errors and p95 per route, access lines and three rules', () => {
    const s = kindScenario(
      "{ id: checkout-api, kind: http, service: checkout, panel: errors, routes: ['POST /api/payment', 'GET /api/stats'], baseline: { rps: 40, errorPct: 0.2, p95Ms: 120 } }",
      '{ component: checkout-api, when: onset, errors: 0.35, latencyX: 4, drop: true, saturation: 0.9 }',
    );
    const g = generated(s, 'checkout-api');
    expect(ids(g.metrics)).toEqual([
      'checkout-api.rps',
      'checkout-api.errors',
      'checkout-api.p50',
      'checkout-api.p95',
      'checkout-api.p99',
      'checkout-api.cpu',
      'checkout-api.post-api-payment.errors',
      'checkout-api.post-api-payment.p95',
      'checkout-api.get-api-stats.errors',
      'checkout-api.get-api-stats.p95',
    ]);
    const byId = Object.fromEntries(g.metrics.map((m) => [m.id, m]));
    expect(byId['checkout-api.rps']).toMatchObject({ panel: 'errors', service: 'checkout', baseline: 40, unit: 'req/s', overview: true });
    expect(byId['checkout-api.errors']).toMatchObject({ baseline: 0.2, unit: '%', threshold: { above: 5 } });
    expect(byId['checkout-api.p50']).toMatchObject({ baseline: 48, overview: false });
    expect(byId['checkout-api.p99']!.baseline).toBe(240);
    expect(byId['checkout-api.post-api-payment.errors']).toMatchObject({ label: 'POST /api/payment 5xx %', labels: { route: 'POST /api/payment' }, overview: false });
    expect(ids(g.logs)).toEqual(['checkout-api.log', 'checkout-api.error-log', 'checkout-api.slow-log', 'checkout-api.down-log']);
    expect(g.logs[0]).toMatchObject({ service: 'checkout', level: 'info', fields: { request: { pick: ['POST /api/payment', 'GET /api/stats'] } } });
    expect(g.logs[1]).toMatchObject({ level: 'error', fields: { reason: 'upstream request failed' } });
    expect(ids(g.alerts)).toEqual(['checkout-api.errors-high', 'checkout-api.latency-high', 'checkout-api.traffic-low']);
    expect(g.alerts.map((a) => [a.name, a.metric, a.above ?? a.below, a.severity])).toEqual([
      ['CheckoutApiHighErrorRate', 'checkout-api.errors', 5, 'critical'],
      ['CheckoutApiHighLatency', 'checkout-api.p95', 360, 'warning'],
      ['CheckoutApiTrafficDropped', 'checkout-api.rps', 8, 'critical'],
    ]);
  });

  it('database: queries, failed queries, query p95, connections against the limit, CPU', () => {
    const s = kindScenario('{ id: orders-db, kind: database, service: checkout, baseline: { maxConnections: 200 } }', '{ component: orders-db, when: onset, errors: 0.2, latencyX: 10, drop: true, saturation: 1 }');
    const g = generated(s, 'orders-db');
    expect(ids(g.metrics)).toEqual(['orders-db.qps', 'orders-db.errors', 'orders-db.p95', 'orders-db.connections', 'orders-db.cpu']);
    expect(g.metrics.find((m) => m.id === 'orders-db.connections')).toMatchObject({ baseline: 40, max: 200, threshold: { above: 180 } });
    expect(ids(g.logs)).toEqual(['orders-db.log', 'orders-db.error-log', 'orders-db.slow-log', 'orders-db.down-log']);
    expect(ids(g.alerts)).toEqual(['orders-db.errors-high', 'orders-db.latency-high', 'orders-db.connections-high', 'orders-db.no-connections']);
    // saturation fills the connection limit
    expect(g.metrics.find((m) => m.id === 'orders-db.connections')!.effects.map((e) => e.set)).toEqual([200]);
  });

  it('queue: published, consumed, backlog, publish errors, end-to-end p95; a stop grows the backlog', () => {
    const s = kindScenario("{ id: orders-q, kind: queue, service: checkout, consumers: fulfilment, labels: { queue: orders } }", '{ component: orders-q, when: onset, drop: true, errors: 0.1, latencyX: 3 }');
    const g = generated(s, 'orders-q');
    expect(ids(g.metrics)).toEqual(['orders-q.published', 'orders-q.consumed', 'orders-q.depth', 'orders-q.errors', 'orders-q.p95']);
    expect(g.metrics.every((m) => m.labels.queue === 'orders')).toBe(true);
    const fx = Object.fromEntries(g.metrics.map((m) => [m.id, m.effects]));
    expect(fx['orders-q.published']).toEqual([]);
    expect(fx['orders-q.consumed']!.map((e) => e.set)).toEqual([0]);
    expect(fx['orders-q.depth']!.map((e) => [e.add, e.rampSec])).toEqual([[30000, 600]]);
    expect(g.logs.find((l) => l.id === 'orders-q.down-log')!.message).toContain('consumer group fulfilment has no active members');
    expect(ids(g.alerts)).toEqual(['orders-q.backlog-high', 'orders-q.consumers-stalled', 'orders-q.errors-high']);
  });

  it('dns: lookups, SERVFAIL ratio, lookup p95, with the names it serves in its lines', () => {
    const s = kindScenario("{ id: coredns, kind: dns, service: checkout, names: [fraud-check.internal] }", "{ component: coredns, when: onset, errors: 0.9, latencyX: 50, reason: 'SERVFAIL from 10.0.0.2:53' }");
    const g = generated(s, 'coredns');
    expect(ids(g.metrics)).toEqual(['coredns.qps', 'coredns.servfail', 'coredns.p95']);
    expect(g.logs.find((l) => l.id === 'coredns.error-log')).toMatchObject({ level: 'error', fields: { name: { pick: ['fraud-check.internal'] }, reason: 'SERVFAIL from 10.0.0.2:53' } });
    expect(ids(g.alerts)).toEqual(['coredns.servfail-high', 'coredns.latency-high']);
  });

  it('cache: ops, hit ratio, errors, p95, memory; down means every lookup misses', () => {
    const s = kindScenario('{ id: sessions-cache, kind: cache, service: checkout }', '{ component: sessions-cache, when: onset, drop: true, errors: 0.5, saturation: 0.97, latencyX: 2 }');
    const g = generated(s, 'sessions-cache');
    expect(ids(g.metrics)).toEqual(['sessions-cache.ops', 'sessions-cache.hit-ratio', 'sessions-cache.errors', 'sessions-cache.p95', 'sessions-cache.memory']);
    expect(g.metrics.find((m) => m.id === 'sessions-cache.hit-ratio')!.effects.map((e) => e.set)).toEqual([0]);
    expect(ids(g.alerts)).toEqual(['sessions-cache.hit-ratio-low', 'sessions-cache.errors-high', 'sessions-cache.memory-high']);
  });

  it('kubernetes: ready pods, restarts, CPU and memory; failing pods lower ready and raise restarts', () => {
    const s = kindScenario('{ id: checkout-pods, kind: kubernetes, service: checkout, baseline: { replicas: 6 } }', '{ component: checkout-pods, when: onset, errors: 0.5, saturation: 0.95 }');
    const g = generated(s, 'checkout-pods');
    expect(ids(g.metrics)).toEqual(['checkout-pods.ready', 'checkout-pods.restarts', 'checkout-pods.cpu', 'checkout-pods.memory']);
    const fx = Object.fromEntries(g.metrics.map((m) => [m.id, m.effects]));
    expect(fx['checkout-pods.ready']!.map((e) => e.set)).toEqual([3]);
    expect(fx['checkout-pods.restarts']!.map((e) => e.add)).toEqual([15]);
    expect(ids(g.logs)).toEqual(['checkout-pods.error-log']);
    expect(ids(g.alerts)).toEqual(['checkout-pods.pods-not-ready', 'checkout-pods.restarts-high']);
    expect(g.alerts[0]).toMatchObject({ name: 'CheckoutPodsNotReady', below: 5.5 });
  });

  it('collector: received, dropped, export queue and export p95', () => {
    const s = kindScenario('{ id: otel, kind: collector, service: checkout }', '{ component: otel, when: onset, errors: 0.4, saturation: 1, latencyX: 20 }');
    const g = generated(s, 'otel');
    expect(ids(g.metrics)).toEqual(['otel.received', 'otel.dropped', 'otel.queue', 'otel.export-p95']);
    expect(ids(g.logs)).toEqual(['otel.log', 'otel.error-log', 'otel.slow-log']);
    expect(ids(g.alerts)).toEqual(['otel.dropping', 'otel.queue-full']);
  });

  it('a component without a panel gets one of its own; without a service it uses the service of its id', () => {
    const s = load(withSections('components:\n  - { id: checkout, kind: http }\n'));
    expect(s.panels.at(-1)).toMatchObject({ id: 'checkout', title: 'checkout' });
    expect(s.metrics.find((m) => m.id === 'checkout.rps')).toMatchObject({ panel: 'checkout', service: 'checkout' });
    // a rule is generated only for a series some degradation moves
    expect(generated(s, 'checkout').alerts).toEqual([]);
  });
});
