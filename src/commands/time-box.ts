// The time-box at the end of an `ask`: "in 5m", "within 90 s", "for 2 hours", "in 1d".

/** What the help and a refusal show as the accepted forms. */
export const TIME_BOX_FORMS = 'in 90s, in 5m, in 2h, in 1d (a bare number is minutes)';

export interface TimeBox {
  /** The task with the time-box cut off. */
  task: string;
  /** Seconds on the clock `clock` names. */
  sec: number;
  /**
   * `session`: seconds and minutes count on the session's own clock, the one
   * the countdown shows (as they always have). `scenario`: hours and days
   * count on the clock the scenario shows in its header, so a scenario that
   * shows a day per minute takes "in 1d" as one of its days.
   */
  clock: 'session' | 'scenario';
}

const UNITS: { pattern: RegExp; sec: number; clock: TimeBox['clock'] }[] = [
  { pattern: /^(?:s|secs?|seconds?)$/, sec: 1, clock: 'session' },
  { pattern: /^(?:m|mins?|minutes?)$/, sec: 60, clock: 'session' },
  { pattern: /^(?:h|hrs?|hours?)$/, sec: 3600, clock: 'scenario' },
  { pattern: /^(?:d|days?)$/, sec: 86_400, clock: 'scenario' },
];

/** Units a person might mean as a time-box that no clock here counts in. */
const UNSUPPORTED = /^(?:ms|msecs?|millis(?:econds?)?|w|wks?|weeks?|fortnights?|mo|mths?|months?|y|yrs?|years?)$/;
/** Misspelt units ("minuts", "hous", "secnds"): refused rather than read as part of the task. */
const NEAR_UNIT = /^(?:mi?nu?t?e?s?|minuts|mintues|hou?rs?|hous|secn?o?n?ds?|seocnds|dyas)$/;

const BOX = /\s+(in|within|for)\s+(\d+(?:\.\d+)?)\s*([a-z]+)?$/i;

/**
 * The time-box at the end of a task, if there is one; `unknown` when the task
 * ends in "in N <unit>" with a unit that is not a time-box unit, so the IC
 * hears the accepted forms instead of a task that silently has no deadline.
 */
export function readTimeBox(task: string): TimeBox | 'unknown' | null {
  const m = BOX.exec(task);
  if (!m) return null;
  const n = Number(m[2]);
  const word = (m[3] ?? 'm').toLowerCase();
  const unit = UNITS.find((u) => u.pattern.test(word));
  if (!unit) {
    // "for 2 pods", "in 3 regions": the number belongs to the task
    const meantAsTime = m[1]!.toLowerCase() !== 'for' && (UNSUPPORTED.test(word) || NEAR_UNIT.test(word));
    return meantAsTime ? 'unknown' : null;
  }
  return { task: task.slice(0, m.index).trim(), sec: Math.round(n * unit.sec), clock: unit.clock };
}
