import { describe, expect, it } from 'vitest';
import { outcomeDetail, outcomeLine } from '../../src/scoring/outcome.js';
import { renderMarkdown } from '../../src/scoring/report-md.js';
import { reportJson } from '../../src/scoring/report-json.js';
import { play } from '../helpers.js';

const PFD = 'scenarios/payment-fraud-dns.yaml';
const meta = { sessionId: 's', seed: 1, trainee: 't', mode: 'solo', difficulty: 'normal', startedAt: 'then', revealTruth: true, chainVerified: null };

describe('a resolve with the fault still active', () => {
  it('is its own outcome in the header and the JSON, while `outcome` keeps its old value', async () => {
    const weak = await play(PFD, 'test/scripts/payment-fraud-dns.weak.txt');
    const w = weak.session.engine.state;
    expect(w.outcome).toBe('resolved');
    expect(w.resolvedWhileFixed).toBe(false);
    expect(outcomeDetail(w)).toBe('resolved-fault-active');
    expect(outcomeLine(weak.session.scenario, w)).toMatch(/with the fault still active/);
    expect(renderMarkdown(weak.session.scenario, w, weak.score, meta)).toMatch(/^- Outcome: declared resolved at \d\d:\d\d with the fault still active/m);
    const j = reportJson(weak.session.scenario, w, weak.score, meta);
    expect(j).toMatchObject({ outcome: 'resolved', outcomeDetail: 'resolved-fault-active', faultActiveAtResolve: true });
  });

  it('leaves a resolve after the fix a plain resolution', async () => {
    const strong = await play(PFD, 'test/scripts/payment-fraud-dns.strong.txt');
    const w = strong.session.engine.state;
    expect(outcomeDetail(w)).toBe('resolved');
    expect(outcomeLine(strong.session.scenario, w)).not.toMatch(/fault/);
    expect(reportJson(strong.session.scenario, w, strong.score, meta)).toMatchObject({ outcome: 'resolved', outcomeDetail: 'resolved', faultActiveAtResolve: false });
  });
});
