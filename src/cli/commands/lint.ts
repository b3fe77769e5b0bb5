import { ROLES } from '../../scenario/vocabulary.js';
import { scenarioFiles } from '../../scenario/index.js';
import { formatFinding, lintFile, type Finding } from '../../scenario/lint/index.js';
import { createIncidentMachine } from '../../sim/incident-machine.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';

/** `firedrill lint PATH... [--strict] [--json]`: solvability findings; exit 1 on errors (on warnings too with --strict). */
export function lintCommand(ctx: Context, paths: string[]): number {
  if (paths.length === 0) throw new CliError('lint needs a file or folder: `firedrill lint scenarios`', 2);
  const files = scenarioFiles(paths);
  if (files.length === 0) throw new CliError(`no .yaml files in ${paths.join(', ')}`);
  const results = files.map((f) => lintFile(f, { createMachine: createIncidentMachine, roles: ROLES }));
  const all: Finding[] = results.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.length - errors;
  if (ctx.io.json) {
    ctx.io.data(all);
  } else {
    for (const r of results) {
      if (r.findings.length === 0) ctx.io.out(`ok  ${r.file}  (${r.id})`);
      for (const f of r.findings) ctx.io.out(formatFinding(f));
    }
  }
  if (all.length > 0) ctx.io.note(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}${warnings > 0 && !ctx.flags.strict && errors === 0 ? ' (warnings fail only with --strict)' : ''}`);
  return errors > 0 || (ctx.flags.strict && warnings > 0) ? 1 : 0;
}
