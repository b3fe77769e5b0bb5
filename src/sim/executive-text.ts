import type { ClockFrame } from '../scenario/clock-frame.js';

/**
 * `{{update-silence}}` in the executive's words: how long they have gone
 * without an update, from the world as it stands when they join, on the
 * clock the scenario shows. The executive can be brought in by the examiner
 * at any moment, so "no update in twenty minutes" is never said five
 * minutes after one.
 */
export function updateSilence(opts: { nowSec: number; lastUpdateSec: number | null; onsetSec: number | null; silenceSec: number; frame: ClockFrame }): string {
  const scale = opts.frame.clockScale ?? 1;
  const { nowSec, lastUpdateSec } = opts;
  if (lastUpdateSec === null) {
    const since = nowSec - (opts.onsetSec ?? 0);
    return since >= 60 ? `I haven't seen a single update, and this started ${elapsedWords(since * scale)} ago` : "I haven't seen an update yet";
  }
  const age = nowSec - lastUpdateSec;
  return age >= opts.silenceSec ? `I haven't seen an update in ${elapsedWords(age * scale)}` : `The last update I saw was ${elapsedWords(age * scale)} old and it does not answer my questions`;
}

/** "a minute", "20 minutes", "3 hours", "5 days", "2 weeks": a wall-clock stretch as an executive says it. */
export function elapsedWords(wallSec: number): string {
  const plural = (n: number, unit: string) => (n === 1 ? `a${unit === 'hour' ? 'n' : ''} ${unit}` : `${n} ${unit}s`);
  const min = Math.max(1, Math.round(wallSec / 60));
  if (min < 90) return plural(min, 'minute');
  const h = Math.round(wallSec / 3600);
  if (h < 48) return plural(h, 'hour');
  const d = Math.round(wallSec / 86_400);
  if (d < 14) return plural(d, 'day');
  return plural(Math.round(d / 7), 'week');
}

export function executiveText(text: string, silence: () => string): string {
  return text.replace(/\{\{\s*update-silence\s*\}\}/g, () => silence());
}
