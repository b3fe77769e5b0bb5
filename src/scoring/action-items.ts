import type { Scenario } from '../scenario/schema.js';
import { contentStems, meetsGroups, phrase, text, type Phrase } from './concept-match.js';
import { harmOf } from './item-harm.js';
import { readItem, type ItemType, type Reading, type ReadingContext } from './item-reading.js';

/**
 * Judges postmortem action items: each item's verdict (good, ok, vague,
 * blameful or harmful) from how it reads (src/scoring/item-reading.ts: leads
 * with an action, names a system, says a concrete change, bounded), its
 * owner and priority from the row, and which of the scenario's concepts it
 * earns. A concept counts only when an item of at least "ok" quality makes
 * it the object of its action, in its own words: a string of nouns, the
 * briefing's lines or the concept's own wording earn nothing. Every verdict
 * carries the plain words that explain it and what would make it better.
 */
export interface ItemInput {
  type: string;
  priority: string;
  owner: string;
  text: string;
}

export type QualityBand = 'good' | 'ok' | 'vague' | 'blameful' | 'harmful';
export const CRITERIA = ['action', 'system', 'change', 'bounded', 'owner', 'priority', 'type'] as const;
export type Criterion = (typeof CRITERIA)[number];

export interface ItemJudgement {
  item: ItemInput;
  /** The first concept this item is credited with, or null. */
  concept: string | null;
  /** Every concept credited to this item (none already met by an earlier item). */
  concepts: string[];
  /** Index of the earlier item this one repeats; a repeat adds nothing. */
  duplicateOf: number | null;
  /** −0.5 for blameful or harmful items, else 0..1 (the share of criteria met; vague items at most 0.25). */
  quality: number;
  band: QualityBand;
  blameful: boolean;
  vague: boolean;
  /** Id of the harmful pattern the item's action matches. */
  harmful: string | null;
  /** The item repeats the briefing's or a concept's own words, so it earns no concept. */
  copied: 'briefing' | 'concept' | null;
  /** What kind of item it reads as (from its verb and object), when it says. */
  readsAs: ItemType | null;
  /** Each criterion 0 or 1. */
  criteria: Record<Criterion, number>;
  notes: string[];
  better: string[];
}

export interface SetJudgement {
  /** Fraction (0..1) taken off the postmortem-quality check. */
  penalty: number;
  notes: string[];
}

interface Compiled {
  ctx: ReadingContext;
  concepts: { id: string; title: string; groups: Phrase[][]; words: string[][] }[];
  briefing: Set<string>;
}

const compiled = new WeakMap<Scenario, Compiled>();
const trigrams = (s: readonly string[]) => s.slice(0, -2).map((_, i) => `${s[i]} ${s[i + 1]} ${s[i + 2]}`);

function compile(scenario: Scenario): Compiled {
  let c = compiled.get(scenario);
  if (!c) {
    const names = scenario.services.flatMap((s) => [s.id, s.name]).map((n) => n.toLowerCase());
    const people = scenario.people.flatMap((p) => [p.id, ...p.name.split(/\s+/)]).map((n) => n.toLowerCase());
    c = {
      ctx: { systems: [...new Set(names)], people: [...new Set(people)] },
      concepts: scenario.postmortem.concepts.map((x) => ({ id: x.id, title: x.title, groups: x.all.map((g) => g.map(phrase)), words: [x.title, x.plain ?? ''].filter(Boolean).map(contentStems) })),
      briefing: new Set(trigrams(text(scenario.briefing.text).s)),
    };
    compiled.set(scenario, c);
  }
  return c;
}

/** Whether the item is the briefing's words, or a concept's title or plain words, with at most one word of its own. */
function copiedFrom(c: Compiled, raw: string): 'briefing' | 'concept' | null {
  const stems = contentStems(raw);
  for (const concept of c.concepts) {
    for (const words of concept.words) {
      const own = new Set(stems.filter((s) => !words.includes(s)));
      const shared = words.filter((w) => stems.includes(w)).length;
      if (words.length > 0 && own.size <= 1 && shared >= Math.ceil(words.length * 0.6)) return 'concept';
    }
  }
  const grams = trigrams(text(raw).s);
  if (grams.length >= 2 && grams.filter((g) => c.briefing.has(g)).length >= grams.length * 0.6) return 'briefing';
  return null;
}

const OWNERLESS = new Set(['', 'everyone', 'all', 'team', 'tbd', 'none', 'nobody', 'n/a', '?', 'someone', 'us', 'we', 'anyone', 'unknown']);

function verdictOf(r: Reading, harmful: boolean): QualityBand {
  if (r.blame) return 'blameful';
  if (harmful) return 'harmful';
  if (r.leadsWithAction && r.namesSystem && r.concreteChange && r.bounded) return 'good';
  if (r.leadsWithAction && r.concreteChange && (r.namesSystem || r.bounded)) return 'ok';
  return 'vague';
}

const VERDICT_WORDS: Record<QualityBand, string> = {
  good: 'good: a concrete change to a named system, with a way to tell it is done',
  ok: 'ok: a concrete change, but it does not both name the system and say when it is done',
  vague: 'vague: nothing anyone could finish as written',
  blameful: 'blameful: it changes a person, not a system',
  harmful: 'harmful: it would make the next incident worse',
};

const CRITERION_LABEL: Record<Criterion, string> = { action: 'action first', system: 'names a system', change: 'concrete change', bounded: 'bounded', owner: 'owned', priority: 'prioritised', type: 'typed right' };

/** One line a person can read: "good 100% — action first ✓ · names a system ✓ · …". */
export function qualityLine(j: ItemJudgement): string {
  const parts = CRITERIA.map((c) => `${CRITERION_LABEL[c]} ${j.criteria[c] >= 1 ? '✓' : '✗'}`);
  return `${j.band} ${Math.round(j.quality * 100)}% — ${parts.join(' · ')}`;
}

const jaccard = (a: Set<string>, b: Set<string>) => {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter || 1);
};

export function judgeItems(scenario: Scenario, items: readonly ItemInput[]): ItemJudgement[] {
  const c = compile(scenario);
  const credited = new Map<string, number>();
  const bags: Set<string>[] = [];
  return items.map((item, i) => {
    const raw = item.text.trim();
    const r = readItem(raw, c.ctx);
    const harm = r.blame ? null : harmOf(r);
    const band = verdictOf(r, harm !== null);
    const declared = item.type.trim().toLowerCase();
    const ownerWord = item.owner.trim().replace(/^@/, '').toLowerCase();
    const criteria: Record<Criterion, number> = {
      action: r.leadsWithAction ? 1 : 0,
      system: r.namesSystem ? 1 : 0,
      change: r.concreteChange ? 1 : 0,
      bounded: r.bounded ? 1 : 0,
      owner: OWNERLESS.has(ownerWord) ? 0 : 1,
      priority: /^P[0-3]$/i.test(item.priority.trim()) ? 1 : 0,
      type: r.type === undefined || r.type === declared ? 1 : 0,
    };
    const found = band === 'good' || band === 'ok' ? ` (${[r.system ? `names ${r.system}` : '', r.boundedBy ? `bounded by ${r.boundedBy}` : ''].filter(Boolean).join('; ')})` : '';
    const notes: string[] = [`${VERDICT_WORDS[band]}${found}`];
    const better: string[] = [];

    // Concepts: only an item of at least "ok" quality, in its own words, earns them, and only from what its action is about.
    const bag = new Set(contentStems(raw));
    const textualDup = bags.findIndex((b) => jaccard(b, bag) >= 0.8);
    bags.push(bag);
    const copied = copiedFrom(c, raw);
    const action = text(r.clause);
    const touched = c.concepts.filter((k) => meetsGroups(action, k.groups));
    let concepts: string[] = [];
    let duplicateOf: number | null = textualDup >= 0 ? textualDup : null;
    // An item that bundles three or more follow-ups is credited with the first only: split it.
    const bundle = touched.length >= 3;
    if ((band === 'good' || band === 'ok') && copied === null && duplicateOf === null) {
      // Two follow-ups count together only when they are the same kind; otherwise the one of the item's kind.
      const kind = (id: string) => scenario.postmortem.concepts.find((k) => k.id === id)!.type;
      const open = touched.map((k) => k.id).filter((id) => !credited.has(id));
      const ofKind = open.find((id) => kind(id) === declared || kind(id) === r.type) ?? open[0];
      concepts = open.length === 2 && !bundle && kind(open[0]!) === kind(open[1]!) ? open : ofKind ? [ofKind] : [];
      if (touched.length > 0 && concepts.length === 0) duplicateOf = credited.get(touched[0]!.id)!;
      for (const id of concepts) credited.set(id, i);
    }
    const title = (id: string) => c.concepts.find((k) => k.id === id)!.title;

    if (harm) notes.push(harm.note);
    if (r.blame) notes.push(r.blame);
    if (concepts.length > 0) notes.push(`meets ${concepts.map((id) => `"${title(id)}"`).join(' and ')}`);
    else if (copied === 'briefing') notes.push("copies the briefing's words: earns nothing");
    else if (copied === 'concept') notes.push("copies the wording of one of this incident's follow-ups: earns nothing");
    else if (duplicateOf !== null) notes.push(`repeats item ${duplicateOf + 1}: no extra credit`);
    else if (touched.length > 0) notes.push(`touches a follow-up this incident needs, but earns it only as a concrete, finishable action${band === 'blameful' ? ' about a system, not a person' : band === 'harmful' ? ' that is safe' : ''}`);
    else if (band === 'good' || band === 'ok') notes.push('meets none of the follow-ups this incident calls for');
    if (r.stuffed) notes.push('a string of nouns, not one change: earns nothing');
    if (bundle && concepts.length > 0) notes.push(`bundles ${touched.length} follow-ups in one item: credited for the first only`);

    if (harm) better.push(harm.better);
    if (r.blame) better.push('change a system or process, not a person: what would make the mistake impossible or harmless?');
    else if (band !== 'good') better.push(...r.why);
    if (copied) better.push('say in your own words what will change, in which system, and how you will know it is done');
    if (!criteria.owner) better.push(`give it one owning team or @handle${ownerWord ? ` (not "${item.owner}")` : ''}`);
    if (!criteria.priority) better.push('give it a priority (P0–P3)');
    if (!criteria.type && r.type) better.push(`it reads as a ${r.type} item, not ${declared}`);
    if (duplicateOf !== null) better.push(`merge it into item ${duplicateOf + 1}, or make it about something else`);
    if (bundle) better.push('split it: one item per change, each with its own owner');

    let quality = CRITERIA.reduce((a, k) => a + criteria[k], 0) / CRITERIA.length;
    if (band === 'vague') quality = Math.min(quality, 0.25);
    if (band === 'blameful' || band === 'harmful') quality = -0.5;
    quality = Math.round(quality * 1000) / 1000;
    return { item, concept: concepts[0] ?? null, concepts, duplicateOf, quality, band, blameful: band === 'blameful', vague: band === 'vague', harmful: harm?.id ?? null, copied, readsAs: r.type ?? null, criteria, notes, better };
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
  const real = judged.filter((j) => j.duplicateOf === null && (j.band === 'good' || j.band === 'ok'));
  const pris = new Set(real.map((j) => j.item.priority.toUpperCase()));
  if (real.length >= 3 && pris.size === 1) {
    penalty += 0.1;
    notes.push(`every item is ${[...pris][0]}: equal priorities say nothing about what comes first`);
  }
  const kinds = new Set(real.map((j) => j.item.type.toLowerCase()));
  if (n > 0 && !kinds.has('prevent') && !kinds.has('mitigate')) {
    penalty += 0.05;
    notes.push('no prevent or mitigate item: nothing addresses the cause');
  }
  if (n > 0 && opts.customersHarmed && !kinds.has('repair') && scenario.postmortem.concepts.some((c) => c.type === 'repair')) notes.push('customers were harmed but no repair item makes them whole');
  return { penalty: Math.min(penalty, 0.4), notes };
}
