import { createHash } from 'node:crypto';
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from './problems.js';
import { checkReferences } from './references.js';
import { ScenarioSchema, type Scenario } from './schema.js';

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
  return validate(raw, file, () => ({ line: 1, col: 1 }));
}

export function loadScenarioText(text: string, file: string): LoadResult {
  const at = (message: string, line = 1, col = 1): LoadResult => ({ ok: false, problems: [{ file, line, col, path: '', message }] });
  if (text.length > MAX_SCENARIO_BYTES) return at(`file is ${text.length} bytes; a scenario must be under ${MAX_SCENARIO_BYTES}`);
  if (text.includes('\u0000')) return at('file contains a NUL byte; a scenario is a YAML text file');
  if (text.trim() === '') return at('file is empty; a scenario needs at least id, title and the sections in scenarios/README.md');
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    return at(`cannot parse: ${(e as Error).message}`);
  }
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((err) => {
        const pos = lineCounter.linePos(err.pos[0]);
        return { file, line: pos.line, col: pos.col, path: '', message: err.message.split('\n')[0]! };
      }),
    };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return at(`cannot read: ${(e as Error).message}`);
  }
  const locate = (path: (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, col: pos.col };
      }
    }
    return { line: 1, col: 1 };
  };
  return validate(raw, file, locate);
}

function validate(raw: unknown, file: string, locate: (path: (string | number)[]) => { line: number; col: number }): LoadResult {
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
  const refs = checkReferences(parsed.data);
  if (refs.length > 0) {
    return { ok: false, problems: refs.map((r) => ({ file, ...locate(r.path), path: r.path.join('.'), message: r.message })) };
  }
  return { ok: true, value: { scenario: parsed.data, raw, hash: scenarioHash(raw), file } };
}

export function loadScenarioFile(path: string): LoadResult {
  const file = path;
  let text: string;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { ok: false, problems: [{ file, line: 1, col: 1, path: '', message: 'is a folder; pass a .yaml file' }] };
    if (st.size > MAX_SCENARIO_BYTES) {
      return { ok: false, problems: [{ file, line: 1, col: 1, path: '', message: `file is ${st.size} bytes; a scenario must be under ${MAX_SCENARIO_BYTES}` }] };
    }
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    return { ok: false, problems: [{ file, line: 1, col: 1, path: '', message: `cannot read: ${why}` }] };
  }
  return loadScenarioText(text, file);
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
