import * as z from 'zod';
import { decimalsFor, errorThreshold, nameOf, round, type KindTelemetry, type SeriesSpec } from './kind.js';
import { componentFields } from './schema.js';

/** An HTTP service: request rate, 5xx ratio, latency percentiles and CPU, overall and per route. */
export const HttpComponent = z.strictObject({
  kind: z.literal('http').describe('An HTTP service: req/s, 5xx %, p50/p95/p99 latency and CPU, with errors and p95 per route.'),
  ...componentFields,
  routes: z.array(z.string().min(1)).min(1).default(['GET /']).describe('Its routes as `METHOD /path`; each gets its own error and p95 series, and its access log picks among them.'),
  baseline: z
    .strictObject({
      rps: z.number().nonnegative().default(20).describe('Requests per second across all routes.'),
      errorPct: z.number().min(0).max(100).default(0.2).describe('Share of requests answered 5xx, in %.'),
      p95Ms: z.number().positive().default(120).describe('95th-percentile latency in ms (p50 is 0.4× and p99 2× of it).'),
      cpuPct: z.number().min(0).max(100).default(35).describe('CPU use in % of the limit.'),
    })
    .prefault({})
    .describe('Its healthy values.'),
});
export type HttpComponent = z.infer<typeof HttpComponent>;

/** `POST /api/payment` → `post-api-payment`: a route as part of an id. */
export function routeKey(route: string): string {
  return route.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root';
}

export const http: KindTelemetry<HttpComponent> = {
  noun: 'an HTTP service',
  series(c) {
    const n = nameOf(c);
    const b = c.baseline;
    const errAbove = errorThreshold(b.errorPct);
    const perRoute = c.routes.flatMap((route): SeriesSpec[] => [
      { key: `${routeKey(route)}.errors`, role: 'errors', label: `${route} 5xx %`, unit: '%', baseline: b.errorPct, decimals: 1, noise: 0.2, max: 100, threshold: { above: errAbove }, route, labels: { route } },
      { key: `${routeKey(route)}.p95`, role: 'latency', label: `${route} p95`, unit: 'ms', baseline: b.p95Ms, noise: 0.1, noiseSec: 10, route, labels: { route } },
    ]);
    return [
      { key: 'rps', role: 'rate', label: `${n} req/s`, unit: 'req/s', baseline: b.rps, decimals: decimalsFor(b.rps), noise: 0.05, noiseSec: 10, main: true },
      { key: 'errors', role: 'errors', label: `${n} 5xx %`, unit: '%', baseline: b.errorPct, decimals: 1, noise: 0.2, max: 100, threshold: { above: errAbove }, main: true },
      { key: 'p50', role: 'latency', label: `${n} p50`, unit: 'ms', baseline: round(b.p95Ms * 0.4, 0), noise: 0.1, noiseSec: 10 },
      { key: 'p95', role: 'latency', label: `${n} p95`, unit: 'ms', baseline: b.p95Ms, noise: 0.1, noiseSec: 10, threshold: { above: b.p95Ms * 3 }, main: true },
      { key: 'p99', role: 'latency', label: `${n} p99`, unit: 'ms', baseline: b.p95Ms * 2, noise: 0.15, noiseSec: 10 },
      { key: 'cpu', role: 'saturation', label: `${n} CPU %`, unit: '%', baseline: b.cpuPct, noise: 0.05, noiseSec: 30, max: 100 },
      ...(c.routes.length > 1 ? perRoute : []),
    ];
  },
  alerts(c) {
    const n = nameOf(c);
    const b = c.baseline;
    return [
      { key: 'errors-high', name: 'HighErrorRate', series: 'errors', above: errorThreshold(b.errorPct), forSec: 60, severity: 'critical', summary: `${n} 5xx ratio above ${errorThreshold(b.errorPct)}% for 1 minute.` },
      { key: 'latency-high', name: 'HighLatency', series: 'p95', above: b.p95Ms * 3, forSec: 120, severity: 'warning', summary: `${n} p95 latency above ${b.p95Ms * 3} ms for 2 minutes.` },
      { key: 'traffic-low', name: 'TrafficDropped', series: 'rps', below: round(b.rps * 0.2, 1), forSec: 120, severity: 'critical', summary: `${n} traffic below 20% of normal for 2 minutes.` },
    ];
  },
  lines: {
    normal: (c) => ({
      rate: round(Math.min(5, Math.max(0.5, c.baseline.rps / 10)), 1),
      level: 'info',
      message: '"{{request}} HTTP/1.1" 200 {{ms}}ms trace_id={{trace}}',
      fields: { request: { pick: c.routes }, ms: { metric: `${c.id}.p50`, times: [0.4, 2], decimals: 0 }, trace: { hex: 16 } },
    }),
    errors: (c, f) => ({
      rate: round(Math.max(0.3, Math.min(5, c.baseline.rps / 10) * (f.degradation.errors ?? 0)), 1),
      level: 'error',
      message: '"{{request}} HTTP/1.1" {{status}} {{ms}}ms error="{{reason}}" trace_id={{trace}}',
      fields: { request: { pick: [...f.routes] }, status: { pick: [500, 502, 503] }, ms: { metric: `${c.id}.p95`, times: [0.5, 1.5], decimals: 0 }, reason: f.reason ?? 'upstream request failed', trace: { hex: 16 } },
    }),
    slow: (c, f) => ({
      rate: 0.5,
      level: 'warn',
      message: 'slow request "{{request}}" took {{ms}}ms (budget {{budget}}ms)',
      fields: { request: { pick: [...f.routes] }, ms: { metric: `${c.id}.p95`, times: [0.9, 1.6], decimals: 0 }, budget: c.baseline.p95Ms * 2 },
    }),
    down: (c, f) => ({
      rate: 0.5,
      level: 'error',
      message: `no healthy upstream for ${nameOf(c)}: {{reason}}`,
      fields: { reason: f.reason ?? 'connection refused' },
    }),
  },
};
