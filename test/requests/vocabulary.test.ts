import { describe, expect, it } from 'vitest';
import { loadFixture, playText } from '../helpers.js';
import { completeLine } from '../../src/session/completion.js';

describe('discoverable vocabulary', () => {
  it('escalate takes a team named loosely, and says what it read', async () => {
    const { session } = await playText('scenarios/payment-fraud-dns.yaml', '00:20 ack\n00:30 escalate platfrom\n00:40 escalate the payments team\n');
    const s = session.engine.state;
    expect(s.escalations.map((e) => e.team)).toEqual(['platform', 'payments']);
    expect(s.timeline.some((t) => t.text === 'escalate platform')).toBe(true);
  });

  it('a mistyped responder gets "did you mean"', async () => {
    const { session } = await playText('scenarios/payment-fraud-dns.yaml', '00:20 ack\n00:30 escalate payments\n04:00 ask priay run dig fraud-api.internal.corp\n');
    expect(session.engine.state.lastAnswer).toMatchObject({ ok: false, text: 'nobody called "priay" is on this incident; did you mean priya?' });
  });

  it('reply answers anyone who wrote to the IC, not only stakeholders', async () => {
    const { session } = await playText('scenarios/lost-orders-broker.yaml', '00:20 ack\n09:00 reply priyanka Hold the push until ordering is back, please.\n');
    expect(session.engine.state.lastAnswer).toMatchObject({ ok: true, text: 'answered Priyanka (CRM marketing)' });
  });

  it('help run and help do list the scenario being played', async () => {
    const { session } = await playText('scenarios/k8s-observability-blindspot.yaml', '00:20 help do\n');
    expect(session.engine.state.lastAnswer?.text).toMatch(/Here: .*rollout restart deploy\/metrics-server -n kube-system/);
  });

  it('completion after run, do and ask NAME offers the scenario\'s words, titles where there is no example', () => {
    const scenario = loadFixture('scenarios/payment-fraud-dns.yaml').scenario;
    expect(completeLine(scenario, 'run resolve fraud')).toContain('run resolve fraud-api.internal.corp from a payment-processor pod');
    expect(completeLine(scenario, 'do pin')).toContain('do pin fraud-api.internal.corp to its VIP with hostAliases');
    expect(completeLine(scenario, 'ask priya switch the')).toContain('ask priya switch the fraud check back to enforce mode in 5m');
  });
});
