import { conditionFlags, type Condition } from '../condition.js';
import type { Scenario } from '../schema.js';
import { counterFlags } from '../counters.js';

/** Every place a scenario writes a condition, with its path in the document. */
export interface ConditionSite {
  path: (string | number)[];
  cond: Condition;
}

export function conditionSites(s: Scenario): ConditionSite[] {
  const out: ConditionSite[] = [];
  const add = (cond: Condition | undefined, path: (string | number)[]) => {
    if (cond) out.push({ path, cond });
  };
  s.phases.forEach((p, i) => add(p.unless, ['phases', i, 'unless']));
  s.events.forEach((e, i) => add(e.unless, ['events', i, 'unless']));
  // a phase or event due after a flag reads when it first held
  for (const key of ['phases', 'events'] as const) s[key].forEach((t, i) => add(t.after?.when, [key, i, 'after']));
  s.metrics.forEach((m, i) => m.effects.forEach((e, j) => add(e.when, ['metrics', i, 'effects', j, 'when'])));
  s.logs.forEach((l, i) => add(l.when, ['logs', i, 'when']));
  s.statuses.forEach((st, i) => st.values.forEach((v, j) => add(v.when, ['statuses', i, 'values', j, 'when'])));
  s.alerts.forEach((a, i) => add(a.when, ['alerts', i, 'when']));
  s.messages.forEach((m, i) => add(m.when, ['messages', i, 'when']));
  s.diagnostics.forEach((d, i) => d.outputs.forEach((o, j) => add(o.when, ['diagnostics', i, 'outputs', j, 'when'])));
  s.actions.forEach((a, i) => add(a.requires, ['actions', i, 'requires']));
  s.actions.forEach((a, i) => add(a.harmfulWhen, ['actions', i, 'harmfulWhen']));
  s.evidence.forEach((e, i) => add(e.when, ['evidence', i, 'when']));
  s.people.forEach((p, i) => {
    add(p.lockedOut?.when, ['people', i, 'lockedOut', 'when']);
    p.knows.forEach((k, j) => add(k.when, ['people', i, 'knows', j, 'when']));
  });
  s.stakeholders.forEach((st, i) => st.questions.forEach((q, j) => add(q.when, ['stakeholders', i, 'questions', j, 'when'])));
  s.rubric.forEach((r, i) => {
    const c = r.check;
    if (c.kind === 'reached' || c.kind === 'never') add(c.when, ['rubric', i, 'check', 'when']);
    // did and before read when a flag (done:ID for an action) went up
    const flag = (h: { action?: string | undefined; flag?: string | undefined }, path: (string | number)[]) =>
      add({ kind: 'flag', name: h.action !== undefined ? `done:${h.action}` : h.flag! }, path);
    if (c.kind === 'did') flag(c, ['rubric', i, 'check']);
    if (c.kind === 'before') {
      flag(c.first, ['rubric', i, 'check', 'first']);
      flag(c.then, ['rubric', i, 'check', 'then']);
    }
  });
  add(s.mitigatedWhen, ['mitigatedWhen']);
  add(s.fixedWhen, ['fixedWhen']);
  return out;
}

/** The flags some condition reads: the only ones whose value can matter. */
export function readFlags(s: Scenario): Set<string> {
  const out = new Set<string>();
  for (const site of conditionSites(s)) conditionFlags(site.cond, out);
  // A message timed from a flag reads when that flag went up.
  for (const m of s.messages) if (m.afterFlag !== undefined) out.add(m.afterFlag);
  // A metric effect per a counter reads its value.
  const perCounters = new Set(s.metrics.flatMap((m) => m.effects.flatMap((e) => (e.per === undefined ? [] : [e.per]))));
  for (const [id, flags] of counterFlags(s)) if (perCounters.has(id)) flags.forEach((f) => out.add(f));
  return out;
}

/** Shown in messages: a condition as the author wrote it, near enough. */
export function showCondition(c: Condition): string {
  switch (c.kind) {
    case 'true':
      return 'always';
    case 'flag':
      return c.name;
    case 'not':
      return `!${c.arg.kind === 'flag' || c.arg.kind === 'true' || c.arg.kind === 'not' ? showCondition(c.arg) : `(${showCondition(c.arg)})`}`;
    case 'and':
      return c.args.map((a) => (a.kind === 'or' ? `(${showCondition(a)})` : showCondition(a))).join(' & ');
    case 'or':
      return c.args.map(showCondition).join(' | ');
    case 'compare':
      return `${c.counter} ${c.op} ${c.value}`;
  }
}
