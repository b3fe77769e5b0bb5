import { loadScenarioFileLocated, loadScenarioTextLocated, type Locate, type LocatedLoad } from '../load.js';
import type { Scenario } from '../schema.js';
import { checkConcepts } from './concepts.js';
import { checkConsistency } from './consistency.js';
import { LintContext } from './context.js';
import { checkEvents } from './events.js';
import { checkExamples } from './examples.js';
import type { Finding, Issue } from './finding.js';
import { checkCounters, checkUnreadFlags } from './flags.js';
import { checkLogTimes } from './log-times.js';
import { proveLifecycle, type IncidentMachineFactory } from './lifecycle.js';
import { DEFAULT_MAX_STATES } from './model.js';
import { checkRubric } from './rubric.js';
import { checkHarmfulWhen } from './rubric-happened.js';
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
 * question (can this condition hold, which output is chosen) is answered from
 * the reachable flag states of each variant over the flags it involves; the
 * incident machine is driven by representative events over the states of
 * the goals, and xstate/graph proves what it can reach.
 */
export function lintScenario(scenario: Scenario, opts: LintOptions): Issue[] {
  const ctx = new LintContext(scenario, opts.roles, opts.maxStates ?? DEFAULT_MAX_STATES);
  const machine = opts.createMachine(scenario);
  const goals = ctx.statesFor(scenario.mitigatedWhen, scenario.fixedWhen);
  ctx.proofs = goals.map((v) => proveLifecycle(machine, ctx.model, v));
  checkSolvable(ctx);
  checkEvents(ctx);
  checkRubric(ctx);
  checkHarmfulWhen(ctx);
  checkConcepts(ctx);
  checkVariants(ctx);
  checkSignals(ctx);
  checkExamples(ctx);
  checkUnreadFlags(ctx);
  checkCounters(ctx);
  checkLogTimes(ctx);
  checkConsistency(ctx);
  if (ctx.unproven.size > 0) {
    const flags = [...new Set([...ctx.unproven].flatMap((k) => k.split(',')))].sort();
    ctx.add(
      [],
      `some questions involve more than ${ctx.maxStates} combinations of flags (${flags.slice(0, 8).join(', ')}${flags.length > 8 ? ', …' : ''}); lint could not prove what is unreachable there. Fewer independent flags that influence each other keep a scenario checkable`,
      'model',
      'warning',
    );
  }
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
