import { isMap, isPair, isScalar, type Document, type YAMLError } from 'yaml';

/**
 * The YAML mistakes scenario authors actually make, explained in the
 * author's terms with the quoted line to write instead. The parser's own
 * messages ("Nested mappings are not allowed in compact mappings",
 * `Unrecognized key: "IP blocks)"`) describe the grammar, not the fix.
 */

/** Quotes a value for YAML in single quotes (a quote inside is doubled). */
export function quoted(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The `key: value` segment of a flow collection (`{ a: 1, b: 2 }`) around a column. */
function flowSegment(line: string, col: number): string {
  const at = Math.min(Math.max(col - 1, 0), line.length);
  const start = Math.max(line.lastIndexOf('{', at), line.lastIndexOf(',', at - 1), line.lastIndexOf('[', at)) + 1;
  let end = line.slice(at).search(/[,}\]]/);
  end = end < 0 ? line.length : at + end;
  return line.slice(start, end).trim();
}

/** `key: rest of the line` rewritten with the rest quoted. */
function quoteAfterKey(segment: string): string | null {
  const m = /^(?:-\s+)?([^\s:'"{[][^:]*?):\s+(.+?)\s*$/.exec(segment);
  return m ? `${m[1]}: ${quoted(m[2]!)}` : null;
}

/** A parse error explained when it is one of the known traps; null leaves the parser's message. */
export function explainParseError(err: YAMLError, text: string, line: number, col: number): string | null {
  const lines = text.split('\n');
  const here = lines[line - 1] ?? '';

  // "text: Note: the cache is cold" — the second ": " starts a mapping inside the value.
  if (err.code === 'BLOCK_AS_IMPLICIT_KEY' || err.code === 'BLOCK_IN_FLOW') {
    const inFlow = err.code === 'BLOCK_IN_FLOW';
    const fix = quoteAfterKey(inFlow ? flowSegment(here, col) : here.trim());
    if (fix && /:\s.*:\s/.test(inFlow ? flowSegment(here, col) : here)) {
      return `this value contains ": ", which YAML reads as the start of another mapping; quote the string: ${fix}`;
    }
  }

  // "{ text: see issue #42, … }" — inside a flow collection " #" starts a comment, cutting the line short.
  for (let i = line - 1; i >= Math.max(0, line - 4); i--) {
    const l = lines[i] ?? '';
    const hash = l.search(/\s#/);
    const before = l.slice(0, hash);
    const open = (before.match(/[{[]/g) ?? []).length - (before.match(/[}\]]/g) ?? []).length;
    if (hash < 0 || open <= 0) continue;
    const fix = quoteAfterKey(flowSegment(l, hash + 2));
    return `line ${i + 1}: inside { … } or [ … ] a " #" starts a comment, so the rest of that line was dropped; quote text that contains "#"${fix ? `: ${fix}` : ''}`;
  }
  return null;
}

/**
 * An unknown key in a flow mapping with no value, right after a plain
 * value: a comma inside that value split it (`title: Bad rule (WAF, IP
 * blocks)` inside `{ … }`). Returns the explanation, or null when the key is
 * simply unknown.
 */
export function explainSplitValue(doc: Document, mapPath: readonly (string | number)[], key: string): string | null {
  const map = doc.getIn(mapPath, true);
  if (!isMap(map) || !map.flow) return null;
  const index = map.items.findIndex((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
  const pair = map.items[index];
  const before = map.items[index - 1];
  if (index < 1 || !pair || (pair.value !== null && !(isScalar(pair.value) && pair.value.value === null))) return null;
  if (!isPair(before) || !isScalar(before.key) || !isScalar(before.value) || typeof before.value.value !== 'string') return null;
  const whole = `${before.value.value}, ${key}`;
  return `"${key}" is not a key: inside { … } a comma ends a value, so "${whole}" was split in two; quote it: ${String(before.key.value)}: ${quoted(whole)}`;
}

/** The source text of a number written where text is expected (`10250` in a keyword list), as written. */
export function numberAsWritten(doc: Document, path: readonly (string | number)[]): string | null {
  const node = doc.getIn(path, true);
  if (!isScalar(node) || typeof node.value !== 'number') return null;
  return node.source ?? String(node.value);
}
