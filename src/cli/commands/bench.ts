import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { packageRoot } from '../paths.js';

/**
 * `firedrill bench [PREFIX...] [--json] [--out FILE] [--details]`: runs every registered
 * figure (or those whose names start with a PREFIX), prints one line each,
 * writes the JSON to bench-results.json (or --out), lists every missed
 * target with what was found about it, and exits 1 only when a figure could
 * not be measured (or, with --strict, when a target is missed). --details
 * prints what each measurement found under its line (spread, inner timings).
 * FIREDRILL_BENCH_QUICK=1 shrinks the
 * workloads (the test suite uses it; its values are not comparable).
 */
export async function benchCommand(ctx: Context, positionals: string[]): Promise<number> {
  const bench = await import('../../bench/index.js');
  const selected = bench.selectFigures(bench.registeredFigures(), positionals);
  if (selected.length === 0) {
    throw new CliError(`no benchmark figure starts with ${positionals.map((p) => `"${p}"`).join(' or ')}; the figures are: ${bench.registeredFigures().map((f) => f.name).join(', ')}`, 2);
  }
  const out = resolve(ctx.flags.out ?? 'bench-results.json');
  const quick = process.env.FIREDRILL_BENCH_QUICK === '1';
  const width = Math.max(...selected.map((f) => f.name.length));
  ctx.io.out(`firedrill bench — ${bench.describeMachine(bench.machineInfo())}${quick ? ' — QUICK workloads, not comparable' : ''}`);
  const results = await bench.runFigures({
    root: packageRoot(),
    quick,
    only: positionals,
    onResult: (r) => {
      ctx.io.out(bench.formatLine(r, width));
      if (ctx.flags.details && r.detail) ctx.io.out(`  ${r.detail}`);
    },
  });
  const misses = bench.formatMisses(results);
  for (const line of misses) ctx.io.out(line);
  const doc = bench.toJson(results);
  try {
    writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
  } catch (e) {
    throw new CliError(`cannot write ${out}: ${(e as Error).message}`);
  }
  ctx.io.note(`wrote ${out}`);
  if (ctx.io.json) ctx.io.data(doc);
  const failed = results.some((r) => r.value === null);
  return failed || (ctx.flags.strict === true && misses.length > 0) ? 1 : 0;
}
