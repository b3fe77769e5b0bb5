import type { LintContext } from './context.js';
import type { ReachableState, VariantModel } from './model.js';
import { chosenOutput } from './sources.js';

/**
 * Every variant can be told apart from every other: in some world state both
 * can be in (same phase and same flags, leaving out what identifies the
 * variant), some diagnostic prints a different output. Otherwise the IC has
 * no evidence to find which root cause this run has.
 */
export function checkVariants(ctx: LintContext): void {
  const s = ctx.scenario;
  if (s.variants.length < 2 || !ctx.complete) return;
  const identity = new Set(s.variants.flatMap((v) => [`variant:${v.id}`, ...v.flags]));
  const world = (r: ReachableState) => `${r.state.phase}|${r.state.up.filter((f) => !identity.has(f)).join(',')}`;
  const byWorld = (v: VariantModel) => {
    const m = new Map<string, ReachableState[]>();
    for (const r of v.states) m.set(world(r), [...(m.get(world(r)) ?? []), r]);
    return m;
  };
  const worlds = ctx.variants.map(byWorld);
  const told = (a: number, b: number): boolean => {
    for (const [k, ras] of worlds[a]!) {
      const rbs = worlds[b]!.get(k);
      if (!rbs) continue;
      for (const d of s.diagnostics)
        for (const ra of ras)
          for (const rb of rbs) if (d.outputs[chosenOutput(ctx, d, ra)]!.text !== d.outputs[chosenOutput(ctx, d, rb)]!.text) return true;
    }
    return false;
  };
  for (let b = 1; b < s.variants.length; b++) {
    for (let a = 0; a < b; a++) {
      if (told(a, b)) continue;
      const va = s.variants[a]!.id;
      const vb = s.variants[b]!.id;
      ctx.add(
        ['variants', b, 'id'],
        `variants ${va} and ${vb} cannot be told apart: in every world state both can reach, every diagnostic prints the same output, so no evidence shows which root cause this run has. Give a diagnostic an output with when: "variant:${vb}" whose text shows what is different about ${vb}`,
        'variants',
      );
    }
  }
}
