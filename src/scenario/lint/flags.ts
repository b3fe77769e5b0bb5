import type { LintContext } from './context.js';
import { conditionSites, readFlags } from './conditions.js';
import { changesOf, testedCounters } from '../counters.js';

/** A flag that actions or objections raise but no condition reads changes nothing: a typo, or a leftover. */
export function checkUnreadFlags(ctx: LintContext): void {
  const s = ctx.scenario;
  const read = readFlags(s);
  const unread = (f: string) => !read.has(f);
  s.actions.forEach((a, i) =>
    a.sets.forEach((f, j) => {
      if (unread(f)) ctx.add(['actions', i, 'sets', j], `action ${a.id} sets "${f}", which no condition reads, so it changes nothing. Use it in a metric effect, log, output, message or goal condition — or drop it`, 'unread-flag', 'warning');
    }),
  );
  s.people.forEach((p, i) =>
    p.knows.forEach((k, j) =>
      k.sets.forEach((f, n) => {
        if (unread(f)) ctx.add(['people', i, 'knows', j, 'sets', n], `what ${p.id} knows sets "${f}", which no condition reads, so it changes nothing. Use it in a condition — or drop it`, 'unread-flag', 'warning');
      }),
    ),
  );
  s.objections.forEach((o, i) =>
    o.sets.forEach((f, j) => {
      if (unread(f)) ctx.add(['objections', i, 'sets', j], `${o.from}'s objection sets "${f}", which no condition reads, so it changes nothing. Use it in a condition — or drop it`, 'unread-flag', 'warning');
    }),
  );
}

/** A counter nothing compares or shows changes nothing; one no action changes is a constant. */
export function checkCounters(ctx: LintContext): void {
  const s = ctx.scenario;
  const tested = new Set<string>();
  for (const site of conditionSites(s)) testedCounters(site.cond, tested);
  for (const m of s.metrics) for (const e of m.effects) if (e.per !== undefined) tested.add(e.per);
  const texts = JSON.stringify([s.diagnostics.map((d) => d.outputs.map((o) => o.text)), s.actions.map((a) => [a.response, a.responses.map((r) => r.text)]), s.people.map((p) => p.knows.map((k) => k.text))]);
  s.counters.forEach((c, i) => {
    const shown = new RegExp(`\\{\\{\\s*counter:${c.id}\\s*\\}\\}`).test(texts);
    if (!tested.has(c.id) && !shown) ctx.add(['counters', i], `counter ${c.id} is never compared in a condition, shown with {{counter:${c.id}}} nor used by a metric effect's per, so it changes nothing. Test it (${c.id} >= …) — or drop it`, 'unread-flag', 'warning');
    if (changesOf(s, c.id).length === 0) ctx.add(['counters', i], `counter ${c.id} never changes: no action's counters name it, so it stays at ${c.start}. Give an action \`counters: [{ id: ${c.id}, add: … }]\``, 'unreachable', 'warning');
  });
}
