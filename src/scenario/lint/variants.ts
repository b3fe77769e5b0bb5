import type { LintContext } from './context.js';
import type { ReachableState } from './model.js';
import { chosenOutput, diagnosticStates } from './sources.js';

/**
 * Every variant can be told apart from every other: in some world state both
 * can be in (same phase and same flags, leaving out what identifies the
 * variant), some diagnostic prints a different output. Otherwise the IC has
 * no evidence to find which root cause this run has.
 */
export function checkVariants(ctx: LintContext): void {
  const s = ctx.scenario;
  if (s.variants.length < 2) return;
  const identity = new Set(s.variants.flatMap((v) => [`variant:${v.id}`, ...v.flags]));
  const world = (r: ReachableState) => `${r.state.phase}|${r.state.up.filter((f) => !identity.has(f)).join(',')}`;
  // Per diagnostic, per variant: the output text it prints in each world state.
  const prints = s.diagnostics.map((d) =>
    ctx.variantIndexes.map((vi) => {
      const v = diagnosticStates(ctx, d, vi);
      const m = new Map<string, Set<string>>();
      for (const r of v.states) {
        const k = world(r);
        if (!m.has(k)) m.set(k, new Set());
        m.get(k)!.add(d.outputs[chosenOutput(ctx, d, r)]!.text);
      }
      return { complete: v.complete, m };
    }),
  );
  const told = (a: number, b: number): boolean =>
    prints.some((per) => {
      const pa = per[a]!;
      const pb = per[b]!;
      if (!pa.complete || !pb.complete) return true;
      for (const [k, ta] of pa.m) {
        const tb = pb.m.get(k);
        if (tb && [...ta].some((t) => [...tb].some((u) => u !== t))) return true;
      }
      return false;
    });
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
