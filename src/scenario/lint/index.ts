import { loadScenarioFileLocated, loadScenarioTextLocated, type Locate, type LocatedLoad } from '../load.js';
import type { Scenario } from '../schema.js';
import { checkConcepts } from './concepts.js';
import { LintContext } from './context.js';
import { checkExamples } from './examples.js';
import type { Finding, Issue } from './finding.js';
import { checkUnreadFlags } from './flags.js';
import { proveLifecycle, type IncidentMachineFactory } from './lifecycle.js';
import { DEFAULT_MAX_STATES, FlagModel } from './model.js';
import { checkRubric } from './rubric.js';
import { checkSignals } from './signals.js';
import { checkSolvable } from './solvable.js';
import { checkVariants } from './variants.js';

export { formatFinding, type Finding, type Issue, type Severity } from './finding.js';
export type { IncidentMachineFactory } from './lifecycle.js';

export interface LintOptions {
  /** Builds the incident machine (the sim's createIncidentMachine). */
  createMachine: IncidentMachineFactory;
  /** Bound on flag states explored per variant. */
  maxStates?: number;
  /** The roles `role ROLE NAME` accepts (the command language's list); a roles checkpoint naming another can never be earned. */
  roles?: readonly string[];
}

/**
 * Solvability of one valid scenario, as pure data in and issues out. Each
 * variant's reachable flag states are explored with xstate/graph, the
 * incident machine is driven by representative events over them, and every
 * check reads those results.
 */
export function lintScenario(scenario: Scenario, opts: LintOptions): Issue[] {
  const model = new FlagModel(scenario);
  const variants = scenario.variants.map((_, i) => model.explore(i, opts.maxStates ?? DEFAULT_MAX_STATES));
  const machine = opts.createMachine(scenario);
  const proofs = variants.map((v) => proveLifecycle(machine, model, v));
  const ctx = new LintContext(scenario, model, variants, proofs, opts.roles);
  if (!ctx.complete) {
    const big = variants.filter((v) => !v.complete).map((v) => v.variant.id);
    ctx.add([], `variant ${big.join(', ')} has more than ${opts.maxStates ?? DEFAULT_MAX_STATES} combinations of flags; lint could not prove what is unreachable there. Fewer independent flags (or fewer actions that toggle them) keep a scenario checkable`, 'model', 'warning');
  }
  checkSolvable(ctx);
  checkRubric(ctx);
  checkConcepts(ctx);
  checkVariants(ctx);
  checkSignals(ctx);
  checkExamples(ctx);
  checkUnreadFlags(ctx);
  return ctx.issues;
}

/** Locates issues in the file; a scenario that does not validate reports its validation problems instead. */
export function lintLoaded(loaded: LocatedLoad, file: string, opts: LintOptions): Finding[] {
  const r = loaded.result;
  if (!r.ok) return r.problems.map((p) => ({ ...p, severity: 'error' as const, rule: 'validate' }));
  return locateIssues(lintScenario(r.value.scenario, opts), file, loaded.locate);
}

export function locateIssues(issues: Issue[], file: string, locate: Locate): Finding[] {
  return issues
    .map((i) => ({ file, ...locate(i.path), path: i.path.join('.'), message: i.message, severity: i.severity, rule: i.rule }))
    .sort((a, b) => a.line - b.line || a.col - b.col);
}

export function lintText(text: string, file: string, opts: LintOptions): Finding[] {
  return lintLoaded(loadScenarioTextLocated(text, file), file, opts);
}

export function lintFile(path: string, opts: LintOptions): { file: string; id: string | null; findings: Finding[] } {
  const loaded = loadScenarioFileLocated(path);
  return { file: path, id: loaded.result.ok ? loaded.result.value.scenario.id : null, findings: lintLoaded(loaded, path, opts) };
}
