import { formatClock } from '../duration.js';
import type { Condition } from '../condition.js';
import { showCondition } from './conditions.js';
import type { LintContext } from './context.js';
import { explainNever, whyNeverUp } from './explain.js';
import { alertFiresIn, chosenOutput, diagnosticStates, messageSentIn, statusStates, untypeableFilter } from './sources.js';
import { statusIndex } from '../status.js';

/**
 * Nothing the author wrote is dead: every diagnostic output is the one chosen
 * in some reachable state, every message and stakeholder question can be
 * sent at its time, every evidence entry can be seen. Parts that only add
 * colour (an action that is always refused, a log line, a metric effect, an
 * alert that never fires) are warnings.
 */
export function checkSignals(ctx: LintContext): void {
  outputs(ctx);
  messages(ctx);
  questions(ctx);
  evidence(ctx);
  actions(ctx);
  colour(ctx);
}

function outputs(ctx: LintContext): void {
  ctx.scenario.diagnostics.forEach((d, i) => {
    const models = ctx.variantIndexes.map((vi) => diagnosticStates(ctx, d, vi));
    if (models.some((m) => !m.complete)) return;
    const chosen = new Set<number>();
    let fallbackAgainstWhen = false;
    const last = d.outputs.length - 1;
    for (const v of models)
      for (const r of v.states) {
        const k = chosenOutput(ctx, d, r);
        chosen.add(k);
        if (k === last && !ctx.holds(d.outputs[last]!.when, r)) fallbackAgainstWhen = true;
      }
    if (fallbackAgainstWhen && d.outputs[last]!.when && chosen.has(last)) {
      ctx.add(
        ['diagnostics', i, 'outputs', last, 'when'],
        `the last output of diagnostic ${d.id} is also its fallback: it is shown whenever no output's when holds, even where its own when "${showCondition(d.outputs[last]!.when!)}" does not. Drop that when, or add a last output without one`,
        'unreachable',
        'warning',
      );
    }
    d.outputs.forEach((o, j) => {
      if (chosen.has(j)) return;
      const path = o.when ? ['diagnostics', i, 'outputs', j, 'when'] : ['diagnostics', i, 'outputs', j];
      if (o.when && !ctx.canHold(o.when)) {
        ctx.add(path, `output ${j} of diagnostic ${d.id} is never shown: its when "${showCondition(o.when)}" never holds (${explainNever(ctx, o.when)}). Fix the condition or drop the output`, 'unreachable');
        return;
      }
      const earlier = d.outputs.findIndex((_, k) => k < j && models.some((v) => v.states.some((r) => ctx.holds(o.when, r) && chosenOutput(ctx, d, r) === k)));
      const e = d.outputs[earlier];
      ctx.add(
        path,
        `output ${j} of diagnostic ${d.id} is never shown: whenever its when holds, an earlier output${e ? ` (${earlier}${e.when ? `, when "${showCondition(e.when)}"` : ', no when'})` : ''} is chosen first (the first output whose when holds wins). Move it above, or narrow the earlier when`,
        'unreachable',
      );
    });
  });
}

function messages(ctx: LintContext): void {
  ctx.scenario.messages.forEach((m, i) => {
    if (m.afterFlag !== undefined) {
      if (ctx.variantIndexes.some((vi) => messageSentIn(ctx, m, vi))) return;
      const after = m.afterFlag;
      const flagUp = ctx.variantIndexes.some((vi) => ctx.witness(vi, { kind: 'flag', name: after }) !== undefined);
      if (!flagUp) ctx.add(['messages', i, 'afterFlag'], `message ${m.id} is never sent: it is timed from "${after}", and ${whyNeverUp(ctx, after, ctx.variantIndexes)}`, 'unreachable');
      else ctx.add(['messages', i, 'when'], `message ${m.id} is never sent: whenever "${after}" is up, its when "${showCondition(m.when!)}" does not hold. Change its condition`, 'unreachable');
      return;
    }
    if (m.at > ctx.model.timeLimitSec) {
      ctx.add(['messages', i, 'at'], `message ${m.id} is due at ${formatClock(m.at)}, after the time limit (${ctx.scenario.timeLimitMin} min): the IC never sees it during the incident. Move it earlier`, 'unreachable', 'warning');
      return;
    }
    if (!m.when || ctx.canHold(m.when, { at: m.at })) return;
    ctx.add(['messages', i, 'when'], `message ${m.id} is never sent: at ${formatClock(m.at)} its when "${showCondition(m.when)}" cannot hold (${explainAt(ctx, m.when, m.at)}). Change its time or its condition`, 'unreachable');
  });
}

function questions(ctx: LintContext): void {
  ctx.scenario.stakeholders.forEach((st, i) =>
    st.questions.forEach((q, j) => {
      const path = ['stakeholders', i, 'questions', j];
      if (q.at > ctx.model.timeLimitSec) {
        ctx.add([...path, 'at'], `${st.id}'s question ${q.id} is never asked: it is due at ${formatClock(q.at)}, after the time limit (${ctx.scenario.timeLimitMin} min), and questions come only while the incident is open. Move it earlier`, 'unreachable');
        return;
      }
      if (!q.when || ctx.canHold(q.when, { at: q.at })) return;
      ctx.add([...path, 'when'], `${st.id}'s question ${q.id} is never asked: at ${formatClock(q.at)} its when "${showCondition(q.when)}" cannot hold (${explainAt(ctx, q.when, q.at)}). Change its time or its condition`, 'unreachable');
    }),
  );
}

function explainAt(ctx: LintContext, c: Condition, at: number): string {
  if (ctx.canHold(c)) {
    const due = ctx.scenario.phases.filter((p) => p.at > at).map((p) => `${p.id} starts at ${formatClock(p.at)}`);
    return `it can hold only later${due.length ? `: ${due.join(', ')}` : ''}`;
  }
  return explainNever(ctx, c);
}

function evidence(ctx: LintContext): void {
  ctx.scenario.evidence.forEach((e, i) => {
    const bad = e.logs ? untypeableFilter(e.logs) : null;
    if (bad) {
      ctx.add(['evidence', i, 'logs', bad.key], `evidence ${e.id} can never be seen: ${bad.why}`, 'unreachable');
      return;
    }
    if (!e.when || ctx.canHold(e.when)) return;
    ctx.add(['evidence', i, 'when'], `evidence ${e.id} can never be seen: its when "${showCondition(e.when)}" never holds (${explainNever(ctx, e.when)}). Fix the condition`, 'unreachable');
  });
}

function actions(ctx: LintContext): void {
  ctx.scenario.actions.forEach((a, i) => {
    if (!a.requires || ctx.canHold(a.requires)) return;
    ctx.add(['actions', i, 'requires'], `action ${a.id} is always refused: its requires "${showCondition(a.requires)}" never holds (${explainNever(ctx, a.requires)}), so its sets never happen. Fix the condition or drop the action`, 'unreachable', 'warning');
  });
}

/** Log lines, metric effects and alerts that can never appear: warnings. */
function colour(ctx: LintContext): void {
  const s = ctx.scenario;
  s.logs.forEach((l, i) => {
    if (!ctx.canHold(l.when)) ctx.add(['logs', i, 'when'], `log ${l.id} never appears: its when "${showCondition(l.when)}" never holds (${explainNever(ctx, l.when)})`, 'unreachable', 'warning');
  });
  s.metrics.forEach((m, i) =>
    m.effects.forEach((e, j) => {
      if (!ctx.canHold(e.when)) ctx.add(['metrics', i, 'effects', j, 'when'], `effect ${j} of metric ${m.id} never applies: its when "${showCondition(e.when)}" never holds (${explainNever(ctx, e.when)})`, 'unreachable', 'warning');
    }),
  );
  s.statuses.forEach((st, i) =>
    st.values.forEach((v, j) => {
      const shown = ctx.variantIndexes.some((vi) => {
        const m = statusStates(ctx, st, vi);
        return !m.complete || m.states.some((r) => statusIndex(st, (f) => r.flags.has(f)) === j);
      });
      if (!shown) ctx.add(['statuses', i, 'values', j], `state ${v.name} of status ${st.id} is never shown: ${v.when && !ctx.canHold(v.when) ? `its when "${showCondition(v.when)}" never holds (${explainNever(ctx, v.when)})` : 'an earlier state holds whenever its when does'}`, 'unreachable', 'warning');
    }),
  );
  s.alerts.forEach((a, i) => {
    if (ctx.variantIndexes.some((vi) => alertFiresIn(ctx, a, vi))) return;
    if (a.in) return ctx.add(['alerts', i], `alert ${a.id} never fires: status ${a.metric} is never ${a.in.join(' or ')}${a.when ? ` while "${showCondition(a.when)}" holds` : ''}. Change its states' when, or the alert's in`, 'unreachable', 'warning');
    const line = [a.above !== undefined ? `above ${a.above}` : '', a.below !== undefined ? `below ${a.below}` : ''].filter(Boolean).join(' or ');
    ctx.add(['alerts', i], `alert ${a.id} never fires: metric ${a.metric} never goes ${line}${a.when ? ` while "${showCondition(a.when)}" holds` : ''} (baseline, effects and noise considered). Change the threshold or give the metric an effect`, 'unreachable', 'warning');
  });
}
