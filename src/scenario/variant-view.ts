import type { Scenario } from './schema.js';

// A variant may judge its own severity and postmortem concepts (a partial
// outage is a SEV-3 where the full one is a SEV-2; a different cause teaches
// different lessons). Scoring reads the scenario as the session's variant
// sees it, so every check and report line uses the same figures.

const views = new WeakMap<Scenario, Map<string, Scenario>>();
const bases = new WeakMap<Scenario, Scenario>();

/** The scenario with the variant's severity and concepts in place of its own; the scenario itself when the variant sets neither. */
export function scenarioForVariant(scenario: Scenario, variantId: string): Scenario {
  const v = scenario.variants.find((x) => x.id === variantId);
  if (!v || (v.severity === undefined && v.concepts === undefined)) return scenario;
  // one object per scenario and variant, so caches keyed by the scenario keep working
  let byVariant = views.get(scenario);
  if (!byVariant) views.set(scenario, (byVariant = new Map()));
  let view = byVariant.get(variantId);
  if (!view) {
    view = { ...scenario, severity: v.severity ?? scenario.severity, postmortem: { ...scenario.postmortem, concepts: v.concepts ?? scenario.postmortem.concepts } };
    byVariant.set(variantId, view);
    bases.set(view, scenario);
  }
  return view;
}

/** The scenario a view was made from (the scenario itself when it is no view): the world does not depend on severity or concepts, so runs are kept by it. */
export function baseScenario(scenario: Scenario): Scenario {
  return bases.get(scenario) ?? scenario;
}
