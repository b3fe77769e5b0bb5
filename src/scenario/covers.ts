/**
 * Whether a text covers what a scenario asks of it (a stakeholder answer's
 * `covers`, a status update's `mentions`, a root cause's keywords): one
 * phrase of every group, case-insensitive substring. The engine and scoring
 * judge by the same rule.
 */
export function coversAll(text: string, groups: readonly (readonly string[])[]): boolean {
  const t = text.toLowerCase();
  return groups.every((g) => g.some((phrase) => t.includes(phrase.toLowerCase())));
}
