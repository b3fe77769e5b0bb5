import { languageModel, languageModelLoaded } from '../text/language-model.js';

/**
 * Part-of-speech tags, lemmas and entities for short English texts, from
 * wink-nlp and its English model (wink-eng-lite-web-model). Chosen over
 * compromise because the model ships as an npm package and works offline,
 * gives universal POS tags, lemmas and entities (dates, durations,
 * percentages, cardinals with their spans) from one pass, and tags a short
 * text in well under a millisecond once loaded.
 *
 * Loading the model costs about a second, so it is loaded on the first text
 * judged, never on the way to a frame: `createRequire` keeps it out of the
 * bundle's static imports (scripts/startup-closure.mjs must not list it).
 * Deterministic: the same text always gets the same tags.
 */
export interface Token {
  text: string;
  lower: string;
  /** Universal POS tag: VERB, NOUN, PROPN, ADJ, ADP, AUX, DET, NUM, PUNCT, … */
  pos: string;
  lemma: string;
  /** wink's token type: word, number, punctuation, url, email, … */
  type: string;
  /** Xxxx, XXX, dd, … */
  shape: string;
  /** The type of the entity (DATE, DURATION, PERCENT, CARDINAL, MONEY, TIME, …) this token is part of, or null. */
  entity: string | null;
  /** Whether white space comes before this token in the text. */
  spaced: boolean;
}

interface WinkItem {
  out(f?: unknown): any;
}
interface WinkCollection {
  out(f?: unknown): any;
  length(): number;
  itemAt(i: number): WinkItem;
  each(f: (item: WinkItem) => void): void;
}
interface WinkDoc {
  tokens(): WinkCollection;
  entities(): WinkCollection;
}
interface Wink {
  readDoc(text: string): WinkDoc;
  its: Record<string, unknown>;
}

function load(): Wink {
  return languageModel() as Wink;
}

/** Whether the model has been loaded in this process (for the startup check). */
export const nlpLoaded = languageModelLoaded;

const cache = new Map<string, Token[]>();
const CACHE_MAX = 4000;

/** The text's tokens, tagged. */
export function tag(text: string): Token[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const nlp = load();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const ts = doc.tokens();
  const entity: (string | null)[] = new Array<string | null>(ts.length()).fill(null);
  doc.entities().each((e) => {
    const [a, b] = e.out(its.span) as [number, number];
    for (let i = a; i <= b; i++) entity[i] = e.out(its.type) as string;
  });
  const out: Token[] = [];
  for (let i = 0; i < ts.length(); i++) {
    const t = ts.itemAt(i);
    const text = t.out() as string;
    out.push({
      text,
      lower: text.toLowerCase(),
      pos: t.out(its.pos) as string,
      lemma: (t.out(its.lemma) as string).toLowerCase(),
      type: t.out(its.type) as string,
      shape: t.out(its.shape) as string,
      entity: entity[i] ?? null,
      spaced: (t.out(its.precedingSpaces) as string).length > 0,
    });
  }
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(text, out);
  return out;
}
