import * as z from 'zod';
import { decimalsFor, errorThreshold, nameOf, round, type KindTelemetry } from './kind.js';
import { componentFields } from './schema.js';

/** A database: queries per second, failed queries, query latency, connections against the pool limit, CPU. */
export const DatabaseComponent = z.strictObject({
  kind: z.literal('database').describe('A database: queries/s, failed query %, query p95, connections against max_connections, CPU.'),
  ...componentFields,
  baseline: z
    .strictObject({
      qps: z.number().nonnegative().default(200).describe('Queries per second.'),
      errorPct: z.number().min(0).max(100).default(0.1).describe('Share of queries that fail, in %.'),
      p95Ms: z.number().positive().default(8).describe('95th-percentile query time in ms.'),
      connections: z.number().nonnegative().default(40).describe('Client connections in use.'),
      maxConnections: z.number().positive().default(100).describe('The connection limit (max_connections); saturation fills it.'),
      cpuPct: z.number().min(0).max(100).default(30).describe('CPU use in %.'),
    })
    .prefault({})
    .describe('Its healthy values.'),
});
export type DatabaseComponent = z.infer<typeof DatabaseComponent>;

export const database: KindTelemetry<DatabaseComponent> = {
  noun: 'a database',
  series(c) {
    const n = nameOf(c);
    const b = c.baseline;
    return [
      { key: 'qps', role: 'rate', label: `${n} queries/s`, unit: 'q/s', baseline: b.qps, decimals: decimalsFor(b.qps), noise: 0.05, noiseSec: 10, main: true },
      { key: 'errors', role: 'errors', label: `${n} failed queries %`, unit: '%', baseline: b.errorPct, decimals: 1, noise: 0.2, max: 100, threshold: { above: errorThreshold(b.errorPct) }, main: true },
      { key: 'p95', role: 'latency', label: `${n} query p95`, unit: 'ms', baseline: b.p95Ms, decimals: decimalsFor(b.p95Ms), noise: 0.1, noiseSec: 10, threshold: { above: b.p95Ms * 5 }, main: true },
      { key: 'connections', role: 'saturation', label: `${n} connections`, unit: '', baseline: b.connections, noise: 0.05, noiseSec: 30, max: b.maxConnections, capacity: b.maxConnections, threshold: { above: round(b.maxConnections * 0.9, 0) }, main: true },
      { key: 'cpu', role: 'saturation', label: `${n} CPU %`, unit: '%', baseline: b.cpuPct, noise: 0.05, noiseSec: 30, max: 100 },
    ];
  },
  alerts(c) {
    const n = nameOf(c);
    const b = c.baseline;
    return [
      { key: 'errors-high', name: 'QueryErrors', series: 'errors', above: errorThreshold(b.errorPct), forSec: 60, severity: 'critical', summary: `${n}: more than ${errorThreshold(b.errorPct)}% of queries failing for 1 minute.` },
      { key: 'latency-high', name: 'SlowQueries', series: 'p95', above: b.p95Ms * 5, forSec: 120, severity: 'warning', summary: `${n} query p95 above ${b.p95Ms * 5} ms for 2 minutes.` },
      { key: 'connections-high', name: 'ConnectionsNearLimit', series: 'connections', above: round(b.maxConnections * 0.9, 0), forSec: 120, severity: 'warning', summary: `${n} connections above 90% of max_connections (${b.maxConnections}) for 2 minutes.` },
      { key: 'no-connections', name: 'NoConnections', series: 'qps', below: round(b.qps * 0.05, 1), forSec: 30, severity: 'critical', summary: `${n} is serving almost no queries: unreachable or restarting?` },
    ];
  },
  lines: {
    normal: () => ({ rate: 0.05, level: 'info', message: 'LOG:  checkpoint complete: wrote {{buffers}} buffers; sync files={{files}}', fields: { buffers: { int: [200, 4000] }, files: { int: [10, 90] } } }),
    errors: (_c, f) => ({
      rate: round(Math.max(0.3, 3 * (f.degradation.errors ?? 0)), 1),
      level: 'error',
      message: 'ERROR:  {{reason}} (session {{session}})',
      fields: { reason: f.reason ?? 'canceling statement due to statement timeout', session: { hex: 8 } },
    }),
    slow: (c) => ({ rate: 0.5, level: 'warn', message: 'LOG:  duration: {{ms}} ms  statement: {{statement}}', fields: { ms: { metric: `${c.id}.p95`, times: [0.9, 2], decimals: 0 }, statement: { pick: ['SELECT … WHERE id = $1', 'UPDATE … SET status = $2 WHERE id = $1', 'SELECT count(*) FROM …'] } } }),
    down: (_c, f) => ({ rate: 0.5, level: 'error', message: 'FATAL:  {{reason}}', fields: { reason: f.reason ?? 'the database system is not accepting connections' } }),
  },
};
