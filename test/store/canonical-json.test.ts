import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/store/index.js';

describe('canonicalJson', () => {
  it('sorts keys recursively and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('is independent of key insertion order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('follows JSON.stringify for the awkward values', () => {
    expect(canonicalJson({ u: undefined, n: null, f: () => 1 })).toBe('{"n":null}');
    expect(canonicalJson([undefined, NaN, Infinity])).toBe('[null,null,null]');
    expect(canonicalJson(new Date(0))).toBe('"1970-01-01T00:00:00.000Z"');
    expect(canonicalJson('line\n"quoted"')).toBe(JSON.stringify('line\n"quoted"'));
  });

  it('round-trips through JSON.parse unchanged', () => {
    const text = canonicalJson({ b: [1.5, -0, 1e21, 'é'], a: true });
    expect(canonicalJson(JSON.parse(text))).toBe(text);
  });

  it('refuses values JSON cannot represent', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
    expect(() => canonicalJson({ big: 1n })).toThrow();
  });
});
