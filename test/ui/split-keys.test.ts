import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { splitKeys } from '../../src/ui/hooks/split-keys.js';

const plain = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false } satisfies Key;
const named = (keys: [string, Key][]) => keys.map(([input, k]) => [input, Object.entries(k).filter(([, v]) => v === true).map(([n]) => n).join('+')]);

describe('a chunk of keys', () => {
  it('leaves a single key, plain text and a flagged key as they came', () => {
    expect(splitKeys('b', plain)).toEqual([['b', plain]]);
    expect(splitKeys('rollback fraud-api', plain)).toEqual([['rollback fraud-api', plain]]);
    const ctrlU = { ...plain, ctrl: true };
    expect(splitKeys('u', ctrlU)).toEqual([['u', ctrlU]]);
  });

  it('splits ctrl-u typed with the next letter (as an SSH connection may send them) into ctrl-u, then the letter', () => {
    expect(named(splitKeys('\u0015b', plain))).toEqual([['u', 'ctrl'], ['b', '']]);
  });

  it('keeps text runs whole and gives each control character the key Ink reports for it alone', () => {
    expect(named(splitKeys('ack\rstatus x\tab\u007f\b\u0017\n', plain))).toEqual([
      ['ack', ''],
      ['', 'return'],
      ['status x', ''],
      ['', 'tab'],
      ['ab', ''],
      ['', 'delete'],
      ['', 'backspace'],
      ['w', 'ctrl'],
      ['', 'return'],
    ]);
  });

  it('drops control characters that are no key', () => {
    expect(named(splitKeys('a\u0000\u001cb', plain))).toEqual([['a', ''], ['b', '']]);
  });
});
