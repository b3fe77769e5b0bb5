import { tag, type Token } from './nlp.js';
import { blameOf } from './item-blame.js';

/**
 * Reads one postmortem action item the way a reviewer would: what it starts
 * with, what its action does to what, whether one could tell when it is
 * done, and whether it blames people. The words come from the language
 * model (parts of speech, lemmas, entities), so any verb leads an item and
 * any named thing can be its system; the only word lists here are small,
 * closed kinds of English that no tagger marks: verbs that put off a
 * decision (investigate, consider), verbs that only wish for better
 * (improve), and nouns that name no thing at all (issue, root cause).
 * The rules are written down in data/action-items/LABELLING.md and measured
 * against its development set by `npm run bench` (judge.*).
 */
export type ItemType = 'detect' | 'mitigate' | 'prevent' | 'repair' | 'process';

export interface Reading {
  /** The part of the text that is judged (a noun heading before a colon is set aside). */
  body: string;
  leadsWithAction: boolean;
  /** The lead verb's lemma, phrasal particle included ("set up", "look into"), when the item leads with one. */
  verb: string | null;
  /** The words the action applies to: the rest of its sentence. */
  object: Token[];
  /** The action's sentence as typed: the lead verb and what it applies to. */
  clause: string;
  namesSystem: boolean;
  /** The named thing, in the item's words. */
  system: string | null;
  concreteChange: boolean;
  bounded: boolean;
  /** What makes it bounded (a threshold, a date, a version, a deliverable). */
  boundedBy: string | null;
  /** Why a criterion failed, in plain words; one entry per failed criterion. */
  why: string[];
  /** The blame in plain words, or null. */
  blame: string | null;
  /** A string of nouns, or a list of many things, with no one change said. */
  stuffed: boolean;
  /** A ticket or PR number in the text (not an end state). */
  ticket: string | null;
  /** What kind of item it reads as, when the verb and its object say so. */
  type: ItemType | undefined;
}

const PARTICLES = new Set(['up', 'into', 'at', 'out', 'down', 'over', 'off', 'back', 'on']);
// Verbs that put off deciding what to change.
const DELIBERATE = new Set(['consider', 'investigate', 'look', 'look into', 'look at', 'discuss', 'reflect', 'assess', 'review', 'evaluate', 're-evaluate', 'reevaluate', 'explore', 'research', 'study', 'analyse', 'analyze', 'figure out', 'agree', 'ask', 'check', 'identify', 'define', 'determine', 'decide', 'understand', 'think', 'talk', 'clarify', 'brainstorm', 'examine', 'continue', 'try', 'attempt', 'plan', 'revisit', 'see', 'align', 'reach out', 'follow up', 'prioritize', 'prioritise']);
// Verbs that wish for better without saying how.
const WISH = new Set(['improve', 'enhance', 'optimise', 'optimize', 'streamline', 'better', 'strengthen', 'rework', 're-work', 'tighten', 'bring down', 'make', 'fix']);
// Verbs that name a goal, not the change that reaches it.
const GOAL = new Set(['ensure', 'make sure', 'avoid', 'guarantee']);
// Verbs of an activity that never ends.
const ONGOING = new Set(['monitor', 'continue', 'keep', 'maintain', 'track', 'watch', 'observe', 'prioritize', 'prioritise', 'follow up']);
// Nouns that name no thing.
const EMPTY = new Set(['issue', 'issues', 'problem', 'problems', 'thing', 'things', 'stuff', 'it', 'this', 'that', 'everything', 'anything', 'cause', 'incident', 'outage', 'bug', 'reliability', 'resilience', 'stability', 'robustness', 'way', 'ways', 'mistake', 'mistakes', 'again']);
// Nouns too general to point at one thing (a category of work, not a system).
const GENERAL = new Set(['monitoring', 'alert', 'alerting', 'alarm', 'observability', 'process', 'processes', 'pipeline', 'infrastructure', 'service', 'system', 'application', 'team', 'plan', 'strategy', 'documentation', 'guideline', 'rule', 'improvement', 'tooling', 'solution', 'change', 'coverage', 'governance', 'capability', 'procedure', 'dashboard', 'test', 'runbook', 'check', 'work', 'noise', 'communication', 'metric', 'log', 'scenario', 'option', 'approach', 'resource', 'component', 'product', 'people', 'engineer', 'failure', 'error', 'time', 'priority', 'task', 'security', 'performance', 'data', 'code', 'tool', 'environment', 'setup', 'config', 'configuration', 'path', 'mechanism', 'practice', 'mode', 'owner']);
// Words that leave the amount open.
const OPEN = new Set(['more', 'some', 'better', 'certain', 'robust', 'tbd', 'possible', 'several', 'various', 'less', 'fewer', 'appropriate']);

const TICKET = /\b(?:[A-Z][A-Z0-9]{1,9}-\d+|#\d+|(?:PR|MR|issue|ticket|bug)\s*#?\d+)\b/g;

/** Tokens back to text as typed. */
const phraseOf = (tokens: readonly Token[]) => tokens.map((t, k) => (k > 0 && t.spaced ? ' ' : '') + t.text).join('');
const nominal = (t: Token) => t.pos === 'NOUN' || t.pos === 'PROPN';
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** "Setup monitoring" is "Set up monitoring" (the noun spelling of the verb). */
const normalise = (s: string) => s.replace(/^\s*(?:[-*•✅]\s*)+/, '').replace(/^(set)(up)\b/i, '$1 $2').replace(/^please,?\s+/i, '').trim();

/** A verb as the word sets know it: "re-worked" → "rework" when the tagger left it inflected. */
function canonical(v: string): string {
  const known = (x: string) => DELIBERATE.has(x) || WISH.has(x) || GOAL.has(x) || ONGOING.has(x);
  if (known(v)) return v;
  for (const c of [v.replace(/-/g, ''), v.replace(/e?d$/, ''), v.replace(/-/g, '').replace(/e?d$/, ''), v.replace(/ing$/, ''), v.replace(/ing$/, 'e')]) if (known(c)) return c;
  return v;
}

/** Whether the text starts with the verb of what is to be done (imperative, gerund or past). */
function startsWithVerb(text: string, tokens: Token[], heading = false): boolean {
  const t0 = tokens[0];
  if (!t0 || t0.type !== 'word') return false;
  if (t0.pos === 'VERB') return true;
  // "Re-drive", "Time-limit", "Double-check": the verb is the last part.
  if (tokens[1]?.text === '-' && !tokens[1].spaced && tokens[2] && !tokens[2].spaced) {
    const rest = text.slice(text.indexOf('-') + 1);
    return tokens[2].pos === 'VERB' || tag(`We must ${rest}`)[2]?.pos === 'VERB';
  }
  if (t0.pos === 'AUX') return t0.lemma === 'be' && t0.lower === 'be';
  if (!['PROPN', 'NOUN', 'ADJ'].includes(t0.pos)) return false;
  // Taggers often read a capitalised first word as a name: ask again with a subject in front.
  // A hyphenated first word ("Re-drive") is asked about by its last part.
  const low = lowerFirst(/^[A-Za-z]+-[a-z]+\b/.test(t0.text) && tokens.length > 1 ? text.replace(/^[A-Za-z]+-/, '') : text);
  const asWe = tag(`We must ${low}`)[2];
  const asYou = tag(`You ${low}`)[1];
  const asTo = tag(`to ${low}`)[1];
  const votes = [asWe, asYou, asTo].filter((t) => t?.pos === 'VERB').length;
  if (votes === 0) return false;
  // A noun is not followed by a determiner, a number or "when": "Place a …", "Refund every …", "Page when …".
  const t1 = tokens[1];
  if (t1 && (['DET', 'PRON', 'NUM', 'SCONJ'].includes(t1.pos) || ['when', 'whenever', 'if', 'every', 'each', 'all', 'any', 'a', 'an', 'the'].includes(t1.lower))) return true;
  if (votes < 2) return false;
  // "Rate limiting", "Load testing framework": a noun before a gerund is its modifier.
  if (heading && t1 && /ing$/.test(t1.lower) && t1.type === 'word') return false;
  // A verb right after the first noun phrase means it was the subject ("Values increased to …", "Service account … has been documented").
  const clause = firstClause(tokens, true);
  if (clause.slice(1).some((t) => t.pos === 'AUX')) return false;
  let i = 1;
  while (clause[i] && (nominal(clause[i]!) || clause[i]!.pos === 'ADJ')) i++;
  const next = clause[i];
  const after = clause[i + 1];
  return !(next && next.pos === 'VERB' && /ed$/.test(next.lower) && (!after || after.pos === 'ADP' || after.pos === 'PART' || after.pos === 'PUNCT'));
}

/** A short noun heading before a colon is a title: the item is what follows. */
function bodyOf(text: string): string {
  const m = /^([^:.]{2,60}):\s+(\S[\s\S]*)$/.exec(text);
  if (!m || m[1]!.split(/\s+/).length > 8) return text;
  const heading = normalise(m[1]!);
  return startsWithVerb(heading, tag(heading), true) ? text : m[2]!;
}

/** The first sentence (or the part before a dash or semicolon; with `colon`, before a colon too). */
function firstClause(tokens: Token[], colon = false): Token[] {
  // A full stop or colon ends it only before a space: "restaurant.orders.dlq", "for: 10m" stay whole.
  const ends = (t: Token, i: number) => (t.text === '.' || (colon && t.text === ':')) && (tokens[i + 1] === undefined || tokens[i + 1]!.spaced);
  const end = tokens.findIndex((t, i) => i > 0 && (ends(t, i) || t.text === ';' || t.text === '!' || t.text === '?' || (t.text === '-' && t.spaced) || t.text === '—'));
  return end < 0 ? tokens : tokens.slice(0, end);
}

/** The longest run of nouns (with the adjectives, numbers and base-form words a tagger mixes in) holding at least four nouns. */
function longestNominalRun(tokens: Token[]): number {
  let best = 0;
  let run = 0;
  let nouns = 0;
  for (const t of tokens) {
    // Nouns, names like "5xx" or "p95", and words the tagger took for adjectives or verbs in a noun string ("alert", "test").
    const word = t.type === 'word' && !/ing$/.test(t.lower) && !OPEN.has(t.lower);
    const noun = word && (nominal(t) || /^[a-z]*\d+[a-z]+$/i.test(t.text));
    const filler = (word && (t.pos === 'ADJ' || (t.pos === 'VERB' && t.lemma === t.lower))) || t.pos === 'NUM';
    if (noun || filler) {
      run++;
      if (noun) nouns++;
    } else {
      run = 0;
      nouns = 0;
    }
    if (nouns >= 4) best = Math.max(best, run);
  }
  return best;
}

/** The longest list of things in a row ("alerting, dashboards, SLOs, runbooks and probes"): how many things it names. */
function longestList(tokens: Token[]): number {
  let best = 0;
  let groups = 0;
  let inGroup = false;
  for (const t of tokens) {
    const joined = !t.spaced && (t.text === '-' || t.text === '/' || t.text === '.');
    if (t.type === 'word' && (nominal(t) || t.pos === 'ADJ' || t.pos === 'NUM')) {
      if (!inGroup) groups++;
      inGroup = true;
    } else if (joined && inGroup) continue;
    else if (t.text === ',' || t.lower === 'and' || t.lower === 'or' || t.text === '/') inGroup = false;
    else {
      best = Math.max(best, groups);
      groups = 0;
      inGroup = false;
    }
  }
  return Math.max(best, groups);
}

const CLOCK_WINDOW = /\b\d{1,2}:\d{2}\s*(?:-|–|to|and)\s*\d{1,2}:\d{2}\b/;

function systemOf(tokens: Token[], known: readonly string[], people: readonly string[], raw: string): string | null {
  const lowerRaw = raw.toLowerCase();
  // A time window pins down which records a repair is about.
  const window = CLOCK_WINDOW.exec(raw);
  if (window) return `the window ${window[0]}`;
  for (const k of known) if (k.length >= 4 && new RegExp(`(^|[^a-z0-9])${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9])`).test(lowerRaw)) return k;
  const isPerson = (t: Token) => people.includes(t.lower);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'word' || t.entity !== null || isPerson(t) || /^[A-Z][A-Z0-9]{1,9}-\d+$/.test(t.text)) continue;
    // Acronyms and names: DNS, ALB, Traefik, grafana-agent, posthog-persistence.ts, v2.5.
    if (/^[A-Z][A-Z0-9]{1,7}s?$/.test(t.text) && !/^[A-Z]+-\d/.test(raw.slice(raw.indexOf(t.text)))) return t.text;
    if (t.pos === 'PROPN' && /^[A-Z]/.test(t.text) && i > 0) return t.text;
    if (/[a-z][._/][a-z0-9]/i.test(t.text) || /[a-z]\d|\d[a-z]/i.test(t.text)) return t.text;
  }
  // Technical names joined by hyphens or dots in the text: fraud-api.internal.corp, roll-over script.
  const joined = /\b[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+\b/i.exec(raw.replace(TICKET, ' ').replace(/\b(?:[a-z]+-)?(?:two|one|three|per|non|re|de|pre|co|self|sign|follow|double|well|hard|high|low|long|short|real|time|up|out)-[a-z]+\b/gi, ' '));
  if (joined) return joined[0];
  // A compound of nouns that are not all general words: "pod restarts", "readiness checks", "file watches usage".
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if ((nominal(a) || (a.pos === 'VERB' && !/(ing|ed)$/.test(a.lower))) && nominal(b) && a.type === 'word' && b.type === 'word' && !(GENERAL.has(a.lemma) && GENERAL.has(b.lemma)) && !EMPTY.has(b.lemma) && !OPEN.has(a.lower) && a.pos !== 'ADJ') return `${a.text} ${b.text}`;
  }
  return null;
}

/** Two nouns in a row, not both general: a named signal or part ("file watches usage", "certificate expiry"). */
function hasCompound(tokens: readonly Token[]): boolean {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if ((nominal(a) || (a.pos === 'VERB' && !/(ing|ed)$/.test(a.lower))) && nominal(b) && a.type === 'word' && b.type === 'word' && !(GENERAL.has(a.lemma) && GENERAL.has(b.lemma))) return true;
  }
  return false;
}

function boundOf(tokens: Token[], clause: Token[], raw: string, concrete: boolean, system: string | null, verb: string | null): string | null {
  const window = CLOCK_WINDOW.exec(raw);
  if (window) return window[0];
  const noTickets = raw.replace(TICKET, ' ');
  const untagged = noTickets === raw ? tokens : tag(noTickets);
  for (let i = 0; i < untagged.length; i++) {
    const t = untagged[i]!;
    if (t.entity === 'DATE' || t.entity === 'DURATION' || t.entity === 'TIME' || t.entity === 'PERCENT' || t.entity === 'MONEY') return `${t.text}${untagged[i + 1]?.entity === t.entity ? ` ${untagged[i + 1]!.text}` : ''}`;
    if ((t.pos === 'NUM' || t.type === 'number') && /\d/.test(t.text)) {
      const next = untagged[i + 1];
      if (next && (next.text === '%' || next.text === 'x' || /^(ms|s|sec|seconds?|minutes?|mins?|hours?|h|days?|weeks?|req|requests?|errors?|retries|attempts|pods?|nodes?|replicas?|gb|mb|kb|qps|rps)$/i.test(next.text))) return `${t.text} ${next.text}`;
      if (/^\d+(\.\d+)+$/.test(t.text) || /^v\d/i.test(untagged[i - 1]?.text ?? '')) return t.text;
      // "more than 10 SQL queries", "after 2 consecutive failures": a count of things.
      const counted = untagged.slice(i + 1, i + 4).find((u) => u.pos !== 'ADJ' && u.pos !== 'PROPN');
      if (counted && counted.pos === 'NOUN' && ['than', 'after', 'at', 'most', 'least', 'over', 'under', 'above', 'below', 'within', 'every', 'to'].includes(untagged[i - 1]?.lower ?? '')) return `${t.text} ${counted.text}`;
    }
    if (/^v?\d+(\.\d+)+$/i.test(t.text) || /^\d+[a-z]{1,3}$/i.test(t.text)) return t.text;
  }
  if (!concrete || !system || (verb !== null && (ONGOING.has(verb) || verb === 'prevent'))) return null;
  // An activity ("monitoring", "alerting") is not a thing one can point at when it is done.
  const head = tokens.slice(verb === null ? 0 : verb.split(' ').length).find((t) => nominal(t) || t.pos === 'VERB');
  if (head && /ing$/.test(head.lower) && head.lower !== 'string' && !hasCompound(tokens.slice(tokens.indexOf(head) + 1))) return null;
  if (tokens.some((t) => OPEN.has(t.lower))) return null;
  return `a named deliverable (${system})`;
}

/** The head of the first noun phrase: "probe" in "a blackbox DNS probe for …". */
function headOf(object: Token[]): Token | undefined {
  const i = object.findIndex(nominal);
  if (i < 0) return undefined;
  let j = i;
  while (object[j + 1] && (nominal(object[j + 1]!) || (object[j + 1]!.text === '-' && !object[j + 1]!.spaced))) j++;
  return object[j]!.text === '-' ? object[j - 1] : object[j];
}

/** What kind of item the verb and the head of its object make it; undefined when they do not say. */
function typeOf(verb: string | null, object: Token[]): ItemType | undefined {
  if (verb === null) return undefined;
  const head = headOf(object)?.lemma ?? '';
  if (['restore', 'recover', 'reconcile', 'refund', 'backfill', 're-drive', 'redrive', 'replay', 'reprocess', 'repair', 'credit', 'compensate', 'reimburse'].includes(verb) || ['backfill', 'reconciliation', 'refund', 'replay', 'credit'].includes(head)) return 'repair';
  if (['alert', 'page', 'alarm', 'monitor', 'detect', 'probe', 'watch'].includes(verb) || ['alert', 'alarm', 'alerting', 'probe', 'monitoring', 'monitor', 'canary', 'heartbeat', 'dashboard'].includes(head)) return 'detect';
  if (['time-limit', 'degrade', 'shed', 'throttle', 'fail over'].includes(verb) || ['timeout', 'fallback', 'breaker', 'shedding', 'failover', 'throttling', 'bulkhead'].includes(head)) return 'mitigate';
  if (['train', 'teach', 'communicate', 'drill'].includes(verb) || ['runbook', 'playbook', 'checklist', 'procedure', 'process', 'training', 'drill', 'rotation', 'template', 'guideline', 'wiki', 'sop'].includes(head)) return 'process';
  if (['prevent', 'block', 'validate', 'guard', 'lint', 'forbid', 'reject', 'pin', 'lock', 'plug', 'harden'].includes(verb) || ['test', 'gate', 'guard', 'validation', 'lint', 'policy', 'presubmit'].includes(head)) return 'prevent';
  return undefined;
}

export interface ReadingContext {
  /** Names of the scenario's services and hosts, lower case: they count as systems. */
  systems: readonly string[];
  /** First names and ids of the scenario's people, lower case: they never count as systems. */
  people: readonly string[];
}

export function readItem(input: string, ctx: ReadingContext): Reading {
  const raw = normalise(input);
  const body = bodyOf(raw);
  const all = tag(body);
  const clause = firstClause(all);
  const why: string[] = [];
  const leads = startsWithVerb(body, all);
  let verb: string | null = null;
  let object: Token[] = clause;
  if (leads) {
    let t0 = clause[0]!;
    if (clause[1]?.text === '-' && !clause[1].spaced && clause[2]) t0 = { ...clause[2], lemma: `${t0.lower}-${clause[2].lemma}`, lower: `${t0.lower}-${clause[2].lower}`, pos: 'VERB' };
    const particle = clause[1] && PARTICLES.has(clause[1].lower) && (clause[1].pos === 'ADP' || clause[1].pos === 'PART' || clause[1].pos === 'ADV') ? clause[1].lower : null;
    const base = t0.pos === 'VERB' ? t0.lemma : t0.lower;
    verb = t0.lower === 'make' && clause[1]?.lower === 'sure' ? 'make sure' : particle ? `${canonical(base)} ${particle}` : canonical(base);
    object = clause.slice(verb.split(' ').length + (clause[1]?.text === '-' && !clause[1].spaced ? 2 : 0));
  } else why.push(/^(we|i|you|they|he|she|someone|somebody|\w+ team)\b/i.test(body) ? 'starts with who will act, not with the action' : clause.some((t) => t.pos === 'VERB') ? 'does not start with what is to be done' : 'a noun phrase, with no action in it');
  const ticket = /(?:[A-Z][A-Z0-9]{1,9}-\d+|#\d+|(?:PR|MR|issue|ticket|bug)\s*#?\d+)/.exec(body)?.[0] ?? null;

  const contentWords = object.filter((t) => t.type === 'word' && (nominal(t) || t.pos === 'ADJ' || t.pos === 'VERB') && !EMPTY.has(t.lemma) && !EMPTY.has(t.lower));
  const stuffed = longestNominalRun(object) >= 5 || longestList(object) >= 5;
  const mechanism = object.some((t, i) => (t.lower === 'by' || t.lower === 'with') && object.slice(i + 1, i + 4).some((u) => nominal(u) || (u.pos === 'VERB' && !GOAL.has(u.lemma) && u.lemma !== 'ensure'))) || object.some((t) => ['configure', 'set', 'require', 'add', 'use'].includes(t.lemma) && t.pos === 'VERB');
  let concrete = leads && contentWords.some((t) => !/^[A-Z][A-Z0-9]{1,9}-\d+$/.test(t.text)) && !stuffed;
  if (leads && verb !== null) {
    if (DELIBERATE.has(verb) || DELIBERATE.has(verb.split(' ')[0]!) && verb.includes(' ')) {
      concrete = false;
      why.push(`"${clause[0]!.text}${verb.includes(' ') ? ` ${verb.split(' ')[1]}` : ''}" puts off deciding what to change`);
    } else if (WISH.has(verb) && !mechanism && !(verb === 'make' && object.some((t) => t.pos === 'VERB') && !object.some((t) => OPEN.has(t.lower) || t.lower === 'more'))) {
      concrete = false;
      why.push(`"${clause[0]!.text}" wishes for better without saying what changes`);
    } else if (GOAL.has(verb) && !mechanism) {
      concrete = false;
      why.push('names a goal, not the change that reaches it');
    } else if (contentWords.length === 0) why.push('says nothing the action is done to');
  }
  if (stuffed) why.push('a string of nouns: no one change is said');
  // The lead verb is not part of what the item names.
  const named = leads && verb !== null ? clause.slice(verb.split(' ').length) : clause;
  const system = systemOf(named, ctx.systems, ctx.people, phraseOf(clause));
  if (!system) why.push('names no system, service or component');
  const boundedBy = boundOf(all, clause, body, concrete, system, verb);
  if (!boundedBy) why.push(ticket ? `no way to tell it is done (a ticket number like ${ticket} is not an end state)` : 'no way to tell it is done (a threshold, a date or a named deliverable)');
  const blame = blameOf(body, all, verb, ctx.people);
  return { body, leadsWithAction: leads, verb, object, clause: phraseOf(clause), namesSystem: system !== null, system, concreteChange: concrete, bounded: boundedBy !== null, boundedBy, why, blame, stuffed, ticket, type: typeOf(verb, object) };
}
