/**
 * A sparkline from a series, oldest first. Bars are scaled from zero, so a
 * level reads as a level: a steady 91 % error rate stays tall even when the
 * window holds nothing else. Null points (no data) are drawn as "·" so a gap
 * reads as a gap, not as zero.
 *
 * With an axis (the view model's scale: the metric's range and threshold)
 * every bar is placed on it, so the same height means the same value in every
 * frame. Without one, a heuristic: a series that barely moves (spread under a
 * tenth of its size) and is not in alarm is drawn in the bottom three bars,
 * so steady traffic or a healthy 0.2 % does not look like a wall of alarm.
 */
const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
export const GAP = '·';
/** Spread below this share of the largest magnitude counts as steady. */
const STEADY = 0.1;
const STEADY_LEVELS = 2;

export function sparkline(
  points: readonly (number | null)[],
  width: number,
  alarm = false,
  scale?: { min: number; max: number },
): string {
  if (width <= 0) return '';
  const shown = points.slice(-width);
  if (scale && scale.max > scale.min) {
    const top = BARS.length - 1;
    const bars = shown.map((p) => {
      if (p === null || !Number.isFinite(p)) return GAP;
      const level = Math.round(((p - scale.min) / (scale.max - scale.min)) * top);
      return BARS[Math.max(0, Math.min(top, level))]!;
    });
    return ' '.repeat(width - bars.length) + bars.join('');
  }
  const values = shown.filter((p): p is number => p !== null && Number.isFinite(p));
  const min = values.length > 0 ? Math.min(...values) : 0;
  const max = values.length > 0 ? Math.max(...values) : 0;
  const steady = !alarm && max - min <= STEADY * Math.max(Math.abs(max), Math.abs(min));
  const lo = steady ? min : Math.min(0, min);
  const span = max - lo;
  const levels = steady ? STEADY_LEVELS : BARS.length - 1;
  const bars = shown.map((p) => {
    if (p === null || !Number.isFinite(p)) return GAP;
    if (span <= 0) return BARS[0];
    return BARS[Math.round(((p - lo) / span) * levels)] ?? BARS[0];
  });
  return ' '.repeat(width - bars.length) + bars.join('');
}
