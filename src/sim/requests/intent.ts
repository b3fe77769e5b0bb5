import { tokenize } from './nlp.js';

/**
 * What kind of request a clause is, from its first verb: a check, a change,
 * comms, or not clear. The engine owns these verbs, so a diagnostic never
 * matches a change command, whatever a scenario's patterns say.
 */
export type Intent = 'inquiry' | 'change' | 'comms' | 'unknown';

const CHANGE = new Set(
  'restart bounce recycle rollout roll rollback revert undo scale add set enable disable turn switch flip block unblock pause resume hold stop fail failover fix restore apply purge delete drain pin unpin raise lower cut reduce increase decrease bump double throttle shed rate-limit limit cap remove renew rotate reload deploy redeploy ship install force force-sync put create build drop truncate vacuum reset replay re-dispatch redispatch refund route reroute point move close kill clear flush silence unsilence expire mute upgrade downgrade patch edit configure lift degrade bypass paginate cache reopen re-enable shorten give approve revoke issue terminate evict recreate sync gate require make start bring wipe empty requeue shovel re-run rerun correct repair re-key rekey open file'.split(' '),
);
const INQUIRY = new Set(
  'check look show see find get list describe dig nslookup getent curl wget grep query read count trace compare time explain inspect verify tail watch print printenv cat logs log top status stats info ping traceroute what why how who which when where is are does did was were any anything grab pull break measure monitor search investigate dump scan examine review diagnose confirm'.split(' '),
);
const COMMS = new Set('post draft write tell notify inform contact email call message let reach announce reply text own'.split(' '));
/** Subcommands that make a change verb a look ("amtool silence query"). */
const LOOKS = new Set(['query', 'list', 'ls', 'show', 'get', 'describe', 'history', 'stats', 'status', 'logs']);
/** Tools and filler skipped when looking for the verb. */
const SKIP = new Set(['kubectl', 'amtool', 'rabbitmqctl', 'rabbitmq-diagnostics', 'redis-cli', 'psql', 'pumactl', 'helm', 'aws', 'sudo', 'the', 'a', 'an', 'now', 'quickly', 'also', 'then', 'just', 'first', 'please', 'kindly']);

export function intentOf(clause: string): Intent {
  const words = clause.toLowerCase().split(/\s+/).filter(Boolean);
  for (let i = 0, seen = 0; i < words.length && seen < 4; i++) {
    const w = words[i]!.replace(/[^a-z0-9_/-]/g, '');
    if (words[i]!.startsWith('-')) {
      if (/^-(n|-namespace|p)$/.test(words[i]!)) i++;
      continue;
    }
    if (!w || SKIP.has(w)) continue;
    seen++;
    const lemma = lemmaOf(w);
    if (CHANGE.has(w) || CHANGE.has(lemma)) return LOOKS.has((words[i + 1] ?? '').replace(/[^a-z]/g, '')) ? 'inquiry' : 'change';
    if (INQUIRY.has(w) || INQUIRY.has(lemma)) return 'inquiry';
    if (COMMS.has(w) || COMMS.has(lemma)) return 'comms';
  }
  return clause.trim().endsWith('?') ? 'inquiry' : 'unknown';
}

/** A verb's lemma ("restarting" → "restart"); plain words pass through. */
function lemmaOf(word: string): string {
  if (!/(ing|ed|es|s)$/.test(word)) return word;
  // the plain suffixes first: the language model loads only for what they miss
  for (const cut of [word.replace(/s$/, ''), word.replace(/es$/, ''), word.replace(/ed$/, ''), word.replace(/ing$/, ''), word.replace(/ed$/, 'e'), word.replace(/ing$/, 'e')])
    if (cut !== word && (CHANGE.has(cut) || INQUIRY.has(cut) || COMMS.has(cut))) return cut;
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
export function isDoing(phrase: string): boolean {
  const intent = intentOf(phrase);
  if (intent === 'change' || intent === 'comms') return true;
  const first = tokenize(phrase.replace(/^(the|a|an)\s+/, '')).find((t) => t.pos !== 'PUNCT');
  return first?.pos === 'VERB';
}
