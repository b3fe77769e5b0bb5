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
    expect(s.feed.some((f) => f.from === 'Noor Haddad' && /I'll set short timeouts on the VaultPoint client \(2 s, 10 s\) — go\?/.test(f.text))).toBe(true);
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
