import { CHANGE_VERBS } from '../../scenario/vocabulary.js';
import { tokenize } from './nlp.js';

/**
 * What kind of request a clause is, from its first verb: a check, a change,
 * comms, or not clear. The engine owns these verbs, so a diagnostic never
 * matches a change command, whatever a scenario's patterns say.
 */
export type Intent = 'inquiry' | 'change' | 'comms' | 'unknown';

/** The engine's own change verbs; a scenario's `changeVerbs` add to them (see verbs.ts). */
export const ENGINE_CHANGE: ReadonlySet<string> = new Set(CHANGE_VERBS);
const INQUIRY = new Set(
  'check look show see find get list describe dig nslookup getent curl wget grep query read count trace compare time explain inspect verify tail watch print printenv cat logs log top status stats info ping traceroute what why how who which when where is are does did was were any anything grab pull break measure monitor search investigate dump scan examine review diagnose confirm'.split(' '),
);
const COMMS = new Set('post draft write tell notify inform contact email call message let reach announce reply text own'.split(' '));
/** Subcommands that make a change verb a look ("amtool silence query"). */
const LOOKS = new Set(['query', 'list', 'ls', 'show', 'get', 'describe', 'history', 'stats', 'status', 'logs']);
/** Tools and filler skipped when looking for the verb. */
const SKIP = new Set(['kubectl', 'amtool', 'rabbitmqctl', 'rabbitmq-diagnostics', 'redis-cli', 'psql', 'pumactl', 'helm', 'aws', 'sudo', 'the', 'a', 'an', 'now', 'quickly', 'also', 'then', 'just', 'first', 'please', 'kindly']);

export function intentOf(clause: string, change: ReadonlySet<string> = ENGINE_CHANGE): Intent {
  for (const { w, next, n } of verbSlots(clause)) {
    if (n > 4) break;
    const lemma = lemmaOf(w, change);
    if (change.has(w) || change.has(lemma)) return LOOKS.has(next) ? 'inquiry' : 'change';
    if (INQUIRY.has(w) || INQUIRY.has(lemma)) return 'inquiry';
    if (COMMS.has(w) || COMMS.has(lemma)) return 'comms';
  }
  return clause.trim().endsWith('?') ? 'inquiry' : 'unknown';
}

/**
 * A change command: its first word (past tools such as kubectl and their
 * flags) is a change verb as typed, not a look ("rollout history"). As
 * typed, because a check often opens with a noun that shares a verb's stem
 * ("deploys and migrations", "silences"). A leading `do` is the command
 * language's own. Such a command never runs a diagnostic, even after `run`.
 */
export function ledByChange(clause: string, change: ReadonlySet<string> = ENGINE_CHANGE): boolean {
  for (const { w, next } of verbSlots(clause)) return w === 'do' || (change.has(w) && !LOOKS.has(next));
  return false;
}

/** The words a verb may be, in order, with the word after each and how many came before: tools, filler and flags skipped. */
function* verbSlots(clause: string): Generator<{ w: string; next: string; n: number }> {
  const words = clause.toLowerCase().split(/\s+/).filter(Boolean);
  for (let i = 0, n = 0; i < words.length; i++) {
    const w = words[i]!.replace(/[^a-z0-9_/-]/g, '');
    if (words[i]!.startsWith('-')) {
      if (/^-(n|-namespace|p)$/.test(words[i]!)) i++;
      continue;
    }
    if (!w || SKIP.has(w)) continue;
    yield { w, next: (words[i + 1] ?? '').replace(/[^a-z]/g, ''), n: ++n };
  }
}

/** A verb's lemma ("restarting" → "restart"); plain words pass through. */
function lemmaOf(word: string, change: ReadonlySet<string>): string {
  if (!/(ing|ed|es|s)$/.test(word)) return word;
  // the plain suffixes first: the language model loads only for what they miss
  for (const cut of [word.replace(/s$/, ''), word.replace(/es$/, ''), word.replace(/ed$/, ''), word.replace(/ing$/, ''), word.replace(/ed$/, 'e'), word.replace(/ing$/, 'e')])
    if (cut !== word && (change.has(cut) || INQUIRY.has(cut) || COMMS.has(cut))) return cut;
  if (!/(ing|ed)$/.test(word)) return word;
  return tokenize(word)[0]?.lemma ?? word;
}

const LEADING_NEGATION = /^(?:do not|does not|don't|never|not yet|no need to|hold off(?: on)?|avoid|without)\b\s*/;
const NO_MORE = /^(?:no more|no longer|no)\b\s*/;

/**
 * A clause that says what not to do. `reverse` is set for "no more X"
 * (which may mean: undo X); `positive` is the clause without the negation.
 */
export function negationOf(clause: string, deep: boolean): { negated: boolean; reverse: boolean; positive: string } {
  const c = clause.trim();
  const lead = LEADING_NEGATION.exec(c);
  if (lead) return { negated: true, reverse: false, positive: c.slice(lead[0].length) };
  const more = NO_MORE.exec(c);
  if (more) return { negated: true, reverse: true, positive: c.slice(more[0].length) };
  // "we are not raising them": the first verb under a negation (changes only: "why is it not scaling?" is a question)
  if (!deep || !/\b(not|never)\b|n't\b/.test(c)) return { negated: false, reverse: false, positive: c };
  const tokens = tokenize(c);
  const verb = tokens.find((t) => t.pos === 'VERB' || t.pos === 'AUX');
  if (verb && tokens.some((t) => t.lemma === 'not' || t.lemma === "n't") && tokens.find((t) => t.pos === 'VERB')?.negated) {
    return { negated: true, reverse: false, positive: c.replace(/\b(?:not|n't)\b\s*/, '') };
  }
  return { negated: false, reverse: false, positive: c };
}

/** Whether a phrase is itself something to do ("open a ticket…", "restart x"), not a thing ("menu-publisher to 2.7.4"). */
export function isDoing(phrase: string, change: ReadonlySet<string> = ENGINE_CHANGE): boolean {
  const intent = intentOf(phrase, change);
  if (intent === 'change' || intent === 'comms') return true;
  const first = tokenize(phrase.replace(/^(the|a|an)\s+/, '')).find((t) => t.pos !== 'PUNCT');
  return first?.pos === 'VERB';
}
