import { conditionFlags, evalCondition, type Condition } from '../condition.js';
import type { Scenario } from '../schema.js';
import type { Issue, Severity } from './finding.js';
import type { LifecycleProof } from './lifecycle.js';
import { coneOf, DEFAULT_MAX_STATES, FlagModel, type ReachableState, type VariantModel } from './model.js';

/** What a question about the world reads: conditions, or flags by name. */
export type Need = Condition | string | undefined;

export interface WhenOpts {
  /** Only states after onset (the first phase has started). */
  afterOnset?: boolean;
  /** Only states the world can be in at this sim second. */
  at?: number;
}

/**
 * What every check sees: the scenario, the reachable flag states of each
 * variant (explored per question, over the cone of flags that question
 * reads, and cached), the lifecycle proofs, and where to put issues.
 */
export class LintContext {
  readonly issues: Issue[] = [];
  /** The whole-scenario model: time limit, who can join, timing of phases, witness paths in words. */
  readonly model: FlagModel;
  proofs: LifecycleProof[] = [];
  /** Cones too large to explore: their "never" is not claimed. */
  readonly unproven = new Set<string>();
  private readonly cache = new Map<string, VariantModel[]>();

  constructor(
    readonly scenario: Scenario,
    /** The roles the command language accepts, when the caller knows them. */
    readonly roles?: readonly string[],
    readonly maxStates = DEFAULT_MAX_STATES,
  ) {
    this.model = new FlagModel(scenario);
  }

  get variantIndexes(): number[] {
    return this.scenario.variants.map((_, i) => i);
  }

  add(path: (string | number)[], message: string, rule: string, severity: Severity = 'error'): void {
    this.issues.push({ path, message, rule, severity });
  }

  /** The reachable states of every variant, over the flags these needs read (and what influences them). */
  statesFor(...needs: Need[]): VariantModel[] {
    const seeds = new Set<string>();
    for (const n of needs) {
      if (typeof n === 'string') seeds.add(n);
      else if (n) conditionFlags(n, seeds);
    }
    const cone = coneOf(this.scenario, seeds);
    const key = [...cone].sort().join(',');
    let models = this.cache.get(key);
    if (!models) {
      const model = new FlagModel(this.scenario, cone);
      models = this.variantIndexes.map((i) => model.explore(i, this.maxStates));
      if (models.some((m) => !m.complete)) this.unproven.add(key);
      this.cache.set(key, models);
    }
    return models;
  }

  holds(c: Condition | undefined, r: ReachableState): boolean {
    return c ? evalCondition(c, (f) => r.flags.has(f)) : true;
  }

  private fits(r: ReachableState, opts: WhenOpts): boolean {
    return (!opts.afterOnset || r.state.phase >= 0) && (opts.at === undefined || this.model.possibleAt(r.state, opts.at));
  }

  /**
   * A reachable state of variant `vi` where the condition holds, or
   * undefined. An exploration cut short by its bound answers with its first
   * state: lint then claims nothing is unreachable.
   */
  witness(vi: number, c: Condition | undefined, opts: WhenOpts = {}): ReachableState | undefined {
    const v = this.statesFor(c)[vi]!;
    const hit = v.states.find((r) => this.fits(r, opts) && this.holds(c, r));
    return hit ?? (v.complete ? undefined : v.states[0]);
  }

  /** Whether the condition can hold in some variant. */
  canHold(c: Condition | undefined, opts: WhenOpts = {}): boolean {
    return this.variantIndexes.some((vi) => this.witness(vi, c, opts) !== undefined);
  }

  /** The variants in which the condition can never hold. */
  failing(c: Condition | undefined, opts: WhenOpts = {}): number[] {
    return this.variantIndexes.filter((vi) => this.witness(vi, c, opts) === undefined);
  }

  variantList(vis: readonly number[]): string {
    return vis.length === this.scenario.variants.length && vis.length > 1 ? 'any variant' : `variant ${vis.map((i) => this.scenario.variants[i]!.id).join(', ')}`;
  }
}
