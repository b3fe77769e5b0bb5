// The contract every bundled scenario keeps: in each variant the strong
// script resolves the incident with the fault fixed and scores high, the weak
// script scores low for the scenario's own reasons and writes blameful and
// vague action items, and a seed picks a variant and replays identically.
import { describe, expect, it } from 'vitest';
import { expectSeedReplaysIdentically, play, reasonsOf } from '../helpers.js';

export type Played = Awaited<ReturnType<typeof play>>;

export interface ScenarioContract {
  /** The scenario's id: scenarios/<id>.yaml, test/scripts/<id>.weak.txt. */
  id: string;
  variants: readonly string[];
  /** The strong script for a variant; test/scripts/<id>.<variant>.strong.txt unless given. */
  strongScript?: (variant: string) => string;
  /** The seed whose replay is checked, and the script it plays (the weak one unless given). */
  replay: { seed: number; script?: string };
  /** What the weak play's score must say, in this scenario's terms. */
  weakReasons: readonly RegExp[];
  /** More of this scenario's checks on the strong and weak plays of one variant. */
  also?: (strong: Played, weak: Played, variant: string) => void;
}

export const scenarioPath = (id: string) => `scenarios/${id}.yaml`;
export const weakScript = (id: string) => `test/scripts/${id}.weak.txt`;
export const strongScriptOf = (c: Pick<ScenarioContract, 'id' | 'strongScript'>) => c.strongScript ?? ((variant: string) => `test/scripts/${c.id}.${variant}.strong.txt`);

/** The contract's tests, then the scenario's own inside the same describe. */
export function describeScenarioContract(c: ScenarioContract, own: () => void = () => {}): void {
  const scenario = scenarioPath(c.id);
  const strongScript = strongScriptOf(c);
  describe(c.id, () => {
    for (const variant of c.variants) {
      it(`strong play resolves and scores high, weak play scores low (${variant})`, async () => {
        const strong = await play(scenario, strongScript(variant), 1, { variant });
        const weak = await play(scenario, weakScript(c.id), 1, { variant });
        expect(strong.session.engine.state.variant).toBe(variant);
        expect(strong.session.engine.state.outcome).toBe('resolved');
        expect(strong.session.engine.state.resolvedWhileFixed).toBe(true);
        expect(strong.score.total).toBeGreaterThanOrEqual(85);
        expect(weak.score.total).toBeLessThanOrEqual(40);
        expect(strong.score.total - weak.score.total).toBeGreaterThanOrEqual(45);
        const weakWhy = reasonsOf(weak.score);
        for (const reason of c.weakReasons) expect(weakWhy).toMatch(reason);
        expect(weak.score.items.some((i) => i.blameful)).toBe(true);
        expect(weak.score.items.some((i) => i.vague)).toBe(true);
        c.also?.(strong, weak, variant);
      });
    }

    it('the seed picks the variant and the same seed replays identically', () =>
      expectSeedReplaysIdentically(scenario, c.replay.script ?? weakScript(c.id), c.replay.seed, c.variants));

    own();
  });
}
