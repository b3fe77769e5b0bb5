import { describe, expect, it } from 'vitest';
import { loadFixture } from '../helpers.js';
import { understand } from '../../src/sim/requests/matcher.js';
import { outcomeLabel } from '../../src/sim/requests/outcome.js';
import { quantities } from '../../src/sim/requests/units.js';

const scenario = (id: string) => loadFixture(`scenarios/${id}.yaml`).scenario;
const labels = (id: string, who: string, text: string) => understand(scenario(id), { person: who }, text).map(outcomeLabel);

describe('a change is proposed only when the request is sure of it', () => {
  it('"undo the X" where X is a thing, not a verb, proposes what undoes X, never X', () => {
    expect(labels('payment-fraud-dns', 'priya', 'undo the degraded mode on the fraud check')).toEqual(['act fraud-enforce']);
    expect(labels('tokenize-latency-apm', 'noor', 'revert the bulkhead')).toEqual(['act unguard']);
    expect(labels('lost-orders-broker', 'ana', 'revert the ordering pause')).toEqual(['act resume-ordering']);
  });

  it('an undo whose object no action undoes asks, never runs another rollback', () => {
    expect(labels('visits-slow-query', 'aiko', 'roll back the vacuum')).toEqual(['clarify']);
    expect(labels('tokenize-latency-apm', 'noor', 'undo the puma thread bump')).toEqual(['clarify']);
  });

  it('a compound whose parts agree is that one change', () => {
    expect(labels('payment-fraud-dns', 'priya', 'revert the fail-open and put scoring back to enforce')).toEqual(['act fraud-enforce']);
  });

  it('"put X back" is read as "put back X"', () => {
    expect(labels('payment-fraud-dns', 'marco', 'can you add the missing A record back')).toEqual(['act fix-record']);
  });

  it('a lead who is not on call makes only their own team\'s changes, and names whose the rest is', () => {
    expect(labels('lost-orders-broker', 'kenji', 'bounce the rabbitmq nodes')).toEqual(['redirect platform']);
    expect(labels('lost-orders-broker', 'kenji', 'roll back order-service')).toEqual(['redirect orders']);
    // on-call engineers still make changes outside their own team's patch
    expect(labels('k8s-observability-blindspot', 'bruno', 'restart prometheus')).toEqual(['act restart-prometheus']);
  });

  it('the redirect names the team the request\'s own words point at', () => {
    expect(labels('payment-fraud-dns', 'lee', 'bounce the coredns pods')).toEqual(['redirect platform']);
    expect(labels('lost-orders-broker', 'sofia', 'refund everyone who was charged')).toEqual(['redirect payments']);
  });

  it('an argument after a comma belongs to the request before it; "its" is the thing named before', () => {
    expect(labels('payment-fraud-dns', 'priya', 'getent hosts for fraud-api, 10.20.8.41 expected')).toEqual(['diag getent']);
    expect(labels('tokenize-latency-apm', 'noor', 'set timeouts, 2 s open and 10 s read')).toEqual(['act tokenize-timeouts 2s,10s']);
    expect(labels('payment-fraud-dns', 'marco', 'show the corefile and its stub domains')).toEqual(['diag coredns-config']);
  });

  it('a bare count for each worker is a number the responder applies', () => {
    expect(quantities('cap it at 2 per worker')).toEqual(['2']);
    expect(quantities('2 s open, 10 s read, 3 per pod')).toEqual(['2s', '10s', '3']);
  });
});
