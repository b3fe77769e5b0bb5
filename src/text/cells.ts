import stringWidth from 'string-width';

/**
 * Display width in terminal cells: a CJK character or an emoji takes two, a
 * combining mark none. Strings are cut between graphemes (a flag or a family
 * emoji is never split). Printable ASCII, nearly everything this UI draws,
 * takes the fast path: one cell per character.
 */

const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/u;
/**
 * Text where every character is its own grapheme one cell wide: printable
 * ASCII plus the Latin letters, punctuation, arrows, box drawing, blocks and
 * shapes the screen draws (borders, sparklines ▁▄▇, "·", "…", "→"). Each of
 * these ranges is checked against string-width code point by code point in
 * test/text/cells.test.ts. Such text skips the grapheme segmenter, which a
 * sparkline that changes every frame would otherwise pay for each time.
 */
const ONE_CELL_EACH = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u202f-\u205e\u2190-\u21ff\u2500-\u25fc\u25ff]*$/u;
export const ONE_CELL_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0x2ff],
  [0x2010, 0x2027],
  [0x202f, 0x205e],
  [0x2190, 0x21ff],
  [0x2500, 0x25fc],
  [0x25ff, 0x25ff],
];
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// V8's segmenter slows down with the length of the string it walks (a
// 40,000-character word: ~0.7 s), so long text is segmented in windows.
const WINDOW = 512;

// string-width costs ~0.1 ms a call (it segments what it is given), so the
// width of each distinct grapheme is kept; text repeats its graphemes.
const GRAPHEME_CACHE = 8_192;
const graphemeWidths = new Map<string, number>();

function graphemeWidth(g: string): number {
  if (g.length === 1 && g >= ' ' && g <= '~') return 1;
  let w = graphemeWidths.get(g);
  if (w === undefined) {
    w = stringWidth(g);
    if (graphemeWidths.size >= GRAPHEME_CACHE) graphemeWidths.clear();
    graphemeWidths.set(g, w);
  }
  return w;
}

// A screen measures the same lines frame after frame (panel borders, the
// sparklines, a status with "·"), so the width of each distinct line is kept too.
const LINE_CACHE = 16_384;
const LINE_CACHE_MAX_LENGTH = 1024;
const lineWidths = new Map<string, number>();

/** Every character its own grapheme, one cell wide (the fast path above). */
export function isOneCellEach(s: string): boolean {
  return ONE_CELL_EACH.test(s);
}

/** One cell per character: printable ASCII only. */
export function isPlainAscii(s: string): boolean {
  return PRINTABLE_ASCII.test(s);
}

/** Cells the text takes: string-width's answer, summed grapheme by grapheme. */
export function cellWidth(s: string): number {
  if (ONE_CELL_EACH.test(s)) return s.length;
  let w = lineWidths.get(s);
  if (w !== undefined) return w;
  let sum = 0;
  eachGrapheme(s, (g) => {
    sum += graphemeWidth(g);
  });
  if (s.length <= LINE_CACHE_MAX_LENGTH) {
    if (lineWidths.size >= LINE_CACHE) lineWidths.clear();
    lineWidths.set(s, sum);
  }
  return sum;
}

/**
 * Calls `fn` with each grapheme and its offset, in order, until it returns
 * false. Linear in the text's length: each window's last grapheme, which the
 * window's end may have split, is carried into the next window.
 */
export function eachGrapheme(s: string, fn: (g: string, index: number) => boolean | void): void {
  let from = 0;
  while (from < s.length) {
    const end = Math.min(s.length, from + WINDOW);
    let last: { segment: string; index: number } | null = null;
    for (const seg of segmenter.segment(s.slice(from, end))) {
      if (last && fn(last.segment, from + last.index) === false) return;
      last = seg;
    }
    if (!last) return;
    if (end === s.length || last.index === 0) {
      // The text's end, or one grapheme longer than a window: take it as it is.
      if (fn(last.segment, from + last.index) === false) return;
      from += last.index + last.segment.length;
    } else from += last.index;
  }
}

/** The text's graphemes with their widths, in one pass. */
export function graphemes(s: string): { text: string; width: number }[] {
  const out: { text: string; width: number }[] = [];
  eachGrapheme(s, (g) => {
    out.push({ text: g, width: graphemeWidth(g) });
  });
  return out;
}

/** The longest start of `s` at most `width` cells wide. */
export function takeCells(s: string, width: number): string {
  if (width <= 0) return '';
  if (ONE_CELL_EACH.test(s)) return s.slice(0, width);
  let used = 0;
  let end = 0;
  eachGrapheme(s, (g, index) => {
    const w = graphemeWidth(g);
    if (used + w > width) return false;
    used += w;
    end = index + g.length;
    return true;
  });
  return s.slice(0, end);
}

/** The longest end of `s` at most `width` cells wide. */
export function takeLastCells(s: string, width: number): string {
  if (width <= 0) return '';
  if (ONE_CELL_EACH.test(s)) return s.slice(Math.max(0, s.length - width));
  // Only the tail can matter: segment a bounded end of a long string, dropping
  // its first grapheme, which the cut may have split.
  const room = width * 16 + 16;
  const parts = graphemes(s.length > room ? s.slice(s.length - room) : s);
  if (s.length > room) parts.shift();
  let used = 0;
  let i = parts.length;
  while (i > 0 && used + parts[i - 1]!.width <= width) used += parts[--i]!.width;
  return parts
    .slice(i)
    .map((p) => p.text)
    .join('');
}
