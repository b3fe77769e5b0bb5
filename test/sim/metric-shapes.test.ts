import { describe, expect, it } from 'vitest';
import { Metric } from '../../src/scenario/schema.js';
import { FlagHistory } from '../../src/sim/flag-history.js';
import { metricValue } from '../../src/sim/metrics.js';

// Shapes from the scenario format (DESIGN: baseline, noise, daily shape;
// effects: step, ramp, spike, drop to zero, no data), without noise so the
// numbers can be read exactly.
const metric = (extra: Record<string, unknown>) => Metric.parse({ id: 'rps', panel: 'traffic', label: 'rps', baseline: 100, noise: 0, decimals: 2, ...extra });
const FRAME = { startsAt: '2026-03-10T21:00' };
const HOUR = 3600;

/** `flag` raised at `on` and lowered at `off` (if given). */
function flags(on: number, off?: number): FlagHistory {
  return FlagHistory.from([{ sec: on, flag: 'storm', on: true }, ...(off !== undefined ? [{ sec: off, flag: 'storm', on: false }] : [])]);
}

describe('metric shapes', () => {
  it('daily: the baseline swings over the scenario clock’s day, highest at peakAt', () => {
    const m = metric({ daily: { amplitude: 0.4, peakAt: '21:00' } });
    const at = (sec: number) => metricValue(m, 1, new FlagHistory(), sec, 1, FRAME)!;
    expect(at(0)).toBe(140); // 21:00, the peak
    expect(at(12 * HOUR)).toBe(60); // 09:00, the trough
    expect(at(6 * HOUR)).toBeCloseTo(100, 5); // 03:00, halfway
    expect(at(24 * HOUR)).toBe(140);
    // On a clock that runs 60x, a day passes in 24 sim-minutes.
    expect(metricValue(m, 1, new FlagHistory(), 12 * 60, 1, { ...FRAME, clockScale: 60 })).toBe(60);
    expect(() => metric({ daily: { amplitude: 0.4, peakAt: '25:00' } })).toThrow(/HH:MM/);
  });

  it('a spike ramps up, then decays back while its condition still holds', () => {
    const m = metric({ effects: [{ when: 'storm', add: 400, rampSec: 10, decaySec: 100 }] });
    const at = (sec: number) => metricValue(m, 1, flags(100), sec)!;
    expect(at(99)).toBe(100);
    expect(at(105)).toBe(300); // half way up
    expect(at(110)).toBe(500); // full size
    expect(at(160)).toBe(300); // half decayed
    expect(at(210)).toBe(100); // gone, though the storm goes on
    expect(at(500)).toBe(100);
  });

  it('an effect stopped halfway up its ramp fades back from where it got to, not from full size', () => {
    const m = metric({ effects: [{ when: 'storm', set: 500, rampSec: 100, releaseSec: 50 }] });
    const at = (sec: number) => metricValue(m, 1, flags(0, 50), sec)!;
    expect(at(49)).toBe(296);
    expect(at(50)).toBe(300); // released: half of the change was reached
    expect(at(75)).toBe(200);
    expect(at(100)).toBe(100);
  });

  it('the effects named in the format: a step, a drop to zero, no data', () => {
    const step = metric({ effects: [{ when: 'storm', set: 250 }] });
    const zero = metric({ effects: [{ when: 'storm', mul: 0 }] });
    const gone = metric({ effects: [{ when: 'storm', nodata: true }] });
    const f = flags(10);
    expect([metricValue(step, 1, f, 9), metricValue(step, 1, f, 10)]).toEqual([100, 250]);
    expect(metricValue(zero, 1, f, 11)).toBe(0);
    expect(metricValue(gone, 1, f, 11)).toBeNull();
  });
});
