import { describe, expect, it } from 'vitest';
import { playText, checkpoint } from '../helpers.js';
import { renderMarkdown } from '../../src/scoring/report-md.js';

// The cases that the matcher tests (issue-cases.test.ts) read as
// words, played here headless end to end: what the responder said, what ran,
// what changed, and what the report says afterwards.

const play = async (scenario: string, lines: string, variant?: string) => playText(`scenarios/${scenario}.yaml`, `00:20 ack\n00:30 sev 2\n${lines}`, 1, variant);
const META = { sessionId: 's', seed: 1, trainee: 'test', mode: 'solo', difficulty: 'normal', startedAt: '2026-01-01T00:00:00Z', revealTruth: false, chainVerified: null };

describe('the issue\'s requests, played headless', () => {
  it('telling Priyanka to hold the push is read back as holding the push, and go holds it', async () => {
    const { session } = await play('lost-orders-broker', '00:40 escalate comms\n04:00 ask sofia tell Priyanka in CRM marketing to hold the push\n04:10 go\n');
    const s = session.engine.state;
    expect(s.feed.some((f) => f.from === 'Sofia Lind' && /^I'll hold the 21:15 marketing push — go\?$/.test(f.text))).toBe(true);
    expect(s.actions.map((a) => a.id)).toEqual(['hold-promo']);
    expect(s.diagnostics).toEqual([]);
  });

  it('merchant success asked to contact BrightCart takes it on as words: no check runs, nothing changes', async () => {
    const { session } = await play('tokenize-latency-apm', '00:40 escalate merchant\n06:00 ask chloe contact BrightCart\n');
    const s = session.engine.state;
    expect(s.feed.some((f) => f.from === 'Chloe Martin' && f.text === 'On it')).toBe(true);
    expect(s.tasks.filter((t) => t.who === 'chloe').map((t) => t.kind)).toEqual(['question']);
    expect(s.diagnostics.filter((d) => d.by === 'chloe')).toEqual([]);
    expect(s.actions).toEqual([]);
    // and it reports as comms work done, not as a check that found nothing
    expect(s.feed.some((f) => f.from === 'Chloe Martin → you' && f.text.startsWith('Done: contact BrightCart.'))).toBe(true);
    expect(s.feed.some((f) => /nothing conclusive/.test(f.text))).toBe(false);
  });

  it('comms asked for a status page notice reports it posted; an instruction to leave something alone reports it left alone', async () => {
    const { session } = await play('payment-fraud-dns', "00:40 escalate comms\n00:45 escalate payments\n04:00 ask lee own stakeholder comms: post customer-facing status page notice for degraded card payments, next update in 30 minutes\n04:30 ask priya don't restart payment-processor\n");
    const s = session.engine.state;
    expect(s.feed.some((f) => f.from === 'Lee Park → you' && f.text.startsWith('Done: own stakeholder comms: post customer-facing status page notice'))).toBe(true);
    expect(s.feed.some((f) => f.from === 'Priya Raman' && /^Understood, I won't touch that/.test(f.text))).toBe(true);
    expect(s.feed.some((f) => f.from === 'Priya Raman → you' && f.text === `Left it alone, as you asked ("don't restart payment-processor").`)).toBe(true);
    expect(s.actions).toEqual([]);
  });

  it('"what changed recently" runs the what-changed check and the report credits it', async () => {
    const cases = [
      ['payment-fraud-dns', 'platform', 'marco', 'checked-changes'],
      ['tokenize-latency-apm', 'platform', 'mateo', 'what-changed'],
    ] as const;
    for (const [scenario, team, who, rubric] of cases) {
      const { session, score } = await play(scenario, `00:40 escalate ${team}\n06:00 ask ${who} what changed recently, anything deployed or reconfigured?\n`);
      const s = session.engine.state;
      expect(s.tasks.filter((t) => t.who === who).map((t) => [t.kind, t.targetId])).toEqual([['diagnostic', 'what-changed']]);
      expect(s.feed.some((f) => f.from === `${session.scenario.people.find((p) => p.id === who)!.name} → you` && f.text.startsWith(`${session.scenario.diagnostics.find((d) => d.id === 'what-changed')!.title}: `))).toBe(true);
      const c = checkpoint(score, rubric);
      expect(c.earned, `${scenario}: ${c.reason}`).toBe(c.points);
      const md = renderMarkdown(session.engine.scenario, s, score, META);
      // the report's line for it is a tick, never "never saw": its title, then what the IC did
      const title = session.scenario.rubric.find((r) => r.id === rubric)!.title;
      expect(md).toContain(`- + ${title}: saw `);
      expect(md).not.toContain(`- − ${title}: never saw`);
    }
  });

  it('"do restart metrics server" restarts metrics-server', async () => {
    const { session } = await play('k8s-observability-blindspot', '02:00 do restart metrics server\n');
    const s = session.engine.state;
    expect(s.actions.map((a) => [a.id, a.by])).toEqual([['restart-metrics-server', 'ic']]);
    expect(s.lastAnswer?.ok).not.toBe(false);
  });
});
