import { formatClock } from '../scenario/clock-text.js';
import { impactFigure } from '../scenario/number-text.js';
import type { Check, Scenario } from '../scenario/schema.js';
import { referenceKeyOf, referenceWorld } from '../sim/reference-world.js';
import type { WorldState } from '../sim/world.js';
import { harmfulActions } from '../sim/harmful.js';

/**
 * How well the user impact was stopped: the harm this session caused (the
 * scenario's impact counters: failed payments, lost orders) against the
 * harm the scenario's reference play caused in the same engine with the same
 * seed, variant and difficulty. A smooth curve, no cliff: full marks at or
 * below the reference's harm, then the reference's share of yours (twice its
 * harm earns half). Harmful changes and risky changes nobody agreed to cost
 * here whatever the outcome.
 */

type MitigatedCheck = Extract<Check, { kind: 'mitigated' }>;

export interface MitigationJudgement {
  fraction: number;
  reason: string;
}

/** The impact counters the harm is measured by: the check's, else the scenario's first. */
export function harmCounters(scenario: Scenario, check: MitigatedCheck): Scenario['impact'] {
  const ids = check.harm ?? scenario.impact.slice(0, 1).map((i) => i.id);
  return scenario.impact.filter((i) => ids.includes(i.id));
}

/** The session's harm on those counters, summed. */
export const harmOf = (w: WorldState, counters: Scenario['impact']) => counters.reduce((a, i) => a + (w.impact[i.id] ?? 0), 0);

/** When a change was decided: the request that led to it (ask/go), else the moment it was made. */
export function decidedSec(w: WorldState, a: WorldState['actions'][number]): number {
  const task = w.tasks.filter((t) => t.who === a.by && t.targetId === a.id && t.assignedSec <= a.sec).at(-1);
  return task?.assignedSec ?? a.sec;
}

export function judgeMitigation(scenario: Scenario, check: MitigatedCheck, w: WorldState): MitigationJudgement {
  if (w.mitigatedSec === null) return { fraction: 0, reason: 'never stopped the user impact' };
  const elapsed = w.mitigatedSec - (w.onsetSec ?? 0);
  const counters = harmCounters(scenario, check);
  const ref = counters.length > 0 ? referenceWorld(scenario, referenceKeyOf(w)) : null;
  let f: number;
  const notes: string[] = [];
  if (ref && ref.mitigatedSec !== null) {
    const yours = harmOf(w, counters);
    const theirs = harmOf(ref, counters);
    // One unit keeps a reference that caused no harm from dividing by zero; it is nothing beside real counts.
    f = Math.min(1, (theirs + 1) / (yours + 1));
    const label = counters.map((c) => c.label).join(' and ');
    const unit = counters.every((c) => c.unit === counters[0]!.unit) ? counters[0]!.unit : '';
    notes.push(`stopped the user impact after ${formatClock(elapsed)}: harm ${impactFigure(yours, label, unit)} vs ${impactFigure(theirs, '', unit).trim()} in the reference play${f < 1 ? ` (×${f.toFixed(2)})` : ''}`);
  } else {
    // No reference play to measure against: the scenario's times, on the same kind of curve (half at the acceptable time).
    f = elapsed <= check.excellentSec ? 1 : 1 / (1 + (elapsed - check.excellentSec) / Math.max(1, check.acceptableSec - check.excellentSec));
    notes.push(`stopped the user impact after ${formatClock(elapsed)}${elapsed <= check.excellentSec ? ` (target ≤ ${formatClock(check.excellentSec)})` : `: a strong IC does it within ${formatClock(check.excellentSec)}`}`);
  }
  const harmful = harmfulActions(w);
  if (harmful.length) {
    f *= 0.5 ** harmful.length;
    notes.push(`${harmful.length} harmful change(s) made (×${0.5 ** harmful.length})`);
  }
  // A risky change is approved when a poll came before it was decided (asked for), not merely before it landed.
  const risky = scenario.rubric.flatMap((c) => (c.check.kind === 'polled' ? c.check.before : []));
  const unapproved = w.actions.filter((a) => risky.includes(a.id) && !w.polls.some((p) => p.sec <= decidedSec(w, a)));
  if (unapproved.length) {
    f *= 0.4;
    notes.push(`"${scenario.actions.find((x) => x.id === unapproved[0]!.id)?.title ?? unapproved[0]!.id}" made without polling for objections: a risky change nobody agreed is not the approved mitigation (×0.4)`);
  }
  return { fraction: f, reason: notes.join('; ') };
}
