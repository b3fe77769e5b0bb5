import type { Action } from '../../scenario/schema.js';
import { quantitiesAt, type Quantity } from './units.js';

/**
 * An action's settings taken from the numbers in a request: "set 2 s / 10 s
 * timeouts" sets the open and read timeouts to 2 s and 10 s, never the
 * runbook's 1 s / 3 s. A number outside a setting's bounds, or one no
 * setting takes, is a problem the responder states instead of a change.
 */
export type ParamBinding = { values: Record<string, number> } | { problem: string };

type Param = Action['params'][number];

const SECONDS: Record<string, number> = { ms: 0.001, s: 1, min: 60, h: 3600 };
const COUNTS = new Set(['threads', 'workers', 'req/s', 'replicas', 'pods', 'count']);

/** The value of `q` in `p`'s unit, or null when the units do not fit. */
function inUnit(q: Quantity, p: Param): number | null {
  if (q.unit in SECONDS && p.unit in SECONDS) return (q.value * SECONDS[q.unit]!) / SECONDS[p.unit]!;
  if (COUNTS.has(p.unit) && (q.unit === '' || q.unit === p.unit || p.unit === 'count')) return q.value;
  return null;
}

/** "200 ms", "2 s", "2 threads", "4 req/s": a value as a responder says it. */
export function valueWords(value: number, unit: string): string {
  const n = String(Number(value.toFixed(3)));
  return unit === 'count' ? n : `${n} ${unit}`;
}

/** `from 10 s to 200 ms`: the first is what it is now, not what it should be. */
function isCurrentValue(text: string, q: Quantity, all: readonly Quantity[]): boolean {
  return /\bfrom\s*$/i.test(text.slice(0, q.at)) && all.some((o) => o.at > q.at && /^\s*to\b/i.test(text.slice(q.end, o.at)));
}

/** "scale it to 12": a bare number after "to" is a target too (a count, when a setting takes one). */
function bareTargets(text: string): Quantity[] {
  const units = quantitiesAt(text);
  return [...text.matchAll(/\bto\s+(\d+(?:\.\d+)?)(?!\d|\.\d|\s*(?:[a-z%/]|=))/gi)]
    .map((m) => ({ at: m.index + m[0].length - m[1]!.length, end: m.index + m[0].length, value: Number(m[1]), unit: '' }))
    .filter((q) => !units.some((u) => u.at <= q.at && q.at < u.end));
}

export function bindParams(action: Action, text: string): ParamBinding {
  const defaults = Object.fromEntries(action.params.map((p) => [p.id, p.default]));
  const all = [...quantitiesAt(text), ...bareTargets(text)].sort((a, b) => a.at - b.at);
  const asked = all.filter((q) => !isCurrentValue(text, q, all));
  if (action.params.length === 0 || asked.length === 0) return { values: defaults };
  // a word naming a setting points at the number nearest to it ("2 s open, 10 s read", "open 2 s, read 10 s")
  const lower = text.toLowerCase();
  const pointed = new Map<Quantity, Param>();
  for (const p of action.params)
    for (const w of p.words) {
      for (let at = lower.indexOf(w.toLowerCase()); at >= 0; at = lower.indexOf(w.toLowerCase(), at + 1)) {
        const fits = asked.filter((q) => inUnit(q, p) !== null && !pointed.has(q));
        const distance = (q: Quantity) => (at >= q.end ? at - q.end : q.at - (at + w.length));
        const near = fits.sort((a, b) => distance(a) - distance(b))[0];
        if (near && distance(near) <= 24 && ![...pointed.values()].includes(p)) pointed.set(near, p);
      }
    }
  const values: Record<string, number> = { ...defaults };
  const set = new Set<Param>();
  for (const q of asked) {
    const p = pointed.get(q) ?? action.params.find((x) => !set.has(x) && ![...pointed.values()].includes(x) && inUnit(q, x) !== null);
    if (!p) return { problem: `${q.unit ? valueWords(q.value, q.unit) : `${q.value} with no unit`} is not a setting of this change (it takes ${action.params.map((x) => `${x.label} in ${x.unit}`).join(', ')})` };
    const v = inUnit(q, p)!;
    const low = p.min !== undefined && v < p.min;
    const high = p.max !== undefined && v > p.max;
    if (low || high) {
      const bound = low ? `the least is ${valueWords(p.min!, p.unit)}` : `the most is ${valueWords(p.max!, p.unit)}`;
      const why = low ? p.tooLow : p.tooHigh;
      return { problem: `I can't set the ${p.label} to ${valueWords(v, p.unit)}: ${bound}${why ? ` — ${why}` : ''}` };
    }
    values[p.id] = v;
    set.add(p);
  }
  return { values };
}

/** "open timeout 2 s, read timeout 10 s": the values a read-back names. */
export function settingsWords(action: Action, values: Record<string, number>): string {
  return action.params.map((p) => `${p.label} ${valueWords(values[p.id] ?? p.default, p.unit)}`).join(', ');
}

/** Fills `{{param:ID}}` with the values applied (the defaults where none were asked for). */
export function fillParams(action: Action, values: Record<string, number> | undefined, text: string): string {
  return text.replace(/\{\{\s*param:([a-z0-9][a-z0-9_-]*)\s*\}\}/g, (whole, id: string) => {
    const p = action.params.find((x) => x.id === id);
    return p ? String(Number((values?.[id] ?? p.default).toFixed(3))) : whole;
  });
}
