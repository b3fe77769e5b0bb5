import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import envPaths from 'env-paths';
import { readScenarioText } from '../scenario/read.js';
import type { LoadedScenario, LoadResult } from '../scenario/validate.js';
import { BUILD_ID } from './build-id.js';
import { packageRoot } from './paths.js';

/**
 * Where validated scenarios are kept, and for which build. `shipped` holds
 * the bundled scenarios validated when the program was built (read only, so
 * even the first start after an install parses no YAML); `dir` is the
 * user's cache. Without a build: no cache.
 */
export interface ScenarioCache {
  dir: string | null;
  build: string | null;
  shipped?: string | null;
}

/** Beside the bundle: dist/scenario-cache, written by the build (scripts/build.mjs). */
export function shippedCacheDir(): string {
  return join(packageRoot(), 'dist', 'scenario-cache');
}

export function defaultScenarioCache(env: Record<string, string | undefined> = process.env): ScenarioCache {
  if (env['FIREDRILL_NO_CACHE']) return { dir: null, build: null };
  let dir: string | null = null;
  try {
    dir = join(envPaths('firedrill', { suffix: '' }).cache, 'scenarios');
  } catch {
    // No user cache folder: the shipped entries still serve the bundled scenarios.
  }
  return { dir, build: BUILD_ID, shipped: shippedCacheDir() };
}

/** Every edit of a scenario (and every build) makes a new entry: keep the newest few. */
const CACHE_ENTRIES = 32;
const SUFFIX = '.v8';

/** The entry name: the text's SHA-256 and the build. */
function entryName(text: string, build: string): string {
  return `${createHash('sha256').update(text).digest('hex')}-${build}${SUFFIX}`;
}

/**
 * Loads a scenario file the way the YAML loader does, faster when it was
 * loaded before. Parsing a 120 KB scenario's YAML takes ~170 ms and checking
 * it against the format ~25 ms, most of the time to the first frame. The
 * result (the validated scenario, with its RegExps and shared conditions) is
 * kept in V8's serialization, in the shipped folder for the bundled
 * scenarios and in the user's cache folder for the rest, named by the
 * SHA-256 of the file's text and the build: an unchanged file under the same
 * program is read back as it was, and any edit or rebuild is a new name. On a
 * miss the YAML parser and the validator are loaded (they are not needed on a
 * hit). Null when the file is invalid: the caller reports it the usual way.
 */
export async function loadScenarioCached(file: string, cache: ScenarioCache = defaultScenarioCache()): Promise<LoadedScenario | null> {
  // The same checks as loading the file (size, NUL bytes, UTF-8), then the same text.
  const read = readScenarioText(file);
  if (!read.ok) return null;
  const text = read.text;
  const name = cache.build ? entryName(text, cache.build) : null;
  for (const dir of [cache.shipped, cache.dir]) {
    const path = dir && name ? join(dir, name) : null;
    if (path && existsSync(path)) {
      const hit = readEntry(path);
      if (hit) return { ...hit, file };
    }
  }
  const entry = cache.dir && name ? join(cache.dir, name) : null;
  const { loadScenarioText } = await import('../scenario/load.js');
  const r = loadScenarioText(text, file);
  if (!r.ok) return null;
  if (entry && cache.dir) writeEntry(cache.dir, entry, r.value);
  return r.value;
}

type Entry = Omit<LoadedScenario, 'file'>;

function entryOf(loaded: LoadedScenario): Entry {
  return { scenario: loaded.scenario, raw: loaded.raw, hash: loaded.hash };
}

function readEntry(path: string): Entry | null {
  try {
    const v = deserialize(readFileSync(path)) as Partial<Entry> | null;
    // A damaged or foreign file: load the scenario again instead.
    if (v && typeof v.hash === 'string' && v.raw && v.scenario && typeof v.scenario.id === 'string') return { scenario: v.scenario, raw: v.raw, hash: v.hash };
  } catch {
    // fall through
  }
  return null;
}

function writeEntry(dir: string, path: string, loaded: LoadedScenario): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, serialize(entryOf(loaded)));
    renameSync(tmp, path);
    prune(dir);
  } catch {
    // No cache then; the next start loads the file again.
  }
}

/**
 * Validates scenario files and writes their entries into `outDir` for
 * `build`: the build runs this for the bundled scenarios. Invalid files are
 * skipped (validate reports them). Returns the ids written.
 */
export function precompileScenarios(files: readonly string[], outDir: string, build: string, load: (text: string, file: string) => LoadResult): string[] {
  mkdirSync(outDir, { recursive: true });
  const ids: string[] = [];
  for (const file of files) {
    const read = readScenarioText(file);
    if (!read.ok) continue;
    const r = load(read.text, file);
    if (!r.ok) continue;
    writeFileSync(join(outDir, entryName(read.text, build)), serialize(entryOf(r.value)));
    ids.push(r.value.scenario.id);
  }
  return ids;
}

function prune(dir: string): void {
  const names = readdirSync(dir);
  // Entries of the earlier format (parsed YAML as JSON) are never read now.
  for (const f of names.filter((n) => n.endsWith('.json'))) unlinkSync(join(dir, f));
  const entries = names
    .filter((f) => f.endsWith(SUFFIX))
    .map((f) => ({ f, at: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { f } of entries.slice(CACHE_ENTRIES)) unlinkSync(join(dir, f));
}
