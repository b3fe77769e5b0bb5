import { round, type Role, type SeriesSpec } from './kind.js';
import type { Degradation } from './schema.js';

/** A metric effect as written in a scenario (expand.ts parses it with the metric). */
export interface EffectInput {
  when: string;
  set?: number;
  mul?: number;
  add?: number;
  nodata?: boolean;
  noise?: number;
  rampSec: number;
  releaseSec?: number;
  ramp?: string;
}

/** The aspects a degradation can have, and the roles each moves. */
export const ASPECT_ROLES = {
  errors: ['errors', 'ready', 'restarts', 'hits'],
  latencyX: ['latency'],
  rateX: ['rate', 'inflow', 'backlog'],
  drop: ['rate', 'outflow', 'backlog', 'ready', 'hits'],
  nodata: null,
  saturation: ['saturation'],
} as const satisfies Record<string, readonly Role[] | null>;
export type Aspect = keyof typeof ASPECT_ROLES;

/** The aspects a degradation names. */
export function aspectsOf(d: Degradation): Aspect[] {
  return (Object.keys(ASPECT_ROLES) as Aspect[]).filter((a) => d[a] !== undefined && d[a] !== false);
}

/** The noise of a series held at a degraded level: a steady signal, not the baseline's relative jitter. */
const DEGRADED_NOISE = 0.05;

/** How long an unconsumed backlog grows before it levels off, and how long it takes to drain. */
const BACKLOG_SEC = 600;

/**
 * The effects a degradation puts on one series, in order; none when it does
 * not touch the series' role. `share` is the part of the component's traffic
 * that degrades (1 unless only some HTTP routes do).
 */
export function effectsOn(s: SeriesSpec, d: Degradation, share: number): EffectInput[] {
  const shape = d.ramp ? { ramp: d.ramp } : {};
  const base = { when: d.when, rampSec: d.rampSec, ...(d.releaseSec > 0 && { releaseSec: d.releaseSec }), ...shape };
  if (d.nodata) return [{ ...base, nodata: true }];
  const out: EffectInput[] = [];
  const e = d.errors;
  switch (s.role) {
    case 'rate':
    case 'inflow':
    case 'outflow':
      if (d.drop && s.role !== 'inflow') out.push(share >= 1 ? { ...base, set: 0 } : { ...base, mul: round(1 - share, 3) });
      else if (d.rateX !== undefined && s.role !== 'outflow') out.push({ ...base, mul: round(1 + (d.rateX - 1) * share, 3) });
      break;
    case 'errors':
      if (e !== undefined) out.push({ ...base, set: round(s.baseline * (1 - share) + e * 100 * share), noise: DEGRADED_NOISE });
      break;
    case 'latency':
      if (d.latencyX !== undefined) out.push({ ...base, mul: round(1 + (d.latencyX - 1) * share, 3), noise: DEGRADED_NOISE });
      break;
    case 'saturation':
      if (d.saturation !== undefined) out.push({ ...base, set: round(d.saturation * (s.capacity ?? 100)) });
      break;
    case 'backlog': {
      const grow = (d.drop ? 1 : 0) + (d.rateX !== undefined && d.rateX > 1 ? d.rateX - 1 : 0);
      if (grow > 0) out.push({ when: d.when, add: round(grow * (s.capacity ?? 0), 0), rampSec: BACKLOG_SEC, releaseSec: Math.max(d.releaseSec, BACKLOG_SEC / 2), ...shape });
      break;
    }
    case 'ready':
      if (d.drop) out.push({ ...base, set: 0 });
      else if (e !== undefined) out.push({ ...base, set: Math.round(s.baseline * (1 - e)) });
      break;
    case 'restarts':
      if (e !== undefined) out.push({ when: d.when, add: Math.max(1, Math.round((s.capacity ?? 5) * e)), rampSec: BACKLOG_SEC, releaseSec: Math.max(d.releaseSec, BACKLOG_SEC), ...shape });
      break;
    case 'hits':
      if (d.drop) out.push({ ...base, set: 0 });
      else if (e !== undefined) out.push({ ...base, set: round(s.baseline * (1 - e), 1) });
      break;
  }
  return out;
}
