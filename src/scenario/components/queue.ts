import * as z from 'zod';
import { decimalsFor, errorThreshold, nameOf, round, type KindTelemetry } from './kind.js';
import { componentFields } from './schema.js';

/** A queue or broker: messages published and consumed, the backlog, publish errors and end-to-end latency. */
export const QueueComponent = z.strictObject({
  kind: z.literal('queue').describe('A queue or broker: published and consumed msg/s, backlog depth, publish error %, end-to-end p95.'),
  ...componentFields,
  consumers: z.string().min(1).optional().describe('The consumer group\'s name in log lines (default: the component\'s id).'),
  baseline: z
    .strictObject({
      rate: z.number().nonnegative().default(50).describe('Messages published (and consumed) per second.'),
      depth: z.number().nonnegative().default(20).describe('Messages waiting in the backlog.'),
      errorPct: z.number().min(0).max(100).default(0).describe('Share of publishes that fail, in %.'),
      p95Ms: z.number().positive().default(200).describe('95th-percentile time from publish to consume, in ms.'),
    })
    .prefault({})
    .describe('Its healthy values.'),
});
export type QueueComponent = z.infer<typeof QueueComponent>;

export const queue: KindTelemetry<QueueComponent> = {
  noun: 'a queue',
  series(c) {
    const n = nameOf(c);
    const b = c.baseline;
    const backlogAlert = Math.max(1000, b.depth * 20);
    return [
      { key: 'published', role: 'inflow', label: `${n} published msg/s`, unit: 'msg/s', baseline: b.rate, decimals: decimalsFor(b.rate), noise: 0.05, noiseSec: 10, main: true },
      { key: 'consumed', role: 'outflow', label: `${n} consumed msg/s`, unit: 'msg/s', baseline: b.rate, decimals: decimalsFor(b.rate), noise: 0.05, noiseSec: 10, main: true },
      { key: 'depth', role: 'backlog', label: `${n} backlog`, unit: 'msgs', baseline: b.depth, noise: 0.1, noiseSec: 20, threshold: { above: backlogAlert }, capacity: b.rate * 600, main: true },
      { key: 'errors', role: 'errors', label: `${n} publish errors %`, unit: '%', baseline: b.errorPct, decimals: 1, noise: 0.2, max: 100, threshold: { above: errorThreshold(b.errorPct) } },
      { key: 'p95', role: 'latency', label: `${n} end-to-end p95`, unit: 'ms', baseline: b.p95Ms, noise: 0.1, noiseSec: 10 },
    ];
  },
  alerts(c) {
    const n = nameOf(c);
    const b = c.baseline;
    const backlogAlert = Math.max(1000, b.depth * 20);
    return [
      { key: 'backlog-high', name: 'BacklogGrowing', series: 'depth', above: backlogAlert, forSec: 120, severity: 'critical', summary: `${n} backlog above ${backlogAlert} messages for 2 minutes.` },
      { key: 'consumers-stalled', name: 'ConsumersStalled', series: 'consumed', below: round(b.rate * 0.1, 1), forSec: 120, severity: 'critical', summary: `${n} consumers below 10% of normal throughput for 2 minutes.` },
      { key: 'errors-high', name: 'PublishErrors', series: 'errors', above: errorThreshold(b.errorPct), forSec: 60, severity: 'warning', summary: `${n}: more than ${errorThreshold(b.errorPct)}% of publishes failing.` },
    ];
  },
  lines: {
    normal: (c) => ({ rate: 0.2, level: 'info', message: `consumer group ${c.consumers ?? c.id} committed offset {{offset}} on partition {{partition}}`, fields: { offset: { int: [100000, 999999] }, partition: { int: [0, 11] } } }),
    errors: (_c, f) => ({ rate: round(Math.max(0.3, 3 * (f.degradation.errors ?? 0)), 1), level: 'error', message: 'failed to publish message: {{reason}}', fields: { reason: f.reason ?? 'broker not available' } }),
    slow: (c) => ({ rate: 0.3, level: 'warn', message: 'consumer lag rising: end-to-end latency {{ms}} ms', fields: { ms: { metric: `${c.id}.p95`, times: [0.9, 1.3], decimals: 0 } } }),
    down: (c, f) => ({ rate: 0.3, level: 'warn', message: `consumer group ${c.consumers ?? c.id} has no active members: {{reason}}; backlog {{depth}}`, fields: { reason: f.reason ?? 'consumers stopped', depth: { metric: `${c.id}.depth`, times: [1, 1], decimals: 0 } } }),
  },
};
