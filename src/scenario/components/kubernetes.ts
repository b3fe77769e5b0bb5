import * as z from 'zod';
import { nameOf, round, type KindTelemetry } from './kind.js';
import { componentFields } from './schema.js';

/** A Kubernetes workload (a Deployment or StatefulSet): ready replicas, restarts, CPU and memory. */
export const KubernetesComponent = z.strictObject({
  kind: z.literal('kubernetes').describe('A Kubernetes workload: ready replicas, restarts, CPU % and memory %.'),
  ...componentFields,
  baseline: z
    .strictObject({
      replicas: z.number().int().positive().default(3).describe('Desired replicas, all ready when healthy.'),
      cpuPct: z.number().min(0).max(100).default(40).describe('CPU use in % of requests.'),
      memoryPct: z.number().min(0).max(100).default(50).describe('Memory use in % of the limit.'),
    })
    .prefault({})
    .describe('Its healthy values.'),
});
export type KubernetesComponent = z.infer<typeof KubernetesComponent>;

export const kubernetes: KindTelemetry<KubernetesComponent> = {
  noun: 'a Kubernetes workload',
  series(c) {
    const n = nameOf(c);
    const b = c.baseline;
    return [
      { key: 'ready', role: 'ready', label: `${n} ready pods`, unit: 'pods', baseline: b.replicas, noise: 0, max: b.replicas, threshold: { below: b.replicas }, main: true },
      { key: 'restarts', role: 'restarts', label: `${n} restarts (10 min)`, unit: '', baseline: 0, noise: 0, capacity: b.replicas * 5, threshold: { above: 3 }, main: true },
      { key: 'cpu', role: 'saturation', label: `${n} CPU %`, unit: '%', baseline: b.cpuPct, noise: 0.05, noiseSec: 30, max: 100 },
      { key: 'memory', role: 'saturation', label: `${n} memory %`, unit: '%', baseline: b.memoryPct, noise: 0.02, noiseSec: 60, max: 100, threshold: { above: 90 } },
    ];
  },
  alerts(c) {
    const n = nameOf(c);
    return [
      { key: 'pods-not-ready', name: 'NotReady', series: 'ready', below: round(c.baseline.replicas - 0.5, 1), forSec: 120, severity: 'critical', summary: `${n}: fewer than ${c.baseline.replicas} pods ready for 2 minutes.` },
      { key: 'restarts-high', name: 'Restarting', series: 'restarts', above: 3, forSec: 60, severity: 'warning', summary: `${n}: more than 3 container restarts in 10 minutes.` },
    ];
  },
  lines: {
    errors: (c, f) => ({ rate: 0.3, level: 'warn', message: `Back-off restarting failed container ${c.service ?? c.id} in pod ${c.id}-{{pod}}: {{reason}}`, fields: { pod: { hex: 5 }, reason: f.reason ?? 'CrashLoopBackOff' } }),
    down: (c, f) => ({ rate: 0.2, level: 'warn', message: `0/${c.baseline.replicas} pods of ${c.id} ready: {{reason}}`, fields: { reason: f.reason ?? 'readiness probe failed' } }),
  },
};
