import { describe, expect, it } from 'vitest';
import { loadFixture, playText } from '../helpers.js';
import { understand } from '../../src/sim/requests/matcher.js';
import { outcomeLabel } from '../../src/sim/requests/outcome.js';

const scenario = (id: string) => loadFixture(`scenarios/${id}.yaml`).scenario;
const labels = (id: string, who: string, text: string) => understand(scenario(id), { person: who }, text).map(outcomeLabel);
const hands = (id: string, h: 'run' | 'do', text: string) => understand(scenario(id), { hands: h }, text).map(outcomeLabel);

describe('the requests that ran the wrong change are understood as meant', () => {
  it('comms asked for a status page notice does comms, never a fail-open', () => {
    expect(labels('payment-fraud-dns', 'lee', 'own stakeholder comms: post customer-facing status page notice for degraded card payments, next update in 30 minutes')).toEqual(['task']);
    expect(labels('payment-fraud-dns', 'lee', 'flip fraud_check_mode to fallback rules')).toEqual(['redirect payments']);
  });
  it('comms asked for a status post and a Support macro starts no refunds', () => {
    expect(labels('lost-orders-broker', 'sofia', 'own stakeholder comms: draft a status page post and a Support macro (orders not delivered or refunded, no need to reorder)')).toEqual(['task']);
  });
  it('"at most 2 threads" adds the bulkhead, never raises the thread count', () => {
    expect(labels('tokenize-latency-apm', 'noor', 'add the tokenize bulkhead: at most 2 threads per worker, fail fast with 503')).toEqual(['act tokenize-bulkhead 2threads']);
  });
  it('"flip ordering.enabled back to true" turns ordering back on', () => {
    expect(labels('lost-orders-broker', 'ana', 'flip ordering.enabled back to true')).toEqual(['act resume-ordering']);
  });
  it('installing the TSIG key and forcing a transfer is the fix, not a log check', () => {
    expect(labels('payment-fraud-dns', 'marco', 'install the rotated TSIG key on ns1/ns2 and force a zone transfer')).toEqual(['act fix-delegation']);
  });
  it('a request for three checks runs three', () => {
    expect(labels('payment-fraud-dns', 'marco', 'check the coredns logs, the corefile and resolv.conf on a pod')).toEqual(['diag coredns-logs', 'diag coredns-config', 'diag resolv-conf']);
  });
  it('2 s / 10 s timeouts carry their numbers', () => {
    expect(labels('tokenize-latency-apm', 'noor', 'set 2 s / 10 s timeouts on the VaultPoint client')).toEqual(['act tokenize-timeouts 2s,10s']);
  });
  it('telling Priyanka to hold the push holds the push', () => {
    expect(labels('lost-orders-broker', 'sofia', 'tell Priyanka in CRM marketing to hold the push')).toEqual(['act hold-promo']);
  });
  it('merchant success contacting BrightCart is words, not a Sidekiq check', () => {
    expect(labels('tokenize-latency-apm', 'chloe', 'contact BrightCart')).toEqual(['task']);
  });
  it('"what changed recently" asks what changed', () => {
    for (const [id, who] of [['payment-fraud-dns', 'marco'], ['tokenize-latency-apm', 'mateo'], ['k8s-observability-blindspot', 'diego'], ['visits-slow-query', 'nadia']] as const)
      expect(labels(id, who, 'what changed recently')).toEqual(['diag what-changed']);
  });
  it('"do restart metrics server" restarts metrics-server', () => {
    expect(hands('k8s-observability-blindspot', 'do', 'restart metrics server')).toEqual(['act restart-metrics-server']);
  });
  it('something vague is a clarifying question, never the nearest action', () => {
    expect(labels('payment-fraud-dns', 'priya', 'fix it')[0]).toBe('clarify');
    expect(hands('payment-fraud-dns', 'do', 'make payments work again')[0]).toBe('clarify');
  });
});

const OPENING = `
00:20 ack
00:30 sev 2
00:40 escalate api
`;

describe('closed-loop delegation, played headless', () => {
  it('a change is read back and waits for go; a scripted go confirms it', async () => {
    const text = `${OPENING}03:00 ask noor set 2 s / 10 s timeouts on the VaultPoint client\n03:30 go\n`;
    const { session } = await playText('scenarios/tokenize-latency-apm.yaml', text);
    const s = session.engine.state;
    expect(s.delegation).toBe('confirm');
    expect(s.readBacks[0]).toMatchObject({ who: 'noor', actionId: 'tokenize-timeouts', params: ['2s', '10s'], state: 'confirmed', sec: 180, settledSec: 210 });
    expect(s.feed.some((f) => f.from === 'Noor Haddad' && /I'll set short timeouts on the VaultPoint client \(open timeout 2 s, read timeout 10 s\) — go\?/.test(f.text))).toBe(true);
    expect(s.tasks.find((t) => t.kind === 'action')).toMatchObject({ targetId: 'tokenize-timeouts', assignedSec: 210 });
    expect(s.timeline.some((t) => /^go noor: set short timeouts/.test(t.text))).toBe(true);
  });

  it('without a go the change never happens when the script confirms elsewhere', async () => {
    const text = `${OPENING}03:00 ask noor raise RAILS_MAX_THREADS from 5 to 16\n03:10 no\n03:20 ask noor show a trace of a slow tokenize request\n04:00 go\n`;
    const { session } = await playText('scenarios/tokenize-latency-apm.yaml', text);
    const s = session.engine.state;
    expect(s.readBacks[0]).toMatchObject({ actionId: 'scale-threads', state: 'cancelled' });
    expect(s.actions.some((a) => a.id === 'scale-threads')).toBe(false);
    expect(s.feed.some((f) => f.from === 'Noor Haddad' && /^Running show a trace/.test(f.text))).toBe(true);
  });

  it('a script that never says go has its read-backs confirmed as if it had', async () => {
    const text = `${OPENING}03:00 ask noor enable the Semian bulkhead and circuit breaker on the VaultPoint client\n`;
    const { session } = await playText('scenarios/tokenize-latency-apm.yaml', text);
    const s = session.engine.state;
    expect(s.delegation).toBe('auto');
    expect(s.readBacks[0]).toMatchObject({ actionId: 'tokenize-bulkhead', state: 'confirmed', settledSec: 180 });
    expect(s.tasks.find((t) => t.kind === 'action')).toMatchObject({ targetId: 'tokenize-bulkhead', assignedSec: 180 });
  });

  it('a correction replaces the read-back it corrects', async () => {
    const text = `${OPENING}03:00 ask noor raise the puma threads\n03:10 ask noor add the tokenize bulkhead: at most 2 threads per worker\n03:20 go\n`;
    const { session } = await playText('scenarios/tokenize-latency-apm.yaml', text);
    const s = session.engine.state;
    expect(s.readBacks.map((r) => [r.actionId, r.state])).toEqual([
      ['scale-threads', 'corrected'],
      ['tokenize-bulkhead', 'confirmed'],
    ]);
  });
});

describe('an off-role change is offered to its owners, and read-backs are in the report', () => {
  it('"shall I page them?" is held: go pages the team, no declines', async () => {
    const text = `00:20 ack\n00:30 escalate comms\n04:00 ask lee restart payment-processor\n04:10 go\n`;
    const { session } = await playText('scenarios/payment-fraud-dns.yaml', text);
    const s = session.engine.state;
    expect(s.feed.some((f) => f.from === 'Lee Park' && /shall I page them\? \(`go` to page payments\)/.test(f.text))).toBe(true);
    expect(s.escalations.map((e) => e.team)).toEqual(['comms', 'payments']);
    expect(s.actions).toEqual([]);
    expect(s.pageOffer).toBeNull();
    const declined = (await playText('scenarios/payment-fraud-dns.yaml', `00:20 ack\n00:30 escalate comms\n04:00 ask lee restart payment-processor\n04:10 no\n`)).session.engine.state;
    expect(declined.escalations.map((e) => e.team)).toEqual(['comms']);
    expect(declined.timeline.some((t) => t.text === 'no lee: not paging payments')).toBe(true);
  });

  it('the report lists each read-back and whether it was confirmed, corrected or cancelled', async () => {
    const text = `${OPENING}03:00 ask noor raise the puma threads\n03:10 ask noor add the tokenize bulkhead: at most 2 threads per worker\n03:20 go\n`;
    const { session } = await playText('scenarios/tokenize-latency-apm.yaml', text);
    const { renderMarkdown } = await import('../../src/scoring/report-md.js');
    const { scoreSession } = await import('../../src/scoring/score.js');
    const e = session.engine;
    const meta = { sessionId: 's', seed: 1, trainee: 'test', mode: 'solo', difficulty: 'normal', startedAt: '2026-01-01T00:00:00Z', revealTruth: false, chainVerified: null };
    const md = renderMarkdown(e.scenario, e.state, scoreSession(e.scenario, e.state), meta);
    const section = md.slice(md.indexOf('## Read-backs'), md.indexOf('## Your timeline'));
    expect(section).toMatch(/Noor Haddad: "raise the puma threads" → read back as Raise Puma's thread count; corrected by a later request/);
    expect(section).toMatch(/read back as Turn on the tokenizer bulkhead and circuit breaker \(VaultPoint calls per worker 2 threads\); confirmed/);
  });
});

describe('each case of the issue, played headless with a scripted go', () => {
  const played = async (scenario: string, lines: string) => (await playText(`scenarios/${scenario}.yaml`, `00:20 ack\n00:30 sev 2\n${lines}`)).session.engine.state;
  const applied = (s: Awaited<ReturnType<typeof played>>) => s.tasks.filter((t) => t.kind === 'action').map((t) => t.targetId);

  it('comms asked for a notice or a Support macro changes nothing, go or not', async () => {
    const lee = await played('payment-fraud-dns', '00:40 escalate comms\n04:00 ask lee own stakeholder comms: post customer-facing status page notice for degraded card payments, next update in 30 minutes\n04:10 go\n');
    expect(applied(lee)).toEqual([]);
    const sofia = await played('lost-orders-broker', '00:40 escalate comms\n04:00 ask sofia own stakeholder comms: draft a status page post and a Support macro (orders not delivered or refunded, no need to reorder)\n04:10 go\n');
    expect(applied(sofia)).toEqual([]);
  });

  it('the bulkhead, ordering back on and the TSIG install are the changes confirmed', async () => {
    expect(applied(await played('tokenize-latency-apm', '00:40 escalate api\n04:00 ask noor add the tokenize bulkhead: at most 2 threads per worker, fail fast with 503\n04:10 go\n'))).toEqual(['tokenize-bulkhead']);
    expect(applied(await played('lost-orders-broker', '00:40 escalate orders\n04:00 ask ana flip ordering.enabled back to true\n04:10 go\n'))).toEqual(['resume-ordering']);
    expect(applied(await played('payment-fraud-dns', '00:40 escalate platform\n12:00 ask marco install the rotated TSIG key on ns1/ns2 and force a zone transfer\n12:10 go\n'))).toEqual(['fix-delegation']);
  });

  it('three checks in one request run three', async () => {
    const s = await played('payment-fraud-dns', '00:40 escalate platform\n12:00 ask marco check the coredns logs, the corefile and resolv.conf on a pod\n');
    expect(s.tasks.filter((t) => t.kind === 'diagnostic').map((t) => t.targetId)).toEqual(['coredns-logs', 'coredns-config', 'resolv-conf']);
  });

  it('"escalate the platform team" pages Platform', async () => {
    expect((await played('payment-fraud-dns', '00:40 escalate the platform team\n')).escalations.map((e) => e.team)).toEqual(['platform']);
  });
});
