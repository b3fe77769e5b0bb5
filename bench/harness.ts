// The benchmark harness: a registry of named figures, each a function that
// measures one thing and returns a number. `npm run bench` runs them all
// in one go. To add a figure, call `figure({...})` in a module under
// bench/figures/ (and import that module from bench/figures/index.ts):
//
//   figure({ name: 'replay.seek', unit: 'ms', target: { max: 100 }, about: 'seek a replay to minute 30', measure: (ctx) => medianMs(5, () => seek()) });
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

/** A budget: the value must stay at or under `max`, or at or over `min`. */
export type Target = { max: number } | { min: number };

/** What a measure function returns: the value, and optionally where it came from. */
export interface Measured {
  value: number;
  /** A breakdown (which part took the time), printed when the target is missed. */
  detail?: string;
}

export interface FigureDef {
  /** Dotted, stable: `area.what` (engine.full-run). The JSON key. */
  name: string;
  unit: string;
  target?: Target;
  /** One line: what is measured, and how. */
  about: string;
  measure(ctx: BenchContext): number | Measured | Promise<number | Measured>;
  /** What profiling found when this figure last missed, printed with a miss. */
  onMiss?: string;
}

export interface BenchContext {
  /** The package root: scenarios/ and the test scripts are found from here. */
  readonly root: string;
  /** Smaller workloads (the test suite): the values are not comparable to a full run. */
  readonly quick: boolean;
  /** A fresh temporary folder, removed when the run ends. */
  tempDir(): string;
  /** Computes a shared input (a loaded scenario, a big database) once per run. */
  once<T>(key: string, make: () => T | Promise<T>): Promise<T>;
  /** Progress, to stderr. */
  note(text: string): void;
}

export interface FigureResult {
  name: string;
  value: number | null;
  unit: string;
  target?: Target;
  ok?: boolean;
  about: string;
  detail?: string;
  /** Set when the measure function failed; value is then null. */
  error?: string;
  onMiss?: string;
  /** The 1-minute load average, highest of before and after measuring (0 where the OS has none). */
  load: number;
}

const registry: FigureDef[] = [];

/** Registers a figure. Names are unique; registering one twice is a programming error. */
export function figure(def: FigureDef): FigureDef {
  if (registry.some((f) => f.name === def.name)) throw new Error(`bench figure "${def.name}" is registered twice`);
  registry.push(def);
  return def;
}

export function registeredFigures(): readonly FigureDef[] {
  return registry;
}

// --- measuring helpers ---

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The p-th percentile (0–100), nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))]!;
}

/** Wall milliseconds of one call. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** The median wall milliseconds of `runs` calls; `setup` runs before each, untimed. */
export async function medianMs<S>(runs: number, fn: (s: S) => unknown, setup?: () => S | Promise<S>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = (setup ? await setup() : undefined) as S;
    times.push(await timeMs(() => fn(s)));
  }
  return median(times);
}

// --- running ---

export function meets(value: number, target: Target): boolean {
  return 'max' in target ? value <= target.max : value >= target.min;
}

export interface RunOptions {
  root: string;
  quick?: boolean;
  /** Only figures whose name starts with one of these (`engine`, `store.append`); all when empty. */
  only?: readonly string[];
  note?: (text: string) => void;
  /** Called as each figure finishes, so a caller can print as it goes. */
  onResult?: (r: FigureResult) => void;
  figures?: readonly FigureDef[];
}

export function selectFigures(all: readonly FigureDef[], only: readonly string[] = []): FigureDef[] {
  if (only.length === 0) return [...all];
  return all.filter((f) => only.some((p) => f.name.startsWith(p)));
}

/** Runs the figures one after another; a failing figure is reported, the rest still run. */
export async function runFigures(opts: RunOptions): Promise<FigureResult[]> {
  const note = opts.note ?? (() => {});
  const dirs: string[] = [];
  const shared = new Map<string, Promise<unknown>>();
  const ctx: BenchContext = {
    root: opts.root,
    quick: opts.quick ?? false,
    tempDir: () => {
      const d = mkdtempSync(join(tmpdir(), 'firedrill-bench-'));
      dirs.push(d);
      return d;
    },
    once: <T>(key: string, make: () => T | Promise<T>): Promise<T> => {
      let p = shared.get(key) as Promise<T> | undefined;
      if (!p) {
        p = Promise.resolve().then(make);
        shared.set(key, p);
      }
      return p;
    },
    note,
  };
  const results: FigureResult[] = [];
  try {
    for (const def of selectFigures(opts.figures ?? registry, opts.only)) {
      const loadBefore = loadavg()[0]!;
      const base: FigureResult = { name: def.name, value: null, unit: def.unit, about: def.about, load: loadBefore, ...(def.target ? { target: def.target } : {}), ...(def.onMiss ? { onMiss: def.onMiss } : {}) };
      try {
        const m = await def.measure(ctx);
        base.load = Math.max(loadBefore, loadavg()[0]!);
        const { value, detail } = typeof m === 'number' ? { value: m, detail: undefined } : m;
        if (!Number.isFinite(value)) throw new Error(`measured ${String(value)}`);
        results.push({ ...base, value, ...(detail ? { detail } : {}), ...(def.target ? { ok: meets(value, def.target) } : {}) });
      } catch (e) {
        results.push({ ...base, ...(def.target ? { ok: false } : {}), error: e instanceof Error ? e.message.split('\n')[0]! : String(e) });
      }
      opts.onResult?.(results[results.length - 1]!);
    }
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
  return results;
}

// --- output ---

/** Rounds for display and JSON: 3 significant digits, whole numbers from 1000 on. */
export function roundFigure(v: number): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  if (Math.abs(v) >= 1000) return Math.round(v);
  return Number(v.toPrecision(3));
}

export function formatTarget(t: Target, unit: string): string {
  return 'max' in t ? `≤ ${t.max} ${unit}` : `≥ ${t.min} ${unit}`;
}

/** `name  value unit  (target …, ok/MISSED)`, names padded to `width`. */
export function formatLine(r: FigureResult, width: number): string {
  const value = r.value === null ? `— ${r.unit}  (failed: ${r.error ?? 'no value'})` : `${roundFigure(r.value)} ${r.unit}`;
  const target = r.target && r.value !== null ? `  (target ${formatTarget(r.target, r.unit)}, ${r.ok ? 'ok' : 'MISSED'})` : '';
  return `${r.name.padEnd(width)}  ${value}${target}`;
}

/** What to print under the table for each figure that missed its target or failed. */
export function formatMisses(results: readonly FigureResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    if (r.error !== undefined) out.push(`FAILED ${r.name}: ${r.error}`);
    else if (r.ok === false) {
      out.push(`MISSED ${r.name}: ${roundFigure(r.value!)} ${r.unit} against ${formatTarget(r.target!, r.unit)}`);
      if (r.detail) out.push(`  measured: ${r.detail}`);
      const cpus = availableParallelism();
      // The bench itself keeps one CPU busy; more runnable processes than CPUs means it had to wait.
      if (r.load > cpus) out.push(`  load: the 1-minute load average was ${r.load.toFixed(1)} on ${cpus} CPUs while measuring, so other processes competed for the CPU; wall times are inflated — rerun on a quiet machine before trusting this miss`);
      if (r.onMiss) out.push(`  found: ${r.onMiss}`);
    }
  }
  return out;
}

export interface JsonFigure {
  value: number | null;
  unit: string;
  target?: Target;
  ok?: boolean;
  error?: string;
}

/** The `bench --json` document: an object of named figures, each `{ value, unit }` (+ target, ok). */
export function toJson(results: readonly FigureResult[]): Record<string, JsonFigure> {
  const out: Record<string, JsonFigure> = {};
  for (const r of results) {
    out[r.name] = {
      value: r.value === null ? null : roundFigure(r.value),
      unit: r.unit,
      ...(r.target ? { target: r.target, ok: r.ok ?? false } : {}),
      ...(r.error !== undefined ? { error: r.error } : {}),
    };
  }
  return out;
}
