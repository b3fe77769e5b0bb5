import { formatProblem, loadScenarioFile, scenarioFiles } from '../../scenario/index.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';

export function validateCommand(ctx: Context, paths: string[]): number {
  if (paths.length === 0) throw new CliError('validate needs a file or folder: `firedrill validate scenarios`', 2);
  const files = scenarioFiles(paths);
  if (files.length === 0) throw new CliError(`no .yaml files in ${paths.join(', ')}`);
  const results = files.map((f) => ({ file: f, result: loadScenarioFile(f) }));
  const bad = results.filter((r) => !r.result.ok);
  if (ctx.io.json) {
    ctx.io.data(results.map((r) => ({ file: r.file, ok: r.result.ok, problems: r.result.ok ? [] : r.result.problems })));
  } else {
    for (const r of results) {
      if (r.result.ok) ctx.io.out(`ok  ${r.file}  (${r.result.value.scenario.id})`);
      else for (const p of r.result.problems) ctx.io.out(formatProblem(p));
    }
  }
  return bad.length > 0 ? 1 : 0;
}
