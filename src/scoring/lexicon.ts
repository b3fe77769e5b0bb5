import lexiconJson from '../../data/concept-lexicon.json' with { type: 'json' };

/**
 * The concept lexicon (data/concept-lexicon.json) and the phrase matcher the
 * action-item judge uses. Text and phrases are both reduced to word stems
 * (lower case, split at anything that is not a letter or digit, plurals and
 * -ing/-ed/-e endings stripped), so matching is word-boundary aware: "ci"
 * never matches "circuit", "alerts" matches "alert". A phrase word of five
 * letters or more also matches a longer word it starts ("reconcil" →
 * "reconciliation"), which is how scenario authors write stems.
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
  blame: { phrases: string[]; personCues: string[] };
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

/** Raw lower-case words, split at anything that is not a letter or digit. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']s\b/g, 's')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export const stems = (text: string): string[] => words(text).map(stem);

/** A phrase as the stems it must meet in a row. */
export type Phrase = readonly string[];
export const phrase = (text: string): Phrase => stems(text);

const wordMatches = (textStem: string, phraseStem: string) => textStem === phraseStem || (phraseStem.length >= 5 && textStem.startsWith(phraseStem));

/** Start indexes where the phrase occurs in the text's stems. */
export function positions(text: readonly string[], p: Phrase): number[] {
  const out: number[] = [];
  if (p.length === 0) return out;
  for (let i = 0; i + p.length <= text.length; i++) if (p.every((s, j) => wordMatches(text[i + j]!, s))) out.push(i);
  return out;
}

export const has = (text: readonly string[], p: Phrase) => positions(text, p).length > 0;

/** The first phrase of a list that occurs, with where. */
export function firstOf(text: readonly string[], list: readonly Phrase[]): { phrase: Phrase; at: number } | null {
  let best: { phrase: Phrase; at: number } | null = null;
  for (const p of list) {
    const at = positions(text, p)[0];
    if (at !== undefined && (best === null || at < best.at)) best = { phrase: p, at };
  }
  return best;
}

const key = (p: Phrase) => p.join(' ');
const SYNONYM_SETS: Phrase[][] = LEXICON.synonyms.map((s) => s.terms.map(phrase));

/**
 * Expands a concept's phrase group with every synonym set that shares one of
 * its phrases (exactly, after stemming). One level: a set reached through an
 * expansion does not expand again.
 */
export function expandGroup(group: readonly string[]): Phrase[] {
  const own = group.map(phrase).filter((p) => p.length > 0);
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

/** Whether every group occurs, within `within` words of each other (and in order when asked). */
export function groupsNear(text: readonly string[], groups: readonly (readonly Phrase[])[], within: number, ordered: boolean): boolean {
  const hits = groups.map((g) => g.flatMap((p) => positions(text, p).map((at) => ({ at, end: at + p.length - 1 }))));
  if (hits.some((h) => h.length === 0)) return false;
  const search = (gi: number, lo: number, hi: number, prevEnd: number): boolean => {
    if (gi === hits.length) return true;
    for (const h of hits[gi]!) {
      if (ordered && gi > 0 && (h.at <= prevEnd || h.at - prevEnd - 1 > within)) continue;
      const nlo = Math.min(lo, h.at);
      const nhi = Math.max(hi, h.end);
      if (!ordered && nhi - nlo + 1 - (gi + 1) > within + gi) continue;
      if (search(gi + 1, nlo, nhi, h.end)) return true;
    }
    return false;
  };
  return search(0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1);
}

const compiled = <T>(f: () => T) => {
  let v: T | undefined;
  return () => (v ??= f());
};

export const lists = compiled(() => ({
  harmful: LEXICON.harmful.map((h) => ({ ...h, groups: h.all.map((g) => g.map(phrase)), unlessGroups: (h.unless ?? []).map((g) => g.map(phrase)) })),
  blamePhrases: LEXICON.blame.phrases.map(phrase),
  personCues: LEXICON.blame.personCues.map(phrase),
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
export const show = (p: Phrase) => p.join(' ');
