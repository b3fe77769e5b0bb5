import type { Scenario } from '../scenario/schema.js';

/**
 * Whether a free text says what a scenario's keyword groups ask for, judged
 * by meaning rather than one exact phrase: the text is normalised (case,
 * identifiers split at dots and underscores as well as kept whole), a phrase
 * of several words counts when its words appear in any order ("mismatched
 * port" says "port mismatch"), and a group is met by its synonyms elsewhere in
 * the scenario (the same idea listed for another variant). Used for root
 * causes and stakeholder answers.
 */

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
/** The text once as written and once with identifiers split ("visits.center_id" → "visits center id"). */
const forms = (text: string) => {
  const t = norm(text);
  return [t, t.replace(/(?<=\w)[._/:-](?=\w)/g, ' ').replace(/_/g, ' ')];
};

const STOP = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'to', 'for', 'and', 'or', 'by', 'at', 'is', 'no', 'not', 'per', 'out', 'up']);

function saysPhrase(texts: string[], phrase: string): boolean {
  const p = norm(phrase);
  if (texts.some((t) => t.includes(p))) return true;
  const words = p.trim().split(' ');
  // Only phrases of content words are read in any order; "no limit" must be said as it is.
  if (words.length < 2 || words.some((w) => STOP.has(w) || w.length < 3)) return false;
  return texts.some((t) => words.every((w) => new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(t)));
}

const setOf = (g: readonly string[]) => new Set(g.map(norm));
function overlap(a: readonly string[], b: readonly string[]): number {
  const x = setOf(a);
  const y = setOf(b);
  const both = [...x].filter((p) => y.has(p)).length;
  return both / (x.size + y.size - both);
}

/** A group and its synonyms from the scenario: groups elsewhere that share at least half their phrases. */
export function withSynonyms(group: readonly string[], pool: readonly (readonly string[])[]): string[] {
  const out = new Set(group);
  for (const other of pool) if (other !== group && overlap(group, other) >= 0.5) for (const p of other) out.add(p);
  return [...out];
}

/** Which of the groups the text meets. */
export function groupsMet(text: string, groups: readonly (readonly string[])[], pool: readonly (readonly string[])[] = []): boolean[] {
  const texts = forms(text);
  return groups.map((g) => withSynonyms(g, pool).some((p) => saysPhrase(texts, p)));
}

/** Every keyword group of the scenario's variants and questions: where synonyms are looked up. */
export function scenarioGroups(scenario: Scenario): (readonly string[])[] {
  return [...scenario.variants.flatMap((v) => v.rootCauseKeywords), ...scenario.stakeholders.flatMap((s) => s.questions.flatMap((q) => q.covers))];
}

export interface RootCauseJudgement {
  /** 1: says what broke; else a partial fraction. */
  fraction: number;
  /** How many of the cause's parts it names, of how many. */
  met: number;
  of: number;
  /** The statement is exactly another variant's cause. */
  otherCause: boolean;
}

/**
 * A stated root cause against the variant's: every part named, or all but
 * one when it names a part that tells this variant from some other and is not
 * exactly another variant's cause ("missing index on visits.center_id" names
 * the index and the column, not the table's growth).
 */
export function judgeRootCause(scenario: Scenario, variantId: string, text: string): RootCauseJudgement {
  const pool = scenarioGroups(scenario);
  const variant = scenario.variants.find((v) => v.id === variantId)!;
  const others = scenario.variants.filter((v) => v.id !== variantId);
  const hits = groupsMet(text, variant.rootCauseKeywords, pool);
  const met = hits.filter(Boolean).length;
  const of = hits.length;
  const otherCause = others.some((o) => groupsMet(text, o.rootCauseKeywords, pool).every(Boolean) && !hits.every(Boolean));
  // A part shared by every variant ("fraud", "metrics-server") does not tell this cause from another.
  const telling = variant.rootCauseKeywords.map((g) => others.length === 0 || others.some((o) => !o.rootCauseKeywords.some((h) => overlap(g, h) >= 0.5)));
  const tellingHit = hits.some((h, i) => h && telling[i]);
  if (met === of) return { fraction: 1, met, of, otherCause: false };
  if (of >= 3 && met === of - 1 && tellingHit && !otherCause) return { fraction: 1, met, of, otherCause };
  return { fraction: 0.25 * (met / of), met, of, otherCause };
}

/** A reply answers a question when it meets every group, or all but one of three or more. */
export function answerAddresses(scenario: Scenario, covers: readonly (readonly string[])[], text: string): boolean {
  if (covers.length === 0) return text.trim().split(/\s+/).length >= 6;
  const met = groupsMet(text, covers, scenarioGroups(scenario)).filter(Boolean).length;
  return met === covers.length || (covers.length >= 3 && met === covers.length - 1);
}
