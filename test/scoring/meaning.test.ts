import { describe, expect, it } from 'vitest';
import { answerAddresses, judgeRootCause } from '../../src/scoring/meaning.js';
import { checkpoint, loadFixture, playText } from '../helpers.js';

const scenario = (id: string) => loadFixture(`scenarios/${id}.yaml`).scenario;

describe('root causes and answers are judged by meaning', () => {
  it.each([
    ['visits-slow-query', 'missing-index', 'missing index on visits.center_id'],
    ['k8s-observability-blindspot', 'v1-workers-apiservice', 'metrics-server port mismatch: its Service targets port 4443 but the container listens on 10250'],
    ['k8s-observability-blindspot', 'v2-pool-apiservice', 'The metrics-server APIService targetPort does not match the port the pod serves on'],
    ['payment-fraud-dns', 'record-deleted', 'the fraud-api DNS record was deleted by a terraform cleanup'],
  ])('%s (%s): "%s" says what broke', (id, variant, text) => {
    expect(judgeRootCause(scenario(id), variant, text).fraction).toBe(1);
  });

  it.each([
    ['visits-slow-query', 'n-plus-one', 'missing index on visits.center_id'],
    ['k8s-observability-blindspot', 'v1-workers-apiservice', 'v1 gunicorn workers saturated and metrics-server failed TLS verification of the kubelet certificate'],
    ['payment-fraud-dns', 'coredns-forwarder', 'the fraud-api DNS record was deleted by a terraform cleanup'],
    ['payment-fraud-dns', 'record-deleted', 'DNS lookups for fraud-api failed'],
    ['payment-fraud-dns', 'record-deleted', 'the database got overloaded and the pods were unhealthy'],
  ])('%s (%s): "%s" misses what broke', (id, variant, text) => {
    expect(judgeRootCause(scenario(id), variant, text).fraction).toBeLessThan(0.5);
  });

  it('an answer that addresses the question in other words counts; one that does not, does not', () => {
    const s = scenario('visits-slow-query');
    const q = s.stakeholders.flatMap((x) => x.questions).find((x) => x.id === 'tomasz-lost')!;
    expect(answerAddresses(s, q.covers, 'No check-ins are lost: the Kafka consumer is behind and is catching up now.')).toBe(true);
    expect(answerAddresses(s, q.covers, 'We are looking at it.')).toBe(false);
  });
});

describe('"saw" credit is what the screen showed while the signal was there', () => {
  it('opening the observability panel before anything happened earns nothing; leaving it open when the signal comes does', async () => {
    const id = 'k8s-observability-blindspot';
    const cp = scenario(id).rubric.find((c) => c.check.kind === 'evidence' && c.check.any.includes('ruler-dash'))!;
    const early = await playText(`scenarios/${id}.yaml`, '00:04 dash obs\n00:06 dash routes', 1, 'v1-workers-tls');
    expect(early.session.engine.state.evidence['ruler-dash']).toBeUndefined();
    expect(checkpoint(early.score, cp.id).reason).toMatch(/never saw/);
    const open = await playText(`scenarios/${id}.yaml`, '00:04 dash obs', 1, 'v1-workers-tls');
    const onset = open.session.engine.state.onsetSec!;
    expect(open.session.engine.state.evidence['ruler-dash']).toBe(onset);
  });
});
