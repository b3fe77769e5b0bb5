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

/** From sim second `from` on, the clock runs at `scale` (when given), after jumping `skip` seconds forward (when given). */
export interface FrameSegment {
  from: number;
  scale?: number | undefined;
  skip?: number | undefined;
}

/** A scenario's frame: where its clock starts and how many wall seconds one sim-second shows. */
export interface ClockFrame {
  startsAt: string;
  clockScale?: number;
  /** Later stretches of the clock with their own scale, or a jump forward (an 18-hour restore), in order of `from`. */
  clockSegments?: readonly FrameSegment[];
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
  return consistent
    ? frame
    : { startsAt: frame.startsAt, ...(frame.clockScale !== undefined ? { clockScale: frame.clockScale } : {}), ...(frame.clockSegments !== undefined ? { clockSegments: frame.clockSegments } : {}), undated: true };
}

/**
 * Wall milliseconds from the start to sim second `sec` (which may be
 * fractional or before the start): each stretch at its own scale, plus the
 * jumps already made. A frame without segments never comes here, so its
 * times are computed exactly as they always were.
 */
export function segmentedOffsetMs(frame: ClockFrame, sec: number): number {
  let scale = frame.clockScale ?? 1;
  let prev = 0;
  let ms = 0;
  for (const seg of frame.clockSegments ?? []) {
    if (seg.from > sec) break;
    ms += (seg.from - prev) * 1000 * scale;
    prev = seg.from;
    if (seg.scale !== undefined) scale = seg.scale;
    ms += (seg.skip ?? 0) * 1000;
  }
  return ms + (sec - prev) * 1000 * scale;
}

const segmented = (frame: ClockFrame) => frame.clockSegments !== undefined && frame.clockSegments.length > 0;

/** The wall instant (epoch ms) the clock shows at sim second `sec`. */
function wallMs(frame: ClockFrame, sec: number): number {
  return segmented(frame) ? startMs(frame.startsAt) + segmentedOffsetMs(frame, sec) : startMs(frame.startsAt) + sec * 1000 * (frame.clockScale ?? 1);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A clock compressed to an hour or more per sim-minute passes midnight many
 * times in a session: its times carry the date, or "00:36 ack" and "00:36
 * time-box ran out" would look simultaneous though a day apart.
 */
export function showsDays(frame: ClockFrame): boolean {
  const fast = (frame.clockScale ?? 1) >= 60 || (frame.clockSegments ?? []).some((s) => (s.scale ?? 0) >= 60 || (s.skip ?? 0) > 0);
  return fast && frame.undated !== true;
}

export function wallClock(frame: ClockFrame, sec: number, withDay = true): string {
  const d = new Date(wallMs(frame, sec));
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const date = showsDays(frame) ? `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ` : '';
  return withDay ? `${DAYS[d.getUTCDay()]} ${date}${time}` : `${date}${time}`;
}

/** The hour of the day (fractional, 0 ≤ h < 24) the frame's clock shows at sim second `sec`. */
export function hourOfDay(frame: ClockFrame, sec: number): number {
  const ms = wallMs(frame, sec);
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
  if (!segmented(frame)) return Math.round((diff * 60) / (frame.clockScale ?? 1));
  // through the segments: the sim second the clock first reads that time (a time jumped over: the jump)
  const target = diff * 60_000;
  let scale = frame.clockScale ?? 1;
  let prev = 0;
  for (const seg of frame.clockSegments!) {
    const reached = segmentedOffsetMs(frame, seg.from) - (seg.skip ?? 0) * 1000;
    if (reached >= target) break;
    if (reached + (seg.skip ?? 0) * 1000 >= target) return seg.from;
    prev = seg.from;
    if (seg.scale !== undefined) scale = seg.scale;
  }
  return Math.round(prev + (target - segmentedOffsetMs(frame, prev)) / 1000 / scale);
}
