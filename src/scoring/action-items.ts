import type { Scenario } from '../scenario/schema.js';
import { expandGroup, firstOf, groupsNear, has, lists, phrase, positions, show, slice, stem, text, words, type Phrase, type Text } from './lexicon.js';

/**
 * Judges postmortem action items against the scenario's concepts, read
 * through the concept lexicon (data/concept-lexicon.json): which concept each
 * item meets, and its quality on the six criteria of the reference rubric
 * (verb first, specific, bounded, owned, prioritised, typed right). Items
 * that blame people or ask them to "be careful", and items that would do
 * harm, score negatively; vague items and repeats add nothing. Every
 * judgement carries the words that explain it and what would make it better.
 */
export interface ItemInput {
  type: string;
  priority: string;
  owner: string;
  text: string;
}

export type QualityBand = 'good' | 'fair' | 'poor' | 'negative';
export const CRITERIA = ['verb', 'specific', 'bounded', 'owner', 'priority', 'type'] as const;
export type Criterion = (typeof CRITERIA)[number];

export interface ItemJudgement {
  item: ItemInput;
  /** The concept this item is credited with (the best of those it meets), or null. */
  concept: string | null;
  /** Every concept credited to this item: at most two, and none already met by an earlier item. */
  concepts: string[];
  /** Index of the earlier item this one repeats; a repeat adds nothing. */
  duplicateOf: number | null;
  /** −0.5 for blameful or harmful items, else 0..1 (the mean of the criteria; vague items at most 0.25). */
  quality: number;
  band: QualityBand;
  blameful: boolean;
  vague: boolean;
  /** Id of the lexicon's harmful pattern the item matches. */
  harmful: string | null;
  /** Each criterion 0..1. */
  criteria: Record<Criterion, number>;
  notes: string[];
  better: string[];
}

export interface SetJudgement {
  /** Fraction (0..1) taken off the postmortem-quality check. */
  penalty: number;
  notes: string[];
}

interface CompiledConcept {
  id: string;
  title: string;
  type: string | undefined;
  groups: Phrase[][];
}

const compiledConcepts = new WeakMap<Scenario, CompiledConcept[]>();
function conceptsOf(scenario: Scenario): CompiledConcept[] {
  let c = compiledConcepts.get(scenario);
  if (!c) {
    c = scenario.postmortem.concepts.map((x) => ({ id: x.id, title: x.title, type: x.type, groups: x.all.map(expandGroup) }));
    compiledConcepts.set(scenario, c);
  }
  return c;
}

interface ConceptHit {
  concept: CompiledConcept;
  /** Where its first group first occurs: the earlier, the more the item is about it. */
  at: number;
}

function conceptHits(scenario: Scenario, t: Text): { hits: ConceptHit[]; closest: { concept: CompiledConcept; missing: Phrase[] } | null } {
  const hits: ConceptHit[] = [];
  let closest: { concept: CompiledConcept; missing: Phrase[]; got: number } | null = null;
  for (const concept of conceptsOf(scenario)) {
    const found = concept.groups.map((g) => firstOf(t, g));
    if (found.every((f) => f !== null)) hits.push({ concept, at: found[0]!.at });
    else {
      const got = found.filter((f) => f !== null).length;
      if (got > 0 && (closest === null || got / concept.groups.length > closest.got)) {
        const missing = concept.groups[found.findIndex((f) => f === null)]!;
        closest = { concept, missing, got: got / concept.groups.length };
      }
    }
  }
  return { hits, closest: closest && closest.got >= 0.5 ? closest : null };
}

/** The concept an item's text meets (the best of several), ignoring quality. */
export function matchConcept(scenario: Scenario, input: string, type?: string): string | null {
  return rank(conceptHits(scenario, text(input)).hits, type)[0]?.concept.id ?? null;
}

/** Best first: the item's own type, then the concept named earliest, then scenario order. */
function rank(hits: ConceptHit[], type: string | undefined): ConceptHit[] {
  return hits
    .map((h, i) => ({ h, i }))
    .sort((a, b) => Number(b.h.concept.type === type) - Number(a.h.concept.type === type) || a.h.at - b.h.at || a.i - b.i)
    .map((x) => x.h);
}

const GENERIC_PARTS = new Set(['api', 'app', 'service', 'server', 'svc', 'web', 'db', 'the', 'internal', 'corp', 'prod']);

/** Names that make an item specific: the scenario's services, hostnames, paths, code identifiers, known systems. */
function isSpecific(scenario: Scenario, raw: string, t: Text): boolean {
  const l = lists();
  if (l.technologies.some((p) => has(t, p))) return true;
  for (const s of scenario.services) {
    const parts = [s.id, s.name].flatMap((n) => [n.toLowerCase(), ...n.toLowerCase().split(/[^a-z0-9]+/)]);
    for (const part of parts) if (part.length >= 4 && !GENERIC_PARTS.has(part) && has(t, phrase(part))) return true;
  }
  if (/\b[a-z][a-z0-9]*(?:[._][a-z0-9]+)+\b/i.test(raw.replace(/\.\s/g, ' ').replace(/\.$/, ''))) return true; // host.name, snake_case
  if (/(^|\s)\/[a-z0-9]/i.test(raw)) return true; // /api/payment
  if (/\b(GET|POST|PUT|PATCH|DELETE)\b/.test(raw)) return true;
  if (/\b\d{1,2}:\d{2}\b/.test(raw)) return true; // a time window pins the scope
  return false;
}

function isBounded(raw: string, t: Text, firstStem: string, specific: boolean): boolean {
  const l = lists();
  const measurable = l.measurable.some((re) => re.test(raw));
  if (l.ongoing.some((p) => has(t, p)) && !/\d/.test(raw)) return false;
  return measurable || (l.deliverableVerbs.has(firstStem) && specific);
}

function inferType(t: Text): string | undefined {
  let best: { type: string; at: number } | undefined;
  for (const { type, phrases } of lists().typeHints) {
    const f = firstOf(t, phrases);
    if (f && (best === undefined || f.at < best.at)) best = { type, at: f.at };
  }
  return best?.type;
}

/** People the scenario names: ids, first names and full names. */
function peopleOf(scenario: Scenario): Phrase[] {
  return scenario.people.flatMap((p) => [p.id, p.name, p.name.split(/\s+/)[0]!].map((n) => ({ ...phrase(n), text: p.name }))).filter((p) => p.s.length > 0);
}

function blameOf(scenario: Scenario, t: Text, owner: string): string | null {
  const l = lists();
  const phraseHit = firstOf(t, l.blamePhrases);
  if (phraseHit) return `blames people ("${show(phraseHit.phrase)}")`;
  for (const person of peopleOf(scenario)) {
    for (const at of positions(t, person)) {
      const cue = firstOf(slice(t, at - 2, at + person.s.length + 4), l.personCues);
      if (cue) return `names a person as the thing to fix (${person.text} … "${show(cue.phrase)}")`;
    }
  }
  const human = firstOf(t, l.humanBehaviour);
  if (human) return `asks people to behave better ("${show(human.phrase)}") instead of changing a system`;
  for (const b of l.blamePatterns) if (groupsNear(t, b.groups, b.within ?? 3, b.ordered ?? true)) return b.note;
  const ownerStem = stem(owner.replace(/^@/, ''));
  if (peopleOf(scenario).some((p) => p.s.length === 1 && p.s[0] === ownerStem) && firstOf(t, l.personCues.filter((p) => p.s[0]?.startsWith('train')))) return 'sends a person to training instead of changing a system';
  return null;
}

function harmfulOf(t: Text) {
  for (const h of lists().harmful) {
    if (!groupsNear(t, h.groups, h.within ?? 6, h.ordered ?? false)) continue;
    if (h.unlessGroups.some((g) => g.some((p) => has(t, p)))) continue;
    return h;
  }
  return null;
}

const CRITERION_LABEL: Record<Criterion, string> = {
  verb: 'verb first',
  specific: 'specific',
  bounded: 'bounded',
  owner: 'owned',
  priority: 'prioritised',
  type: 'typed right',
};

export function bandOf(quality: number, vague: boolean): QualityBand {
  if (quality < 0) return 'negative';
  if (vague || quality < 0.6) return 'poor';
  if (quality < 0.95) return 'fair';
  return 'good';
}

/** One line a person can read: "quality 83% (good) — verb first ✓ · specific ✓ · …". */
export function qualityLine(j: ItemJudgement): string {
  const pct = `${Math.round(j.quality * 100)}%`;
  const parts = CRITERIA.map((c) => `${CRITERION_LABEL[c]} ${j.criteria[c] >= 1 ? '✓' : j.criteria[c] > 0 ? '½' : '✗'}`);
  return `quality ${pct} (${j.band}) — ${parts.join(' · ')}`;
}

const jaccard = (a: Set<string>, b: Set<string>) => {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter || 1);
};

export function judgeItems(scenario: Scenario, items: readonly ItemInput[]): ItemJudgement[] {
  const l = lists();
  const credited = new Map<string, number>();
  const bags: Set<string>[] = [];
  const titles = new Map(scenario.postmortem.concepts.map((c) => [c.id, c.title]));
  return items.map((item, i) => {
    const raw = item.text.trim();
    const t = text(raw);
    const w = words(raw);
    const notes: string[] = [];
    const better: string[] = [];
    // The first word as typed ("re-drive", "rate-limit"), else its first part.
    const firstWord = (raw.split(/\s+/)[0] ?? '').toLowerCase().replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
    const firstStem = [stem(firstWord), t.s[0] ?? ''].find((x) => l.actionVerbs.has(x) || l.weakVerbs.has(x) || l.vagueVerbs.has(x)) ?? t.s[0] ?? '';

    const harmful = harmfulOf(t);
    const blame = blameOf(scenario, t, item.owner);
    const blameful = blame !== null;

    const { hits, closest } = conceptHits(scenario, t);
    const ranked = rank(hits, item.type);
    const unfocused = ranked.length >= 3;
    const specific = !unfocused && isSpecific(scenario, raw, t);
    const bounded = isBounded(raw, t, firstStem, specific);

    const vaguePhrase = firstOf(t, l.vaguePhrases);
    const vagueVerb = l.vagueVerbs.has(firstStem);
    const tooShort = w.length < 4;
    // Led by "improve"/"investigate", or a vague phrase with nothing concrete around it.
    const vague = vagueVerb || ((vaguePhrase !== null || tooShort) && !(specific && bounded && !tooShort));

    const verb = l.actionVerbs.has(firstStem) ? 1 : l.weakVerbs.has(firstStem) ? 0.5 : 0;
    const ownerWord = item.owner.trim().replace(/^@/, '').toLowerCase();
    const owner = ownerWord !== '' && !l.ownerless.has(ownerWord) ? 1 : 0;
    const priority = /^P[0-3]$/i.test(item.priority.trim()) ? 1 : 0;
    const expectedType = ranked[0]?.concept.type ?? inferType(t);
    const type = expectedType === undefined || expectedType === item.type.toLowerCase() ? 1 : 0;
    const criteria: Record<Criterion, number> = { verb, specific: specific ? 1 : 0, bounded: bounded ? 1 : 0, owner, priority, type };
    let quality = CRITERIA.reduce((a, c) => a + criteria[c], 0) / CRITERIA.length;

    // Concepts: only a substantive item earns them, and only those no earlier item has.
    const substantive = !blameful && !harmful && !vague;
    const bag = new Set(t.s);
    const textualDup = bags.findIndex((b) => jaccard(b, bag) >= 0.8);
    bags.push(bag);
    let concepts: string[] = [];
    let duplicateOf: number | null = null;
    if (substantive) {
      // A second concept counts only when it is the same kind of item (a probe that pages is both detection concepts; a repair item that mentions the fallback is not a fallback).
      const eligible = unfocused ? ranked.slice(0, 1) : ranked.slice(0, 2).filter((h, k) => k === 0 || h.concept.type === ranked[0]!.concept.type);
      concepts = eligible.map((h) => h.concept.id).filter((id) => !credited.has(id));
      if (textualDup >= 0) {
        duplicateOf = textualDup;
        concepts = [];
      } else if (eligible.length > 0 && concepts.length === 0) duplicateOf = credited.get(eligible[0]!.concept.id)!;
      for (const id of concepts) credited.set(id, i);
    } else if (textualDup >= 0) duplicateOf = textualDup;

    // What it met.
    if (harmful) notes.push(harmful.note);
    if (blame) notes.push(blame);
    if (concepts.length > 0) notes.push(`meets "${titles.get(concepts[0]!)}"${concepts.length > 1 ? ` and "${titles.get(concepts[1]!)}"` : ''}`);
    else if (duplicateOf !== null) notes.push(`repeats item ${duplicateOf + 1}: no extra credit`);
    else if (ranked.length > 0 && !substantive) notes.push(`would meet "${ranked[0]!.concept.title}" if it were ${harmful ? 'safe' : blameful ? 'about a system, not a person' : 'a concrete, finishable action'}`);
    else if (!blameful && !harmful) notes.push('meets none of the concepts this incident calls for');
    if (unfocused) notes.push(`bundles ${ranked.length} concepts in one item: credited for "${ranked[0]!.concept.title}" only`);
    if (vague) notes.push(vaguePhrase ? `vague ("${show(vaguePhrase.phrase)}")` : vagueVerb ? `vague: "${firstWord}" does not say what will be done` : 'vague: too short to act on');

    // What would make it better.
    if (harmful) better.push(harmful.better);
    if (blameful) better.push('change a system or process, not a person: what would make the mistake impossible or harmless?');
    if (!verb) better.push(`start with a verb that says what gets built or changed ("Add …", "Page when …") instead of "${firstWord}"`);
    else if (verb < 1) better.push(`"${firstWord}" is a weak verb: say what gets built or changed`);
    if (unfocused) better.push('split it: one item per change, each with its own owner');
    else if (!specific) better.push('name the system, endpoint, host or metric it changes');
    if (!bounded) better.push('say how to tell it is done (a threshold, a check that fails, a number, a date)');
    if (!owner) better.push(`give it one owning team or @handle${ownerWord ? ` (not "${item.owner}")` : ''}`);
    if (!priority) better.push('give it a priority (P0–P3)');
    if (!type && expectedType) better.push(`it reads as a ${expectedType} item, not ${item.type}`);
    if (concepts.length === 2) better.push('it covers two concepts: two items would track better');
    if (duplicateOf !== null) better.push(`merge it into item ${duplicateOf + 1}, or make it about something else`);
    if (substantive && concepts.length === 0 && duplicateOf === null && ranked.length === 0 && closest)
      better.push(`to meet "${closest.concept.title}", also say ${closest.missing.slice(0, 3).map((p) => `"${show(p)}"`).join(' or ')}`);

    if (vague) quality = Math.min(quality, 0.25);
    if (blameful || harmful) quality = -0.5;
    quality = Math.round(quality * 1000) / 1000;
    return { item, concept: concepts[0] ?? null, concepts, duplicateOf, quality, band: bandOf(quality, vague), blameful, vague, harmful: harmful?.id ?? null, criteria, notes, better };
  });
}

/** Checks on the list as a whole: not bloated, not all one priority, the kinds of item the incident needs. */
export function judgeSet(scenario: Scenario, judged: readonly ItemJudgement[], opts: { customersHarmed: boolean }): SetJudgement {
  const notes: string[] = [];
  let penalty = 0;
  const n = judged.length;
  if (n > 8) {
    const p = Math.min(0.25, 0.05 * (n - 8));
    penalty += p;
    notes.push(`${n} items: more than 8 dilutes the follow-through (−${Math.round(p * 100)}%); keep what must be done`);
  }
  const real = judged.filter((j) => j.duplicateOf === null && !j.vague && !j.blameful && !j.harmful);
  const pris = new Set(real.map((j) => j.item.priority.toUpperCase()));
  if (real.length >= 3 && pris.size === 1) {
    penalty += 0.1;
    notes.push(`every item is ${[...pris][0]}: equal priorities say nothing about what comes first`);
  }
  const types = new Set(real.map((j) => j.item.type.toLowerCase()));
  if (n > 0 && !types.has('prevent') && !types.has('mitigate')) {
    penalty += 0.05;
    notes.push('no prevent or mitigate item: nothing addresses the cause');
  }
  if (n > 0 && opts.customersHarmed && !types.has('repair') && scenario.postmortem.concepts.some((c) => c.type === 'repair')) notes.push('customers were harmed but no repair item makes them whole');
  return { penalty: Math.min(penalty, 0.4), notes };
}
