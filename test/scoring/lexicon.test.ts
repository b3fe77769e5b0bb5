import { describe, expect, it } from 'vitest';
import { expandGroup, has, phrase, stem, text } from '../../src/scoring/lexicon.js';

describe('the concept lexicon matcher', () => {
  it('folds plurals and -ing/-ed forms together', () => {
    expect(['alert', 'alerts', 'alerting', 'alerted'].map(stem)).toEqual(['alert', 'alert', 'alert', 'alert']);
    expect(['page', 'pages', 'paging', 'paged'].map(stem)).toEqual(['pag', 'pag', 'pag', 'pag']);
    expect(['retries', 'retried', 'retry'].map(stem)).toEqual(['retry', 'retry', 'retry']);
  });

  it('matches at word boundaries, with prefixes for long stems only', () => {
    expect(has(text('Add a circuit breaker'), phrase('ci'))).toBe(false);
    expect(has(text('Add a CI gate'), phrase(' ci '))).toBe(true);
    expect(has(text('the slow query'), phrase('slo'))).toBe(false);
    expect(has(text('Run a reconciliation job'), phrase('reconcil'))).toBe(true);
    expect(has(text('fix the problem'), phrase('probe'))).toBe(false);
    expect(has(text('Deploy fraud-api.internal.corp probes'), phrase('probe'))).toBe(true);
    expect(has(text('caps of $500'), phrase('$'))).toBe(true);
  });

  it('expands a concept group with the synonym sets that share one of its phrases', () => {
    const g = expandGroup(['probe']).map((p) => p.text);
    expect(g).toEqual(expect.arrayContaining(['probe', 'blackbox', 'synthetic check', 'canary']));
    expect(expandGroup(['runbook']).map((p) => p.text)).toContain('playbook');
    expect(expandGroup(['circuit breaker']).map((p) => p.text)).toEqual(expect.arrayContaining(['breaker', 'fail fast', 'fallback']));
    expect(expandGroup(['dns']).map((p) => p.text)).toEqual(expect.arrayContaining(['name resolution', 'resolver']));
    expect(expandGroup(['alert']).map((p) => p.text)).toEqual(expect.arrayContaining(['page', 'alarm']));
    // One level only: "notify" is not an alert word, so alert groups do not pick up reconciliation words.
    expect(expandGroup(['alert']).map((p) => p.text)).not.toContain('notify');
  });
});
