import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import envPaths from 'env-paths';
import { loadScenarioText, readScenarioText, scenarioFiles, scenarioFromRaw, type LoadedScenario } from '../../scenario/index.js';
import { loadHistory, summarizeHistory } from '../../session/history.js';
import { isStoreError } from '../../store/index.js';
import { importWithoutFetch } from '../../view/load-ui.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { bundledScenarios } from '../paths.js';

/**
 * Scenarios from the folders (or files) in FIREDRILL_SCENARIOS, separated
 * like PATH: your own scenarios next to the bundled ones in the picker.
 * Invalid files are skipped here, as for the bundled ones (`firedrill
 * validate` reports them).
 */
export function extraScenarios(env: Record<string, string | undefined> = process.env): LoadedScenario[] {
  const raw = env['FIREDRILL_SCENARIOS'];
  if (!raw) return [];
  const out: LoadedScenario[] = [];
  for (const f of scenarioFiles(raw.split(delimiter).filter(Boolean))) {
    const r = loadFast(f);
    if (r) out.push(r);
  }
  return out;
}

/** The bundled scenarios, as listBundled() reads them, through the parse cache. */
function bundled(): LoadedScenario[] {
  const out: LoadedScenario[] = [];
  for (const f of scenarioFiles([bundledScenarios()])) {
    const r = loadFast(f);
    if (r) out.push(r);
  }
  return out.sort((a, b) => a.scenario.id.localeCompare(b.scenario.id));
}


/** The scenario picker shown by a bare `firedrill` / `npm start`. */
export async function pickScenario(ctx: Context, opts: { difficulty?: string } = {}): Promise<LoadedScenario | null> {
  const shipped = bundled();
  const extra = extraScenarios().filter((e) => !shipped.some((b) => b.scenario.id === e.scenario.id));
  const all = [...shipped, ...extra];
  if (all.length === 0) throw new CliError('no scenarios found: the scenarios/ folder is missing or every file in it is invalid (`firedrill validate scenarios`)');
  const { runPicker } = await importWithoutFetch(() => import('../../ui/picker/run-picker.js'));
  const id = await runPicker(
    all.map(({ scenario: s }) => ({ id: s.id, title: s.title, difficulty: s.difficulty, timeLimitMin: s.timeLimitMin, source: s.source, summary: s.summary })),
    {
      color: ctx.io.color,
      ...(opts.difficulty ? { difficulty: opts.difficulty } : {}),
      // Read only when asked for (h): the picker's first frame does not wait on the database.
      loadHistory: () => {
        let store;
        try {
          store = ctx.openStore({ readonly: true });
        } catch (e) {
          // No database yet: no history yet.
          if (isStoreError(e) && e.code === 'not-found') return summarizeHistory([]);
          throw e;
        }
        try {
          return loadHistory(store);
        } finally {
          store.close();
        }
      },
    },
  );
  return all.find((s) => s.scenario.id === id) ?? null;
}

function cacheDir(): string | null {
  try {
    return join(envPaths('firedrill', { suffix: '' }).cache, 'scenarios');
  } catch {
    return null;
  }
}

/**
 * Parsing a 120 KB scenario's YAML takes ~170 ms, most of the time to the
 * first frame. The parsed document is kept as JSON in the user's cache
 * folder, named by the SHA-256 of the file's text, so an unchanged file is
 * only validated (zod), and any edit is a new name. The result is the same
 * LoadedScenario (its hash is over the parsed document). Null when the file
 * is invalid: the caller reports it the usual way.
 */
export function loadFast(file: string): LoadedScenario | null {
  // The same checks as loading the file (size, NUL bytes, UTF-8), then the same text.
  const read = readScenarioText(file);
  if (!read.ok) return null;
  const text = read.text;
  const dir = process.env['FIREDRILL_NO_CACHE'] ? null : cacheDir();
  const key = createHash('sha256').update(text).digest('hex');
  const cached = dir ? join(dir, `${key}.json`) : null;
  if (cached && existsSync(cached)) {
    try {
      const r = scenarioFromRaw(JSON.parse(readFileSync(cached, 'utf8')), file);
      if (r.ok) return r.value;
    } catch {
      // A damaged cache entry: parse the file again below.
    }
  }
  const r = loadScenarioText(text, file);
  if (!r.ok) return null;
  if (dir && cached) {
    try {
      mkdirSync(dir, { recursive: true });
      const tmp = `${cached}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(r.value.raw));
      renameSync(tmp, cached);
      pruneCache(dir);
    } catch {
      // No cache then; the next start parses again.
    }
  }
  return r.value;
}

/** Every edit of a scenario is a new entry: keep the newest few. */
const CACHE_ENTRIES = 32;

function pruneCache(dir: string): void {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ f, at: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { f } of files.slice(CACHE_ENTRIES)) unlinkSync(join(dir, f));
}
