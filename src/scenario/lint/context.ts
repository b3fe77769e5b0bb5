import type { Condition } from '../condition.js';
import type { Scenario } from '../schema.js';
import type { Issue, Severity } from './finding.js';
import type { LifecycleProof } from './lifecycle.js';
import type { FlagModel, ReachableState, VariantModel } from './model.js';

/** What every check sees: the scenario, the explored flag model per variant, and where to put issues. */
export class LintContext {
  readonly issues: Issue[] = [];

  constructor(
    readonly scenario: Scenario,
    readonly model: FlagModel,
    readonly variants: VariantModel[],
    readonly proofs: LifecycleProof[],
    /** The roles the command language accepts, when the caller knows them. */
    readonly roles?: readonly string[],
  ) {}

  /** False when some variant was too large to explore fully: "never" is then not claimed. */
  get complete(): boolean {
    return this.variants.every((v) => v.complete);
  }

  add(path: (string | number)[], message: string, rule: string, severity: Severity = 'error'): void {
    this.issues.push({ path, message, rule, severity });
  }

  holds(c: Condition | undefined, r: ReachableState): boolean {
    return this.model.holds(c, r.state);
  }

  /** A reachable state of this variant where the condition holds (after onset if asked), or undefined. */
  witness(v: VariantModel, c: Condition | undefined, opts: { afterOnset?: boolean; at?: number } = {}): ReachableState | undefined {
    return v.states.find(
      (r) => (!opts.afterOnset || r.state.phase >= 0) && (opts.at === undefined || this.model.possibleAt(r.state, opts.at)) && this.holds(c, r),
    );
  }

  /** Whether the condition can hold in some variant. */
  canHold(c: Condition | undefined, opts: { afterOnset?: boolean; at?: number } = {}): boolean {
    return this.variants.some((v) => this.witness(v, c, opts) !== undefined);
  }

  variantList(vs: VariantModel[]): string {
    return vs.length === this.variants.length && vs.length > 1 ? 'any variant' : `variant ${vs.map((v) => v.variant.id).join(', ')}`;
  }
}
