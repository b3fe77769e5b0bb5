import { withUnit } from '../../view/format.js';
import type { Engine } from '../engine.js';

const METRIC = /\{\{\s*metric:([a-z0-9][a-z0-9_-]*)\s*\}\}/g;

/** Fills `{{metric:ID}}` in a diagnostic output or action reply with the metric's value now. */
export function fillPlaceholders(engine: Engine, text: string): string {
  return text.replace(METRIC, (whole, id: string) => {
    const m = engine.metric(id);
    if (!m) return whole;
    const v = engine.metricAt(id, engine.sec);
    return v === null ? 'no data' : withUnit(v, m.decimals, m.unit);
  });
}

export function placeholderMetrics(text: string): string[] {
  return [...text.matchAll(METRIC)].map((m) => m[1]!);
}
