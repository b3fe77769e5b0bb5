/**
 * The scenario's wall-clock frame ("Tue 21:14:32"), computed in UTC from the
 * scenario's start so frames are the same in every time zone.
 */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The frame's start as epoch milliseconds (the `startsAt` wall time read as UTC). */
export function startMs(startsAt: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(startsAt)!;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A scenario's frame: where its clock starts and how many wall seconds one sim-second shows. */
export interface ClockFrame {
  startsAt: string;
  clockScale?: number;
  /** Times without their date even on a clock that shows days: how a recording made before dates were shown saw them. */
  undated?: boolean;
}

/**
 * The frame a session's screen shows its times in. A recording made before
 * times carried their date (its start event has no `consistent`) keeps the
 * screen it was played with once its clock started, so `replay --check`
 * still matches it; before any start the session is a new one.
 */
export function sessionFrame(frame: ClockFrame, consistent: boolean): ClockFrame {
  return consistent ? frame : { startsAt: frame.startsAt, ...(frame.clockScale !== undefined ? { clockScale: frame.clockScale } : {}), undated: true };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A clock compressed to an hour or more per sim-minute passes midnight many
 * times in a session: its times carry the date, or "00:36 ack" and "00:36
 * time-box ran out" would look simultaneous though a day apart.
 */
export function showsDays(frame: ClockFrame): boolean {
  return (frame.clockScale ?? 1) >= 60 && frame.undated !== true;
}

export function wallClock(frame: ClockFrame, sec: number, withDay = true): string {
  const d = new Date(startMs(frame.startsAt) + sec * 1000 * (frame.clockScale ?? 1));
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const date = showsDays(frame) ? `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ` : '';
  return withDay ? `${DAYS[d.getUTCDay()]} ${date}${time}` : `${date}${time}`;
}

/** The hour of the day (fractional, 0 ≤ h < 24) the frame's clock shows at sim second `sec`. */
export function hourOfDay(frame: ClockFrame, sec: number): number {
  const ms = startMs(frame.startsAt) + sec * 1000 * (frame.clockScale ?? 1);
  const day = 24 * 3_600_000;
  return (((ms % day) + day) % day) / 3_600_000;
}

/** "21:14", or "Sep 14 07:00" on a clock that shows days. */
export function wallHm(frame: ClockFrame, sec: number): string {
  return wallClock(frame, sec, false).slice(0, -3);
}

/** Sim seconds at which the frame's clock reads HH:MM (the next such time after the start). */
export function simSecAt(frame: ClockFrame, hh: number, mm: number): number {
  const m = /T(\d{2}):(\d{2})/.exec(frame.startsAt)!;
  let diff = hh * 60 + mm - (Number(m[1]) * 60 + Number(m[2]));
  if (diff < 0) diff += 24 * 60;
  return Math.round((diff * 60) / (frame.clockScale ?? 1));
}
