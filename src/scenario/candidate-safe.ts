import type { Condition } from './condition.js';
import type { LogTemplate, Scenario } from './schema.js';

/**
 * What the candidate may be shown about the scenario's log templates (field
 * names in a hint, field values offered by tab completion): only templates
 * whose condition does not depend on which root-cause variant was drawn.
 * A template gated on `variant:ID`, or on a flag a variant raises, would
 * otherwise hint at the hidden truth before the logs show it.
 */
function variantFlags(scenario: Scenario): Set<string> {
  return new Set(scenario.variants.flatMap((v) => [`variant:${v.id}`, ...v.flags]));
}

function mentions(cond: Condition, flags: ReadonlySet<string>): boolean {
  switch (cond.kind) {
    case 'true':
      return false;
    case 'flag':
      return flags.has(cond.name);
    case 'not':
      return mentions(cond.arg, flags);
    case 'compare':
      // a counter's start is the same in every variant
      return false;
    default:
      return cond.args.some((a) => mentions(a, flags));
  }
}

export function candidateSafeTemplates(scenario: Scenario): LogTemplate[] {
  const flags = variantFlags(scenario);
  return scenario.logs.filter((t) => !mentions(t.when as Condition, flags));
}
