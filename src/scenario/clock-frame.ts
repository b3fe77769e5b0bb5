/**
 * The scenario's wall-clock frame ("Tue 21:14:32"), computed in UTC from the
 * scenario's start so frames are the same in every time zone.
 */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function startMs(startsAt: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(startsAt)!;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
}

const pad = (n: number) => String(n).padStart(2, '0');

export function wallClock(startsAt: string, sec: number, withDay = true): string {
  const d = new Date(startMs(startsAt) + sec * 1000);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return withDay ? `${DAYS[d.getUTCDay()]} ${time}` : time;
}

export function wallHm(startsAt: string, sec: number): string {
  return wallClock(startsAt, sec, false).slice(0, 5);
}
