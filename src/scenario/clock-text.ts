// Sim-time text both ways, without the scenario format: the screen needs it before anything else loads.

/** "MM:SS", "H:MM:SS", "90s", "5m", "1h", "90d" or a number of seconds → whole seconds. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  const clock = /^(?:(\d+):)?(\d{1,3}):(\d{2})$/.exec(t);
  if (clock) {
    const [, h, m, s] = clock;
    if (Number(s) >= 60) return null;
    return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
  }
  const unit = /^(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)$/.exec(t);
  if (unit) {
    const n = Number(unit[1]);
    const mult = unit[2] === 'd' ? 86_400 : unit[2] === 'h' ? 3600 : unit[2]!.startsWith('m') ? 60 : 1;
    return Math.round(n * mult);
  }
  if (/^\d+$/.test(t)) return Number(t);
  return null;
}

/** Formats whole seconds as M:SS or H:MM:SS (sim time since scenario start). */
export function formatClock(totalSec: number): string {
  const s = Math.max(0, Math.floor(totalSec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** "1 min 19 s", "45 s", "2 h 5 min": a duration that says its unit. */
export function durationWords(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  if (s < 60) return `${s} s`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const r = s % 60;
    return r === 0 ? `${m} min` : `${m} min ${r} s`;
  }
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
