import type { Reading } from './item-reading.js';

/**
 * Action items that would make the next incident worse, read from what the
 * item's own action does (its verb and the words it applies to), so that a
 * harmful word elsewhere does not condemn a good item: "Require … expiry on
 * every Alertmanager silence" limits silences, it does not silence alerts.
 */
export interface Harm {
  id: string;
  note: string;
  better: string;
}

interface Rule extends Harm {
  verbs?: readonly string[];
  /** Every pattern must match the action's words. */
  all: readonly RegExp[];
  unless?: RegExp;
}

const RULES: readonly Rule[] = [
  {
    id: 'dependency-in-health-check',
    verbs: ['add', 'include', 'make', 'extend', 'call', 'check', 'wire', 'put', 'have'],
    all: [/\b(liveness|readiness|healthz|health[- ]?checks?|health endpoint|health probe)\b/i, /\b(fraud|dependenc|downstream|upstream|dns|database|db|postgres|redis|kafka|broker)/i],
    unless: /\b(remove|exclude|never|not|without|only the process|process[- ]only|keep out|take out|alert|alarm|pages?|paging|blackbox|synthetic|ci|lint|reject|forbid|prevent|fail the build)\b/i,
    note: 'harmful: a dependency in the liveness/readiness check restarts or pulls every pod when that dependency fails, turning a partial outage into a full one',
    better: 'keep health checks to the process itself; watch the dependency with a probe or an alert instead',
  },
  {
    id: 'disable-safety',
    verbs: ['disable', 'turn off', 'switch off', 'bypass', 'skip', 'silence', 'mute', 'suppress', 'remove', 'drop'],
    all: [/\b(fraud (check|scoring)s?|alerts?|alerting|alarms?|paging|validation|tests?|ci checks?|safety)\b/i],
    unless: /\b(flag|cap|limit|risk|approved|fallback|temporar|noisy|flapping|duplicate|maintenance|expir|owner)/i,
    note: 'harmful: switching a safety control off for good hides the next failure or lets the damage through',
    better: 'make the control fail safely (a bounded, approved degraded mode) or tune it, rather than removing it',
  },
  {
    id: 'restart-healthy',
    verbs: ['restart', 'reboot', 'bounce', 'recycle'],
    all: [/\b(database|db|postgres|payment-db|primary)\b/i],
    unless: /\b(test|drill|game ?day)\b/i,
    note: 'harmful: restarting a healthy component treats a symptom and causes an outage of its own',
    better: 'fix or guard the thing that actually failed',
  },
  {
    id: 'retry-storm',
    all: [/\b(unlimited|infinite|more|aggressive|endless)\s+(\w+\s+)?retr(y|ies)\b/i],
    unless: /\b(backoff|budget|jitter|cap|limit)/i,
    note: 'harmful: more retries against a failing dependency multiply its load (a retry storm)',
    better: 'retry with a budget, backoff and jitter, and fail fast behind a circuit breaker',
  },
  {
    id: 'longer-timeout',
    verbs: ['increase', 'raise', 'double', 'lengthen', 'extend', 'remove', 'disable', 'bump'],
    all: [/\btime-?outs?\b|\btime outs?\b/i],
    unless: /\b(alert|page)\b/i,
    note: 'harmful: longer (or no) timeouts tie up workers while a dependency hangs and spread the outage',
    better: 'bound the call with a short total timeout and fail fast',
  },
];

/** The first thing the action is done to: "the fraud check" in "Disable the fraud check for …". */
function firstPhrase(r: Reading): string {
  const end = r.object.findIndex((t, i) => i > 0 && (t.pos === 'ADP' || t.pos === 'CCONJ' || t.pos === 'SCONJ' || t.pos === 'PUNCT') && r.object.slice(0, i).some((u) => u.pos === 'NOUN' || u.pos === 'PROPN'));
  return (end < 0 ? r.object : r.object.slice(0, end)).map((t) => t.text).join(' ');
}

export function harmOf(r: Reading): Harm | null {
  const words = [r.verb ?? '', ...r.object.map((t) => t.text)].join(' ');
  const first = firstPhrase(r);
  for (const rule of RULES) {
    if (rule.verbs && (r.verb === null || !rule.verbs.includes(r.verb))) continue;
    if (!rule.all.every((re) => re.test(rule.id === 'disable-safety' ? first : words))) continue;
    if (rule.unless?.test(words)) continue;
    return { id: rule.id, note: rule.note, better: rule.better };
  }
  return null;
}
