import { describe, expect, it } from 'vitest';
import { referenceTimeline } from '../../src/scoring/reference.js';
import { checkpoint, play } from '../helpers.js';

describe('the reference timeline', () => {
  it('sets the rubric deadlines against what the IC did, and agrees with the score', async () => {
    const strong = await play('scenarios/payment-fraud-dns.yaml', 'test/scripts/payment-fraud-dns.strong.txt');
    const weak = await play('scenarios/payment-fraud-dns.yaml', 'test/scripts/payment-fraud-dns.weak.txt');
    const s = referenceTimeline(strong.session.scenario, strong.session.engine.state);
    const w = referenceTimeline(weak.session.scenario, weak.session.engine.state);
    expect(s.map((r) => r.bySec)).toEqual([...s.map((r) => r.bySec)].sort((a, b) => a - b));
    expect(s.filter((r) => r.status !== 'met')).toEqual([]);
    const by = (rows: typeof w, id: string) => rows.filter((r) => r.checkpoint === id).map((r) => r.status);
    expect(by(w, 'ack-page')).toEqual(['late']);
    expect(checkpoint(weak.score, 'ack-page').earned).toBeLessThan(checkpoint(weak.score, 'ack-page').points);
    expect(by(w, 'assign-roles')).toEqual(['missed']);
    expect(by(w, 'hypothesis-first')).toEqual(['missed']);
    expect(by(w, 'resolved-after-fix')).toEqual(['wrong']);
    expect(checkpoint(weak.score, 'resolved-after-fix').earned).toBe(0);
  });
});
