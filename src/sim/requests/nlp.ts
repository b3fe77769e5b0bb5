import { languageModel } from '../../text/language-model.js';

/** Tokens of a request with their lemma, part of speech and whether a negation governs them (wink-nlp, shared, loaded on first use). */
export interface Token {
  text: string;
  lemma: string;
  pos: string;
  negated: boolean;
}

export function tokenize(text: string): Token[] {
  const n = languageModel();
  const tokens = n.readDoc(text).tokens();
  const texts = tokens.out(n.its['value']) as string[];
  const lemmas = tokens.out(n.its['lemma']) as string[];
  const pos = tokens.out(n.its['pos']) as string[];
  const neg = tokens.out(n.its['negationFlag']) as boolean[];
  return texts.map((t, i) => ({ text: t, lemma: (lemmas[i] ?? t).toLowerCase(), pos: pos[i] ?? '', negated: neg[i] === true }));
}
