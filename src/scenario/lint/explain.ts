import { evalCondition, type Condition, type CounterTest } from '../condition.js';
import { counterFlags } from '../counters.js';
import { commandFlagNames, commandFlags } from '../command-flags.js';
import { showCondition } from './conditions.js';
import type { LintContext } from './context.js';

/** Flags a condition needs up (not under an odd number of "!"), and flags it needs down; counter tests it needs to pass. */
function polarFlags(c: Condition, positive = true, out = { up: new Set<string>(), down: new Set<string>(), tests: [] as CounterTest[] }) {
  switch (c.kind) {
    case 'flag':
      (positive ? out.up : out.down).add(c.name);
      break;
    case 'compare':
      if (positive) out.tests.push(c);
      break;
    case 'not':
      polarFlags(c.arg, !positive, out);
      break;
    case 'and':
    case 'or':
      c.args.forEach((a) => polarFlags(a, positive, out));
      break;
  }
  return out;
}

/** Why nothing ever raises a flag in these variants, and what would. */
export function whyNeverUp(ctx: LintContext, flag: string, vis: readonly number[]): string {
  const s = ctx.scenario;
  if (flag.startsWith('variant:')) return `"${flag}" is up only in variant ${flag.slice(8)}`;
  if (s.phases.some((p) => p.id === flag)) return `phase ${flag} never starts there`;
  if (s.events.some((e) => e.id === flag)) return `event ${flag} never fires there`;
  const reasons: string[] = [];
  s.actions.forEach((a) => {
    if (!a.sets.includes(flag)) return;
    const applicable = vis.some((vi) => ctx.witness(vi, a.requires) !== undefined);
    reasons.push(applicable ? `action ${a.id} sets it` : `action ${a.id} sets it but its requires "${a.requires ? showCondition(a.requires) : 'always'}" never holds`);
  });
  s.objections.forEach((o) => {
    if (!o.sets.includes(flag)) return;
    reasons.push(ctx.model.joinable.has(o.from) ? `${o.from}'s objection sets it` : `only ${o.from}'s objection sets it, and ${o.from} can never join (joinSec null, or not the first of a team who can)`);
  });
  s.people.forEach((p) => {
    if (!p.knows.some((k) => k.sets.includes(flag))) return;
    reasons.push(ctx.model.joinable.has(p.id) ? `${p.id}'s answer sets it (while they know it and are not locked out)` : `only ${p.id}'s answer sets it, and ${p.id} can never join`);
  });
  s.variants.forEach((v) => {
    if (v.flags.includes(flag)) reasons.push(`variant ${v.id} starts with it`);
  });
  if (commandFlagNames(s).has(flag) && !commandFlags(s, ctx.model.joinable).some((c) => c.flag === flag))
    reasons.push(flag.startsWith('joined:') ? `${flag.slice(7)} can never join (joinSec null, or not a member of a team that brings them in)` : 'no poll can hear an objection: no one who can join objects');
  if (reasons.length === 0) return `nothing raises "${flag}": no action's or objection's sets, phase or variant flags name it — add it to the sets of the action that should cause it`;
  return `"${flag}" never comes up (${reasons.join('; ')})`;
}

/**
 * Why a condition never holds in these variants (after onset, if asked): a
 * flag it needs that never comes up, a flag it needs down that never goes
 * down, or flags that are each reachable but never together.
 */
export function explainNever(ctx: LintContext, c: Condition, vis: readonly number[] = ctx.variantIndexes, afterOnset = false): string {
  const { up, down, tests } = polarFlags(c);
  const models = ctx.statesFor(c);
  const states = vis.flatMap((vi) => models[vi]!.states.filter((r) => !afterOnset || r.state.phase >= 0));
  if (c.kind === 'not' && c.arg.kind === 'true') return 'it is "!always", which never holds';
  for (const t of tests) {
    if (states.some((r) => evalCondition(t, (f) => r.flags.has(f)))) continue;
    const values = (counterFlags(ctx.scenario).get(t.counter) ?? []).map((f) => f.slice(t.counter.length + 1));
    const reached = states.flatMap((r) => [...r.flags].filter((f) => f.startsWith(`${t.counter}=`)).map((f) => f.slice(t.counter.length + 1)));
    const seen = [...new Set(reached)].sort((a, b) => Number(a) - Number(b));
    if ((t.flags ?? []).length === 0) return `counter ${t.counter} is never ${t.op} ${t.value}: from its start its changes only reach ${values.join(', ')} — change the test, or an action's counters`;
    return `counter ${t.counter} is never ${t.op} ${t.value} there: it only gets to ${seen.join(', ') || 'no value'}`;
  }
  for (const f of up) {
    if (!states.some((r) => r.flags.has(f))) return whyNeverUp(ctx, f, vis);
  }
  for (const f of down) {
    if (states.length > 0 && states.every((r) => r.flags.has(f))) return `"${f}" is up in every state${afterOnset ? ' after onset' : ''} and nothing lowers it (an action's clears or a forSec)`;
  }
  if (states.length === 0) return afterOnset ? 'the fault never starts (no phase is reachable)' : 'no state is reachable';
  return `its flags ${[...up].map((f) => `"${f}"`).join(', ')} are never up together${down.size ? ` with ${[...down].map((f) => `"${f}"`).join(', ')} down` : ''}`;
}
