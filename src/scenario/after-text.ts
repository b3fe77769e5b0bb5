import { ConditionSyntaxError, parseCondition, type Condition } from './condition.js';
import { parseDuration } from './clock-text.js';

/**
 * "FLAG + 10m": a time counted from when a condition first held. Conditions
 * never contain "+", so the last "+" separates the anchor from the offset;
 * without one the offset is zero.
 */
export interface AfterTime {
  when: Condition;
  offsetSec: number;
}

export function parseAfter(text: string): AfterTime | string {
  const plus = text.lastIndexOf('+');
  const anchor = plus === -1 ? text : text.slice(0, plus);
  const offset = plus === -1 ? '0' : text.slice(plus + 1);
  if (anchor.trim() === '') return `"${text}" names no flag before "+": write FLAG + 10m`;
  const offsetSec = parseDuration(offset);
  if (offsetSec === null) return `"${offset.trim()}" in "${text}" is not a duration; write FLAG + 10m (MM:SS, 90s, 5m, 1h or seconds)`;
  try {
    return { when: parseCondition(anchor), offsetSec };
  } catch (e) {
    return e instanceof ConditionSyntaxError ? e.message : String(e);
  }
}

/**
 * The second a phase or event is due: its `at`, or `after`'s offset from when
 * the anchor first held if that is later; null while the anchor has never held.
 */
export function dueSec(t: { at: number; after?: AfterTime | undefined }, firstHeld: (c: Condition) => number | null): number | null {
  if (!t.after) return t.at;
  const first = firstHeld(t.after.when);
  return first === null ? null : Math.max(t.at, first + t.after.offsetSec);
}
