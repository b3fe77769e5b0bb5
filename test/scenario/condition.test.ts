import { describe, expect, it } from 'vitest';
import { evalCondition, parseCondition } from '../../src/scenario/condition.js';

const holds = (text: string, flags: string[]) => evalCondition(parseCondition(text), (f) => flags.includes(f));

describe('conditions', () => {
  it('evaluates and, or, not and parentheses', () => {
    expect(holds('onset & !fixed', ['onset'])).toBe(true);
    expect(holds('onset & !fixed', ['onset', 'fixed'])).toBe(false);
    expect(holds('(a | b) & c', ['b', 'c'])).toBe(true);
    expect(holds('always', [])).toBe(true);
    expect(holds('', [])).toBe(true);
    expect(holds('variant:x', ['variant:x'])).toBe(true);
  });
  it('rejects malformed expressions', () => {
    expect(() => parseCondition('a &')).toThrow(/ends too early/);
    expect(() => parseCondition('(a | b')).toThrow(/missing/);
    expect(() => parseCondition('a b')).toThrow(/unexpected/);
  });
  it('reads a counter test, which holds when one of its passing value flags is up', () => {
    const c = parseCondition('onset & admitted-pct >= 50');
    expect(c).toEqual({ kind: 'and', args: [{ kind: 'flag', name: 'onset' }, { kind: 'compare', counter: 'admitted-pct', op: '>=', value: 50 }] });
    // before the scenario fills in the passing values, a test holds for none
    expect(holds('admitted-pct >= 50', ['admitted-pct=60'])).toBe(false);
    const filled = parseCondition('!(n != 3)');
    if (filled.kind !== 'not' || filled.arg.kind !== 'compare') throw new Error('not a negated test');
    filled.arg.flags = ['n=1', 'n=2'];
    expect(evalCondition(filled, (f) => f === 'n=3')).toBe(true);
    expect(evalCondition(filled, (f) => f === 'n=2')).toBe(false);
    expect(parseCondition('n<-2')).toEqual({ kind: 'compare', counter: 'n', op: '<', value: -2 });
    expect(() => parseCondition('n >= ')).toThrow(/write a whole number/);
    expect(() => parseCondition('n >= 1.5')).toThrow(/write a whole number/);
  });
});
