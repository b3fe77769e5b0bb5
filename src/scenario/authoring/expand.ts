import { expandComponents } from '../components/expand.js';
import { expandVariantConcepts } from './concepts.js';
import { expandMetricEffects } from './effects.js';
import { expandRubric } from './rubric.js';
import { isMap, Trace, type AuthoringProblem } from './trace.js';

// The authoring forms of a scenario file (named effects, panel defaults, the
// standard rubric, a variant's concept changes) expanded into the plain model
// before the schema checks it, as named conditions are: the engine and lint
// read one model, and a file that uses none of the forms is returned as it is
// (the same object), so sessions recorded from it keep their snapshot and hash.

export type Expanded = { ok: true; raw: unknown; trace: Trace } | { ok: false; problems: AuthoringProblem[] };

export function expandAuthoring(raw: unknown): Expanded {
  const trace = new Trace();
  if (!isMap(raw)) return { ok: true, raw, trace };
  const problems: AuthoringProblem[] = [];
  let out = expandMetricEffects(raw, trace, problems);
  // after panel defaults: those are for the metrics written on the panel
  out = expandComponents(out, trace, problems);
  out = expandRubric(out, trace, problems);
  out = expandVariantConcepts(out, trace, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, raw: out, trace };
}
