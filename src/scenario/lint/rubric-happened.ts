import { commandFlagNames } from '../command-flags.js';
import type { Condition } from '../condition.js';
import { formatClock } from '../duration.js';
import type { Checkpoint } from '../schema.js';
import { showCondition } from './conditions.js';
import type { LintContext } from './context.js';
import { explainNever } from './explain.js';

/**
 * Rubric checks on what happened (did, before, reached, never) and
 * state-dependent harm (an action's harmfulWhen), as lint proves them from
 * the reachable flag states: what they name can happen in every variant,
 * the IC can bring it about, and a condition can hold (or, for never, can
 * be kept from holding).
 */

type Path = (string | number)[];
type HappeningRef = { action?: string | undefined; flag?: string | undefined };

const flagOf = (h: HappeningRef): Condition => ({ kind: 'flag', name: h.action !== undefined ? `done:${h.action}` : h.flag! });
const nameOf = (h: HappeningRef) => (h.action !== undefined ? `action ${h.action}` : `flag ${h.flag}`);

/** A flag did/before name must be one the IC can bring about: an action's, an objection's or a command act's, not a phase or a variant's. */
function raisedByTheIc(ctx: LintContext, h: HappeningRef): boolean {
  if (h.action !== undefined) return true;
  const f = h.flag!;
  const s = ctx.scenario;
  return f.startsWith('done:') || s.actions.some((a) => a.sets.includes(f)) || s.objections.some((o) => o.sets.includes(f)) || s.people.some((p) => p.knows.some((k) => k.sets.includes(f))) || commandFlagNames(s).has(f);
}

export function checkHappenedCheck(ctx: LintContext, cp: Checkpoint, at: Path): void {
  const c = cp.check;
  switch (c.kind) {
    case 'did': {
      const where = c.action !== undefined ? [...at, 'action'] : [...at, 'flag'];
      if (!raisedByTheIc(ctx, c)) {
        ctx.add(where, `checkpoint ${cp.id} (did) names flag ${c.flag}, which no action or objection raises: it comes with a phase or a variant, not from anything the IC does. Name the action (or its flag), or use reached for a state of the world`, 'rubric');
        return;
      }
      const failing = ctx.failing(flagOf(c));
      if (failing.length > 0) ctx.add(where, `checkpoint ${cp.id} (did) can never be earned in ${ctx.variantList(failing)}: ${explainNever(ctx, flagOf(c), failing)}`, 'rubric');
      return;
    }
    case 'before': {
      for (const [key, h] of [['first', c.first], ['then', c.then]] as const) {
        if (!raisedByTheIc(ctx, h)) ctx.add([...at, key, 'flag'], `checkpoint ${cp.id} (before) names flag ${h.flag}, which no action or objection raises: the IC cannot make it happen, so the order is not theirs to keep`, 'rubric');
      }
      // Where the second can happen but the first cannot, the IC can only lose the check.
      const stuck = ctx.variantIndexes.filter((vi) => ctx.witness(vi, flagOf(c.then)) !== undefined && ctx.witness(vi, flagOf(c.first)) === undefined);
      if (stuck.length > 0)
        ctx.add([...at, 'first'], `checkpoint ${cp.id} (before) can never be earned in ${ctx.variantList(stuck)}: ${nameOf(c.then)} can happen there but ${nameOf(c.first)} never can (${explainNever(ctx, flagOf(c.first), stuck)})`, 'rubric');
      return;
    }
    case 'reached': {
      const never = ctx.failing(c.when, { afterOnset: true });
      if (never.length > 0) {
        ctx.add([...at, 'when'], `checkpoint ${cp.id} (reached) can never be earned in ${ctx.variantList(never)}: "${showCondition(c.when)}" never holds after onset (${explainNever(ctx, c.when, never, true)})`, 'rubric');
        return;
      }
      // By the deadline: a state where it holds in a phase that has begun by then.
      const phases = ctx.scenario.phases;
      const deadline = (phases[0]?.at ?? 0) + c.bySec;
      const late = ctx.variantIndexes.filter(
        (vi) => !ctx.statesFor(c.when)[vi]!.states.some((r) => r.state.phase >= 0 && phases[r.state.phase]!.at <= deadline && ctx.holds(c.when, r)),
      );
      if (late.length > 0)
        ctx.add([...at, 'bySec'], `checkpoint ${cp.id} (reached) can never earn full points in ${ctx.variantList(late)}: "${showCondition(c.when)}" holds only in phases that begin after ${formatClock(deadline)} (onset + bySec). Raise bySec, or let an action bring it about sooner`, 'rubric');
      return;
    }
    case 'never': {
      const start = ctx.variantIndexes.filter((vi) => ctx.statesFor(c.when)[vi]!.states.some((r) => r.path.length === 0 && ctx.holds(c.when, r)));
      if (start.length > 0) {
        ctx.add([...at, 'when'], `checkpoint ${cp.id} (never) can never be earned in ${ctx.variantList(start)}: "${showCondition(c.when)}" holds from the start`, 'rubric');
        return;
      }
      if (ctx.failing(c.when).length === ctx.scenario.variants.length)
        ctx.add([...at, 'when'], `checkpoint ${cp.id} (never) can never be lost: "${showCondition(c.when)}" holds in no reachable state of any variant (${explainNever(ctx, c.when)}), so it rewards nothing the IC does`, 'rubric', 'warning');
      return;
    }
    default:
      return;
  }
}

/** An action whose harmfulWhen never holds when it can be taken is never harmful: a typo, or a leftover. */
export function checkHarmfulWhen(ctx: LintContext): void {
  ctx.scenario.actions.forEach((a, i) => {
    if (!a.harmfulWhen) return;
    const when: Condition = a.requires ? { kind: 'and', args: [a.requires, a.harmfulWhen] } : a.harmfulWhen;
    if (ctx.canHold(when)) return;
    ctx.add(
      ['actions', i, 'harmfulWhen'],
      `action ${a.id} is never harmful: its harmfulWhen "${showCondition(a.harmfulWhen)}" never holds when the action can be taken (${explainNever(ctx, when)}). Fix the condition, or drop it`,
      'rubric',
      'warning',
    );
  });
}
