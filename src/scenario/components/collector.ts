import * as z from 'zod';
import { decimalsFor, nameOf, type KindTelemetry } from './kind.js';
import { componentFields } from './schema.js';

/** A telemetry collector or agent: items received, the share dropped, its export queue and export latency. */
export const CollectorComponent = z.strictObject({
  kind: z.literal('collector').describe('A telemetry collector: items received/s, dropped %, export queue % and export p95.'),
  ...componentFields,
  baseline: z
    .strictObject({
      rate: z.number().nonnegative().default(2000).describe('Spans, samples or log records received per second.'),
      dropPct: z.number().min(0).max(100).default(0).describe('Share of what arrives that is dropped, in %.'),
      queuePct: z.number().min(0).max(100).default(5).describe('Export queue use in % of its size.'),
      exportP95Ms: z.number().positive().default(50).describe('95th-percentile export time in ms.'),
    })
    .prefault({})
    .describe('Its healthy values.'),
});
export type CollectorComponent = z.infer<typeof CollectorComponent>;

export const collector: KindTelemetry<CollectorComponent> = {
  noun: 'a collector',
  series(c) {
    const n = nameOf(c);
    const b = c.baseline;
    return [
      { key: 'received', role: 'rate', label: `${n} received/s`, unit: '/s', baseline: b.rate, decimals: decimalsFor(b.rate), noise: 0.05, noiseSec: 10, main: true },
      { key: 'dropped', role: 'errors', label: `${n} dropped %`, unit: '%', baseline: b.dropPct, decimals: 1, noise: 0.2, max: 100, threshold: { above: 1 }, main: true },
      { key: 'queue', role: 'saturation', label: `${n} export queue %`, unit: '%', baseline: b.queuePct, noise: 0.1, noiseSec: 20, max: 100, threshold: { above: 80 }, main: true },
      { key: 'export-p95', role: 'latency', label: `${n} export p95`, unit: 'ms', baseline: b.exportP95Ms, noise: 0.1, noiseSec: 10 },
    ];
  },
  alerts(c) {
    const n = nameOf(c);
    return [
      { key: 'dropping', name: 'CollectorDropping', series: 'dropped', above: 1, forSec: 120, severity: 'warning', summary: `${n} dropping more than 1% of received data for 2 minutes.` },
      { key: 'queue-full', name: 'CollectorQueueFull', series: 'queue', above: 80, forSec: 120, severity: 'warning', summary: `${n} export queue above 80% for 2 minutes.` },
    ];
  },
  lines: {
    normal: () => ({ rate: 0.2, level: 'info', message: 'Exporting batch of {{items}} items', fields: { items: { int: [200, 512] } } }),
    errors: (_c, f) => ({ rate: 0.5, level: 'error', message: 'Exporting failed. Dropping data. {"error": "{{reason}}", "dropped_items": {{items}}}', fields: { reason: f.reason ?? 'context deadline exceeded', items: { int: [100, 512] } } }),
    slow: (c) => ({ rate: 0.3, level: 'warn', message: 'Sending queue is filling up: export took {{ms}}ms', fields: { ms: { metric: `${c.id}.export-p95`, times: [0.9, 1.5], decimals: 0 } } }),
    down: (_c, f) => ({ rate: 0.3, level: 'error', message: 'receiver stopped: {{reason}}', fields: { reason: f.reason ?? 'connection refused' } }),
  },
};
