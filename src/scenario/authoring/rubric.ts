import { SECTIONS } from '../schema.js';
import { STANDARD_RUBRIC } from '../standard-rubric.js';
import { RubricExtension } from './schema.js';
import { isMap, zodProblems, type AuthoringProblem, type Raw, type Trace } from './trace.js';

// `rubric: { extends: standard, drop, override, add }` expanded into the
// plain list of checkpoints: the standard entries less those dropped, with
// their overrides, then the scenario's own, in report section order.

export function expandRubric(raw: Raw, trace: Trace, problems: AuthoringProblem[]): Raw {
  if (!isMap(raw.rubric)) return raw;
  const checked = RubricExtension.safeParse(raw.rubric);
  if (!checked.success) {
    problems.push(...zodProblems(checked.error.issues, ['rubric']));
    return raw;
  }
  const ext = raw.rubric;
  const drop = (Array.isArray(ext.drop) ? ext.drop : []) as string[];
  const override = (isMap(ext.override) ? ext.override : {}) as Record<string, Raw>;
  const add = Array.isArray(ext.add) ? ext.add : [];
  const ids = new Set(STANDARD_RUBRIC.map((c) => c.id));
  const known = `the standard rubric has ${[...ids].join(', ')}`;
  drop.forEach((id, k) => {
    if (!ids.has(id)) problems.push({ path: ['rubric', 'drop', k], message: `"${id}" is not a standard entry; ${known}` });
  });
  for (const id of Object.keys(override)) {
    if (!ids.has(id)) problems.push({ path: ['rubric', 'override', id], message: `"${id}" is not a standard entry; ${known}` });
    else if (drop.includes(id)) problems.push({ path: ['rubric', 'override', id], message: `"${id}" is both dropped and overridden; do one` });
  }

  const placed = [
    ...STANDARD_RUBRIC.filter((c) => !drop.includes(c.id)).map((c) => ({ value: { ...c, ...(override[c.id] ?? {}) } as Raw, from: override[c.id] ? ['rubric', 'override', c.id] : ['rubric'] })),
    ...add.map((c, j) => ({ value: c as Raw, from: ['rubric', 'add', j] })),
  ];
  const rank = (c: Raw) => SECTIONS.indexOf(c.section as (typeof SECTIONS)[number]);
  const ordered = placed.map((p, i) => ({ ...p, i })).sort((a, b) => rank(a.value) - rank(b.value) || a.i - b.i);
  ordered.forEach((p, k) => trace.from(['rubric', k], p.from));
  // the total is easy to lose sight of when half of it is written elsewhere
  const points = ordered.map((p) => p.value.points);
  if (points.every((x) => typeof x === 'number')) {
    const total = (points as number[]).reduce((a, x) => a + x, 0);
    if (Math.abs(total - 100) > 1e-9) {
      const own = total - ordered.filter((p) => p.from[1] !== 'add').reduce((a, p) => a + (p.value.points as number), 0);
      problems.push({ path: ['rubric'], message: `the rubric totals ${total} points (${total - own} from the standard entries kept, ${own} added); make it 100 with the added points or overrides` });
    }
  }
  return { ...raw, rubric: ordered.map((p) => p.value) };
}
