import { withUnit } from '../../scenario/number-text.js';
import { fillTimes, wallInstant } from '../../scenario/time-text.js';
import { drawAt } from '../random.js';
import type { WorldEffects } from '../world-effects.js';
import { counterNow } from '../counter-change.js';

const METRIC = /\{\{\s*metric:([a-z0-9][a-z0-9_-]*(?:\.[a-z0-9][a-z0-9_-]*)*)\s*\}\}/g;
const COUNTER = /\{\{\s*counter:([a-z0-9][a-z0-9_-]*)\s*\}\}/g;

/** Fills `{{metric:ID}}`, `{{counter:ID}}` and `{{time:FORMAT}}` in a diagnostic output or action reply with the world now. */
export function fillPlaceholders(world: WorldEffects, text: string): string {
  const counted = text.includes('counter:') ? text.replace(COUNTER, (whole, id: string) => String(counterNow(world, id) ?? whole)) : text;
  const metrics = counted.replace(METRIC, (whole, id: string) => {
    const m = world.metric(id);
    if (!m) return world.statusAt(id, world.sec) ?? whole;
    const v = world.metricAt(id, world.sec);
    return v === null ? 'no data' : withUnit(v, m.decimals, m.unit);
  });
  return timesNow(world, metrics);
}

/**
 * `{{time:FORMAT}}` at the current sim second, with sub-second digits drawn
 * from the text's own stream so the same text at the same second always
 * reads the same.
 */
export function timesNow(world: Pick<WorldEffects, 'scenario' | 'seed' | 'sec'>, text: string): string {
  if (!text.includes('{{')) return text;
  const d = drawAt(world.seed, `time:${text}`, world.sec);
  const ms = Math.floor(d.next() * 1000);
  return fillTimes(text, wallInstant(world.scenario, world.sec * 1000 + ms, Math.floor(d.next() * 1000)));
}
