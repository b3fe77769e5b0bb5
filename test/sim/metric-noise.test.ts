import { describe, expect, it } from 'vitest';
import { Metric } from '../../src/scenario/schema.js';
import { FlagHistory } from '../../src/sim/flag-history.js';
import { metricSeries, metricValue } from '../../src/sim/metrics.js';

/** A metric as the scenario format reads it (defaults filled in). */
const metric = (extra: Record<string, unknown> = {}) =>
  Metric.parse({ id: 'p95', panel: 'latency', label: 'p95', baseline: 1000, noise: 0.1, decimals: 2, ...extra });

function stats(values: number[]) {
  const rel = values.map((v) => v / 1000 - 1);
  const mean = rel.reduce((a, b) => a + b, 0) / rel.length;
  const sd = Math.sqrt(rel.reduce((a, b) => a + (b - mean) ** 2, 0) / rel.length);
  let cov = 0;
  for (let i = 1; i < rel.length; i++) cov += (rel[i]! - mean) * (rel[i - 1]! - mean);
  return { sd, lag1: cov / (rel.length - 1) / sd ** 2 };
}

const SECONDS = 7200;
const series = (m: ReturnType<typeof metric>, seed = 11) => metricSeries(m, seed, new FlagHistory(), SECONDS - 1, SECONDS, 1) as number[];

describe('metric noise', () => {
  it('noiseSec 1 (the default): a fresh draw every second, no memory from one second to the next', () => {
    expect(metric().noiseSec).toBe(1);
    const s = stats(series(metric()));
    expect(s.sd).toBeGreaterThan(0.08);
    expect(s.sd).toBeLessThan(0.12);
    expect(Math.abs(s.lag1)).toBeLessThan(0.1);
  });

  it('noiseSec 60: the series wanders smoothly with the same spread', () => {
    const s = stats(series(metric({ noiseSec: 60 })));
    expect(s.lag1).toBeGreaterThan(0.95);
    expect(s.sd).toBeGreaterThan(0.07);
    expect(s.sd).toBeLessThan(0.13);
  });

  it('stays random-access and seeded: any second alone equals the same second in a series; another seed differs', () => {
    const m = metric({ noiseSec: 45 });
    const all = series(m);
    for (const sec of [0, 1, 44, 45, 46, 89, 90, 3601, SECONDS - 1]) expect(metricValue(m, 11, new FlagHistory(), sec)).toBe(all[sec]);
    expect(series(m, 12)).not.toEqual(all);
    expect(series(m)).toEqual(all);
  });

  it('is refused below 1 second by the scenario format', () => {
    expect(Metric.safeParse({ id: 'x', panel: 'p', label: 'x', baseline: 1, noiseSec: 0.5 }).success).toBe(false);
  });
});
