import { ConceptChanges } from './schema.js';
import { isMap, zodProblems, type AuthoringProblem, type Raw, type Trace } from './trace.js';

// A variant's `concepts: { add, drop }` expanded into its own full list, the
// scenario's concepts changed; a plain list is already the variant's own.

export function expandVariantConcepts(raw: Raw, trace: Trace, problems: AuthoringProblem[]): Raw {
  if (!Array.isArray(raw.variants) || !raw.variants.some((v) => isMap(v) && isMap(v.concepts))) return raw;
  const base = isMap(raw.postmortem) && Array.isArray(raw.postmortem.concepts) ? raw.postmortem.concepts : [];
  const variants = raw.variants.map((v, i) => {
    if (!isMap(v) || !isMap(v.concepts)) return v;
    const checked = ConceptChanges.safeParse(v.concepts);
    if (!checked.success) {
      problems.push(...zodProblems(checked.error.issues, ['variants', i, 'concepts']));
      return v;
    }
    const drop = (v.concepts.drop ?? []) as string[];
    const ids = base.map((c) => (isMap(c) ? c.id : undefined));
    drop.forEach((id, k) => {
      if (!ids.includes(id)) problems.push({ path: ['variants', i, 'concepts', 'drop', k], message: `"${id}" is not one of the scenario's postmortem concepts (${ids.join(', ')})` });
    });
    const kept = base.map((c, j) => ({ value: c, from: ['postmortem', 'concepts', j] })).filter((p) => !(isMap(p.value) && drop.includes(p.value.id as string)));
    const added = ((v.concepts.add ?? []) as unknown[]).map((c, j) => ({ value: c, from: ['variants', i, 'concepts', 'add', j] }));
    const all = [...kept, ...added];
    all.forEach((p, k) => trace.from(['variants', i, 'concepts', k], p.from));
    return { ...v, concepts: all.map((p) => p.value) };
  });
  return { ...raw, variants };
}
