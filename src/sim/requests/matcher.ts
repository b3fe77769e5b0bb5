import type { Action, Diagnostic, Scenario } from '../../scenario/schema.js';
import { REVERSAL, sameWay } from './direction.js';
import { intentOf, isDoing, ledByChange, negationOf, type Intent } from './intent.js';
import { normalize } from './normalize.js';
import type { Asker, RequestOutcome } from './outcome.js';
import { canDo, COMMS_TARGET, redirectTeam } from './roles.js';
import { bindParams } from './params.js';
import { quantities } from './units.js';
import { verbsOf, type Verbs } from './verbs.js';
import { contentWords, overlap } from './words.js';

/**
 * Understands a request the way it was meant: the scenario's patterns say
 * which diagnostics and actions a clause could mean; the engine's verbs
 * decide whether it is a check or a change; negation, direction and the
 * asker's role rule candidates out; anything unsure becomes a clarifying
 * question rather than the nearest action. A change never runs a diagnostic,
 * even typed after `run` (`verbs`: see verbs.ts). Several requests in one
 * message give one outcome each. Deterministic: a pure function of its inputs.
 */
export function understand(scenario: Scenario, asker: Asker, text: string, verbs: Verbs = verbsOf(scenario)): RequestOutcome[] {
  let t = normalize(scenario, text);
  let explicit: 'run' | 'do' | null = 'hands' in asker ? asker.hands : null;
  const prefix = /^(run|do)\s+(?!not\b)/.exec(t);
  if (prefix) {
    explicit = prefix[1] as 'run' | 'do';
    t = t.slice(prefix[0].length);
  }
  t = afterContext(t, verbs.change);
  const whole = one(scenario, asker, t, explicit, verbs);
  // a question is one request ("what is the quickest way to stop orders and keep menus up")
  const parts = /^(what|why|how|who|which|when|where|is|are|does|do we|did|can we|undo|revert|reverse|roll ?back|back out)\b/.test(t) ? [t] : clauses(t, explicit !== null, verbs.change);
  if (parts.length < 2) return [whole];
  const each = parts.map((p) => one(scenario, asker, p, explicit, verbs));
  // parts that are statements ("DNS is fixed") are context; any other unsure part makes the whole one request
  if (!each.every((o, i) => definite(o) || intentOf(parts[i]!, verbs.change) === 'unknown') || !each.some(definite)) return [whole];
  const distinct: RequestOutcome[] = [];
  for (const [i, o] of each.entries()) {
    if (!definite(o)) continue;
    if (distinct.some((d) => sameTarget(d, o))) continue;
    // "re-dispatch … and refund the older ones" is one action whose own words say both
    if (definite(whole) && whole.kind === 'action' && o.kind === 'action' && o.id !== whole.id && absorbs(scenario, whole.id, parts[i]!)) continue;
    distinct.push(o);
  }
  // every part saying the same thing is clearer than the whole read at once
  return distinct.length >= 2 || !definite(whole) || each.filter(definite).length >= 2 ? distinct : [whole];
}

const definite = (o: RequestOutcome) => o.kind === 'diagnostic' || o.kind === 'action' || o.kind === 'redirect';
const sameTarget = (a: RequestOutcome, b: RequestOutcome) => a.kind === b.kind && 'id' in a && 'id' in b && a.id === b.id;

function absorbs(scenario: Scenario, actionId: string, part: string): boolean {
  const a = scenario.actions.find((x) => x.id === actionId)!;
  const verb = part.trim().split(/\s+/)[0] ?? '';
  return verb.length > 2 && `${a.title} ${a.example ?? ''}`.toLowerCase().includes(verb);
}

/** "own stakeholder comms: post the notice" → "post the notice": the words before a colon are context when a verb follows. */
function afterContext(t: string, change: ReadonlySet<string>): string {
  const i = t.indexOf(': ');
  if (i < 0) return t;
  const [before, after] = [t.slice(0, i), t.slice(i + 2)];
  const lead = intentOf(before, change);
  return lead !== 'change' && lead !== 'inquiry' && (intentOf(after, change) === 'change' || intentOf(after, change) === 'comms') ? after : t;
}

/** Splits at top-level ";", ",", " and ", " then ", carrying the first verb to parts that have none. */
function clauses(t: string, explicit: boolean, change: ReadonlySet<string>): string[] {
  const raw: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    const rest = t.slice(i);
    const sep = depth === 0 ? /^(?:;\s*|,\s*(?:and\s+|then\s+)?|\s+and then\s+|\s+and\s+|\s+then\s+|\s+also\s+)/.exec(rest) : null;
    if (sep && cur.trim()) {
      raw.push(cur.trim());
      cur = '';
      i += sep[0].length - 1;
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) raw.push(cur.trim());
  // "…, bypassing the proxy" says how, not what else; "…, 10.20.8.41" or "…, 2 per worker" is an argument, not a request
  const merged: string[] = [];
  for (const p of raw) {
    const how = /^[a-z]+ing\b/.test(p) && !/^(bring|ping|string)\b/.test(p);
    const argument = /^[^a-z]*$/.test(p) || /^[\d.:/@-]+(\s+[a-z]+){0,2}$/.test(p);
    if (merged.length && (how || argument)) merged[merged.length - 1] += `, ${p}`;
    else merged.push(p);
  }
  // "its logs", "their config": the thing named just before
  for (let i = 1; i < merged.length; i++) {
    const prev = merged[i - 1]!;
    const before = (intentOf(prev, change) === 'unknown' ? prev : prev.replace(/^\S+\s+/, '')).replace(/^(the|a|an)\s+/, '');
    if (/^(its|their)\s/.test(merged[i]!)) merged[i] = merged[i]!.replace(/^(its|their)\s/, `${before} `);
  }
  const first = merged[0] ?? '';
  const verb = explicit || intentOf(first, change) === 'unknown' ? '' : `${first.split(/\s+/)[0]} `;
  return merged.map((p, i) => (i > 0 && intentOf(p, change) === 'unknown' ? `${verb}${p.replace(/^(the|a|an)\s+/, '')}` : p));
}

function hits<T extends Diagnostic | Action>(items: readonly T[], text: string): T[] {
  return items.filter((it) => it.match.some((re) => re.test(text)));
}

/** The best of several candidates by shared words; null when two tie. */
function best<T extends Diagnostic | Action>(cands: readonly T[], text: string): { pick: T | null; tied: T[] } {
  if (cands.length === 1) return { pick: cands[0]!, tied: [] };
  const words = contentWords(text);
  const scored = cands.map((c) => ({ c, n: overlap(words, contentWords(`${c.id.replace(/-/g, ' ')} ${c.title} ${c.example ?? ''}`)) }));
  scored.sort((a, b) => b.n - a.n);
  if (scored.length > 1 && scored[0]!.n === scored[1]!.n) return { pick: null, tied: scored.filter((s) => s.n === scored[0]!.n).map((s) => s.c) };
  return { pick: scored[0]!.c, tied: [] };
}

/** The closest targets by shared words, for a clarifying question. */
function closest(scenario: Scenario, text: string, kind: 'diagnostic' | 'action' | 'any'): string[] {
  const words = contentWords(text);
  const pool = [...(kind !== 'action' ? scenario.diagnostics : []), ...(kind !== 'diagnostic' ? scenario.actions : [])];
  return pool
    .map((c) => ({ id: c.id, n: overlap(words, contentWords(`${c.id.replace(/-/g, ' ')} ${c.title} ${c.example ?? ''}`)) }))
    .filter((s) => s.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, 3)
    .map((s) => s.id);
}

const leading = new WeakMap<Scenario, Set<string>>();

/** The first words of the scenario's action titles and examples: its own change verbs ("reconfigure"). */
function actionVerbs(scenario: Scenario): Set<string> {
  let verbs = leading.get(scenario);
  if (!verbs) {
    verbs = new Set(scenario.actions.flatMap((a) => [a.title, a.example ?? ''].map((t) => t.toLowerCase().split(/\s+/)[0] ?? '')).filter((w) => /^[a-z-]{3,}$/.test(w)));
    leading.set(scenario, verbs);
  }
  return verbs;
}

/** A request that starts by asking to undo something. */
const UNDO_LED = /^(undo|revert|reverse|roll ?back|back out)\b/;
/** What "roll back the …" may name without saying which: any rollback fits. */
const GENERIC_UNDONE = new Set(['deploy', 'deployment', 'release', 'version', 'build', 'image', 'change', 'last', 'latest', 'previou', 'recent', 'that', 'today', 'tonight', 'yesterday']);
/** Titles of actions that themselves undo or restore something. */
const UNDOING = /\b(back|undo|revert|roll ?back|remove|lift|disable|turn off|switch off|unpin|unsilence|expire|restore|resume|re-?enable|unblock|reopen)\b/;

/**
 * The action that undoes `a`: one whose title reverses and shares the most
 * words with it; null when two share as many, or when `a` itself undoes
 * something (the undo of an undo is never guessed).
 */
function reverseOf(scenario: Scenario, a: Action): Action | null {
  if (UNDOING.test(a.title.toLowerCase())) return null;
  const words = contentWords(`${a.title} ${a.example ?? ''}`);
  let pick: Action | null = null;
  let n = 0;
  let tie = false;
  for (const b of scenario.actions) {
    if (b.id === a.id || !REVERSAL.test(b.title.toLowerCase())) continue;
    const k = overlap(words, contentWords(`${b.title} ${b.example ?? ''}`));
    if (k > n) [pick, n, tie] = [b, k, false];
    else if (k === n && k > 0) tie = true;
  }
  return tie ? null : pick;
}

function one(scenario: Scenario, asker: Asker, clause: string, explicit: 'run' | 'do' | null, verbs: Verbs): RequestOutcome {
  const found = intentOf(clause, verbs.change);
  const intent: Intent = explicit === 'run' ? 'inquiry' : explicit === 'do' ? 'change' : found;
  const neg = negationOf(clause, intent === 'change' || intent === 'unknown');
  if (neg.negated) return negated(scenario, asker, neg.positive, neg.reverse);
  // "run restart prometheus" is a change command in the words of a check: it runs no diagnostic
  const noDiagnostic = intent === 'change' || (verbs.owned && ledByChange(clause, verbs.change));
  return judge(scenario, asker, pick(scenario, clause, intent, explicit, noDiagnostic, verbs.change), clause);
}

/** "don't restart X" changes nothing; "no more fallback" may mean the action that undoes it. */
function negated(scenario: Scenario, asker: Asker, positive: string, reverse: boolean): RequestOutcome {
  if (!reverse) return { kind: 'task', negated: true };
  const forward = hits(scenario.actions, positive);
  const undo = new Set<Action>();
  for (const verb of ['remove', 'undo', 'disable']) for (const a of hits(scenario.actions, `${verb} ${positive}`)) if (!forward.includes(a)) undo.add(a);
  for (const a of forward) {
    const r = reverseOf(scenario, a);
    if (r && (r.match.some((re) => re.test(`undo ${positive}`)) || r.match.some((re) => re.test(`remove ${positive}`)))) undo.add(r);
  }
  if (undo.size !== 1) return { kind: 'task', negated: true };
  return judge(scenario, asker, { kind: 'action', id: [...undo][0]!.id, params: [] }, positive);
}

function pick(scenario: Scenario, clause: string, intent: Intent, explicit: 'run' | 'do' | null, noDiagnostic: boolean, change: ReadonlySet<string>): RequestOutcome {
  const diags = noDiagnostic ? [] : hits(scenario.diagnostics, clause);
  let acts = intent === 'inquiry' ? [] : hits(scenario.actions, clause);
  // an action going the wrong way is replaced by the one that undoes it
  acts = [...new Set(acts.flatMap((a) => (sameWay(clause, a) ? [a] : [reverseOf(scenario, a)].filter((r): r is Action => r !== null && sameWay(clause, r)))))];
  // "undo X" where X is itself a change ("undo restart prometheus"): X never happens, its reverse may
  const undo = /^(undo|revert|reverse|roll ?back|back out)\b\s*(?:the\s+)?(.*)$/.exec(clause);
  const rest = undo?.[2] ?? '';
  // what is undone is the first thing named ("undo the fail-open and put scoring back": the fail-open)
  const undone = rest.split(/,(?![^(]*\))|\s+(?:and|then)\s+/)[0]!.trim();
  const restVerb = undone.split(/\s+/)[0] ?? '';
  // "undo restart prometheus": the undone thing is itself a change, which never happens
  const undoneChange = (a: Action) => (actionVerbs(scenario).has(restVerb) || isDoing(restVerb, change)) && a.match.some((re) => re.test(undone));
  if (undone && acts.some((a) => a.match.some((re) => re.test(undone))) && (actionVerbs(scenario).has(restVerb) || isDoing(restVerb, change))) {
    acts = [...new Set(acts.flatMap((a) => (a.match.some((re) => re.test(undone)) ? [reverseOf(scenario, a)].filter((r): r is Action => r !== null && !r.match.some((re) => re.test(undone))) : [a])))];
  }
  // asked to undo: the forward action gives way to its own reverse when both matched
  if (REVERSAL.test(clause)) acts = acts.filter((a) => !acts.some((b) => b !== a && reverseOf(scenario, a) === b));
  // "undo the fallback": only what itself undoes may be proposed; a forward action gives way to its reverse, or to a question
  if (UNDO_LED.test(clause)) {
    acts = [...new Set(acts.flatMap((a) => (UNDOING.test(a.title.toLowerCase()) ? [a] : [reverseOf(scenario, a)].filter((r): r is Action => r !== null))))].filter((a) => !undoneChange(a));
    // "roll back the vacuum" is not the release rollback: the thing undone must be the action's own, or a deploy in general
    const object = contentWords(rest);
    const generic = [...object].every((w) => GENERIC_UNDONE.has(w));
    const undoes = (a: Action) => scenario.actions.some((f) => f !== a && f.match.some((re) => re.test(rest)) && reverseOf(scenario, f) === a);
    acts = acts.filter((a) => generic || undoes(a) || overlap(object, contentWords(`${a.id.replace(/-/g, ' ')} ${a.title} ${a.example ?? ''}`)) > 0);
  }
  // comms work proposes only comms actions (holding a campaign, contacting a merchant), never a check
  if (intent === 'comms') return commsOutcome(acts);
  if (diags.length && (intent === 'inquiry' || acts.length === 0 || intent === 'unknown')) {
    const b = best(diags, clause);
    return b.pick ? { kind: 'diagnostic', id: b.pick.id } : { kind: 'clarify', candidates: b.tied.map((d) => d.id) };
  }
  if (acts.length) {
    const b = best(acts, clause);
    return b.pick ? { kind: 'action', id: b.pick.id, params: quantities(clause), settings: bindParams(b.pick, clause) } : { kind: 'clarify', candidates: b.tied.map((a) => a.id) };
  }
  // nothing matched: a question or comms work is words; a change or a bare run asks which
  if (explicit === null && intent === 'inquiry') return { kind: 'task', negated: false };
  return { kind: 'clarify', candidates: closest(scenario, clause, intent === 'inquiry' ? 'diagnostic' : intent === 'change' ? 'action' : 'any') };
}

function commsOutcome(acts: readonly Action[]): RequestOutcome {
  const comms = acts.filter((a) => COMMS_TARGET.test(`${a.title} ${a.example ?? ''}`));
  return comms.length === 1 ? { kind: 'action', id: comms[0]!.id, params: [] } : { kind: 'task', negated: false, comms: true };
}

/** Whether the asked person can do it; otherwise whose it is. */
function judge(scenario: Scenario, asker: Asker, o: RequestOutcome, clause: string): RequestOutcome {
  if (!('person' in asker) || (o.kind !== 'diagnostic' && o.kind !== 'action')) return o;
  const target = o.kind === 'diagnostic' ? scenario.diagnostics.find((d) => d.id === o.id)! : scenario.actions.find((a) => a.id === o.id)!;
  if (canDo(scenario, asker.person, target, clause)) return o;
  return { kind: 'redirect', team: redirectTeam(scenario, target, clause), target: target.id };
}
