import type { LintContext } from './context.js';
import { readFlags } from './conditions.js';

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
