import type { LintContext } from './context.js';

/**
 * Each diagnostic's and action's `example` is what completion offers, so it
 * must run that very item: it matches one of the item's own patterns, and no
 * earlier item's pattern catches it first (the first match wins, which makes
 * the later item dead for that command).
 */
export function checkExamples(ctx: LintContext): void {
  const s = ctx.scenario;
  const lists = [
    { key: 'diagnostics', verb: 'run', items: s.diagnostics },
    { key: 'actions', verb: 'do', items: s.actions },
  ] as const;
  for (const { key, verb, items } of lists) {
    items.forEach((it, i) => {
      if (it.example === undefined) return;
      const ex = it.example;
      if (!it.match.some((re) => re.test(ex))) {
        ctx.add([key, i, 'example'], `example "${ex}" does not match any of ${it.id}'s own patterns (${it.match.map((re) => `/${re.source}/`).join(', ')}): \`${verb} ${ex}\` would not ${verb === 'run' ? 'run' : 'apply'} it. Fix the example or the patterns`, 'examples');
        return;
      }
      const k = items.findIndex((other, j) => j < i && other.match.some((re) => re.test(ex)));
      if (k === -1) return;
      const other = items[k]!;
      const re = other.match.find((r) => r.test(ex))!;
      ctx.add(
        [key, i, 'match'],
        `${it.id} is dead for its own example: \`${verb} ${ex}\` ${verb === 'run' ? 'runs' : 'applies'} ${other.id} (${key}.${k}) instead, whose pattern /${re.source}/ matches first. Move ${it.id} above ${other.id}, or narrow that pattern`,
        'examples',
      );
    });
  }
}
