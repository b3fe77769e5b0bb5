import { copyFileSync, existsSync, mkdtempSync, readdirSync, utimesSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { defaultScenarioCache, loadScenarioCached, precompileScenarios } from '../../src/cli/scenario-cache.js';
import { loadScenarioFile, loadScenarioText } from '../../src/scenario/index.js';

const SOURCE = 'scenarios/payment-fraud-dns.yaml';

function setup() {
  const root = mkdtempSync(join(tmpdir(), 'firedrill-cache-'));
  const file = join(root, 'payment-fraud-dns.yaml');
  copyFileSync(SOURCE, file);
  return { root, file, cache: { dir: join(root, 'cache'), build: 'build-a' } };
}

const entries = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.v8')) : []);

describe('the validated-scenario cache', () => {
  it('gives the same scenario as the YAML loader, from the file the first time and from the cache after', async () => {
    const { file, cache } = setup();
    const direct = loadScenarioFile(file);
    if (!direct.ok) throw new Error('fixture invalid');
    const first = await loadScenarioCached(file, cache);
    expect(entries(cache.dir)).toHaveLength(1);
    const second = await loadScenarioCached(file, cache);
    for (const r of [first, second]) {
      expect(r).not.toBeNull();
      expect(r!.hash).toBe(direct.value.hash);
      expect(r!.raw).toEqual(direct.value.raw);
      // RegExps (log patterns) and the expanded named conditions survive the round trip.
      expect(r!.scenario).toEqual(direct.value.scenario);
      expect(r!.file).toBe(file);
    }
    expect(JSON.stringify(second!.scenario)).toBe(JSON.stringify(direct.value.scenario));
  });

  it('an edited file and a different build are new entries; an unchanged file is not written again', async () => {
    const { file, cache } = setup();
    await loadScenarioCached(file, cache);
    await loadScenarioCached(file, cache);
    expect(entries(cache.dir)).toHaveLength(1);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Edited title'));
    const edited = await loadScenarioCached(file, cache);
    expect(edited!.scenario.title).toBe('Edited title');
    expect(entries(cache.dir)).toHaveLength(2);
    await loadScenarioCached(file, { ...cache, build: 'build-b' });
    expect(entries(cache.dir)).toHaveLength(3);
  });

  it('a damaged entry is ignored and replaced; an invalid file is null, never cached', async () => {
    const { root, file, cache } = setup();
    await loadScenarioCached(file, cache);
    const [entry] = entries(cache.dir);
    writeFileSync(join(cache.dir, entry!), 'not a cache entry');
    const again = await loadScenarioCached(file, cache);
    expect(again!.scenario.id).toBe('payment-fraud-dns');
    expect(readFileSync(join(cache.dir, entry!)).toString()).not.toBe('not a cache entry');
    const bad = join(root, 'bad.yaml');
    writeFileSync(bad, 'id: Not Valid\n');
    expect(await loadScenarioCached(bad, cache)).toBeNull();
    expect(entries(cache.dir)).toHaveLength(1);
  });

  it('keeps the newest 32 entries and drops the earlier format', async () => {
    const { file, cache } = setup();
    await loadScenarioCached(file, cache);
    const dir = cache.dir;
    for (let i = 0; i < 40; i++) {
      const old = join(dir, `old-${i}.v8`);
      writeFileSync(old, 'x');
      utimesSync(old, 1_000_000 + i, 1_000_000 + i);
    }
    writeFileSync(join(dir, 'abc.json'), '{}');
    await loadScenarioCached(file, { ...cache, build: 'build-c' });
    const left = entries(dir);
    expect(left).toHaveLength(32);
    expect(left.filter((f) => !f.startsWith('old-'))).toHaveLength(2);
    expect(existsSync(join(dir, 'abc.json'))).toBe(false);
  });

  it('caches nothing without a build id (sources run directly) or with FIREDRILL_NO_CACHE', async () => {
    const { file, cache } = setup();
    expect((await loadScenarioCached(file, { ...cache, build: null }))!.scenario.id).toBe('payment-fraud-dns');
    expect(entries(cache.dir)).toHaveLength(0);
    expect(defaultScenarioCache({ FIREDRILL_NO_CACHE: '1' })).toEqual({ dir: null, build: null });
    // Sources run directly have no build id: no entry of any build is read.
    expect(defaultScenarioCache({}).build).toBeNull();
  });
});

describe('the entries shipped with the build', () => {
  it('a shipped entry is read first and nothing is written to the user cache', async () => {
    const { root, file, cache } = setup();
    const shipped = join(root, 'shipped');
    expect(precompileScenarios([file, join(root, 'missing.yaml')], shipped, 'build-a', loadScenarioText)).toEqual(['payment-fraud-dns']);
    const r = await loadScenarioCached(file, { ...cache, shipped });
    expect(r!.scenario.id).toBe('payment-fraud-dns');
    expect(entries(cache.dir)).toHaveLength(0);
    // Another build does not read it.
    await loadScenarioCached(file, { ...cache, build: 'build-b', shipped });
    expect(entries(cache.dir)).toHaveLength(1);
  });

  it('npm run build validates every bundled scenario into dist/scenario-cache, keyed by its text and the build', () => {
    const shipped = readdirSync('dist/scenario-cache').filter((f) => f.endsWith('.v8'));
    const bundled = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
    expect(shipped).toHaveLength(bundled.length);
    const builds = new Set(shipped.map((f) => /-([0-9a-f]{16})\.v8$/.exec(f)?.[1]));
    expect(builds.size).toBe(1);
    for (const f of bundled) {
      const sha = createHash('sha256').update(readFileSync(join('scenarios', f), 'utf8')).digest('hex');
      expect(shipped.some((s) => s.startsWith(`${sha}-`)), f).toBe(true);
    }
  });
});
