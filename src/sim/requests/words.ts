/** Plain-word helpers shared by the matcher and the role rules: content words, loosely stemmed. */
const STOP = new Set(
  'the a an and or to of on in for from with at by is are be it its this that these those our your my me us we you i can could would please pls plz just now then also too some any all what whats which who how why when where there here do does did dont not no more back again up down off out over into as if so check run show look get see one per'.split(' '),
);

export function stem(w: string): string {
  return w.length > 4 ? w.replace(/(ing|ed|es|s)$/, '') : w.length > 3 ? w.replace(/s$/, '') : w;
}

/** The content words of a text, stemmed. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().split(/[^a-z0-9_]+/)) if (w.length >= 3 && !STOP.has(w)) out.add(stem(w));
  return out;
}

export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}
