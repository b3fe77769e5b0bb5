import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/index.js';

describe('command parser', () => {
  it('parses the core verbs', () => {
    expect(parseCommand('sev 2')).toEqual({ ok: true, command: { verb: 'sev', level: 2 } });
    expect(parseCommand('ask Maria run dig fraud-api.internal.corp in 5m')).toEqual({
      ok: true,
      command: { verb: 'ask', who: 'maria', task: 'run dig fraud-api.internal.corp', boxSec: 300 },
    });
    expect(parseCommand('logs service=payment-processor level=error text~fraud')).toEqual({
      ok: true,
      command: { verb: 'logs', equals: { service: 'payment-processor', level: 'error' }, text: 'fraud', clear: false },
    });
    expect(parseCommand('dash errors by path')).toEqual({ ok: true, command: { verb: 'dash', panel: 'errors', by: 'path' } });
    expect(parseCommand('pm action detect P1 @payments Alert when DNS fails')).toEqual({
      ok: true,
      command: { verb: 'pm-action', type: 'detect', priority: 'P1', owner: '@payments', text: 'Alert when DNS fails' },
    });
    expect(parseCommand('hyp 1 confirm because NXDOMAIN')).toEqual({ ok: true, command: { verb: 'hyp-settle', n: 1, verdict: 'confirm', because: 'NXDOMAIN' } });
  });

  it('answers bad input with what would have worked', () => {
    const r = parseCommand('sev banana');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.usage).toContain('sev N');
    const typo = parseCommand('escalat payments');
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.error).toContain('did you mean `escalate`');
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = parseCommand(s);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.constantFrom('ask', 'sev', 'pm', 'logs', 'dash', 'hyp', 'reply', 'role'), fc.string({ maxLength: 80 }), (verb, rest) => {
        const r = parseCommand(`${verb} ${rest}`);
        if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});
