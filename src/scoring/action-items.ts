import lexiconJson from '../../data/action-item-lexicon.json' with { type: 'json' };
import type { Scenario } from '../scenario/schema.js';

/**
 * Judges postmortem action items: which scenario concept each meets, and its
 * quality (verb first, specific, bounded, owned, prioritised, about systems
 * not people). Every judgement carries the words that explain it.
 */
export interface ItemInput {
  type: string;
  priority: string;
  owner: string;
  text: string;
}

export interface ItemJudgement {
  item: ItemInput;
  concept: string | null;
  duplicateOf: number | null;
  quality: number;
  blameful: boolean;
  vague: boolean;
  notes: string[];
  better: string[];
}

interface Lexicon {
  actionVerbs: string[];
  vagueVerbs: string[];
  vaguePhrases: string[];
  blamePhrases: string[];
  measurablePatterns: string[];
}
const lexicon = lexiconJson as Lexicon;
const measurable = lexicon.measurablePatterns.map((p) => new RegExp(p, 'i'));

const includesAny = (text: string, phrases: readonly string[]) => phrases.find((p) => text.includes(p.toLowerCase())) ?? null;

export function matchConcept(scenario: Scenario, text: string): string | null {
  const t = text.toLowerCase();
  const c = scenario.postmortem.concepts.find((concept) => concept.all.every((group) => group.some((p) => t.includes(p.toLowerCase()))));
  return c?.id ?? null;
}

/** People named in a scenario; naming one as the subject of an item is blame. */
function peopleNames(scenario: Scenario): string[] {
  return scenario.people.flatMap((p) => [p.id, p.name.toLowerCase().split(/\s+/)[0]!]);
}

export function judgeItems(scenario: Scenario, items: readonly ItemInput[]): ItemJudgement[] {
  const seen = new Map<string, number>();
  const names = peopleNames(scenario);
  return items.map((item, i) => {
    const text = item.text.trim();
    const t = text.toLowerCase();
    const notes: string[] = [];
    const better: string[] = [];
    const firstWord = t.split(/[\s,.:;]+/)[0] ?? '';
    const concept = matchConcept(scenario, text);
    const blamePhrase = includesAny(t, lexicon.blamePhrases);
    const namesPerson = names.some((n) => new RegExp(`^${n}\\b|\\b${n} (should|must|needs|will have to)\\b`, 'i').test(t));
    const blameful = blamePhrase !== null || namesPerson;
    const vaguePhrase = includesAny(t, lexicon.vaguePhrases);
    const verbFirst = lexicon.actionVerbs.includes(firstWord);
    const vague = vaguePhrase !== null || lexicon.vagueVerbs.includes(firstWord) || text.split(/\s+/).length < 4;
    const bounded = measurable.some((re) => re.test(text));
    const specific = concept !== null || scenario.services.some((s) => t.includes(s.id) || t.includes(s.name.toLowerCase())) || /[a-z]+[-.][a-z]+/.test(t);
    const owned = item.owner.trim() !== '' && !/^(everyone|all|team|we|us)$/i.test(item.owner.replace(/^@/, ''));

    let quality = 0;
    if (verbFirst) quality += 0.25;
    else better.push(`start with a verb ("Add …", "Alert when …") instead of "${firstWord}"`);
    if (specific) quality += 0.25;
    else better.push('name the system, endpoint or metric it changes');
    if (bounded) quality += 0.25;
    else better.push('say how to tell it is done (a threshold, a check that fails, a number)');
    if (owned) quality += 0.25;
    else better.push('give it one owning team or @handle');
    if (vague) {
      quality = Math.min(quality, 0.25);
      notes.push(vaguePhrase ? `vague ("${vaguePhrase}")` : 'vague: too short or starts with a verb that does not finish');
    }
    if (blameful) {
      quality = -0.5;
      notes.push(blamePhrase ? `blames people ("${blamePhrase}")` : 'names a person as the thing to fix');
      better.push('change a system or process, not a person: what would make the mistake impossible or harmless?');
    }
    const key = concept ?? t.replace(/\W+/g, ' ').trim();
    const duplicateOf = concept !== null && seen.has(key) ? seen.get(key)! : null;
    if (duplicateOf !== null) notes.push(`repeats item ${duplicateOf + 1}'s concept: no extra credit`);
    else if (concept !== null) seen.set(key, i);
    if (concept) notes.push(`meets "${scenario.postmortem.concepts.find((c) => c.id === concept)!.title}"`);
    else if (!blameful) notes.push('matches none of the concepts this incident calls for');
    const expectedType = concept ? scenario.postmortem.concepts.find((c) => c.id === concept)!.type : undefined;
    if (expectedType && expectedType !== item.type) better.push(`this reads as a ${expectedType} item, not ${item.type}`);
    return { item, concept, duplicateOf, quality, blameful, vague, notes, better };
  });
}
