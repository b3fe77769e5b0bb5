import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { agreement, cohenKappa, readDevSet } from '../../bench/agreement.js';

/**
 * The action-item development set keeps to its own rules
 * (data/action-items/LABELLING.md): enough quoted items, each with its
 * source; the label follows from the criteria columns; the held-aside part
 * is the one the hash rule picks, so nobody can move items between halves.
 */
const rows = readDevSet(process.cwd());

describe('the action-item development set', () => {
  it('has at least 150 quoted items with a source URL and a few dozen constructed ones', () => {
    const quoted = rows.filter((r) => !r.constructed);
    expect(quoted.length).toBeGreaterThanOrEqual(150);
    expect(quoted.every((r) => r.source !== null && /^https:\/\//.test(r.source))).toBe(true);
    const constructed = rows.filter((r) => r.constructed);
    expect(constructed.length).toBeGreaterThanOrEqual(24);
    expect(constructed.every((r) => r.source === null)).toBe(true);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.text)).size).toBe(rows.length);
  });

  it('derives every label from its criteria columns', () => {
    for (const r of rows) {
      const expected = r.blames ? 'blameful' : r.leadsWithAction && r.namesSystem && r.concreteChange && r.bounded ? 'good' : r.leadsWithAction && r.concreteChange && (r.namesSystem || r.bounded) ? 'ok' : 'vague';
      expect(r.label, r.text).toBe(expected);
    }
  });

  it('holds aside exactly the items whose text hashes to 0 mod 5', () => {
    for (const r of rows) expect(r.split, r.text).toBe(createHash('sha256').update(r.text).digest()[0]! % 5 === 0 ? 'held-aside' : 'development');
    const held = rows.filter((r) => r.split === 'held-aside').length;
    expect(held / rows.length).toBeGreaterThan(0.12);
    expect(held / rows.length).toBeLessThan(0.28);
  });
});

describe("agreement and Cohen's κ", () => {
  it('match worked examples', () => {
    const same = [['a', 'a'], ['b', 'b'], ['a', 'a']] as const;
    expect(agreement(same)).toBe(1);
    expect(cohenKappa(same)).toBe(1);
    // 20 items: 15 agree; rater A says yes 10 times, B 10 times → pe = 0.5, po = 0.75, κ = 0.5.
    const pairs = [...Array(8).fill(['y', 'y']), ...Array(7).fill(['n', 'n']), ...Array(2).fill(['y', 'n']), ...Array(3).fill(['n', 'y'])] as (readonly [string, string])[];
    expect(agreement(pairs)).toBe(0.75);
    expect(cohenKappa(pairs)).toBeCloseTo(0.5, 10);
    // Agreement no better than chance is κ 0.
    expect(cohenKappa([['y', 'y'], ['y', 'n'], ['n', 'y'], ['n', 'n']])).toBe(0);
  });
});
