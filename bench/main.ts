// `npm run bench [PREFIX...] [--json] [--out FILE] [--details] [--strict]`:
// runs every registered figure (or those whose names start with a PREFIX),
// prints one line each, writes the JSON to bench-results.json (or --out),
// lists every missed target with what was found about it, and exits 1 only
// when a figure could not be measured (or, with --strict, when a target is
// missed). --details prints what each measurement found under its line.
// FIREDRILL_BENCH_QUICK=1 shrinks the workloads (the test suite uses it; its
// values are not comparable). The console figures run the built program
// (bin/firedrill.js), so `npm run bench` builds it first.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeMachine, formatLine, formatMisses, machineInfo, registeredFigures, runFigures, selectFigures, toJson } from './index.js';
import { packageRoot } from '../src/cli/paths.js';

async function main(argv: string[]): Promise<number> {
  // The recordings the figures make are signed with a key of their own, not this installation's.
  process.env.FIREDRILL_KEYS ??= mkdtempSync(join(tmpdir(), 'firedrill-bench-keys-'));
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, out: { type: 'string' }, details: { type: 'boolean' }, strict: { type: 'boolean' } } });
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n`);
    return 2;
  }
  const { positionals, values: flags } = parsed;
  const selected = selectFigures(registeredFigures(), positionals);
  if (selected.length === 0) {
    process.stderr.write(`bench: no figure starts with ${positionals.map((p) => `"${p}"`).join(' or ')}; the figures are: ${registeredFigures().map((f) => f.name).join(', ')}\n`);
    return 2;
  }
  // With --json the document alone goes to stdout; the human lines to stderr.
  const say = (line: string) => (flags.json ? process.stderr : process.stdout).write(`${line}\n`);
  const out = resolve(flags.out ?? 'bench-results.json');
  const quick = process.env.FIREDRILL_BENCH_QUICK === '1';
  const width = Math.max(...selected.map((f) => f.name.length));
  say(`firedrill bench — ${describeMachine(machineInfo())}${quick ? ' — QUICK workloads, not comparable' : ''}`);
  const results = await runFigures({
    root: packageRoot(),
    quick,
    only: positionals,
    onResult: (r) => {
      say(formatLine(r, width));
      if (flags.details && r.detail) say(`  ${r.detail}`);
    },
  });
  const misses = formatMisses(results);
  for (const line of misses) say(line);
  const doc = toJson(results);
  try {
    writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
  } catch (e) {
    process.stderr.write(`bench: cannot write ${out}: ${(e as Error).message}\n`);
    return 1;
  }
  process.stderr.write(`wrote ${out}\n`);
  if (flags.json) process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  const failed = results.some((r) => r.value === null);
  return failed || (flags.strict === true && misses.length > 0) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
