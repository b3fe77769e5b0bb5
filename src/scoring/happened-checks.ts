import { durationWords, formatClock } from '../scenario/clock-text.js';
import type { Check, Scenario } from '../scenario/schema.js';
import type { WorldState } from '../sim/world.js';
import { notApplicable, r } from './check-result.js';
import { changeAt, firstHeld, firstUp, type Moment } from './flag-times.js';
import type { CheckResult } from './types.js';

/**
 * Checks on what happened and when: an action done (within a time of the
 * onset), one thing before another, a condition reached by a time, a
 * condition that never held. Each reads the world's flag log (flag-times.ts)
 * and says what it found in the IC's terms: the action's title, the time
 * after onset, the change that made the world so. A condition's flags are
 * never shown: they can give the variant away.
 */

type Did = Extract<Check, { kind: 'did' }>;
type Before = Extract<Check, { kind: 'before' }>;
type Reached = Extract<Check, { kind: 'reached' }>;
type Never = Extract<Check, { kind: 'never' }>;
type Happening = Before['first'];

const onsetOf = (w: WorldState) => w.onsetSec ?? 0;

/** "4 min after onset", or "before the onset" for something done ahead of it. */
function sinceOnset(w: WorldState, sec: number): string {
  const onset = onsetOf(w);
  if (sec < onset) return 'before the onset';
  return sec === onset ? 'at the onset' : `${durationWords(sec - onset)} after onset`;
}

const titleOf = (scenario: Scenario, id: string) => scenario.actions.find((a) => a.id === id)?.title ?? id;

/** The flag an action leaves up from the moment it is applied. */
const doneFlag = (h: Happening): string => (h.action !== undefined ? `done:${h.action}` : h.flag!);

/**
 * A happening as a noun for a reason: an action by its title; a flag by the
 * action that raised it (the one that did, when it went up), else the first
 * that sets it; a flag only objections raise as a poll's answer.
 */
function label(scenario: Scenario, w: WorldState, h: Happening, at: Moment | null): string {
  const flag = doneFlag(h);
  if (flag.startsWith('done:')) return `"${titleOf(scenario, flag.slice(5))}"`;
  const setters = scenario.actions.filter((a) => a.sets.includes(flag));
  if (at) {
    const landed = [...w.actions].reverse().find((a) => a.sec <= at.sec && setters.some((s) => s.id === a.id && a.sec + s.delaySec === at.sec));
    if (landed) return `"${titleOf(scenario, landed.id)}"`;
  }
  if (setters.length > 0) return `"${setters[0]!.title}"`;
  const objector = scenario.objections.find((o) => o.sets.includes(flag));
  if (objector) return `${scenario.people.find((p) => p.id === objector.from)?.name ?? objector.from}'s answer in a poll`;
  return `"${flag}"`;
}

export function judgeDid(scenario: Scenario, w: WorldState, c: Did): CheckResult {
  const target = c.withinSec === undefined ? '' : `within ${durationWords(c.withinSec)}`;
  let sec: number;
  let subject: string;
  if (c.action !== undefined) {
    const title = titleOf(scenario, c.action);
    const done = w.actions.find((a) => a.id === c.action);
    if (!done) return r(0, `${c.what ? `never ${c.what}` : `never did "${title}"`}${target ? ` (expected ${target} of onset)` : ''}`);
    const who = done.by === 'ic' ? '' : ` by ${scenario.people.find((p) => p.id === done.by)?.name ?? done.by}`;
    sec = done.sec;
    subject = `${c.what ?? `"${title}" done`}${who} ${sinceOnset(w, sec)}`;
  } else {
    const up = firstUp(w, c.flag!);
    if (!up) return r(0, `${c.what ? `never ${c.what}` : 'it never happened'}${target ? ` (expected ${target} of onset)` : ''}`);
    sec = up.sec;
    const cause = c.what ? null : changeAt(scenario, w, sec);
    subject = `${c.what ?? 'it happened'} ${sinceOnset(w, sec)}${cause ? `, ${cause}` : ''}`;
  }
  if (c.withinSec === undefined) return r(1, subject);
  const elapsed = Math.max(0, sec - onsetOf(w));
  return elapsed <= c.withinSec ? r(1, `${subject} (${target})`) : r(0.5, `${subject} (later than the ${durationWords(c.withinSec)} expected)`);
}

export function judgeBefore(scenario: Scenario, w: WorldState, c: Before): CheckResult {
  const a = firstUp(w, doneFlag(c.first));
  const b = firstUp(w, doneFlag(c.then));
  const A = label(scenario, w, c.first, a);
  const B = label(scenario, w, c.then, b);
  if (!b) return w.mitigatedSec !== null ? notApplicable(`the impact was stopped without ${B}, so the order never came up`) : r(0, `never got to ${B}, so ${A} never came before it`);
  if (!a) return r(0, `${B} at ${formatClock(b.sec)} without ${A} before it`);
  if (a.order < b.order) return r(1, `${A} at ${formatClock(a.sec)}, before ${B} at ${formatClock(b.sec)}`);
  return r(0, `${B} at ${formatClock(b.sec)} came before ${A} (at ${formatClock(a.sec)})`);
}

export function judgeReached(scenario: Scenario, w: WorldState, c: Reached): CheckResult {
  const target = `within ${durationWords(c.bySec)}`;
  const sec = firstHeld(w, c.when, onsetOf(w));
  if (sec === null) return r(0, `${c.what ? `never ${c.what}` : 'never reached it'} (expected ${target} of onset)`);
  const cause = changeAt(scenario, w, sec);
  const subject = `${c.what ?? 'reached it'} ${sinceOnset(w, sec)}${cause ? `, ${cause}` : ''}`;
  return sec - onsetOf(w) <= c.bySec ? r(1, `${subject} (${target})`) : r(0.5, `${subject} (later than the ${durationWords(c.bySec)} expected)`);
}

export function judgeNever(scenario: Scenario, w: WorldState, c: Never): CheckResult {
  const sec = firstHeld(w, c.when, 0);
  if (sec !== null) {
    const cause = changeAt(scenario, w, sec);
    return r(0, `${c.what ?? 'it happened'} ${sinceOnset(w, sec)}${cause ? `, ${cause}` : ''}`);
  }
  // Like no-harmful: an IC who changed nothing avoided nothing; the weight goes to the checks that applied.
  if (w.actions.length === 0) return notApplicable('no change was made, so there was nothing to judge');
  return r(1, `${c.what ? `never ${c.what}` : 'it never happened'} (${w.actions.length} change(s) made)`);
}
