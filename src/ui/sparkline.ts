/**
 * A sparkline from a series, oldest first. Null points (no data) are drawn as
 * "·" so a gap reads as a gap, not as zero. The scale starts at zero (or the
 * lowest value if negative) so a flat, healthy series stays low instead of
 * blowing noise up to full height.
 */
const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
export const GAP = '·';

export function sparkline(points: readonly (number | null)[], width: number): string {
  if (width <= 0) return '';
  const shown = points.slice(-width);
  const values = shown.filter((p): p is number => p !== null && Number.isFinite(p));
  const lo = Math.min(0, ...values);
  const hi = values.length > 0 ? Math.max(...values) : 0;
  const span = hi - lo;
  const bars = shown.map((p) => {
    if (p === null || !Number.isFinite(p)) return GAP;
    if (span <= 0) return BARS[0];
    const i = Math.round(((p - lo) / span) * (BARS.length - 1));
    return BARS[Math.max(0, Math.min(BARS.length - 1, i))];
  });
  return ' '.repeat(width - bars.length) + bars.join('');
}
