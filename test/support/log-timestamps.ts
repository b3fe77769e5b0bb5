/**
 * Finds the timestamps written inside a log line, each read in its own
 * format, for tests that hold every one to the line's time on the clock.
 */
export interface FoundTime {
  text: string;
  /** Epoch ms of the instant written (for a time of day: ms since midnight UTC). */
  ms: number;
  /** The written instant covers [ms, ms + spanMs): a seconds-only stamp covers a second. */
  spanMs: number;
  timeOfDay: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const frac = (f: string | undefined) => (f ? Number(f.padEnd(3, '0').slice(0, 3)) : 0);
const span = (f: string | undefined) => (f ? 1 : 1000);

export function timestampsIn(text: string, year: number): FoundTime[] {
  const found: FoundTime[] = [];
  let rest = text;
  const take = (re: RegExp, read: (m: RegExpExecArray) => Omit<FoundTime, 'text'>) => {
    for (const m of rest.matchAll(re)) found.push({ text: m[0], ...read(m as RegExpExecArray) });
    rest = rest.replace(re, (w) => ' '.repeat(w.length));
  };
  take(/(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?/g, (m) => ({
    ms: Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, frac(m[7])),
    spanMs: span(m[7]),
    timeOfDay: false,
  }));
  take(/\b[IWEF](\d{2})(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{6})/g, (m) => ({
    ms: Date.UTC(year, +m[1]! - 1, +m[2]!, +m[3]!, +m[4]!, +m[5]!, frac(m[6])),
    spanMs: 1,
    timeOfDay: false,
  }));
  take(/(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) [+-]\d{4}/g, (m) => ({
    ms: Date.UTC(+m[3]!, MONTHS.indexOf(m[2]!), +m[1]!, +m[4]!, +m[5]!, +m[6]!),
    spanMs: 1000,
    timeOfDay: false,
  }));
  take(/(?<![\w.])(1[5-9]\d{11})(?![\w.])/g, (m) => ({ ms: +m[1]!, spanMs: 1, timeOfDay: false }));
  take(/(?<![\w.])(1[5-9]\d{8})(?:\.(\d{3}))?(?![\w.])/g, (m) => ({ ms: +m[1]! * 1000 + frac(m[2]), spanMs: span(m[2]), timeOfDay: false }));
  take(/(?<![\d.:])([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,6}))?)?(?![\d:])/g, (m) => ({
    ms: ((+m[1]! * 60 + +m[2]!) * 60 + +(m[3] ?? 0)) * 1000 + frac(m[4]),
    spanMs: m[3] === undefined ? 60_000 : span(m[4]),
    timeOfDay: true,
  }));
  return found;
}

/** How far (ms) a found stamp is from the true instant: 0 when the instant lies inside what it writes. */
export function distanceMs(t: FoundTime, trueMs: number): number {
  const day = 86_400_000;
  const at = t.timeOfDay ? ((trueMs % day) + day) % day : trueMs;
  if (at >= t.ms && at < t.ms + t.spanMs) return 0;
  return at < t.ms ? t.ms - at : at - (t.ms + t.spanMs - 1);
}
