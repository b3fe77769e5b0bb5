import { describe, expect, it } from 'vitest';
import { judgeItems, qualityLine, type QualityBand } from '../../src/scoring/action-items.js';
import type { ItemType } from '../../src/scoring/item-reading.js';
import { loadFixture } from '../helpers.js';

/**
 * The action-item judge on hand-written items against payment-fraud-dns's
 * concepts: each row is one item judged on its own, with the concepts it
 * should be credited with (or null), its verdict, and for harmful items the
 * pattern. `why` is matched against the notes and suggestions, so the
 * explanation is tested too. The rows include every example of the issue
 * that asked for this judge.
 */
const { scenario } = loadFixture('scenarios/payment-fraud-dns.yaml');

interface Row {
  item: `${'detect' | 'prevent' | 'mitigate' | 'repair' | 'process'} P${0 | 1 | 2 | 3} ${string} ${string}`;
  concept: string | null;
  band: QualityBand;
  harmful?: string;
  /** Also credited with these concepts. */
  also?: string[];
  /** What kind of item it reads as (from its verb and object), when the row pins it. */
  readsAs?: ItemType | null;
  why?: RegExp;
}

const rows: Row[] = [
  // Good items, one or more per concept, in the words a responder would use.
  { item: 'detect P1 payments Add a blackbox DNS probe for fraud-api.internal.corp from the payments namespace; page when it fails for 2 minutes', concept: 'dependency-detect', band: 'good' },
  { item: 'detect P1 payments Deploy a synthetic check that resolves fraud-api.internal.corp every 30 s and pages payments on NXDOMAIN', concept: 'dependency-detect', band: 'good' },
  { item: 'detect P1 payments Set up a canary that looks up fraud-api.internal.corp every minute and alarms after 3 failures', concept: 'dependency-detect', band: 'good' },
  { item: 'detect P2 payments Alarm when outbound calls to fraud-api fail more than 5% for 5 minutes', concept: 'dependency-detect', band: 'good' },
  { item: 'detect P2 platform Page platform when name resolution errors for internal.corp exceed 5% of CoreDNS responses for 5 minutes', concept: 'dependency-detect', band: 'good' },
  { item: 'detect P1 payments Add a heartbeat check that resolves fraud-api.internal.corp every minute and pages after 2 misses', concept: 'dependency-detect', band: 'good' },
  { item: 'detect P0 payments Add a multiwindow burn-rate page on the payment success SLO (14.4x over 1h and 5m)', concept: 'slo-burn', band: 'good' },
  { item: 'detect P0 payments Alert on error budget burn for POST /api/payment: page at 14.4x over 1 hour', concept: 'slo-burn', band: 'good' },
  { item: 'detect P1 payments Page when the checkout success rate drops below 95% for 5 minutes', concept: 'slo-burn', band: 'good' },
  { item: 'mitigate P1 payments Set a 2 s total timeout on the fraud client, DNS lookup included', concept: 'client-timeouts', band: 'good' },
  { item: 'mitigate P1 payments Bound every fraud-api call with a 500 ms connect deadline and a 2 s overall time limit', concept: 'client-timeouts', band: 'good' },
  { item: "mitigate P1 payments Cap the fraud client's time budget at 2 s including getaddrinfo", concept: 'client-timeouts', band: 'good' },
  { item: 'mitigate P1 payments+risk Implement a fraud_check_mode flag with a Risk-approved fallback for payments under $500', concept: 'fallback-policy', band: 'good' },
  { item: 'mitigate P1 payments Add a kill switch that lets payments fail open under a Risk-signed limit of $500 per payment', concept: 'fallback-policy', band: 'good' },
  { item: "mitigate P1 payments Wrap the fraud client in a circuit breaker that falls back to Risk's pre-approved rules after 5 failures", concept: 'fallback-policy', band: 'good' },
  { item: 'prevent P0 platform Add a CI check to the dns-internal Terraform pipeline that fails any plan deleting a record queried in the last 7 days', concept: 'dns-change-guard', band: 'good' },
  { item: 'prevent P0 platform Block merges to the cluster-dns Helm chart when a Corefile forwarder changes without a resolution test', concept: 'dns-change-guard', band: 'good' },
  { item: 'prevent P1 platform Gate TSIG key rotation in the DNS pipeline on a zone-transfer check from every secondary', concept: 'dns-change-guard', band: 'good' },
  { item: 'prevent P1 platform Add a presubmit policy check (conftest) to the DNS Terraform repo that rejects destroying records still in use', concept: 'dns-change-guard', band: 'good' },
  { item: 'repair P0 payments Reconcile every payment and refund attempt between 21:02 and 21:30 against the ledger', concept: 'reconcile', band: 'good' },
  { item: 'repair P0 payments-ops Re-drive the refunds that failed between 21:02 and 21:12 and email the affected merchants', concept: 'reconcile', band: 'good' },
  { item: 'repair P0 payments Run a reconciliation job over all payment attempts from 21:02 to 21:30 and notify affected merchants', concept: 'reconcile', band: 'good' },
  { item: 'repair P1 payments Run a backfill of fraud scores for the payments approved on fallback rules and send them to Risk by Friday', concept: 'reconcile', band: 'good', why: /meets "Reconcile failed payments/ },
  { item: "process P2 ic-rotation Add a 'check DNS, infra and config changes, not only deploys' step to the IC size-up checklist", concept: 'runbook-changes', band: 'good' },
  { item: 'process P2 payments Extend the payments playbook with a what-changed step that covers the Terraform and DNS change feeds', concept: 'runbook-changes', band: 'good' },
  { item: 'process P2 payments Write an SOP step for checking infrastructure changes during payment incidents', concept: 'runbook-changes', band: 'good' },

  // One item, two concepts of the same kind: both credited, with a nudge to split; a weak verb costs a little.
  { item: 'mitigate P1 payments Make the fraud client fail fast: a 2 s total timeout including DNS, plus a circuit breaker that falls back to Risk-approved rules', concept: 'client-timeouts', also: ['fallback-policy'], band: 'good' },
  // Everything in one item: credited once, not specific.
  { item: 'detect P1 payments Add a DNS probe, an SLO burn-rate alert on payments, a CI gate on DNS record deletion and a reconciliation job for refunds', concept: 'dependency-detect', band: 'good', why: /split it/ },

  // Right concept, something missing.
  { item: 'prevent P1 payments Add a blackbox DNS probe for fraud-api.internal.corp that pages after 2 minutes of failure', concept: 'dependency-detect', band: 'good', readsAs: 'detect', why: /reads as a detect item/ },
  { item: 'detect P1 everyone Add a DNS probe for fraud-api.internal.corp that pages on failure', concept: 'dependency-detect', band: 'good', why: /owning team/ },
  // A noun phrase earns nothing, however close it comes.
  { item: 'detect P1 payments DNS probe for fraud-api.internal.corp paging after 2 minutes', concept: null, band: 'vague', why: /a noun phrase, with no action in it/ },

  // Vague: nothing anyone could finish. No credit, even near a concept.
  { item: 'detect P2 payments Improve monitoring', concept: null, band: 'vague', why: /"Improve" wishes for better/ },
  { item: 'prevent P2 platform Look into DNS stuff', concept: null, band: 'vague' },
  { item: 'mitigate P2 payments Make the payment system more robust', concept: null, band: 'vague', why: /"Make" wishes for better/ },
  { item: 'detect P2 payments Investigate better alerting for fraud-api', concept: null, band: 'vague', why: /"Investigate" puts off deciding/ },
  { item: 'prevent P1 platform Fix the root cause', concept: null, band: 'vague' },
  { item: 'process P3 payments Review the runbook', concept: null, band: 'vague' },

  // Blameful or asking people to behave better: negative.
  { item: 'process P2 @marco Marco should get DNS training', concept: null, band: 'blameful', why: /names a person/ },
  { item: 'process P2 platform Alice to get DNS training', concept: null, band: 'blameful', why: /Alice to/ },
  { item: 'prevent P2 platform Be more careful with DNS changes', concept: null, band: 'blameful', why: /be more careful/ },
  { item: 'process P1 payments Remind engineers to double-check Terraform plans before applying', concept: null, band: 'blameful' },
  { item: 'process P2 payments Priya must pay more attention to the change feed', concept: null, band: 'blameful' },
  { item: 'prevent P2 platform Root cause was human error; the Terraform author should have known', concept: null, band: 'blameful', why: /human error/ },

  // Harmful: would make the next incident worse, whatever concept it brushes.
  { item: 'mitigate P1 payments Add fraud-api to the payment-processor liveness probe', concept: null, band: 'harmful', harmful: 'dependency-in-health-check', why: /liveness/ },
  { item: 'detect P1 payments Make /healthz call fraud-api.internal.corp so broken pods restart', concept: null, band: 'harmful', harmful: 'dependency-in-health-check' },
  { item: 'mitigate P2 payments Increase the fraud client timeout to 30 s', concept: null, band: 'harmful', harmful: 'longer-timeout', why: /touches a follow-up this incident needs/ },
  { item: 'mitigate P2 payments Disable the fraud check', concept: null, band: 'harmful', harmful: 'disable-safety' },
  { item: 'mitigate P2 payments Add more retries to fraud-api calls', concept: null, band: 'harmful', harmful: 'retry-storm' },
  { item: 'mitigate P1 platform Restart payment-db when payment errors exceed 50%', concept: null, band: 'harmful', harmful: 'restart-healthy' },

  // Off-topic: fine items that this incident does not call for.
  { item: 'detect P2 payments Alert when payment-db disk usage exceeds 85% for 30 minutes', concept: null, band: 'good', why: /meets none of the follow-ups/ },
  { item: 'prevent P2 payments Add an index to the transactions listing query on payment-db', concept: null, band: 'good' },
  { item: 'detect P2 payments Add a canary for fraud-api that pages on failure', concept: 'dependency-detect', band: 'good' },
  { item: 'process P2 comms Publish a status page template for payment outages', concept: null, band: 'good' },

  // Near misses that must not be misread.
  { item: 'process P2 ic-rotation Add fraud-api DNS failure to the on-call training drill every quarter', concept: null, band: 'good' },
  { item: 'detect P1 payments Add a DNS health check for fraud-api.internal.corp that pages payments after 2 minutes', concept: 'dependency-detect', band: 'good' },
  { item: 'prevent P1 payments Fail CI when /healthz calls fraud-api or any other dependency, so health checks stay process-only', concept: null, band: 'good' },
  // The examples of the issue that asked for a judge built on a language model.
  { item: 'detect P1 platform Add alert monitor SLO dashboard runbook test for DNS', concept: null, band: 'vague', why: /a string of nouns/ },
  { item: 'process P1 platform Fire the engineer who deleted the record', concept: null, band: 'blameful', why: /punishes people/ },
  { item: 'process P1 platform Require Marco to get sign-off from a senior engineer before changing DNS', concept: null, band: 'blameful', why: /makes a person the fix/ },
  { item: 'process P2 platform Require Priya to approve every DNS change personally', concept: null, band: 'blameful' },
  { item: 'process P2 observability Require an owner, ticket and max 24h expiry on every Alertmanager silence', concept: null, band: 'good' },
  { item: 'detect P1 payments Add more DNS alerts for payments (JIRA-4521)', concept: 'dependency-detect', band: 'ok', why: /a ticket number like JIRA-4521 is not an end state/ },
  { item: 'prevent P2 platform Fix DNS per INC-20931', concept: null, band: 'vague', why: /not an end state/ },
  { item: 'prevent P2 platform Harden the SSH config on the bastion hosts to key-only logins by 2026-04-01', concept: null, band: 'good' },
  // "pages" here are web pages: a word collision does not make it a detect item.
  { item: 'mitigate P2 platform Exclude special pages from the Elasticsearch index rebuild', concept: null, band: 'good', readsAs: null },
  { item: 'detect P1 payments Page the payments on-call when fraud-api.internal.corp stops resolving for 2 minutes', concept: 'dependency-detect', band: 'good', readsAs: 'detect' },
  { item: 'repair P1 payments Recover the 412 failed payments from 21:02-21:30 and notify the merchants', concept: 'reconcile', band: 'good' },
  { item: 'process P2 platform Establish a weekly review of New Relic error rates for payment-db', concept: null, band: 'good' },
  { item: 'mitigate P1 payments Revert the fraud client timeout to 2 s in payment-processor', concept: 'client-timeouts', band: 'good' },
  { item: 'mitigate P2 platform Stop sending fraud-api traffic through the WAF during DNS failover', concept: null, band: 'good' },
  { item: 'process P2 observability Time-limit every Alertmanager silence to 24 hours', concept: null, band: 'good' },
  { item: 'process P2 platform Be more careful with DNS', concept: null, band: 'blameful', why: /more careful/ },
  { item: 'process P2 platform Pay closer attention to the change feed during incidents', concept: null, band: 'blameful', why: /closer attention/ },
  { item: 'process P2 platform Retrain the on-call engineer on the payments runbook', concept: null, band: 'blameful', why: /corrects a person/ },
  { item: 'process P2 platform Discipline whoever pushed the bad config', concept: null, band: 'blameful' },
  { item: 'detect P2 platform We will look at improving DNS reliability', concept: null, band: 'vague', why: /starts with who will act/ },
  { item: 'detect P2 platform Better alerting for payments', concept: null, band: 'vague', why: /wishes for better/ },
  { item: 'process P2 payments Payments should add retries', concept: null, band: 'vague' },
];

function parse(row: Row) {
  const [type, priority, owner, ...text] = row.item.split(' ');
  return { type: type!, priority: priority!, owner: owner!, text: text.join(' ') };
}

describe('action items judged against payment-fraud-dns concepts', () => {
  it('has a large enough table', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
  });
  it.each(rows.map((r) => [r.item, r] as const))('%s', (_, row) => {
    const [j] = judgeItems(scenario, [parse(row)]);
    const explain = `${qualityLine(j!)}\nnotes: ${j!.notes.join(' | ')}\nbetter: ${j!.better.join(' | ')}`;
    expect({ concept: j!.concept, also: j!.concepts.slice(1), band: j!.band, harmful: j!.harmful }, explain).toEqual({
      concept: row.concept,
      also: row.also ?? [],
      band: row.band,
      harmful: row.harmful ?? null,
    });
    if (row.readsAs !== undefined) expect(j!.readsAs, explain).toBe(row.readsAs);
    if (row.why) expect([...j!.notes, ...j!.better].join('\n'), explain).toMatch(row.why);
    // Every judgement explains itself.
    expect(j!.notes.length).toBeGreaterThan(0);
    if (j!.band !== 'good') expect(j!.better.length, explain).toBeGreaterThan(0);
  });
});
