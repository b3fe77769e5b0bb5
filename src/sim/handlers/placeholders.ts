import { withUnit } from '../../scenario/number-text.js';
import type { WorldEffects } from '../world-effects.js';

const METRIC = /\{\{\s*metric:([a-z0-9][a-z0-9_-]*)\s*\}\}/g;

/** Fills `{{metric:ID}}` in a diagnostic output or action reply with the metric's value now. */
export function fillPlaceholders(world: WorldEffects, text: string): string {
  return text.replace(METRIC, (whole, id: string) => {
    const m = world.metric(id);
    if (!m) return whole;
    const v = world.metricAt(id, world.sec);
    return v === null ? 'no data' : withUnit(v, m.decimals, m.unit);
  });
}
