import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { cellWidth, ONE_CELL_RANGES, takeCells, takeLastCells } from '../../src/text/cells.js';
import { abbreviate, fit, padEnd, shortName, textWidth, truncate, truncateMiddle, truncateStart, wrapText } from '../../src/ui/text.js';

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
      expect(textWidth(abbreviate(s, w)), `abbreviate ${w}`).toBeLessThanOrEqual(w);
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

  it('abbreviates labels by whole words or path segments, never inside one', () => {
    expect(abbreviate('fraud-api calls completed/s', 22)).toBe('fraud-api… completed/s');
    expect(abbreviate('/v1/appoints/available-schedule p95', 20)).toBe('/v1/appoints… p95');
    expect(abbreviate('/v2/appoints/available-schedule 5xx', 20)).toBe('/v2/appoints… 5xx');
    expect(abbreviate('payment-db query time (client side)', 20)).toBe('payment-db query…');
    expect(abbreviate('short label', 20)).toBe('short label');
    // Every kept piece is a whole word of the label.
    for (const label of ['CPU the application target (HPA target 70%)', 'appoints-v2 CPU (% of limit, per pod)', 'GET /api/v1/payments/:id p95 (server span)']) {
      const words = new Set(label.split(/[ /]+/u));
      for (let w = 12; w < label.length; w++) {
        const out = abbreviate(label, w);
        expect(textWidth(out)).toBeLessThanOrEqual(w);
        for (const piece of out.split(/[ /…]+/u).filter(Boolean)) expect(words.has(piece), `${w}: ${out}`).toBe(true);
      }
    }
    // Only a single word wider than the room is cut.
    expect(abbreviate('TransactionsControllerIndex', 10)).toBe('Transacti…');
  });

  it('shortens a name to the first name and an initial', () => {
    expect(shortName('Priya Raman', 8)).toBe('Priya R.');
    expect(shortName('Marco Bianchi', 20)).toBe('Marco Bianchi');
    expect(shortName('Alexandria Ocasio', 8)).toBe('Alexand…');
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

describe('text of one cell per character', () => {
  it('every code point of the fast path is its own grapheme, one cell wide, by string-width, alone and beside others', () => {
    const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const wrong: string[] = [];
    for (const [from, to] of ONE_CELL_RANGES) {
      for (let cp = from; cp <= to; cp++) {
        const ch = String.fromCodePoint(cp);
        if (stringWidth(ch) !== 1 || stringWidth(`x${ch}${ch}`) !== 3 || [...seg.segment(`x${ch}${ch}x`)].length !== 4) wrong.push(cp.toString(16));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('measures and cuts such text as string-width does, and leaves other text to the grapheme path', () => {
    const spark = '│…routes  Requests/s ▁▂▃▄▅▆▇█ 24.2 req/s · p95 → 9940 ms ┐';
    expect(cellWidth(spark)).toBe(stringWidth(spark));
    expect(takeCells(spark, 30)).toBe(spark.slice(0, 30));
    expect(cellWidth('日本 ▄')).toBe(stringWidth('日本 ▄'));
    expect(cellWidth('e\u0301▄')).toBe(2);
    expect(takeCells('▄日本', 2)).toBe('▄');
  });
});
