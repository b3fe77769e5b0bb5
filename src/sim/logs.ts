import { evalCondition } from '../scenario/condition.js';
import type { FieldGen, LogTemplate } from '../scenario/schema.js';
import type { FlagHistory } from './flag-history.js';
import { drawAt, type Draw } from './random.js';

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

function gen(g: FieldGen, d: Draw): string | number | boolean {
  if (typeof g !== 'object') return g;
  if ('pick' in g) return d.pick(g.pick);
  if ('int' in g) return d.int(g.int[0], g.int[1]);
  if ('float' in g) return Number((g.float[0] + d.next() * (g.float[1] - g.float[0])).toFixed(g.decimals));
  let hex = '';
  for (let i = 0; i < g.hex; i++) hex += Math.floor(d.next() * 16).toString(16);
  return hex;
}

function fill(template: string, fields: Record<string, string | number | boolean>): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, k: string) => (k in fields ? String(fields[k]) : `{{${k}}}`));
}

/**
 * Every log line of one sim-second, in time order. Pure in (templates, seed,
 * flags, second): scroll-back and replay regenerate instead of storing.
 * `rateScale` is the difficulty's noise knob.
 */
export function logsAt(templates: readonly LogTemplate[], seed: number, flags: FlagHistory, sec: number, rateScale = 1): LogLine[] {
  const on = flags.flagsAt(sec);
  const lines: LogLine[] = [];
  for (const t of templates) {
    if (!evalCondition(t.when, (f) => on.has(f))) continue;
    const d = drawAt(seed, `log:${t.id}`, sec);
    const rate = t.rate * (t.level === 'error' ? 1 : rateScale);
    const count = Math.floor(rate) + (d.next() < rate - Math.floor(rate) ? 1 : 0);
    for (let i = 0; i < count; i++) {
      const li = drawAt(seed, `log:${t.id}`, sec, i + 1);
      const fields: Record<string, string | number | boolean> = {};
      for (const [k, g] of Object.entries(t.fields)) fields[k] = gen(g, li);
      lines.push({ ms: sec * 1000 + Math.floor(li.next() * 1000), service: t.service, level: t.level, message: fill(t.message, fields), fields });
    }
  }
  return lines.sort((a, b) => a.ms - b.ms || a.service.localeCompare(b.service));
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
