/**
 * Matching a scenario's postmortem concepts (their `all` phrase groups) in
 * the words of an action item. Text and phrases are both reduced to word
 * stems (lower case, split at anything that is not a letter or digit,
 * plurals and -ing/-ed/-e endings stripped), so matching is word-boundary
 * aware: "ci" never matches "circuit", "alerts" matches "alert". A phrase
 * word of five letters or more also matches a longer word it starts
 * ("reconcil" → "reconciliation"), which is how scenario authors write
 * stems; a phrase of only symbols ("$") matches as a substring.
 */

/** A light, deterministic stemmer: enough to fold plurals and -ing/-ed forms together. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(sses|xes|zes|ches|shes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ing') && w.length >= 6) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length >= 5) w = undouble(w.slice(0, -2));
  if (w.endsWith('e') && w.length >= 4) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  const a = w.at(-1);
  return a && a === w.at(-2) && !'lsz'.includes(a) && /[a-z]/.test(a) ? w.slice(0, -1) : w;
}

/** Lower-cased text with possessives dropped ("Marco's" → "marco"). */
const normal = (input: string) => input.toLowerCase().replace(/[’']s\b/g, '');

export interface Text {
  readonly raw: string;
  readonly s: readonly string[];
}

export function text(input: string): Text {
  const raw = normal(input);
  return { raw, s: [...raw.matchAll(/[a-z0-9]+/g)].map((m) => stem(m[0])) };
}

export interface Phrase {
  readonly text: string;
  readonly s: readonly string[];
  readonly symbol: string | null;
}

export function phrase(input: string): Phrase {
  const t = text(input);
  const trimmed = input.trim().toLowerCase();
  return { text: input.trim(), s: t.s, symbol: t.s.length === 0 && trimmed ? trimmed : null };
}

const wordMatches = (textStem: string, phraseStem: string) => textStem === phraseStem || (phraseStem.length >= 5 && textStem.startsWith(phraseStem));

export function has(t: Text, p: Phrase): boolean {
  if (p.symbol !== null) return t.raw.includes(p.symbol);
  if (p.s.length === 0) return false;
  for (let i = 0; i + p.s.length <= t.s.length; i++) if (p.s.every((x, j) => wordMatches(t.s[i + j]!, x))) return true;
  return false;
}

/** Whether every group has a phrase in the text. */
export const meetsGroups = (t: Text, groups: readonly (readonly Phrase[])[]) => groups.every((g) => g.some((p) => has(t, p)));

const STOP = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'on', 'in', 'for', 'to', 'with', 'by', 'at', 'from', 'is', 'are', 'be', 'when', 'that', 'this', 'it', 'its', 'not', 'no', 'only', 'our', 'we', 'as', 'so', 'into', 'per', 'all', 'every', 'each', 'any']);

/** The stems of a text's content words. */
export function contentStems(input: string): string[] {
  return text(input).s.filter((s) => s.length > 1 && !STOP.has(s));
}
