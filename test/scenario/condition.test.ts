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
});
