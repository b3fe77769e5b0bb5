import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { terminalSafe, terminalSafeDeep } from '../../src/text/terminal-safe.js';

const ESC = '\u001b';
const BEL = '\u0007';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;

describe('terminalSafe', () => {
  it.each([
    ['OSC title, BEL-terminated', `a${ESC}]0;pwned${BEL}b`, 'ab'],
    ['OSC title, ST-terminated', `a${ESC}]2;pwned${ESC}\\b`, 'ab'],
    ['OSC 8 hyperlink', `${ESC}]8;;http://x${ESC}\\link${ESC}]8;;${ESC}\\`, 'link'],
    ['OSC 52 clipboard write', `x${ESC}]52;c;cm0gLXJmIH4K${BEL}y`, 'xy'],
    ['CSI clear screen', `a${ESC}[2J${ESC}[Hb`, 'ab'],
    ['CSI colour', `${ESC}[31;1mred${ESC}[0m`, 'red'],
    ['CSI private mode (alternate screen)', `${ESC}[?1049lx`, 'x'],
    ['C1 CSI', `a\u009b2Jb`, 'ab'],
    ['C1 OSC', `a\u009d0;t\u009cb`, 'ab'],
    ['DCS', `a${ESC}Pq#0;2;0;0;0${ESC}\\b`, 'ab'],
    ['APC', `a${ESC}_secret${ESC}\\b`, 'ab'],
    ['PM and SOS', `a${ESC}^x${ESC}\\${ESC}Xy${ESC}\\b`, 'ab'],
    ['unterminated OSC eats to the end', `a${ESC}]0;never ends`, 'a'],
    ['ESC c (full reset)', `a${ESC}cb`, 'ab'],
    ['ESC ( B (charset)', `a${ESC}(Bb`, 'ab'],
    ['lone ESC at the end', `ab${ESC}`, 'ab'],
    ['backspace and bell', `a\bb${BEL}c`, 'abc'],
    ['DEL and C1', `a\u007fb\u0085c`, 'abc'],
    ['carriage return overwrite', `safe\rEVIL`, 'safe EVIL'],
    ['tab becomes a space', `a\tb`, 'a b'],
  ])('%s', (_, input, want) => {
    expect(terminalSafe(input)).toBe(want);
  });

  it('turns line breaks into spaces unless asked to keep them', () => {
    expect(terminalSafe('one\ntwo\r\nthree')).toBe('one two three');
    expect(terminalSafe('one\ntwo\r\nthree\rfour', { newlines: true })).toBe('one\ntwo\nthree\nfour');
  });

  it('leaves clean text, wide characters and emoji alone (the same string)', () => {
    const s = '漢字 ✓ 🔥 🇯🇵 é ─│';
    expect(terminalSafe(s)).toBe(s);
  });

  it.each([
    ['a joined family emoji: its people, side by side', '👩\u200d👩\u200d👧 ok', '👩👩👧 ok'],
    ['a variation selector (❤ as emoji)', '❤\ufe0f ok', '❤ ok'],
    ['a skin tone', '👍\u{1f3fd} ok', '👍 ok'],
    ['a keycap', '1\ufe0f\u20e3 ok', '1 ok'],
    ['tag characters (a subdivision flag)', '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f} ok', '🏴 ok'],
    ['a bidirectional override ("Trojan source")', 'admin\u202egnp.exe\u202c ok', 'admingnp.exe ok'],
  ])('drops what terminals draw at different widths or orders: %s', (_, input, want) => {
    expect(terminalSafe(input)).toBe(want);
  });

  it('never leaves a control character, whatever the input', () => {
    const pieces = fc.constantFrom(ESC, '[', ']', '\\', BEL, '\u009b', '\u009c', '\u009d', 'P', '_', '0', ';', 'm', '?', 'a', ' ', '\n', '\r', '\t', '\u0000', '\u0090', '漢');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), fc.boolean(), (parts, newlines) => {
        const out = terminalSafe(parts.join(''), { newlines });
        expect(out).not.toMatch(CONTROL);
        if (!newlines) expect(out).not.toContain('\n');
      }),
    );
  });

  it('a megabyte of escapes is cleaned in one pass', () => {
    const big = `${ESC}]0;x`.repeat(200_000) + `${ESC}[`.repeat(200_000) + '0mend';
    expect(terminalSafe(big)).toBe('end');
  });
});

describe('terminalSafeDeep', () => {
  it('cleans every string and shares what did not change', () => {
    const clean = { a: 'ok', list: [1, 'two'] };
    const v = { clean, dirty: { name: `x${ESC}]0;t${BEL}`, n: 3 }, lines: ['a', `b${ESC}[2J`] };
    const out = terminalSafeDeep(v);
    expect(out).toEqual({ clean, dirty: { name: 'x', n: 3 }, lines: ['a', 'b'] });
    expect(out.clean).toBe(clean);
    expect(v.dirty.name).toContain(ESC);
    expect(terminalSafeDeep(clean)).toBe(clean);
  });

  it('keeps newlines by default (briefings and answers are several lines)', () => {
    expect(terminalSafeDeep({ t: 'a\nb' }).t).toBe('a\nb');
  });
});
