import { describe, expect, it } from 'vitest';
import { play } from '../helpers.js';

describe('scoring on the mini scenario', () => {
  it('scores a commanding IC well above one who debugs alone, with reasons', async () => {
    const strong = await play('test/fixtures/mini.yaml', 'test/fixtures/mini.strong.txt');
    const weak = await play('test/fixtures/mini.yaml', 'test/fixtures/mini.weak.txt');
    expect(strong.score.total).toBeGreaterThanOrEqual(80);
    expect(weak.score.total).toBeLessThanOrEqual(30);
    const reasons = (r: typeof weak) => r.score.sections.flatMap((s) => s.reasons).join('\n');
    expect(reasons(weak)).toMatch(/never declared a severity/);
    expect(reasons(weak)).toMatch(/harmful: Restart the database/);
    expect(reasons(weak)).toMatch(/did hands-on work while responders were present/);
    expect(reasons(strong)).toMatch(/acknowledged the page after 0:08/);
    expect(strong.score.max).toBe(100);
  });

  it('judges blameful and vague action items', async () => {
    const weak = await play('test/fixtures/mini.yaml', 'test/fixtures/mini.weak.txt');
    const [careful, monitoring] = weak.score.items;
    expect(careful!.blameful).toBe(true);
    expect(monitoring!.vague).toBe(true);
    expect(monitoring!.notes.join(' ')).toMatch(/vague/);
  });
});
