import lexiconJson from '../../data/concept-lexicon.json' with { type: 'json' };

/**
 * The concept lexicon (data/concept-lexicon.json) and the phrase matcher the
 * action-item judge uses. Text and phrases are both reduced to word stems
 * (lower case, split at anything that is not a letter or digit, plurals and
 * -ing/-ed/-e endings stripped), so matching is word-boundary aware: "ci"
 * never matches "circuit", "alerts" matches "alert". A phrase word of five
 * letters or more also matches a longer word it starts ("reconcil" →
 * "reconciliation"), which is how scenario authors write stems; a phrase of
 * only symbols ("$") matches as a substring. Scenario concepts' phrase
 * groups are expanded with the lexicon's synonym sets before matching.
 */

export interface HarmfulPattern {
  id: string;
  all: string[][];
  /** Words allowed between the groups' matches. */
  within?: number;
  /** The groups must appear in the order given. */
  ordered?: boolean;
  unless?: string[][];
  note: string;
  better: string;
}

interface LexiconFile {
  synonyms: { id: string; terms: string[] }[];
  harmful: HarmfulPattern[];
  blame: { phrases: string[]; personCues: string[]; patterns: { id: string; all: string[][]; within?: number; ordered?: boolean; note: string }[] };
  humanBehaviour: string[];
  vague: { verbs: string[]; phrases: string[] };
  weakVerbs: string[];
  actionVerbs: string[];
  deliverableVerbs: string[];
  ongoing: string[];
  measurable: string[];
  ownerless: string[];
  technologies: string[];
  typeHints: Record<string, string[]>;
}

export const LEXICON = lexiconJson as LexiconFile;

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
const normal = (text: string) => text.toLowerCase().replace(/[’']s\b/g, '');

/** Raw lower-case words, split at anything that is not a letter or digit. */
export function words(text: string): string[] {
  return normal(text).match(/[a-z0-9]+/g) ?? [];
}

/** Text ready for matching: its stems, and the normalised string for phrases that are only symbols. */
export interface Text {
  readonly raw: string;
  readonly s: readonly string[];
  /** Where each word starts in raw. */
  readonly offsets: readonly number[];
}

export function text(input: string): Text {
  const raw = normal(input);
  const s: string[] = [];
  const offsets: number[] = [];
  for (const m of raw.matchAll(/[a-z0-9]+/g)) {
    s.push(stem(m[0]));
    offsets.push(m.index);
  }
  return { raw, s, offsets };
}

/** A phrase as written and as the stems it must meet in a row; a phrase of only symbols ("$") matches as a substring. */
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

export const stems = (input: string): string[] => text(input).s.slice();

const wordMatches = (textStem: string, phraseStem: string) => textStem === phraseStem || (phraseStem.length >= 5 && textStem.startsWith(phraseStem));

/** Word indexes where the phrase starts in the text. */
export function positions(t: Text, p: Phrase): number[] {
  const out: number[] = [];
  if (p.symbol !== null) {
    for (let i = t.raw.indexOf(p.symbol); i >= 0; i = t.raw.indexOf(p.symbol, i + 1)) {
      const w = t.offsets.findIndex((o) => o >= i);
      out.push(w < 0 ? t.s.length : w);
    }
    return out;
  }
  if (p.s.length === 0) return out;
  for (let i = 0; i + p.s.length <= t.s.length; i++) if (p.s.every((x, j) => wordMatches(t.s[i + j]!, x))) out.push(i);
  return out;
}

const lengthOf = (p: Phrase) => Math.max(1, p.s.length);

export const has = (t: Text, p: Phrase) => positions(t, p).length > 0;

/** The earliest phrase of a list that occurs, with where. */
export function firstOf(t: Text, list: readonly Phrase[]): { phrase: Phrase; at: number } | null {
  let best: { phrase: Phrase; at: number } | null = null;
  for (const p of list) {
    const at = positions(t, p)[0];
    if (at !== undefined && (best === null || at < best.at)) best = { phrase: p, at };
  }
  return best;
}

/** The same text, cut to words [from, to). */
export function slice(t: Text, from: number, to: number): Text {
  const a = Math.max(0, from);
  const b = Math.min(t.s.length, to);
  const start = t.offsets[a] ?? t.raw.length;
  const end = t.offsets[b] ?? t.raw.length;
  return { raw: t.raw.slice(start, end), s: t.s.slice(a, b), offsets: t.offsets.slice(a, b).map((o) => o - start) };
}

const key = (p: Phrase) => p.symbol ?? p.s.join(' ');
const SYNONYM_SETS: Phrase[][] = LEXICON.synonyms.map((s) => s.terms.map(phrase));

/**
 * Expands a concept's phrase group with every synonym set that shares one of
 * its phrases (exactly, after stemming). One level: a set reached through an
 * expansion does not expand again.
 */
export function expandGroup(group: readonly string[]): Phrase[] {
  const own = group.map(phrase).filter((p) => p.s.length > 0 || p.symbol !== null);
  const seen = new Set(own.map(key));
  const out = [...own];
  for (const set of SYNONYM_SETS) {
    if (!set.some((p) => seen.has(key(p)))) continue;
    for (const p of set) {
      if (seen.has(key(p))) continue;
      seen.add(key(p));
      out.push(p);
    }
  }
  return out;
}

/**
 * Whether every group occurs with at most `within` other words between the
 * matches (and, when `ordered`, each after the previous one).
 */
export function groupsNear(t: Text, groups: readonly (readonly Phrase[])[], within: number, ordered: boolean): boolean {
  const hits = groups.map((g) => g.flatMap((p) => positions(t, p).map((at) => ({ at, len: lengthOf(p) }))));
  if (hits.some((h) => h.length === 0)) return false;
  const search = (gi: number, lo: number, hi: number, words: number, prevEnd: number): boolean => {
    if (gi === hits.length) return hi - lo + 1 - words <= within;
    for (const h of hits[gi]!) {
      const end = h.at + h.len - 1;
      if (ordered && gi > 0 && h.at <= prevEnd) continue;
      if (search(gi + 1, Math.min(lo, h.at), Math.max(hi, end), words + h.len, end)) return true;
    }
    return false;
  };
  return search(0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -1);
}

const compiled = <T>(f: () => T) => {
  let v: T | undefined;
  return () => (v ??= f());
};

export const lists = compiled(() => ({
  harmful: LEXICON.harmful.map((h) => ({ ...h, groups: h.all.map((g) => g.map(phrase)), unlessGroups: (h.unless ?? []).map((g) => g.map(phrase)) })),
  blamePhrases: LEXICON.blame.phrases.map(phrase),
  personCues: LEXICON.blame.personCues.map(phrase),
  blamePatterns: LEXICON.blame.patterns.map((b) => ({ ...b, groups: b.all.map((g) => g.map(phrase)) })),
  humanBehaviour: LEXICON.humanBehaviour.map(phrase),
  vagueVerbs: new Set(LEXICON.vague.verbs.map(stem)),
  vaguePhrases: LEXICON.vague.phrases.map(phrase),
  weakVerbs: new Set(LEXICON.weakVerbs.map(stem)),
  actionVerbs: new Set(LEXICON.actionVerbs.map(stem)),
  deliverableVerbs: new Set(LEXICON.deliverableVerbs.map(stem)),
  ongoing: LEXICON.ongoing.map(phrase),
  measurable: LEXICON.measurable.map((p) => new RegExp(p, 'i')),
  ownerless: new Set(LEXICON.ownerless.map((o) => o.toLowerCase())),
  technologies: LEXICON.technologies.map(phrase),
  typeHints: Object.entries(LEXICON.typeHints).map(([type, ps]) => ({ type, phrases: ps.map(phrase) })),
}));

/** Shows a phrase the way a person would type it. */
export const show = (p: Phrase) => p.text;
