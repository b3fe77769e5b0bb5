import { createRequire } from 'node:module';

/**
 * wink-nlp with its English model, loaded on first use (about 0.4 s), never
 * on the way to the first frame. Synchronous so the engine stays a plain
 * function of its events; wink is deterministic.
 */
interface Token {
  text: string;
  lemma: string;
  pos: string;
  negated: boolean;
}

type Nlp = { readDoc(text: string): { tokens(): { out(what: unknown): unknown[] } } ; its: Record<string, unknown> };

let instance: Nlp | null = null;

function nlp(): Nlp {
  if (!instance) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: unknown) => Nlp;
    instance = winkNLP(require('wink-eng-lite-web-model'));
  }
  return instance;
}

/** Tokens with their lemma, part of speech and whether a negation governs them. */
export function tokenize(text: string): Token[] {
  const n = nlp();
  const tokens = n.readDoc(text).tokens();
  const texts = tokens.out(n.its['value']) as string[];
  const lemmas = tokens.out(n.its['lemma']) as string[];
  const pos = tokens.out(n.its['pos']) as string[];
  const neg = tokens.out(n.its['negationFlag']) as boolean[];
  return texts.map((t, i) => ({ text: t, lemma: (lemmas[i] ?? t).toLowerCase(), pos: pos[i] ?? '', negated: neg[i] === true }));
}
