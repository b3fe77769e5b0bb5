import { createHash } from 'node:crypto';
import type { Problem } from './problems.js';
import { checkReferences } from './references.js';
import { ScenarioSchema, type Scenario } from './schema.js';
import { expandNamedConditions } from './named-conditions.js';

// Checking plain data against the format, apart from reading YAML (load.ts):
// a stored snapshot is validated without loading the YAML parser.

export interface LoadedScenario {
  scenario: Scenario;
  /** The document as plain data: what a session stores and replays from. */
  raw: unknown;
  hash: string;
  file: string;
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

export function validateScenario(raw: unknown, file: string, locate: Locate): LoadResult {
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

