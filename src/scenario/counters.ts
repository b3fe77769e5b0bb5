import { compares, type Condition, type CounterTest } from './condition.js';
import type { Scenario } from './schema.js';

// Numeric counters (`counters: [{ id: admitted-pct, start: 0, max: 100 }]`).
// A counter's value lives in the world as one flag, `ID=VALUE`, lowered and
// raised as actions add to it or set it: the flag history then knows the
// value at every second, and a test such as `admitted-pct >= 50` is the set
// of value flags that pass it. The engine (sim/handlers/hands-on.ts) changes
// counters by these rules and lint (lint/model.ts) explores them by the same.

export type Counter = Scenario['counters'][number];
export type CounterChange = Scenario['actions'][number]['counters'][number];

/** A counter with more values than this could not be explored; the author is asked to bound it. */
export const MAX_COUNTER_VALUES = 1000;

/** The flag that is up while the counter has this value. `=` never appears in a flag an author writes. */
export function counterFlag(id: string, value: number): string {
  return `${id}=${value}`;
}

/** The counter's value read from its flag among these, or its start when none is up. */
export function counterValue(c: Counter, up: Iterable<string>): number {
  return valueIn(c.id, up) ?? c.start;
}

/** The value of counter `id` among these flags, or undefined when none of its value flags is up. */
export function valueIn(id: string, up: Iterable<string>): number | undefined {
  const prefix = `${id}=`;
  for (const f of up) if (f.startsWith(prefix)) return Number(f.slice(prefix.length));
  return undefined;
}

/** The value after a change, kept between the counter's min and max. */
export function changedValue(c: Counter, value: number, change: CounterChange): number {
  const next = change.set ?? value + (change.add ?? 0);
  return Math.min(c.max ?? Infinity, Math.max(c.min ?? -Infinity, next));
}

/** The changes actions make to this counter. */
export function changesOf(s: Scenario, id: string): CounterChange[] {
  return s.actions.flatMap((a) => a.counters.filter((ch) => ch.id === id));
}

/** Every value the counter can take: its start, and whatever the actions' changes reach from it; null when more than MAX_COUNTER_VALUES. */
export function reachableValues(s: Scenario, c: Counter): number[] | null {
  const changes = changesOf(s, c.id);
  const seen = new Set([c.start]);
  const queue = [c.start];
  while (queue.length > 0) {
    const v = queue.pop()!;
    for (const ch of changes) {
      const next = changedValue(c, v, ch);
      if (seen.has(next)) continue;
      if (seen.size >= MAX_COUNTER_VALUES) return null;
      seen.add(next);
      queue.push(next);
    }
  }
  return [...seen].sort((a, b) => a - b);
}

/** Every value flag of every counter, by counter id. */
export function counterFlags(s: Scenario): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of s.counters) out.set(c.id, (reachableValues(s, c) ?? []).map((v) => counterFlag(c.id, v)));
  return out;
}

type Expansion = { ok: true } | { ok: false; path: (string | number)[]; message: string };

const isTest = (v: unknown): v is CounterTest => typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'compare' && 'counter' in v;

/**
 * Fills each counter test in the scenario with the value flags that pass it.
 * A test of an unknown counter is left empty (references.ts names it); a
 * counter whose changes reach too many values is refused.
 */
export function expandCounterTests(s: Scenario): Expansion {
  const values = new Map<string, number[]>();
  for (const [i, c] of s.counters.entries()) {
    if (c.min !== undefined && c.max !== undefined && c.min > c.max) return { ok: false, path: ['counters', i], message: `counter ${c.id}: min must not exceed max` };
    const vs = reachableValues(s, c);
    if (vs === null) return { ok: false, path: ['counters', i], message: `counter ${c.id} can reach more than ${MAX_COUNTER_VALUES} values; bound it with min and max` };
    values.set(c.id, vs);
  }
  if (values.size === 0) return { ok: true };
  const walk = (node: unknown): void => {
    if (isTest(node)) {
      const vs = values.get(node.counter);
      if (vs) node.flags = vs.filter((v) => compares(node.op, v, node.value)).map((v) => counterFlag(node.counter, v));
      return;
    }
    if (node instanceof RegExp || typeof node !== 'object' || node === null) return;
    for (const v of Array.isArray(node) ? node : Object.values(node)) walk(v);
  };
  walk(s);
  return { ok: true };
}

/** The counters a condition tests. */
export function testedCounters(c: Condition, out: Set<string> = new Set()): Set<string> {
  if (c.kind === 'compare') out.add(c.counter);
  else if (c.kind === 'not') testedCounters(c.arg, out);
  else if (c.kind === 'and' || c.kind === 'or') c.args.forEach((a) => testedCounters(a, out));
  return out;
}
