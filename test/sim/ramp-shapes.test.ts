import { describe, expect, it } from 'vitest';
import { Metric } from '../../src/scenario/schema.js';
import { FlagHistory } from '../../src/sim/flag-history.js';
import { metricValue } from '../../src/sim/metrics.js';

// Ramp shapes on a noiseless series, so the numbers can be read exactly:
// from 100 to 500 over 100 s, then back over 100 s once the flag drops.
const metric = (ramp?: string) =>
  Metric.parse({ id: 'rps', panel: 'traffic', label: 'rps', baseline: 100, noise: 0, decimals: 2, effects: [{ when: 'storm', set: 500, rampSec: 100, releaseSec: 100, ...(ramp ? { ramp } : {}) }] });
const storm = FlagHistory.from([
  { sec: 0, flag: 'storm', on: true },
  { sec: 200, flag: 'storm', on: false },
]);
const at = (ramp: string | undefined, sec: number) => metricValue(metric(ramp), 1, storm, sec)!;

describe('ramp shapes of a metric effect', () => {
  it('linear by default: the same values as before shapes existed', () => {
    expect(at(undefined, 25)).toBe(200);
    expect(at('linear', 25)).toBe(200);
    expect(at(undefined, 250)).toBe(300);
  });

  it('ease-in starts slowly, ease-out fast, ease-in-out slow at both ends; all meet at the ends', () => {
    expect(at('ease-in', 25)).toBe(125); // 100 + 400 × 0.25²
    expect(at('ease-out', 25)).toBe(275); // 100 + 400 × 0.4375
    expect(at('ease-in-out', 25)).toBe(162.5); // 100 + 400 × 0.15625
    expect(at('ease-in-out', 50)).toBe(300);
    for (const shape of ['ease-in', 'ease-out', 'ease-in-out', 'exp-decay']) {
      expect(at(shape, 0)).toBe(100);
      expect(at(shape, 100)).toBe(500);
      expect(at(shape, 300)).toBe(100);
    }
  });

  it('exp-decay makes most of the move in the first fifth, then settles', () => {
    const fifth = at('exp-decay', 20);
    expect(fifth).toBeGreaterThan(100 + 400 * 0.63);
    expect(fifth).toBeLessThan(100 + 400 * 0.65);
    expect(at('exp-decay', 60)).toBeGreaterThan(480); // 96% of the way at three fifths
    // the release follows the same shape: a backlog draining fast, then slowly
    expect(at('exp-decay', 220)).toBeLessThan(100 + 400 * 0.37);
  });

  it('refuses a shape it does not know, naming the ones it does', () => {
    expect(() => metric('sigmoid')).toThrow(/linear.*ease-in.*exp-decay/s);
  });
});
