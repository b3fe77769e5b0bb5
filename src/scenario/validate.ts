import { createHash } from 'node:crypto';
import type { Problem } from './problems.js';
import { referencePlayProblems } from './reference-play.js';
import { checkReferences } from './references.js';
import { ScenarioSchema, type Scenario } from './schema.js';
import { expandNamedConditions } from './named-conditions.js';
import { expandCounterTests } from './counters.js';
import { expandAuthoring } from './authoring/expand.js';

// Checking plain data against the format, apart from reading YAML (load.ts):
// a stored snapshot is validated without loading the YAML parser.

export interface LoadedScenario {
  scenario: Scenario;
  /** The document as plain data: what a session stores and replays from. */
  raw: unknown;
  hash: string;
  file: string;
  /** Locates a path of the (expanded) scenario where the file wrote it; lint reports its findings with it. */
  locate?: Locate;
}

export type LoadResult = { ok: true; value: LoadedScenario } | { ok: false; problems: Problem[] };

/** Finds the line and column of a path inside the parsed YAML (the nearest existing ancestor). */
export type Locate = (path: readonly (string | number)[]) => { line: number; col: number };

export const AT_START: Locate = () => ({ line: 1, col: 1 });

export function scenarioHash(raw: unknown): string {
  return createHash('sha256').update(JSON.stringify(raw)).digest('hex');
}

/** Validates plain data (a stored snapshot); problems carry no line numbers. */
export function scenarioFromRaw(raw: unknown, file = '(stored scenario)'): LoadResult {
  return validateScenario(raw, file, AT_START);
}

/** What the source text can tell about a value the schema refused (load.ts reads it from the YAML). */
export interface SourceHints {
  /** A number written where text is expected, as written (`1.10` stays "1.10"); null when it is not a number there. */
  numberAsText(path: readonly (string | number)[]): string | null;
  /** Why `key` appeared in the mapping at `mapPath`, when a YAML trap (an unquoted comma) made it; null otherwise. */
  splitValue(mapPath: readonly (string | number)[], key: string): string | null;
}

type Path = (string | number)[];
const pathOf = (issue: { path: PropertyKey[] }): Path => issue.path.filter((p): p is string | number => typeof p !== 'symbol');

export function validateScenario(raw: unknown, file: string, locate: Locate, hints?: SourceHints): LoadResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, problems: [{ file, line: 1, col: 1, path: '', message: 'a scenario must be a mapping of keys (id:, title:, …), not a list or a single value' }] };
  }
  let authored = expandAuthoring(raw);
  if (!authored.ok) return { ok: false, problems: authored.problems.map((p) => ({ file, ...locate(p.path), path: p.path.join('.'), message: p.message })) };
  let parsed = ScenarioSchema.safeParse(authored.raw);
  if (!parsed.success && hints) {
    // Numbers where text is expected (a port in a keyword list) are read as the text written.
    const trace = authored.trace;
    const asText = numbersAsText(raw, parsed.error.issues.map((i) => ({ ...i, path: trace.authored(pathOf(i)) })), hints);
    if (asText !== raw) {
      raw = asText;
      authored = expandAuthoring(raw);
      if (authored.ok) parsed = ScenarioSchema.safeParse(authored.raw);
    }
  }
  if (!authored.ok) return { ok: false, problems: authored.problems.map((p) => ({ file, ...locate(p.path), path: p.path.join('.'), message: p.message })) };
  const trace = authored.trace;
  // what the checks below name by model path is located where it was written
  const at: Locate = (path) => locate(trace.authored(path));
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const path = trace.authored(pathOf(issue));
        const split = issue.code === 'unrecognized_keys' && hints ? issue.keys.map((k) => hints.splitValue(path, k)).find((m) => m) : null;
        return { file, ...locate(path), path: path.join('.'), message: split ?? issue.message };
      }),
    };
  }
  const expanded = expandNamedConditions(parsed.data);
  if (!expanded.ok) return { ok: false, problems: [{ file, ...locate(['conditions', expanded.name]), path: `conditions.${expanded.name}`, message: expanded.message }] };
  const counted = expandCounterTests(parsed.data);
  if (!counted.ok) return { ok: false, problems: [{ file, ...at(counted.path), path: trace.authored(counted.path).join('.'), message: counted.message }] };
  const refs = [...checkReferences(parsed.data), ...referencePlayProblems(parsed.data)];
  if (refs.length > 0) {
    // Entries expanded from one place (a component's series, a degradation's effects) share its mistakes: each is reported once.
    const shown = refs.map((r) => ({ file, ...at(r.path), path: trace.authored(r.path).join('.'), message: r.message }));
    return { ok: false, problems: shown.filter((p, i) => shown.findIndex((q) => q.path === p.path && q.message === p.message) === i) };
  }
  // A session keeps the expanded scenario: it replays the same whatever later becomes of the standard rubric.
  const model = authored.raw;
  return { ok: true, value: { scenario: parsed.data, raw: model, hash: scenarioHash(model), file, locate: at } };
}


/** A copy of `raw` with each number the schema wanted as text replaced by its written text (or `raw` itself when none). */
function numbersAsText(raw: object, issues: readonly { code: string; expected?: unknown; path: PropertyKey[] }[], hints: SourceHints): object {
  let copy: object | null = null;
  for (const issue of issues) {
    if (issue.code !== 'invalid_type' || issue.expected !== 'string') continue;
    const path = pathOf(issue);
    const text = hints.numberAsText(path);
    if (text === null || path.length === 0) continue;
    copy ??= structuredClone(raw);
    let parent: unknown = copy;
    for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[step];
    (parent as Record<string | number, unknown>)[path.at(-1)!] = text;
  }
  return copy ?? raw;
}
