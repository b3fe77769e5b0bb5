import { segmentedOffsetMs, startMs, type ClockFrame } from './clock-frame.js';

/**
 * Times written inside generated text: `{{time:FORMAT}}` in a log template,
 * a message or a command's output is rendered from the scenario's wall clock
 * at the moment the text is written, so a log line's own timestamp never
 * disagrees with the clock it is shown at. Everything is in UTC from the
 * scenario's `startsAt`, like the header's clock.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');
const p3 = (n: number) => String(n).padStart(3, '0');

/** One instant: whole wall-clock milliseconds since the epoch, plus the microseconds within that millisecond. */
export interface WallInstant {
  ms: number;
  /** 0–999: the microsecond digits after the millisecond, drawn by the writer. */
  us: number;
}

interface Parts {
  y: string;
  mo: string;
  d: string;
  hms: string;
  ms: string;
  us: string;
  mon: string;
}

/** The date and time of day of one wall second: every log line of that second shares them. */
interface SecondParts {
  sec: number;
  y: string;
  mo: string;
  d: string;
  hms: string;
  mon: string;
}

// A busy scenario writes thousands of timed lines per sim-minute, nearly all
// in the second before: that second's parts are kept rather than rebuilt
// from a new Date for every line.
let lastSecond: SecondParts | null = null;

function secondParts(sec: number): SecondParts {
  if (lastSecond?.sec === sec) return lastSecond;
  const d = new Date(sec * 1000);
  lastSecond = {
    sec,
    y: String(d.getUTCFullYear()),
    mo: p2(d.getUTCMonth() + 1),
    d: p2(d.getUTCDate()),
    hms: `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
    mon: MONTHS[d.getUTCMonth()]!,
  };
  return lastSecond;
}

function parts(t: WallInstant): Parts {
  const sec = Math.floor(t.ms / 1000);
  const s = secondParts(sec);
  const ms = p3(t.ms - sec * 1000);
  return { y: s.y, mo: s.mo, d: s.d, hms: s.hms, ms, us: ms + p3(t.us), mon: s.mon };
}

/** The formats `{{time:FORMAT}}` knows, each with the example the scenario docs show. */
export const TIME_FORMATS = {
  rfc3339: { example: '2026-06-12T19:42:31Z', render: (p: Parts) => `${p.y}-${p.mo}-${p.d}T${p.hms}Z` },
  rfc3339ms: { example: '2026-06-12T19:42:31.880Z', render: (p: Parts) => `${p.y}-${p.mo}-${p.d}T${p.hms}.${p.ms}Z` },
  rfc3339us: { example: '2026-06-12T19:42:31.880123Z', render: (p: Parts) => `${p.y}-${p.mo}-${p.d}T${p.hms}.${p.us}Z` },
  datetime: { example: '2026-06-12 19:42:31', render: (p: Parts) => `${p.y}-${p.mo}-${p.d} ${p.hms}` },
  datetime_ms: { example: '2026-06-12 19:42:31.880', render: (p: Parts) => `${p.y}-${p.mo}-${p.d} ${p.hms}.${p.ms}` },
  klog: { example: '0612 19:42:31.880123', render: (p: Parts) => `${p.mo}${p.d} ${p.hms}.${p.us}` },
  nginx: { example: '12/Jun/2026:19:42:31 +0000', render: (p: Parts) => `${p.d}/${p.mon}/${p.y}:${p.hms} +0000` },
  epoch: { example: '1781293351', render: (_p: Parts, t: WallInstant) => String(Math.floor(t.ms / 1000)) },
  epoch_ms: { example: '1781293351880', render: (_p: Parts, t: WallInstant) => String(t.ms) },
  epoch_frac: { example: '1781293351.880', render: (p: Parts, t: WallInstant) => `${Math.floor(t.ms / 1000)}.${p.ms}` },
  hms: { example: '19:42:31', render: (p: Parts) => p.hms },
  hms_ms: { example: '19:42:31.880', render: (p: Parts) => `${p.hms}.${p.ms}` },
  hm: { example: '19:42', render: (p: Parts) => p.hms.slice(0, 5) },
} as const satisfies Record<string, { example: string; render: (p: Parts, t: WallInstant) => string }>;

export type TimeFormat = keyof typeof TIME_FORMATS;
export const TIME_FORMAT_NAMES = Object.keys(TIME_FORMATS) as TimeFormat[];

export function isTimeFormat(name: string): name is TimeFormat {
  return Object.hasOwn(TIME_FORMATS, name);
}

/** `{{time:FORMAT}}`; FORMAT is checked against TIME_FORMATS when the scenario loads. */
export const TIME_PLACEHOLDER = /\{\{\s*time:([\w.-]*)\s*\}\}/g;

/** The formats as the docs and refusals list them: `rfc3339` (2026-06-12T19:42:31Z), … */
export function describeTimeFormats(): string {
  return TIME_FORMAT_NAMES.map((f) => `time:${f} (${TIME_FORMATS[f].example})`).join(', ');
}

/** Placeholders naming a format that does not exist, for the loader's refusal. */
export function unknownTimeFormats(text: string): string[] {
  return [...text.matchAll(TIME_PLACEHOLDER)].map((m) => m[1]!).filter((f) => !isTimeFormat(f));
}

/**
 * The wall-clock instant of a sim moment: the scenario's start plus the sim
 * milliseconds, stretched by the clock scale (a day-scale clock moves 1440
 * wall seconds per sim-second, so its sub-second part spans minutes).
 */
export function wallInstant(frame: ClockFrame, simMs: number, us = 0): WallInstant {
  let start = starts.get(frame.startsAt);
  if (start === undefined) starts.set(frame.startsAt, (start = startMs(frame.startsAt)));
  if (frame.clockSegments !== undefined && frame.clockSegments.length > 0) return { ms: start + Math.floor(segmentedOffsetMs(frame, simMs / 1000)), us };
  return { ms: start + Math.floor(simMs * (frame.clockScale ?? 1)), us };
}

/** Parsed starts: every log line with a time asks for one. */
const starts = new Map<string, number>();

export function formatTime(format: TimeFormat, t: WallInstant): string {
  return TIME_FORMATS[format].render(parts(t), t);
}

/** Fills every `{{time:FORMAT}}` of `text` at one instant; an unknown format stays as written. */
export function fillTimes(text: string, t: WallInstant): string {
  if (!text.includes('{{')) return text;
  return text.replace(TIME_PLACEHOLDER, (whole, f: string) => (isTimeFormat(f) ? formatTime(f, t) : whole));
}
