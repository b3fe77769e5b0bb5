import { evalCondition } from '../scenario/condition.js';
import type { FieldGen, LogTemplate } from '../scenario/schema.js';
import type { FlagHistory } from './flag-history.js';
import { drawAt, type Draw } from './random.js';
import type { ClockFrame } from '../scenario/clock-frame.js';
import { formatTime, isTimeFormat, wallInstant, type TimeFormat, type WallInstant } from '../scenario/time-text.js';

export interface LogLine {
  /** Sim milliseconds since scenario start. */
  ms: number;
  service: string;
  level: LogTemplate['level'];
  message: string;
  fields: Record<string, string | number | boolean>;
}

export interface LogFilter {
  /** Field (or service/level) equals value; `text` is a substring anywhere. */
  equals: Record<string, string>;
  text: string | null;
}

export const NO_FILTER: LogFilter = { equals: {}, text: null };

const HEX = '0123456789abcdef';

/** A metric's value at a second, for fields that follow one. */
export type MetricAt = (id: string, sec: number) => number | null;

function gen(g: FieldGen, d: Draw, metricAt: MetricAt | undefined, sec: number): string | number | boolean {
  if (typeof g !== 'object') return g;
  if ('metric' in g) {
    const factor = g.times[0] + d.next() * (g.times[1] - g.times[0]);
    return Number(((metricAt?.(g.metric, sec) ?? 0) * factor).toFixed(g.decimals));
  }
  if ('pick' in g) return d.pick(g.pick);
  if ('int' in g) return d.int(g.int[0], g.int[1]);
  if ('float' in g) return Number((g.float[0] + d.next() * (g.float[1] - g.float[0])).toFixed(g.decimals));
  let hex = '';
  for (let i = 0; i < g.hex; i++) hex += HEX[Math.floor(d.next() * 16)];
  return hex;
}

/**
 * A template prepared once: its stream name, its field generators in order,
 * and its message split at the `{{field}}` placeholders. Generating every
 * line of every second re-did all of this per line (regex replace, entries,
 * string building) and was most of a headless run's time.
 */
interface Compiled {
  stream: string;
  fields: [string, FieldGen][];
  /** Literal text and placeholders, alternating: text, key, text, key, …, text. */
  parts: string[];
  /** For each placeholder: a field of the template (fill it), or the text that stands instead. */
  fixed: (string | null)[];
  /** For each placeholder: the time format it writes (`{{time:FORMAT}}`), or null for a field. */
  times: (TimeFormat | null)[];
  /** Whether any placeholder writes a time: only then is the line's microsecond drawn. */
  timed: boolean;
}

/** `{{field}}` or `{{time:FORMAT}}` (an unknown format is refused when the scenario loads). */
const PLACEHOLDER = /\{\{\s*((?:time:)?[\w.-]+)\s*\}\}/g;
const compiled = new WeakMap<LogTemplate, Compiled>();

function compile(t: LogTemplate): Compiled {
  let c = compiled.get(t);
  if (c) return c;
  const probe: Record<string, unknown> = {};
  for (const k of Object.keys(t.fields)) probe[k] = true;
  const parts: string[] = [];
  const fixed: (string | null)[] = [];
  const times: (TimeFormat | null)[] = [];
  let last = 0;
  for (const m of t.message.matchAll(PLACEHOLDER)) {
    const key = m[1]!;
    parts.push(t.message.slice(last, m.index), key);
    last = m.index + m[0].length;
    const format = key.startsWith('time:') ? key.slice(5) : null;
    if (format !== null) {
      times.push(isTimeFormat(format) ? format : null);
      fixed.push(isTimeFormat(format) ? null : m[0]);
      continue;
    }
    times.push(null);
    // Same as the replace it stands for: a key that is not a field stays as `{{key}}`.
    fixed.push(key in probe ? (Object.hasOwn(probe, key) ? null : String(({} as Record<string, unknown>)[key])) : `{{${key}}}`);
  }
  parts.push(t.message.slice(last));
  c = { stream: `log:${t.id}`, fields: Object.entries(t.fields), parts, fixed, times, timed: times.some((f) => f !== null) };
  compiled.set(t, c);
  return c;
}

function fill(c: Compiled, fields: Record<string, string | number | boolean>, at: WallInstant | null): string {
  const { parts, fixed, times } = c;
  let out = parts[0]!;
  for (let i = 1, k = 0; i < parts.length; i += 2, k++) {
    const format = times[k];
    out += (fixed[k] ?? (format && at ? formatTime(format, at) : String(fields[parts[i]!]))) + parts[i + 1]!;
  }
  return out;
}

/**
 * Lines of one millisecond are ordered by service name as `localeCompare`
 * orders them; comparing precomputed ranks gives the same order without a
 * locale-aware comparison per pair.
 */
const serviceRanks = new WeakMap<readonly LogTemplate[], Map<string, number>>();

function ranksOf(templates: readonly LogTemplate[]): Map<string, number> {
  let ranks = serviceRanks.get(templates);
  if (ranks) return ranks;
  const names = [...new Set(templates.map((t) => t.service))].sort((a, b) => a.localeCompare(b));
  ranks = new Map();
  let rank = 0;
  names.forEach((n, i) => {
    if (i > 0 && names[i - 1]!.localeCompare(n) !== 0) rank++;
    ranks!.set(n, rank);
  });
  serviceRanks.set(templates, ranks);
  return ranks;
}

/**
 * The templates whose condition holds under one set of flags. The flag
 * history hands out one Set per segment (the span between two changes), so
 * the answer is worked out once per segment instead of once per second.
 */
const activeByFlags = new WeakMap<readonly LogTemplate[], WeakMap<ReadonlySet<string>, LogTemplate[]>>();

function activeTemplates(templates: readonly LogTemplate[], on: ReadonlySet<string>): LogTemplate[] {
  let byFlags = activeByFlags.get(templates);
  if (!byFlags) {
    byFlags = new WeakMap();
    activeByFlags.set(templates, byFlags);
  }
  let active = byFlags.get(on);
  if (!active) {
    const has = (f: string) => on.has(f);
    active = templates.filter((t) => t.once === undefined && evalCondition(t.when, has));
    byFlags.set(on, active);
  }
  return active;
}

/** The one-shot templates (`once`): each writes a single line, at its second. */
const onceByTemplates = new WeakMap<readonly LogTemplate[], LogTemplate[]>();

function onceTemplates(templates: readonly LogTemplate[]): LogTemplate[] {
  let once = onceByTemplates.get(templates);
  if (!once) onceByTemplates.set(templates, (once = templates.filter((t) => t.once !== undefined)));
  return once;
}

/**
 * Every log line of one sim-second, in time order. Pure in (templates, seed,
 * flags, second): scroll-back and replay regenerate instead of storing.
 * `rateScale` is the difficulty's noise knob; `frame` is the wall clock the
 * lines' own `{{time:…}}` stamps are written in; `metricAt` gives the values
 * of metrics that fields follow.
 */
export function logsAt(templates: readonly LogTemplate[], frame: ClockFrame, seed: number, flags: FlagHistory, sec: number, rateScale = 1, metricAt?: MetricAt): LogLine[] {
  const lines: LogLine[] = [];
  const write = (t: LogTemplate, c: Compiled, i: number) => {
    const li = drawAt(seed, c.stream, sec, i + 1);
    const fields: Record<string, string | number | boolean> = {};
    for (const [k, g] of c.fields) fields[k] = gen(g, li, metricAt, sec);
    const ms = sec * 1000 + Math.floor(li.next() * 1000);
    // Drawn after everything a template without times draws, so those lines stay as they were.
    const at = c.timed ? wallInstant(frame, ms, Math.floor(li.next() * 1000)) : null;
    lines.push({ ms, service: t.service, level: t.level, message: fill(c, fields, at), fields });
  };
  for (const t of activeTemplates(templates, flags.flagsAt(sec))) {
    const c = compile(t);
    const d = drawAt(seed, c.stream, sec);
    const rate = (t.rate ?? 0) * (t.level === 'error' ? 1 : rateScale);
    const count = Math.floor(rate) + (d.next() < rate - Math.floor(rate) ? 1 : 0);
    for (let i = 0; i < count; i++) write(t, c, i);
  }
  for (const t of onceTemplates(templates)) {
    const first = flags.conditionFirst(t.when, sec);
    if (first !== null && first + t.once!.at === sec) write(t, compile(t), 0);
  }
  if (lines.length < 2) return lines;
  const ranks = ranksOf(templates);
  return lines.sort((a, b) => a.ms - b.ms || ranks.get(a.service)! - ranks.get(b.service)!);
}

export function matchesFilter(line: LogLine, f: LogFilter): boolean {
  for (const [k, v] of Object.entries(f.equals)) {
    const actual = k === 'service' ? line.service : k === 'level' ? line.level : line.fields[k];
    if (actual === undefined || String(actual).toLowerCase() !== v.toLowerCase()) return false;
  }
  if (f.text) {
    const needle = f.text.toLowerCase();
    if (!line.message.toLowerCase().includes(needle) && !JSON.stringify(line.fields).toLowerCase().includes(needle)) return false;
  }
  return true;
}

export function describeFilter(f: LogFilter): string {
  const parts = Object.entries(f.equals).map(([k, v]) => `${k}=${v}`);
  if (f.text) parts.push(`text~${f.text}`);
  return parts.join(' ');
}
