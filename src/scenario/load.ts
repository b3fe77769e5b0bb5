import { createHash } from 'node:crypto';
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { Problem } from './problems.js';
import { checkReferences } from './references.js';
import { ScenarioSchema, type Scenario } from './schema.js';
import { expandNamedConditions } from './named-conditions.js';

/** Files larger than this are refused before parsing: a scenario is a few hundred KB at most. */
export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;

export interface LoadedScenario {
  scenario: Scenario;
  /** The document as plain data: what a session stores and replays from. */
  raw: unknown;
  hash: string;
  file: string;
}

export type LoadResult = { ok: true; value: LoadedScenario } | { ok: false; problems: Problem[] };

export function scenarioHash(raw: unknown): string {
  return createHash('sha256').update(JSON.stringify(raw)).digest('hex');
}

/** Validates plain data (a stored snapshot); problems carry no line numbers. */
export function scenarioFromRaw(raw: unknown, file = '(stored scenario)'): LoadResult {
  return validate(raw, file, AT_START);
}

/** Finds the line and column of a path inside the parsed YAML (the nearest existing ancestor). */
export type Locate = (path: readonly (string | number)[]) => { line: number; col: number };

export interface LocatedLoad {
  result: LoadResult;
  /** Locates a path of the scenario in its file; lint uses it for its findings. */
  locate: Locate;
}

const AT_START: Locate = () => ({ line: 1, col: 1 });

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
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
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
      let message = friendlyParseMessage(err.message.split('\n')[0]!);
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
  return { result: validate(raw, file, locate), locate };
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

function validate(raw: unknown, file: string, locate: Locate): LoadResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, problems: [{ file, line: 1, col: 1, path: '', message: 'a scenario must be a mapping of keys (id:, title:, …), not a list or a single value' }] };
  }
  const parsed = ScenarioSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        return { file, ...locate(path), path: path.join('.'), message: issue.message };
      }),
    };
  }
  const expanded = expandNamedConditions(parsed.data);
  if (!expanded.ok) return { ok: false, problems: [{ file, ...locate(['conditions', expanded.name]), path: `conditions.${expanded.name}`, message: expanded.message }] };
  const refs = checkReferences(parsed.data);
  if (refs.length > 0) {
    return { ok: false, problems: refs.map((r) => ({ file, ...locate(r.path), path: r.path.join('.'), message: r.message })) };
  }
  return { ok: true, value: { scenario: parsed.data, raw, hash: scenarioHash(raw), file } };
}

export function loadScenarioFile(path: string): LoadResult {
  return loadScenarioFileLocated(path).result;
}

export function loadScenarioFileLocated(path: string): LocatedLoad {
  const read = readScenarioText(path);
  if (!read.ok) return { result: read, locate: AT_START };
  return loadScenarioTextLocated(read.text, path);
}

/** Reads a scenario file as UTF-8 text, refusing folders, oversized files and bytes that are not UTF-8. */
export function readScenarioText(path: string): { ok: true; text: string } | { ok: false; problems: Problem[] } {
  const file = path;
  const refuse = (message: string) => ({ ok: false as const, problems: [{ file, line: 1, col: 1, path: '', message }] });
  try {
    const st = statSync(path);
    if (st.isDirectory()) return refuse('is a folder; pass a .yaml file');
    if (st.size > MAX_SCENARIO_BYTES) return refuse(`file is ${st.size} bytes; a scenario must be under ${MAX_SCENARIO_BYTES}`);
    const bytes = readFileSync(path);
    if (bytes.includes(0)) return refuse('file contains a NUL byte; a scenario is a YAML text file, not binary data');
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      return refuse('file is not UTF-8 text (binary data?); save the scenario as UTF-8 YAML');
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    return refuse(`cannot read: ${why}`);
  }
}

/** Expands folders to the .yaml/.yml files inside them (not recursive). */
export function scenarioFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      /* a missing path is reported by the loader */
    }
    if (isDir) {
      for (const f of readdirSync(p).sort()) if (/\.ya?ml$/.test(f)) out.push(join(p, f));
    } else out.push(p);
  }
  return out;
}

/** The scenarios shipped with firedrill, next to the program. */
export function bundledScenarioDir(fromUrl: string): string {
  return resolve(new URL('.', fromUrl).pathname, '..', 'scenarios');
}
