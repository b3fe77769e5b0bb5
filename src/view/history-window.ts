/** Seconds between sparkline points when a series shows only the session. */
export const SPARK_STEP_SEC = 10;

/**
 * The sparkline's step for a series with `historySec` of pre-session
 * history: the usual step, or one wide enough that the window covers the
 * whole history (a 90-day slow signal draws 90 days; the session is its
 * right edge).
 */
export function sparkStep(historySec: number, points: number): number {
  if (points <= 0 || historySec <= points * SPARK_STEP_SEC) return SPARK_STEP_SEC;
  return Math.ceil(historySec / points);
}

/** A window's span in the largest whole unit: "90d", "1h", "45m". */
export function spanText(sec: number): string {
  if (sec >= 2 * 86_400 && sec % 86_400 === 0) return `${sec / 86_400}d`;
  if (sec >= 3600 && sec % 3600 === 0) return `${sec / 3600}h`;
  if (sec >= 60 && sec % 60 === 0) return `${sec / 60}m`;
  return `${sec}s`;
}
