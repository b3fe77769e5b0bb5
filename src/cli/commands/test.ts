import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { formatClock } from '../../scenario/clock-text.js';
import { formatProblem, loadScenarioFile, scenarioFiles, type LoadedScenario } from '../../scenario/index.js';
import type { Expectation } from '../../scenario/schema.js';
import { runScript, scriptWaitProblems } from '../../session/headless.js';
import { parseScript, type ScriptLine } from '../../session/script.js';
import { openStore } from '../../store/index.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';

/** One play of one expectation: a script, in a variant, with a seed. */
interface Run {
  scenario: string;
  script: string;
  variant: string;
  seed: number;
  score: number;
  max: number;
  atLeast: number | null;
  atMost: number | null;
  ok: boolean;
}

/**
 * `firedrill test PATH...`: plays each scenario's declared expectations
 * (scripts and the score bounds they must meet, per variant and seed)
 * headless, in a throwaway database, and says which hold. A scenario with
 * no expectations, a script that cannot be read or parsed, is a failure:
 * nothing is silently skipped.
 */
export async function testCommand(ctx: Context, paths: string[]): Promise<number> {
  if (paths.length === 0) throw new CliError('test needs a scenario file or folder: `firedrill test scenarios`', 2);
  const files = scenarioFiles(paths);
  if (files.length === 0) throw new CliError(`no .yaml files in ${paths.join(', ')}`);
  const runs: Run[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const loaded = loadScenarioFile(file);
    if (!loaded.ok) {
      problems.push(...loaded.problems.map(formatProblem));
      continue;
    }
    const { scenario } = loaded.value;
    if (scenario.expectations.length === 0) {
      problems.push(`${file}: declares no expectations; add an \`expectations:\` list (see scenarios/README.md)`);
      continue;
    }
    for (const expectation of scenario.expectations) {
      const script = readScript(file, loaded.value, expectation);
      if (!script.ok) {
        problems.push(script.message);
        continue;
      }
      for (const variant of expectation.variants ?? scenario.variants.map((v) => v.id)) {
        for (const seed of expectation.seeds) {
          const run = await play(loaded.value, script.lines, variant, seed, ctx.wallNow);
          const ok = (expectation.atLeast === undefined || run.score >= expectation.atLeast) && (expectation.atMost === undefined || run.score <= expectation.atMost);
          const done: Run = { scenario: scenario.id, script: expectation.script, variant, seed, ...run, atLeast: expectation.atLeast ?? null, atMost: expectation.atMost ?? null, ok };
          runs.push(done);
          if (!ctx.io.json) ctx.io.out(describeRun(done));
        }
      }
    }
  }
  const failed = runs.filter((r) => !r.ok).length;
  if (ctx.io.json) ctx.io.data({ runs, problems, passed: runs.length - failed, failed });
  else {
    for (const p of problems) ctx.io.out(`problem  ${p}`);
    ctx.io.out(`${runs.length} runs: ${runs.length - failed} passed, ${failed} failed${problems.length ? `; ${problems.length} problem(s)` : ''}`);
  }
  return failed > 0 || problems.length > 0 ? 1 : 0;
}

function readScript(file: string, loaded: LoadedScenario, e: Expectation): { ok: true; lines: ScriptLine[] } | { ok: false; message: string } {
  const path = resolve(dirname(file), e.script);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, message: `${file}: cannot read script ${e.script}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}` };
  }
  const sc = loaded.scenario;
  const parsed = parseScript(text, path, {
    endSec: Math.round((sc.timeLimitMin + sc.postmortemMin) * 60),
    endWhat: `the time limit ${formatClock(sc.timeLimitMin * 60)} and a ${formatClock(sc.postmortemMin * 60)} postmortem`,
  });
  if (!parsed.ok) return { ok: false, message: parsed.errors.join('\n') };
  const waits = scriptWaitProblems(parsed.lines, sc);
  return waits.length === 0 ? { ok: true, lines: parsed.lines } : { ok: false, message: waits.map((w) => `${path}: ${w}`).join('\n') };
}

async function play(loaded: LoadedScenario, lines: ScriptLine[], variant: string, seed: number, wallNow: () => number): Promise<{ score: number; max: number }> {
  const store = openStore(':memory:');
  try {
    const { score } = await runScript(store, loaded, lines, { seed, variant, trainee: 'firedrill test', mode: 'solo', difficulty: loaded.scenario.difficulty }, wallNow);
    return { score: score.total, max: score.max };
  } finally {
    store.close();
  }
}

function describeRun(r: Run): string {
  const bound = [r.atLeast !== null ? `≥ ${r.atLeast}` : '', r.atMost !== null ? `≤ ${r.atMost}` : ''].filter(Boolean).join(' and ');
  return `${r.ok ? 'ok  ' : 'FAIL'}  ${r.scenario}  ${r.variant}  seed ${r.seed}  ${basename(r.script)}  ${r.score}/${r.max}  (expected ${bound})`;
}
