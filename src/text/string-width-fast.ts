import stringWidth, { type Options } from 'string-width';
import { isOneCellEach } from './cells.js';

/**
 * string-width for the libraries the screen is drawn with (Ink, wrap-ansi,
 * cli-truncate): the bundle points their `string-width` here
 * (scripts/build.mjs). Text of one-cell characters (borders, sparklines)
 * is answered by its length, as string-width would answer it, without the
 * grapheme segmenter and emoji pattern that string-width builds on its
 * first call and runs on every call after.
 */
export default function fastStringWidth(text: string, options?: Options): number {
  if (typeof text === 'string' && options?.ambiguousIsNarrow !== false && isOneCellEach(text)) return text.length;
  return stringWidth(text, options);
}
