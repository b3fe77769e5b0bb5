import type { LintContext } from './context.js';

/**
 * Every postmortem concept can be met: an action item meets a concept when
 * it has a phrase from each of its `all` groups, so a group whose phrases are
 * all blank matches nothing and the concept can never be met. A concept
 * without `plain` words leaves the trainee's report nothing to say about it
 * when it is missed (a warning).
 */
export function checkConcepts(ctx: LintContext): void {
  const seen = new Set<string>();
  checkList(ctx, ctx.scenario.postmortem.concepts, ['postmortem', 'concepts'], seen);
  // a variant's own concepts are judged the same way; those it keeps from the scenario only once
  ctx.scenario.variants.forEach((v, i) => {
    if (v.concepts) checkList(ctx, v.concepts, ['variants', i, 'concepts'], seen);
  });
}

type Concepts = LintContext['scenario']['postmortem']['concepts'];

function checkList(ctx: LintContext, concepts: Concepts, at: (string | number)[], seen: Set<string>): void {
  concepts.forEach((c, i) => {
    const key = JSON.stringify(c);
    if (seen.has(key)) return;
    seen.add(key);
    if (c.plain === undefined)
      ctx.add([...at, i], `concept ${c.id} has no plain words: when no item meets it, the report can say only "a ${c.type ?? 'further'} follow-up this incident needs". Add plain: what an item meeting it would address, in words that are not its title or its phrases`, 'concepts', 'warning');
    c.all.forEach((g, j) => {
      if (g.every((p) => p.trim() === ''))
        ctx.add(
          [...at, i, 'all', j],
          `concept ${c.id} can never be met: group ${j} of its all has only blank phrases, and an action item needs a phrase from every group. Write the words an item that meets it would use`,
          'concepts',
        );
    });
  });
}
