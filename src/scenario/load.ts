import { isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { Problem } from './problems.js';
import { MAX_SCENARIO_BYTES, readScenarioText } from './read.js';
import { AT_START, validateScenario, type Locate, type LoadResult } from './validate.js';
import { explainParseError, explainSplitValue, numberAsWritten } from './yaml-traps.js';

// Reading a scenario's YAML: parse errors and paths located as file:line:col,
// then the checks in validate.ts.

export { MAX_SCENARIO_BYTES, readScenarioText, scenarioFiles, bundledScenarioDir } from './read.js';
export { scenarioFromRaw, scenarioHash, type Locate, type LoadedScenario, type LoadResult } from './validate.js';

export interface LocatedLoad {
  result: LoadResult;
  /** Locates a path of the scenario in its file; lint uses it for its findings. */
  locate: Locate;
}

/** The locate helper shared by validate and lint: a document path → line:col of its node. */
export function yamlLocator(doc: Document, lineCounter: LineCounter): Locate {
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, col: pos.col };
      }
    }
    return { line: 1, col: 1 };
  };
}

/** Scenarios are plain data: only the YAML core tags, never language-specific ones such as !!js/function. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((t) => `tag:yaml.org,2002:${t}`));
/** A scenario is a few levels deep; anything far deeper is not a scenario (and must not exhaust the stack). */
export const MAX_SCENARIO_DEPTH = 64;
/** Keys whose values are conditions, where a leading "!" is a negation the author forgot to quote. */
const CONDITION_KEYS = new Set(['when', 'unless', 'requires', 'mitigatedWhen', 'fixedWhen']);
/** At most this many parse problems are listed; a binary file would otherwise give thousands. */
const MAX_PARSE_PROBLEMS = 20;

export function loadScenarioText(text: string, file: string): LoadResult {
  return loadScenarioTextLocated(text, file).result;
}

export function loadScenarioTextLocated(text: string, file: string): LocatedLoad {
  const at = (message: string, line = 1, col = 1): LocatedLoad => ({ result: { ok: false, problems: [{ file, line, col, path: '', message }] }, locate: AT_START });
  if (text.length > MAX_SCENARIO_BYTES) return at(`file is ${text.length} bytes; a scenario must be under ${MAX_SCENARIO_BYTES}`);
  if (text.includes('\u0000')) return at('file contains a NUL byte; a scenario is a YAML text file');
  const control = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  if (control) {
    const before = text.slice(0, control.index).split('\n');
    return at(`file contains a control character (U+${control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}); a scenario is a YAML text file, not binary data`, before.length, before.at(-1)!.length + 1);
  }
  if (text.trim() === '') return at('file is empty; a scenario needs at least id, title and the sections in scenarios/README.md');
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, merge: true });
  } catch (e) {
    return at(`cannot parse: ${friendlyParseMessage((e as Error).message)}`);
  }
  if (doc.errors.length > 0) {
    const tooDeep = doc.errors.find((err) => /call stack|too much recursion/i.test(err.message));
    if (tooDeep) {
      const pos = lineCounter.linePos(tooDeep.pos[0]);
      return at(friendlyParseMessage(tooDeep.message), pos.line, pos.col);
    }
    const problems: Problem[] = doc.errors.slice(0, MAX_PARSE_PROBLEMS).map((err) => {
      const pos = lineCounter.linePos(err.pos[0]);
      let message = explainParseError(err, text, pos.line, pos.col) ?? friendlyParseMessage(err.message.split('\n')[0]!);
      const line = text.split('\n')[pos.line - 1] ?? '';
      if (/^\s*(-\s+)?[\w$-]+:\s+[!&*|]|:\s+[^'"\s{[].*\s[&|]\s/.test(line)) message += `; a condition with "!", "&" or "|" must be quoted in YAML: ${line.trim().replace(/^(-\s+)?([\w$-]+):\s+(.*)$/, "$2: '$3'")}`;
      if (err.code === 'DUPLICATE_KEY') {
        const key = text.slice(err.pos[0], err.pos[0] + 200).split(/[:\n]/)[0]!.trim();
        message = `duplicate key${key ? ` "${key.slice(0, 60)}"` : ''}: a key may appear only once in a mapping; merge the two entries`;
      }
      return { file, line: pos.line, col: pos.col, path: '', message };
    });
    if (doc.errors.length > MAX_PARSE_PROBLEMS) problems.push({ file, line: problems.at(-1)!.line, col: 1, path: '', message: `… and ${doc.errors.length - MAX_PARSE_PROBLEMS} more YAML errors` });
    return { result: { ok: false, problems }, locate: AT_START };
  }
  const locate = yamlLocator(doc, lineCounter);
  const tagProblems = foreignTags(doc, lineCounter, file);
  if (tagProblems.length > 0) return { result: { ok: false, problems: tagProblems }, locate };
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const msg = (e as Error).message;
    return at(/alias/i.test(msg) ? 'cannot read: too many aliases (*name) expand here; a scenario may reuse an anchor a few times, not expand into a huge document' : `cannot read: ${friendlyParseMessage(msg)}`);
  }
  const depth = nestingDepth(raw);
  if (depth > MAX_SCENARIO_DEPTH) return at(`the document nests more than ${MAX_SCENARIO_DEPTH} levels deep; a scenario is a few levels of mappings and lists`);
  const hints = { numberAsText: (path: readonly (string | number)[]) => numberAsWritten(doc, path), splitValue: (mapPath: readonly (string | number)[], key: string) => explainSplitValue(doc, mapPath, key) };
  const result = validateScenario(raw, file, locate, hints);
  return { result, locate: (result.ok && result.value.locate) || locate };
}

function friendlyParseMessage(message: string): string {
  return /call stack|too much recursion/i.test(message)
    ? `the document nests too deeply to read; a scenario is a few levels of mappings and lists (at most ${MAX_SCENARIO_DEPTH})`
    : message;
}

/** Tags outside the YAML core schema are refused: they never run, but they mean the file is not scenario data. */
function foreignTags(doc: Document, lineCounter: LineCounter, file: string): Problem[] {
  const problems: Problem[] = [];
  const seen = (node: unknown, ancestors: readonly unknown[]) => {
    if (!isNode(node) || !node.tag || CORE_TAGS.has(node.tag) || problems.length >= MAX_PARSE_PROBLEMS) return;
    const pos = lineCounter.linePos(node.range?.[0] ?? 0);
    const shown = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
    const path = docPath([...ancestors, node]);
    const key = String(path.at(-1) ?? 'when');
    // `when: !fixed` is the usual way to meet this: YAML reads a leading "!" as a tag.
    const condition = /^![A-Za-z0-9_.:-]+$/.test(shown) && !shown.startsWith('!!') && (CONDITION_KEYS.has(key) || path[0] === 'conditions');
    problems.push({
      file,
      line: pos.line,
      col: pos.col,
      path: path.join('.'),
      message: condition
        ? `YAML reads ${shown} as a tag, not a condition: quote a condition that starts with "!" (${key}: '${shown}${isScalar(node) && node.source ? ` ${node.source}` : ''}')`
        : `the tag ${shown} is not allowed: a scenario is plain data (strings, numbers, lists, mappings); remove the tag`,
    });
  };
  visit(doc, { Scalar: (_k, n, p) => seen(n, p), Map: (_k, n, p) => seen(n, p), Seq: (_k, n, p) => seen(n, p), Alias: (_k, n, p) => seen(n, p) });
  return problems;
}

/** The dotted document path of the last node in a chain of ancestors (Document, Pair, Map, Seq, …). */
function docPath(chain: readonly unknown[]): (string | number)[] {
  const out: (string | number)[] = [];
  chain.forEach((item, i) => {
    const next = chain[i + 1];
    if (isPair(item)) out.push(isScalar(item.key) ? String(item.key.value) : '?');
    else if (isSeq(item) && next !== undefined) out.push(item.items.indexOf(next as never));
  });
  return out;
}

/** Depth of nested lists and mappings, without recursion. */
function nestingDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) max = d + 1;
    if (max > MAX_SCENARIO_DEPTH) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v as object)) stack.push([child, d + 1]);
  }
  return max;
}

export function loadScenarioFile(path: string): LoadResult {
  return loadScenarioFileLocated(path).result;
}

export function loadScenarioFileLocated(path: string): LocatedLoad {
  const read = readScenarioText(path);
  if (!read.ok) return { result: read, locate: AT_START };
  return loadScenarioTextLocated(read.text, path);
}

