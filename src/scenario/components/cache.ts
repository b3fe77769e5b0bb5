import * as z from 'zod';
import { decimalsFor, errorThreshold, nameOf, round, type KindTelemetry } from './kind.js';
import { componentFields } from './schema.js';

/** A cache: operations per second, hit ratio, errors, latency and memory. */
export const CacheComponent = z.strictObject({
  kind: z.literal('cache').describe('A cache: ops/s, hit ratio %, error %, p95 and memory %.'),
  ...componentFields,
  baseline: z
    .strictObject({
      ops: z.number().nonnegative().default(500).describe('Operations per second.'),
      hitPct: z.number().min(0).max(100).default(95).describe('Share of lookups that hit, in %.'),
      errorPct: z.number().min(0).max(100).default(0).describe('Share of operations that fail, in %.'),
      p95Ms: z.number().positive().default(2).describe('95th-percentile operation time in ms.'),
      memoryPct: z.number().min(0).max(100).default(60).describe('Memory use in % of maxmemory.'),
    })
    .prefault({})
    .describe('Its healthy values.'),
});
export type CacheComponent = z.infer<typeof CacheComponent>;

export const cache: KindTelemetry<CacheComponent> = {
  noun: 'a cache',
  series(c) {
    const n = nameOf(c);
    const b = c.baseline;
    return [
      { key: 'ops', role: 'rate', label: `${n} ops/s`, unit: 'ops/s', baseline: b.ops, decimals: decimalsFor(b.ops), noise: 0.05, noiseSec: 10, main: true },
      { key: 'hit-ratio', role: 'hits', label: `${n} hit ratio`, unit: '%', baseline: b.hitPct, decimals: 1, noise: 0.01, noiseSec: 20, max: 100, threshold: { below: round(b.hitPct - 25, 0) }, main: true },
      { key: 'errors', role: 'errors', label: `${n} errors %`, unit: '%', baseline: b.errorPct, decimals: 1, noise: 0.2, max: 100, threshold: { above: errorThreshold(b.errorPct) } },
      { key: 'p95', role: 'latency', label: `${n} p95`, unit: 'ms', baseline: b.p95Ms, decimals: decimalsFor(b.p95Ms), noise: 0.1, noiseSec: 10 },
      { key: 'memory', role: 'saturation', label: `${n} memory %`, unit: '%', baseline: b.memoryPct, noise: 0.02, noiseSec: 60, max: 100, threshold: { above: 90 }, main: true },
    ];
  },
  alerts(c) {
    const n = nameOf(c);
    const b = c.baseline;
    return [
      { key: 'hit-ratio-low', name: 'CacheHitRatioLow', series: 'hit-ratio', below: round(b.hitPct - 25, 0), forSec: 300, severity: 'warning', summary: `${n} hit ratio below ${round(b.hitPct - 25, 0)}% for 5 minutes.` },
      { key: 'errors-high', name: 'CacheErrors', series: 'errors', above: errorThreshold(b.errorPct), forSec: 60, severity: 'critical', summary: `${n}: more than ${errorThreshold(b.errorPct)}% of operations failing for 1 minute.` },
      { key: 'memory-high', name: 'CacheMemoryHigh', series: 'memory', above: 90, forSec: 300, severity: 'warning', summary: `${n} memory above 90% of maxmemory for 5 minutes.` },
    ];
  },
  lines: {
    normal: () => ({ rate: 0.02, level: 'info', message: 'Background saving terminated with success ({{keys}} keys)', fields: { keys: { int: [100000, 900000] } } }),
    errors: (_c, f) => ({ rate: round(Math.max(0.3, 3 * (f.degradation.errors ?? 0)), 1), level: 'error', message: 'Error: {{reason}}', fields: { reason: f.reason ?? 'OOM command not allowed when used memory > maxmemory' } }),
    slow: (c) => ({ rate: 0.3, level: 'warn', message: 'slowlog: {{command}} took {{ms}} ms', fields: { command: { pick: ['GET', 'MGET', 'HGETALL', 'SET'] }, ms: { metric: `${c.id}.p95`, times: [1, 3], decimals: 1 } } }),
    down: (_c, f) => ({ rate: 0.3, level: 'error', message: 'Connection refused: {{reason}}', fields: { reason: f.reason ?? 'cache not reachable' } }),
  },
};
