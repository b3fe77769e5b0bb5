import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/index.js';
import { ACTION_TYPES } from '../../src/scenario/vocabulary.js';

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

  it('tells pm action edit and delete apart from adding an item', () => {
    expect(ACTION_TYPES).not.toContain('edit');
    expect(ACTION_TYPES).not.toContain('delete');
    expect(parseCommand('pm action delete 2')).toEqual({ ok: true, command: { verb: 'pm-action-delete', n: 2 } });
    expect(parseCommand('pm action Edit 1 prevent p0 @platform Validate config pushes')).toEqual({
      ok: true,
      command: { verb: 'pm-action-edit', n: 1, type: 'prevent', priority: 'P0', owner: '@platform', text: 'Validate config pushes' },
    });
    for (const bad of ['pm action delete', 'pm action delete 0', 'pm action delete two', 'pm action delete 1 2', 'pm action edit x prevent P1 @a t']) {
      const r = parseCommand(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error, bad).toMatch(/N is the action item's number/);
    }
    const r = parseCommand('pm action edit 1 prevent P9 @a text');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^priority is/);
    const noText = parseCommand('pm action edit 1 prevent P1 @a');
    expect(noText.ok).toBe(false);
    if (!noText.ok) expect(noText.error).toBe('an action item needs its text');
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
