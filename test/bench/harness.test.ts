// The benchmark harness: its arithmetic and output, a run of every
// registered figure on quick workloads (values not comparable, shapes are),
// and `npm run bench`'s program (bench/main.ts, bundled) end to end.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLine, formatMisses, median, percentile, registeredFigures, runFigures, selectFigures, toJson, type FigureDef } from '../../bench/index.js';
import { meets, roundFigure } from '../../bench/harness.js';

const BENCH = join(process.cwd(), 'bench', 'dist', 'bench.mjs');

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'firedrill-bench-test-'));
  dirs.push(d);
  return d;
};

describe('bench harness', () => {
  it('computes medians, percentiles and target checks', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(meets(0.2, { max: 0.25 })).toBe(true);
    expect(meets(0.3, { max: 0.25 })).toBe(false);
    expect(meets(900, { min: 1000 })).toBe(false);
    expect(roundFigure(0.123456)).toBe(0.123);
    expect(roundFigure(123456.7)).toBe(123457);
  });

  it('runs figures in order, shares inputs, reports failures and misses, and cleans its temp folders', async () => {
    let made = 0;
    let folder = '';
    const figures: FigureDef[] = [
      { name: 'a.fast', unit: 's', target: { max: 1 }, about: 'meets', measure: async (ctx) => (await ctx.once('x', () => ++made)) * 0.5 },
      { name: 'a.slow', unit: 's', target: { max: 1 }, about: 'misses', onMiss: 'it sleeps', measure: async (ctx) => ({ value: (await ctx.once('x', () => ++made)) * 2, detail: 'slept 2 s' }) },
      { name: 'b.rate', unit: 'ops/s', target: { min: 10 }, about: 'meets a floor', measure: () => 12 },
      { name: 'b.broken', unit: 'ms', about: 'throws', measure: () => { throw new Error('no disk\nsecond line'); } },
      { name: 'c.temp', unit: 'B', about: 'uses a temp folder', measure: (ctx) => { folder = ctx.tempDir(); return existsSync(folder) ? 1 : 0; } },
      { name: 'c.nan', unit: 'B', about: 'not a number', measure: () => NaN },
    ];
    const seen: string[] = [];
    const results = await runFigures({ root: process.cwd(), figures, onResult: (r) => seen.push(r.name) });
    expect(seen).toEqual(figures.map((f) => f.name));
    expect(made).toBe(1);
    expect(existsSync(folder)).toBe(false);
    const json = toJson(results);
    expect(json).toEqual({
      'a.fast': { value: 0.5, unit: 's', target: { max: 1 }, ok: true },
      'a.slow': { value: 2, unit: 's', target: { max: 1 }, ok: false },
      'b.rate': { value: 12, unit: 'ops/s', target: { min: 10 }, ok: true },
      'b.broken': { value: null, unit: 'ms', error: 'no disk' },
      'c.temp': { value: 1, unit: 'B' },
      'c.nan': { value: null, unit: 'B', error: 'measured NaN' },
    });
    const lines = results.map((r) => formatLine(r, 8));
    expect(lines[0]).toBe('a.fast    0.5 s  (target ≤ 1 s, ok)');
    expect(lines[1]).toBe('a.slow    2 s  (target ≤ 1 s, MISSED)');
    expect(lines[2]).toBe('b.rate    12 ops/s  (target ≥ 10 ops/s, ok)');
    expect(lines[3]).toBe('b.broken  — ms  (failed: no disk)');
    const misses = formatMisses(results).join('\n');
    expect(misses).toMatch(/^MISSED a\.slow: 2 s against ≤ 1 s\n {2}measured: slept 2 s\n/);
    expect(misses).toContain('  found: it sleeps');
    expect(misses).toContain('FAILED b.broken: no disk');
    expect(misses).not.toContain('a.fast');
  });

  it('selects figures by name prefix', () => {
    const f = (name: string): FigureDef => ({ name, unit: 'x', about: '', measure: () => 1 });
    const all = [f('engine.full-run'), f('engine.full-run-cold'), f('store.append-p50'), f('store.append-p99')];
    expect(selectFigures(all, []).map((x) => x.name)).toHaveLength(4);
    expect(selectFigures(all, ['store']).map((x) => x.name)).toEqual(['store.append-p50', 'store.append-p99']);
    expect(selectFigures(all, ['engine.full-run-cold', 'store.append-p99']).map((x) => x.name)).toEqual(['engine.full-run-cold', 'store.append-p99']);
    expect(selectFigures(all, ['nothing'])).toEqual([]);
  });
});

describe('the registered figures', () => {
  it('are uniquely named, and every one measures a finite value on quick workloads', async () => {
    const figures = registeredFigures();
    const names = figures.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of ['engine.full-run', 'engine.events-per-s', 'engine.log-lines-per-s', 'engine.logs-5min-window', 'scoring.long-session', 'store.append-p50', 'store.append-p99', 'store.import-10k', 'recording.bytes-per-sim-min', 'recording.cast-ratio', 'history.list-1000']) expect(names).toContain(n);
    expect(figures.find((f) => f.name === 'engine.full-run')!.target).toEqual({ max: 0.25 });
    const results = await runFigures({ root: process.cwd(), quick: true });
    for (const r of results) {
      expect(r.error, r.name).toBeUndefined();
      expect(Number.isFinite(r.value), r.name).toBe(true);
      // A count of wrong outcomes is at its best at 0; every other figure measures something.
      if (/wrong-changes|decisions-lost/.test(r.name)) expect(r.value!, r.name).toBeGreaterThanOrEqual(0);
      else expect(r.value!, r.name).toBeGreaterThan(0);
    }
    // Deterministic figures do not depend on the machine.
    const bytes = results.find((r) => r.name === 'recording.bytes-per-sim-min')!;
    expect(bytes.value!).toBeGreaterThan(1000);
    expect(bytes.ok).toBe(true);
    // every figure, the crash trials' programs among them, on a shared two-core machine
  }, 240_000);
});

describe('npm run bench', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['bench/build.mjs'], { stdio: 'inherit' });
  }, 60_000);

  it('prints one line per figure, the JSON document on stdout with --json, and writes it to bench-results.json in the cwd or --out', () => {
    const cwd = temp();
    const env = { ...process.env, NO_COLOR: '1', FIREDRILL_BENCH_QUICK: '1' };
    const r = spawnSync(process.execPath, [BENCH, 'recording', 'store.append-p50', '--json'], { cwd, env, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, { value: number; unit: string; target?: unknown; ok?: boolean }>;
    expect(Object.keys(doc).sort()).toEqual(['recording.bytes-per-sim-min', 'recording.cast-ratio', 'recording.cast-ratio-inputs', 'recording.event-bytes-per-sim-min', 'store.append-p50']);
    for (const [name, f] of Object.entries(doc)) {
      expect(typeof f.value, name).toBe('number');
      expect(typeof f.unit, name).toBe('string');
    }
    expect(doc['recording.bytes-per-sim-min']).toMatchObject({ unit: 'B/min', target: { max: 22000 }, ok: true });
    expect(doc['store.append-p50']).not.toHaveProperty('target');
    expect(JSON.parse(readFileSync(join(cwd, 'bench-results.json'), 'utf8'))).toEqual(doc);
    expect(r.stderr).toMatch(/^firedrill bench — \d+ × .+, Node v\d+/m);
    expect(r.stderr).toMatch(/^recording\.bytes-per-sim-min +\d+ B\/min {2}\(target ≤ 22000 B\/min, ok\)$/m);

    const out = join(cwd, 'elsewhere.json');
    const human = spawnSync(process.execPath, [BENCH, 'recording.event', '--out', out], { cwd, env, encoding: 'utf8', timeout: 120_000 });
    expect(human.status, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^recording\.event-bytes-per-sim-min +\d+ B\/min$/m);
    expect(Object.keys(JSON.parse(readFileSync(out, 'utf8')))).toEqual(['recording.event-bytes-per-sim-min']);

    // --details: what the measurement found, under its line.
    const detailed = spawnSync(process.execPath, [BENCH, 'recording.bytes', '--details', '--out', out], { cwd, env, encoding: 'utf8', timeout: 120_000 });
    expect(detailed.status, detailed.stderr).toBe(0);
    expect(detailed.stdout).toMatch(/^recording\.bytes-per-sim-min .*\n {2}\d+ B for [\d.]+ sim min, \d+ events$/m);

    const none = spawnSync(process.execPath, [BENCH, 'no.such.figure'], { cwd, env, encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no figure starts with "no\.such\.figure"; the figures are: engine\.full-run/);
  }, 120_000);
});
