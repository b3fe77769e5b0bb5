import * as z from 'zod';
import { decimalsFor, nameOf, round, type KindTelemetry } from './kind.js';
import { componentFields } from './schema.js';

/** A DNS resolver or zone: lookups per second, SERVFAIL ratio and lookup latency. */
export const DnsComponent = z.strictObject({
  kind: z.literal('dns').describe('A DNS resolver or zone: lookups/s, SERVFAIL %, lookup p95.'),
  ...componentFields,
  names: z.array(z.string().min(1)).min(1).optional().describe('The names looked up, as its log lines show them (default: `SERVICE.svc.cluster.local`).'),
  baseline: z
    .strictObject({
      qps: z.number().nonnegative().default(300).describe('Lookups per second.'),
      errorPct: z.number().min(0).max(100).default(0.05).describe('Share of lookups answered SERVFAIL, in %.'),
      p95Ms: z.number().positive().default(4).describe('95th-percentile lookup time in ms.'),
    })
    .prefault({})
    .describe('Its healthy values.'),
});
export type DnsComponent = z.infer<typeof DnsComponent>;

const namesOf = (c: DnsComponent) => c.names ?? [`${c.service ?? c.id}.svc.cluster.local`];

export const dns: KindTelemetry<DnsComponent> = {
  noun: 'a DNS resolver',
  series(c) {
    const n = nameOf(c);
    const b = c.baseline;
    return [
      { key: 'qps', role: 'rate', label: `${n} lookups/s`, unit: 'q/s', baseline: b.qps, decimals: decimalsFor(b.qps), noise: 0.05, noiseSec: 10, main: true },
      { key: 'servfail', role: 'errors', label: `${n} SERVFAIL %`, unit: '%', baseline: b.errorPct, decimals: 1, noise: 0.3, max: 100, threshold: { above: 5 }, main: true },
      { key: 'p95', role: 'latency', label: `${n} lookup p95`, unit: 'ms', baseline: b.p95Ms, decimals: decimalsFor(b.p95Ms), noise: 0.1, noiseSec: 10, threshold: { above: b.p95Ms * 10 }, main: true },
    ];
  },
  alerts(c) {
    const n = nameOf(c);
    const b = c.baseline;
    return [
      { key: 'servfail-high', name: 'DnsServfail', series: 'servfail', above: 5, forSec: 60, severity: 'critical', summary: `${n}: more than 5% of lookups answered SERVFAIL for 1 minute.` },
      { key: 'latency-high', name: 'DnsSlowLookups', series: 'p95', above: round(b.p95Ms * 10, 1), forSec: 120, severity: 'warning', summary: `${n} lookup p95 above ${round(b.p95Ms * 10, 1)} ms for 2 minutes.` },
    ];
  },
  lines: {
    normal: (c) => ({ rate: 0.5, level: 'info', message: '[INFO] {{client}} - "A IN {{name}}. udp" NOERROR qr,aa,rd {{ms}}ms', fields: { client: { pick: ['10.244.1.17', '10.244.2.31', '10.244.3.9'] }, name: { pick: namesOf(c) }, ms: { metric: `${c.id}.p95`, times: [0.2, 1], decimals: 1 } } }),
    errors: (c, f) => ({ rate: round(Math.max(0.3, 4 * (f.degradation.errors ?? 0)), 1), level: 'error', message: '[ERROR] plugin/errors: 2 {{name}}. A: {{reason}}', fields: { name: { pick: namesOf(c) }, reason: f.reason ?? 'read udp: i/o timeout' } }),
    slow: (c) => ({ rate: 0.3, level: 'warn', message: '[WARNING] slow lookup {{name}}. took {{ms}}ms', fields: { name: { pick: namesOf(c) }, ms: { metric: `${c.id}.p95`, times: [0.9, 1.5], decimals: 0 } } }),
    down: (_c, f) => ({ rate: 0.3, level: 'error', message: '[ERROR] no upstream answered: {{reason}}', fields: { reason: f.reason ?? 'connection refused' } }),
  },
};
