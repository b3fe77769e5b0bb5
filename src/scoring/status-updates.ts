import type { Scenario } from '../scenario/schema.js';
import { coversAll } from '../scenario/covers.js';
import type { WorldState } from '../sim/world.js';

/**
 * Which status updates count, and what they claimed. An update counts once
 * per distinct content (the same words with other numbers or times are a
 * repeat), and only when it says something about the incident (the impact
 * the scenario's status check looks for, else a sentence of five words or
 * more). A claim that users have recovered, or that the incident is resolved,
 * is checked against the world at the moment it was posted.
 */

type Update = WorldState['statusUpdates'][number];

export interface FalseClaim {
  sec: number;
  text: string;
  /** Why the world says otherwise. */
  why: string;
}

export interface CountedUpdates {
  counted: Update[];
  /** Updates that repeated an earlier one's content. */
  repeats: number;
  /** Updates that said nothing about the incident. */
  empty: number;
  falseClaims: FalseClaim[];
}

/** The words of an update without case, numbers, times or punctuation: "Next update 21:15" and "next update 21:30" are one content. */
export function normalisedUpdate(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\d:.,$%~#@/+-]+/g, ' ')
    .replace(/[^\p{L}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const RESOLVED = /\b(resolved|all clear|fully fixed|is fixed|been fixed|root cause (?:is )?fixed|incident (?:is )?over)\b/i;
const RECOVERED = /\b(recovered|back to normal|working (?:again|normally)|are (?:going through|succeeding) again|back up|(?:is|are) (?:ok|okay|fine|healthy) (?:now|again)|(?:ok|okay|fine) now|restored|no longer (?:failing|down|affected))\b/i;
/** A sentence that speaks of recovery as a condition or a future is not a claim of it. */
const HEDGED = /\b(not|n't|until|once|when|if|will|expect(?:ed)?|eta|hope|before|after (?:the|we)|being)\b/i;

function claimIn(text: string): 'resolved' | 'recovered' | null {
  let claim: 'resolved' | 'recovered' | null = null;
  for (const sentence of text.split(/(?<=[.!?;:])\s+|\s+[—–-]\s+/)) {
    if (HEDGED.test(sentence)) continue;
    if (RESOLVED.test(sentence)) return 'resolved';
    if (RECOVERED.test(sentence)) claim = 'recovered';
  }
  return claim;
}

/** The impact words a status update must carry to be about this incident (the status check's first group), if the rubric has one. */
function impactWords(scenario: Scenario): readonly string[] | null {
  for (const cp of scenario.rubric) if (cp.check.kind === 'status-content') return cp.check.mentions[0] ?? null;
  return null;
}

export function countedUpdates(scenario: Scenario, w: WorldState): CountedUpdates {
  const seen = new Set<string>();
  const impact = impactWords(scenario);
  const counted: Update[] = [];
  const falseClaims: FalseClaim[] = [];
  let repeats = 0;
  let empty = 0;
  for (const u of w.statusUpdates) {
    const key = normalisedUpdate(u.text);
    if (seen.has(key)) {
      repeats++;
      continue;
    }
    seen.add(key);
    const about = impact ? coversAll(u.text, [impact]) : key.split(' ').length >= 5;
    if (!about) {
      empty++;
      continue;
    }
    const claim = claimIn(u.text);
    if (claim === 'resolved' && (w.fixedSec === null || w.fixedSec > u.sec)) falseClaims.push({ sec: u.sec, text: u.text, why: 'the underlying fault was still there' });
    else if (claim !== null && (w.mitigatedSec === null || w.mitigatedSec > u.sec)) falseClaims.push({ sec: u.sec, text: u.text, why: 'users were still affected' });
    counted.push(u);
  }
  return { counted, repeats, empty, falseClaims };
}

/**
 * When the executive would have stepped in had only the counted updates been
 * posted: updates that said nothing, or repeated one, kept the executive away
 * in the simulation but must not keep the silence from counting. Null when
 * the executive came anyway, or the counted updates left no such silence.
 */
export function silenceTheExecutiveWouldHaveBroken(scenario: Scenario, w: WorldState): { fromSec: number; toSec: number } | null {
  const exec = scenario.executive;
  if (!exec || w.executiveSec !== null || w.onsetSec === null || w.statusUpdates.length === 0) return null;
  const end = w.resolvedSec ?? (w.outcome === 'timed-out' ? w.timeLimitSec : w.sec);
  const times = [w.onsetSec, ...countedUpdates(scenario, w).counted.map((u) => u.sec).filter((s) => s > w.onsetSec! && s <= end), end];
  for (let i = 1; i < times.length; i++) if (times[i]! - times[i - 1]! >= exec.silenceSec) return { fromSec: times[i - 1]!, toSec: times[i - 1]! + exec.silenceSec };
  return null;
}
