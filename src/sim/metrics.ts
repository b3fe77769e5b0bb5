import { hourOfDay, type ClockFrame } from '../scenario/clock-frame.js';
import type { Metric } from '../scenario/schema.js';
import type { FlagHistory } from './flag-history.js';
import { valueIn } from '../scenario/counters.js';
import { drawAt } from './random.js';
import { rampShare } from './ramp-shape.js';

/** One stream name per metric, built once: a fresh string per sample had to be hashed again each time. */
const streams = new WeakMap<Metric, string>();

function streamOf(metric: Metric): string {
  let name = streams.get(metric);
  if (name === undefined) {
    name = `metric:${metric.id}`;
    streams.set(metric, name);
  }
  return name;
}

/** Where a scenario's clock starts (for a daily rhythm); a metric without one needs none. */
const NO_FRAME: ClockFrame = { startsAt: '2026-01-01T00:00' };

/**
 * A metric's value at one sim-second: the baseline (with its daily rhythm),
 * then each effect whose condition holds, ramped from the value before it
 * (a spike decaying again, and fading out over releaseSec once it stops
 * holding), then seeded noise.
 * Pure in (metric, seed, flags, second, the scenario's clock); null means "no data".
 *
 * With pre-session history (`historyFrom`, the negative second it begins),
 * the world before the start is the one the run starts in: an effect that
 * holds at 0:00 has held since the history began, so its ramp is long done
 * (or, for a ramp as slow as the history, part way) and carries on across
 * the start without a jump.
 */
export function metricValue(metric: Metric, seed: number, flags: FlagHistory, sec: number, noiseScale = 1, frame: ClockFrame = NO_FRAME, historyFrom?: number): number | null {
  let value = metric.baseline;
  if (metric.daily) {
    value *= 1 + metric.daily.amplitude * Math.cos((2 * Math.PI * (hourOfDay(frame, sec) - metric.daily.peakHour)) / 24);
  }
  let noise = metric.noise;
  // held from the start means held since the history began
  const from = (since: number | null) => (historyFrom !== undefined && since === 0 ? historyFrom : since);
  for (const effect of metric.effects) {
    const since = from(flags.conditionSince(effect.when, sec));
    let progress: number;
    if (since !== null) {
      if (effect.nodata) return null;
      progress = strength(effect, sec - since);
    } else {
      // a released effect fades out over releaseSec instead of snapping back
      if (effect.releaseSec === 0 || effect.nodata) continue;
      const ended = flags.conditionEnded(effect.when, sec);
      if (ended === null || sec - ended >= effect.releaseSec) continue;
      const heldFor = ended - (from(flags.conditionSince(effect.when, ended - 1)) ?? ended);
      progress = strength(effect, heldFor) * (1 - rampShare(effect.ramp, (sec - ended) / effect.releaseSec));
    }
    // an effect per a counter scales its amount by the counter's value at this second
    const k = effect.per === undefined ? 1 : (valueIn(effect.per, flags.flagsAt(sec)) ?? 0);
    const target = effect.set !== undefined ? effect.set * k : effect.mul !== undefined ? value * effect.mul * k : value + (effect.add ?? 0) * k;
    value = value + (target - value) * progress;
    if (effect.noise !== undefined) noise = effect.noise;
  }
  const jitter = unitNoise(metric, seed, sec) * noise * noiseScale;
  let out = value * (1 + jitter);
  out = Math.max(metric.min, out);
  if (metric.max !== undefined) out = Math.min(metric.max, out);
  const f = 10 ** metric.decimals;
  return Math.round(out * f) / f;
}

/** How much of an effect applies after it has held `held` seconds: the ramp up (along its shape), then a spike's decay. */
function strength(effect: Metric['effects'][number], held: number): number {
  if (effect.rampSec > 0 && held < effect.rampSec) return rampShare(effect.ramp, held / effect.rampSec);
  if (effect.decaySec === undefined) return 1;
  return Math.max(0, 1 - (held - effect.rampSec) / effect.decaySec);
}

/**
 * Standard normal noise for one second. With noiseSec 1 a fresh draw per
 * second; longer, draws at every noiseSec-th second ("knots") eased into one
 * another (smoothstep), rescaled so the spread stays that of one draw. Still
 * random-access: a second needs only its two neighbouring knots.
 */
function unitNoise(metric: Metric, seed: number, sec: number): number {
  const stream = streamOf(metric);
  const every = metric.noiseSec;
  if (!(every > 1)) return drawAt(seed, stream, sec).gauss();
  const knot = Math.floor(sec / every);
  const t = (sec - knot * every) / every;
  const w = t * t * (3 - 2 * t);
  const a = drawAt(seed, stream, knot).gauss();
  if (w === 0) return a;
  const b = drawAt(seed, stream, knot + 1).gauss();
  return (a * (1 - w) + b * w) / Math.sqrt((1 - w) ** 2 + w ** 2);
}

/** Samples ending at `toSec`, `count` points `step` seconds apart (oldest first). */
export function metricSeries(
  metric: Metric,
  seed: number,
  flags: FlagHistory,
  toSec: number,
  count: number,
  step: number,
  noiseScale = 1,
  frame: ClockFrame = NO_FRAME,
): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const s = toSec - i * step;
    out.push(s < 0 ? null : metricValue(metric, seed, flags, s, noiseScale, frame));
  }
  return out;
}
