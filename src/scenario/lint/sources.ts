import { evalCondition, type Condition } from '../condition.js';
import type { Scenario } from '../schema.js';
import type { LintContext } from './context.js';
import { statusIndex } from '../status.js';
import { counterFlags, valueIn } from '../counters.js';
import type { ReachableState, VariantModel } from './model.js';

/** Where a page, an output or a piece of evidence can come from, per variant. */

type Diagnostic = Scenario['diagnostics'][number];
type Alert = Scenario['alerts'][number];
type Metric = Scenario['metrics'][number];
type Status = Scenario['statuses'][number];

/** The output the engine picks in this state: the first whose when holds, else the last. */
export function chosenOutput(ctx: LintContext, d: Diagnostic, r: ReachableState): number {
  const i = d.outputs.findIndex((o) => ctx.holds(o.when, r));
  return i === -1 ? d.outputs.length - 1 : i;
}

/** The hardest noise scale a difficulty applies (hard). */
const MAX_NOISE_SCALE = 1.6;

/**
 * Values a metric settles at in these flags, and the values it passes on the
 * way (each effect ramps from the value before it), with three standard
 * deviations of noise either side. Null when an effect means no data.
 */
function metricRange(m: Metric, has: (f: string) => boolean, counterValueOf: (id: string) => number | undefined): { lo: number; hi: number } | null {
  let value = m.baseline;
  let noise = m.noise;
  let lo = Infinity;
  let hi = -Infinity;
  const seen = (v: number, n: number) => {
    const spread = Math.abs(v) * n * MAX_NOISE_SCALE * 3;
    lo = Math.min(lo, v - spread);
    hi = Math.max(hi, v + spread);
  };
  for (const e of m.effects) {
    if (!evalCondition(e.when, has)) continue;
    if (e.nodata) return null;
    if (e.rampSec > 0) {
      seen(value, noise);
    }
    const k = e.per === undefined ? 1 : (counterValueOf(e.per) ?? 0);
    value = e.set !== undefined ? e.set * k : e.mul !== undefined ? value * e.mul * k : value + (e.add ?? 0) * k;
    if (e.noise !== undefined) noise = e.noise;
  }
  seen(value, noise);
  lo = Math.max(m.min, lo);
  hi = Math.max(m.min, hi);
  if (m.max !== undefined) {
    lo = Math.min(m.max, lo);
    hi = Math.min(m.max, hi);
  }
  return { lo, hi };
}

/** A state of this variant in which the alert can fire (its when holds and its metric can cross the line). */
export function alertFiresIn(ctx: LintContext, a: Alert, vi: number): ReachableState | undefined {
  const st = ctx.scenario.statuses.find((x) => x.id === a.metric);
  if (st) return statusAlertFiresIn(ctx, st, a, vi);
  const m = ctx.scenario.metrics.find((x) => x.id === a.metric);
  if (!m) return undefined;
  // an effect per a counter reads the counter's value
  const perFlags = m.effects.flatMap((e) => (e.per === undefined ? [] : (counterFlags(ctx.scenario).get(e.per) ?? [])));
  const v = ctx.statesFor(a.when, ...m.effects.map((e) => e.when), ...perFlags)[vi]!;
  if (!v.complete) return v.states[0];
  return v.states.find((r) => {
    if (r.state.phase > -1 && ctx.scenario.phases[r.state.phase]!.at > ctx.model.timeLimitSec) return false;
    if (!ctx.holds(a.when, r)) return false;
    const range = metricRange(m, (f) => r.flags.has(f), (id) => valueIn(id, r.flags));
    if (!range) return false;
    return (a.above !== undefined && range.hi > a.above) || (a.below !== undefined && range.lo < a.below);
  });
}

/** The states of this variant over what a status series' states read. */
export function statusStates(ctx: LintContext, st: Status, vi: number): VariantModel {
  return ctx.statesFor(...st.values.map((v) => v.when))[vi]!;
}

/** A state of this variant in which an alert on a status series fires: its when holds and the series is in one of its states. */
function statusAlertFiresIn(ctx: LintContext, st: Status, a: Alert, vi: number): ReachableState | undefined {
  const v = ctx.statesFor(a.when, ...st.values.map((x) => x.when))[vi]!;
  if (!v.complete) return v.states[0];
  return v.states.find((r) => {
    if (r.state.phase > -1 && ctx.scenario.phases[r.state.phase]!.at > ctx.model.timeLimitSec) return false;
    return ctx.holds(a.when, r) && (a.in ?? []).includes(st.values[statusIndex(st, (f) => r.flags.has(f))]!.name);
  });
}

/** Whether some page can reach the IC in this variant: an alert that fires or a page message that is sent. */
export function pageCanFire(ctx: LintContext, vi: number): boolean {
  const s = ctx.scenario;
  if (s.alerts.some((a) => alertFiresIn(ctx, a, vi))) return true;
  return s.messages.some((m) => m.channel === 'page' && messageSentIn(ctx, m, vi) !== undefined);
}

/**
 * A state of this variant in which the message is sent: at its time its when
 * holds. A message timed from a flag (afterFlag) needs that flag up; its
 * absolute time depends on play, so only the time limit bounds it.
 */
export function messageSentIn(ctx: LintContext, m: Scenario['messages'][number], vi: number): ReachableState | undefined {
  if (m.afterFlag === undefined) return m.at <= ctx.model.timeLimitSec ? ctx.witness(vi, m.when, { at: m.at }) : undefined;
  const after = m.afterFlag;
  const v = ctx.statesFor(m.when, after)[vi]!;
  return v.states.find((r) => r.flags.has(after) && ctx.holds(m.when, r)) ?? (v.complete ? undefined : v.states[0]);
}

/** The reachable states of this variant over what a diagnostic's outputs read. */
export function diagnosticStates(ctx: LintContext, d: Diagnostic, vi: number): VariantModel {
  return ctx.statesFor(...d.outputs.map((o) => o.when))[vi]!;
}

/** Why an evidence entry's log filter cannot be typed, or null: the `logs` command lowercases keys and splits words on spaces. */
export function untypeableFilter(logs: Record<string, string>): { key: string; why: string } | null {
  for (const [k, val] of Object.entries(logs)) {
    if (!/^[\w.-]+$/.test(k)) return { key: k, why: `the key "${k}" cannot be typed in \`logs KEY=VALUE\` (letters, digits, "_", "." and "-" only)` };
    if (k !== k.toLowerCase()) return { key: k, why: `\`logs\` lowercases filter keys, so "${k}" never matches; write "${k.toLowerCase()}"` };
    if (/\s/.test(val) || val === '') return { key: k, why: `the value "${val}" cannot be typed in \`logs ${k}=VALUE\` (one word, no spaces)` };
  }
  return null;
}

export interface EvidenceSource {
  /** Where the grant is written, for messages. */
  where: string;
  /** A state of this variant in which it is granted, if any. */
  grantedIn(vi: number): ReachableState | undefined;
}

/** Every place that grants an evidence id: diagnostic outputs (when chosen) and evidence entries (logs or dash). */
export function evidenceSources(ctx: LintContext, id: string): EvidenceSource[] {
  const s = ctx.scenario;
  const out: EvidenceSource[] = [];
  s.diagnostics.forEach((d, i) =>
    d.outputs.forEach((o, j) => {
      if (!o.evidence.includes(id)) return;
      out.push({
        where: `diagnostics.${i}.outputs.${j} (${d.id})`,
        grantedIn: (vi) => {
          const v = diagnosticStates(ctx, d, vi);
          return v.states.find((r) => chosenOutput(ctx, d, r) === j) ?? (v.complete ? undefined : v.states[0]);
        },
      });
    }),
  );
  s.people.forEach((p, i) =>
    p.knows.forEach((k, j) => {
      if (!k.evidence.includes(id)) return;
      // they answer while they know it and are not locked out, once they can join
      const answers: Condition = p.lockedOut ? { kind: 'and', args: [k.when ?? { kind: 'true' }, { kind: 'not', arg: p.lockedOut.when }] } : (k.when ?? { kind: 'true' });
      out.push({ where: `people.${i}.knows.${j} (${p.id})`, grantedIn: (vi) => (ctx.model.joinable.has(p.id) ? ctx.witness(vi, answers) : undefined) });
    }),
  );
  s.evidence.forEach((e, i) => {
    if (e.id !== id) return;
    const typeable = !e.logs || untypeableFilter(e.logs) === null;
    out.push({ where: `evidence.${i} (${e.logs ? 'logs' : 'dash'})`, grantedIn: (vi) => (typeable ? ctx.witness(vi, e.when) : undefined) });
  });
  return out;
}
