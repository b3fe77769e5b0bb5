import type { Token } from './nlp.js';

/**
 * Blame in an action item: a person or team as the one who must change, a
 * punishment, or asking people to be better instead of changing a system
 * (PagerDuty: "an individual's action should never be considered a root
 * cause"; the SRE workbook: changing human behaviour is less reliable than
 * changing systems). Returns the blame in plain words, or null.
 */

// Verbs that punish whoever they are done to.
const PUNISH = new Set(['fire', 'discipline', 'punish', 'reprimand', 'sanction', 'blame', 'demote', 'suspend', 'shame', 'scold', 'penalise', 'penalize', 'sack', 'dismiss']);
// Verbs that punish or correct when done to a person: "remind engineers", "retrain the on-call".
const CORRECT = new Set(['remind', 'retrain', 'warn', 'tell', 'stop', 'write up', 'remove', 'ban', 'revoke', 'hold', 'coach', 'lecture']);
// Verbs that make a person do something: "require Marco to …".
const MAKE = new Set(['require', 'ask', 'make', 'get', 'force', 'have', 'oblige', 'instruct', 'mandate']);
const PERSON_NOUNS = /^(engineers?|developers?|devs?|operators?|authors?|on-?call|oncall|persons?|people|employees?|admins?|administrators?|individuals?|whoever|humans?|staff|interns?|colleagues?|he|she|they|them|him|her)$/i;

const BEHAVE: { re: RegExp; note: string }[] = [
  { re: /\bbe (?:more |extra |very |much more )?(?:careful|vigilant|diligent|cautious|attentive)\b/i, note: 'asks people to be more careful instead of changing a system' },
  { re: /\bmore careful\b|\bcareless/i, note: 'asks people to be more careful instead of changing a system' },
  { re: /\bpay (?:closer |more |extra |better |close )?attention\b/i, note: 'asks people to pay closer attention instead of changing a system' },
  { re: /\bdouble[- ]?check (?:your|their|his|her|our) /i, note: 'asks people to double-check their own work instead of making the check automatic' },
  { re: /\bhuman error\b/i, note: 'calls it human error: the system let the mistake through' },
  { re: /\b(?:stop|avoid|prevent) making mistakes\b|\bno more mistakes\b/i, note: 'asks people to stop making mistakes instead of changing a system' },
  { re: /\bknown? better\b/i, note: 'says someone should have known better' },
  { re: /\baccountable\b/i, note: 'holds people accountable instead of changing a system' },
];

const isName = (t: Token | undefined, people: readonly string[]) =>
  !!t && t.type === 'word' && (people.includes(t.lower) || (t.pos === 'PROPN' && /^[A-Z][a-z]{2,}$/.test(t.text) && t.text !== t.text.toUpperCase()));

/** Tokens from `i` as typed: "the on-call engineer". */
function phraseAt(tokens: readonly Token[], i: number, n: number): string {
  return tokens.slice(i, i + n).map((t, k) => (k > 0 && t.spaced ? ' ' : '') + t.text).join('');
}

const PERSON_PHRASE = /^(?:(?:the|a|an|our|all|every|any|this|that|each|your|their)\s+)?(?:[\w-]+\s+){0,3}?(engineers?|developers?|devs?|operators?|authors?|on-?call|oncall|persons?|people|employees?|admins?|administrators?|individuals?|humans?|staff|interns?|colleagues?|whoever|everyone|everybody|him|her|them)\b/i;
const TEAM_PHRASE = /^(?:(?:the|a|our|that|this|each|every)\s+)?(?:[\w-]+\s+){0,2}?teams?\b/i;

/** The person the tokens from `i` name ("the on-call engineer", "Marco", "the payments team"). */
function personAt(tokens: readonly Token[], i: number, people: readonly string[], opts: { teams: boolean; names: boolean }): string | null {
  const t = tokens[i];
  if (!t) return null;
  if (people.includes(t.lower) || (opts.names && isName(t, people))) return t.text;
  const phrase = phraseAt(tokens, i, 7);
  const m = PERSON_PHRASE.exec(phrase) ?? (opts.teams ? TEAM_PHRASE.exec(phrase) : null);
  return m ? m[0] : null;
}

export function blameOf(body: string, tokens: readonly Token[], verb: string | null, people: readonly string[]): string | null {
  for (const b of BEHAVE) if (b.re.test(body)) return b.note;
  const afterVerb = verb === null ? -1 : verb.split(' ').length;
  if (verb !== null) {
    const object = personAt(tokens, afterVerb, people, { teams: true, names: true });
    if (PUNISH.has(verb)) return `punishes people ("${tokens[0]!.text}${object ? ` ${object}` : ''}") instead of changing a system`;
    const possessive = tokens[afterVerb] && isName(tokens[afterVerb], people) && tokens[afterVerb + 1]?.text.startsWith("'");
    if (CORRECT.has(verb) && (object || possessive)) return `corrects a person ("${tokens[0]!.text} ${object ?? tokens[afterVerb]!.text}") instead of changing a system`;
    if (MAKE.has(verb) && object && tokens.slice(afterVerb + 1).some((t, k, rest) => t.lower === 'to' && rest[k + 1]?.pos === 'VERB')) return `makes a person the fix ("${tokens[0]!.text} ${object} to …"): change the system so the step cannot be missed`;
  }
  // "Alice to get DNS training": a person assigned to change.
  const lead = personAt(tokens, 0, people, { teams: false, names: true });
  if (lead && tokens[lead.split(/\s+/).length]?.lower === 'to' && tokens[lead.split(/\s+/).length + 1]?.pos === 'VERB') return `names a person as the one who must change (${lead} to …)`;
  // A person as the subject who must do better: "Marco should get DNS training".
  for (let i = 0; i < Math.min(tokens.length, 6); i++) {
    const who = personAt(tokens, i, people, { teams: false, names: false });
    if (!who) continue;
    const after = tokens.slice(i + 1, i + 8).find((t) => ['should', 'must', 'needs', 'need', 'has', 'have', 'will', 'shall', 'ought'].includes(t.lower) && (t.pos === 'AUX' || t.pos === 'VERB'));
    if (after) return `names a person as the one who must change (${who} ${after.text} …)`;
    break;
  }
  // Sign-off by a named person.
  const sign = /\b(?:sign[- ]?off|approval|approve|permission)\b[^.]*?\b(?:from|by)\s+([A-Z][a-z]+)\b/.exec(body);
  if (sign && people.includes(sign[1]!.toLowerCase())) return `makes one named person (${sign[1]}) the safeguard`;
  if (/\bpersonally\b/i.test(body) && tokens.some((t) => isName(t, people))) return 'makes one named person the safeguard';
  return null;
}
