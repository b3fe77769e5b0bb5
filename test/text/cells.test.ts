import { describe, expect, it } from 'vitest';
import { cellWidth, takeCells, takeLastCells } from '../../src/text/cells.js';
import { fit, padEnd, textWidth, truncate, truncateMiddle, truncateStart, wrapText } from '../../src/ui/text.js';

describe('terminal cells', () => {
  it('counts wide, emoji and combining characters as a terminal draws them', () => {
    expect(cellWidth('abc')).toBe(3);
    expect(cellWidth('漢字')).toBe(4);
    expect(cellWidth('🔥')).toBe(2);
    expect(cellWidth('👩‍👩‍👧')).toBe(2);
    expect(cellWidth('e\u0301')).toBe(1);
    expect(cellWidth('🇯🇵')).toBe(2);
  });

  it('cuts between graphemes, never inside a wide character', () => {
    expect(takeCells('漢字x', 3)).toBe('漢');
    expect(takeCells('e\u0301e\u0301', 1)).toBe('e\u0301');
    expect(takeCells('👩‍👩‍👧ab', 2)).toBe('👩‍👩‍👧');
    expect(takeLastCells('ab漢字', 3)).toBe('字');
    expect(takeLastCells('x'.repeat(100) + '漢字', 4)).toBe('漢字');
  });
});

describe('fitting text into columns', () => {
  const samples = ['plain ascii text here', '漢字かなカナ混じりの文章です', 'fire 🔥🔥 emoji 👩‍👩‍👧 family', 'cafe\u0301 combining', '🇯🇵🇫🇷 flags'];

  it.each(samples)('fit, truncate and pad are exactly the width asked: %s', (s) => {
    for (let w = 1; w <= 30; w++) {
      expect(textWidth(fit(s, w)), `fit ${w}`).toBe(w);
      expect(textWidth(truncate(s, w)), `truncate ${w}`).toBeLessThanOrEqual(w);
      expect(textWidth(truncateStart(s, w)), `truncateStart ${w}`).toBeLessThanOrEqual(w);
      expect(textWidth(truncateMiddle(s, w)), `truncateMiddle ${w}`).toBeLessThanOrEqual(w);
      expect(textWidth(padEnd(truncate(s, w), w))).toBe(w);
    }
  });

  it.each(samples)('wrapped lines fit the width and lose nothing: %s', (s) => {
    for (let w = 2; w <= 20; w++) {
      const lines = wrapText(s, w);
      for (const l of lines) expect(textWidth(l), `${w}: ${l}`).toBeLessThanOrEqual(w);
      expect(lines.join('').replace(/ /g, '')).toBe(s.replace(/ /g, ''));
    }
  });

  it('keeps the old behaviour for ASCII', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncateStart('abcdef', 4)).toBe('…def');
    expect(truncateMiddle('/v1/payments/authorize 5xx %', 12)).toBe('/v1/pa…5xx %');
    expect(wrapText('the quick brown fox', 10)).toEqual(['the quick', 'brown fox']);
    expect(wrapText('the quick brown fox', 10, 2)).toEqual(['the quick', '  brown', '  fox']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('wraps a megabyte-long word into lines of the width', () => {
    const word = 'x'.repeat(1_000_000);
    const lines = wrapText(`status ${word}`, 100);
    expect(lines.length).toBe(10_001);
    expect(lines.every((l) => l.length <= 100)).toBe(true);
    const wide = wrapText('漢'.repeat(100_000), 41);
    expect(wide.every((l) => textWidth(l) <= 41)).toBe(true);
    expect(wide.join('').length).toBe(100_000);
  });
});
