import { formatClock } from '../duration.js';
import type { Condition } from '../condition.js';
import { showCondition } from './conditions.js';
import type { LintContext } from './context.js';
import { explainNever } from './explain.js';
import { whenDue } from './model.js';

/**
 * Can the incident be solved at all, in every variant: the fault starts,
 * mitigatedWhen and fixedWhen can become true after onset (some sequence of
 * actions gets there), and the incident machine reaches resolved and scored.
 */
export function checkSolvable(ctx: LintContext): void {
  const s = ctx.scenario;
  if (s.phases.length === 0) {
    ctx.add(['phases'], 'the scenario has no phases, so the fault never starts: onset is the first phase, and mitigation and fixes only count after it. Add a phase (id: onset, at: "02:00")', 'phases');
  } else {
    checkPhases(ctx);
  }
  if (s.phases.length > 0 && s.phases[0]!.at <= ctx.model.timeLimitSec) {
    outcome(ctx, s.mitigatedWhen, 'mitigatedWhen', 'mitigated', 'impact never stops and the lifecycle never reaches mitigated');
    outcome(ctx, s.fixedWhen, 'fixedWhen', 'resolved-after-fix', 'the fault is never fixed, so no resolve counts as after the fix');
  }
  checkMachine(ctx);
}

function checkPhases(ctx: LintContext): void {
  const s = ctx.scenario;
  if (ctx.proofs.some((p) => !p.complete)) return;
  const reached = new Set(ctx.proofs.flatMap((p) => [...p.faults]));
  const first = s.phases.findIndex((p) => !reached.has(p.id));
  if (first === -1) return;
  const p = s.phases[first]!;
  const later = s.phases.slice(first + 1).map((x) => x.id);
  const also = later.length ? `; so ${later.join(', ')} never start${later.length === 1 ? 's' : ''} either` : '';
  if (Math.max(p.at, p.after?.offsetSec ?? 0) > ctx.model.timeLimitSec) {
    ctx.add(['phases', first, p.after ? 'after' : 'at'], `phase ${p.id} is due ${whenDue(p)}, after the time limit (${s.timeLimitMin} min): it never happens in play${also}. Move it earlier or raise timeLimitMin`, 'phases');
  } else if (p.after && !ctx.canHold(p.after.when)) {
    ctx.add(['phases', first, 'after'], `phase ${p.id} never starts: it is due after "${showCondition(p.after.when)}", which never holds (${explainNever(ctx, p.after.when)})${also}. Anchor it to something that happens`, 'phases');
  } else if (p.unless) {
    ctx.add(
      ['phases', first, 'unless'],
      `phase ${p.id} never starts: its unless "${showCondition(p.unless)}" holds in every state the incident can be in when ${p.id} is due (${formatClock(p.at)})${also}. Make the unless depend on something the IC does (an action's sets), or remove it`,
      'phases',
    );
  }
}

/** A goal condition (mitigatedWhen / fixedWhen) must be reachable after onset in every variant. */
function outcome(ctx: LintContext, cond: Condition, key: 'mitigatedWhen' | 'fixedWhen', checkKind: string, consequence: string): void {
  const failing = ctx.failing(cond, { afterOnset: true });
  if (failing.length === 0) return;
  const checkpoints = ctx.scenario.rubric.filter((r) => r.check.kind === checkKind).map((r) => r.id);
  const rubric = checkpoints.length ? `; checkpoint ${checkpoints.join(', ')} can never be earned` : '';
  ctx.add(
    [key],
    `${key} "${showCondition(cond)}" can never become true after onset in ${ctx.variantList(failing)}: ${explainNever(ctx, cond, failing, true)}. So ${consequence}${rubric}. Make some action (or combination) raise what it needs`,
    key === 'mitigatedWhen' ? 'mitigation' : 'fix',
  );
}

/** The xstate/graph proof on the incident machine: resolved and scored are reachable, mitigated and resolved-after-fix where the flags allow. */
function checkMachine(ctx: LintContext): void {
  ctx.proofs.forEach((proof, i) => {
    if (!proof.complete) return;
    const id = ctx.scenario.variants[i]!.id;
    for (const state of ['resolved', 'scored']) {
      if (!proof.lifecycle.has(state)) {
        ctx.add([], `in variant ${id} the incident machine can never reach "${state}" with the events the engine sends (START, TICK, MITIGATED, RESOLVE, POSTMORTEM, SUBMIT); the incident cannot be ${state}`, 'lifecycle');
      }
    }
    if (ctx.witness(i, ctx.scenario.mitigatedWhen, { afterOnset: true }) !== undefined && !proof.lifecycle.has('mitigated')) {
      ctx.add(['mitigatedWhen'], `in variant ${id} mitigatedWhen can hold, but the incident machine never reaches "mitigated" (no phase in which it holds is reachable)`, 'lifecycle');
    }
    if (ctx.witness(i, ctx.scenario.fixedWhen, { afterOnset: true }) !== undefined && !proof.resolvesFixed) {
      ctx.add(['fixedWhen'], `in variant ${id} fixedWhen can hold, but the incident machine never resolves in a phase where it holds, so no resolve counts as after the fix`, 'lifecycle');
    }
  });
}
