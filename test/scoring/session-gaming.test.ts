import { beforeAll, describe, expect, it } from 'vitest';
import { playText, reasonsOf } from '../helpers.js';
import { BUNDLED, strongAndWeak } from '../support/played-scripts.js';

/**
 * The session score cannot be gamed. For every bundled scenario the strong
 * and weak scripts are played, then the ways a trainee might try to game the
 * score are played too, each asserting its ordering against the two.
 */
describe.each(BUNDLED)('session gaming: %s', (id) => {
  const scenario = `scenarios/${id}.yaml`;
  let p: Awaited<ReturnType<typeof strongAndWeak>>;
  beforeAll(async () => {
    p = await strongAndWeak(id);
  }, 120_000);

  it('resolving at once, or doing nothing, scores at most 5 and below the weak play; checks that did not apply give nothing', async () => {
    const atOnce = await playText(scenario, '00:10 resolve', 1, p.variant);
    const nothing = await playText(scenario, '00:05 note watching', 1, p.variant);
    for (const s of [atOnce.score, nothing.score]) {
      expect(s.total).toBeLessThanOrEqual(5);
      expect(s.total).toBeLessThan(p.weak.score.total);
      expect(s.total).toBeLessThan(p.strong.score.total);
      for (const c of s.checkpoints.filter((x) => x.notApplicable)) expect(c.earned).toBe(0);
    }
    expect(reasonsOf(atOnce.score)).toMatch(/not applicable \(no change was made/);
    // The weight of the checks that did not apply went to the others (to rounding).
    expect(Math.abs(atOnce.score.checkpoints.reduce((a, c) => a + c.points, 0) - atOnce.score.max)).toBeLessThanOrEqual(1);
  });
});
