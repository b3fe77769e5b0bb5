import { MetricDefaults, NamedEffects, UseEffects, USE_OVERRIDES } from './schema.js';
import { isMap, zodProblems, type AuthoringProblem, type Path, type Raw, type Trace } from './trace.js';

// Named effects (`effects: { NAME: [...] }`, used as `- use: NAME`) and panel
// defaults (`panels[].defaults`), expanded into each metric's own fields.

type Placed = { value: unknown; from: Path };

const isUse = (v: unknown): v is Raw => isMap(v) && 'use' in v;

/**
 * The metrics with their panel's defaults filled in and every `use` replaced
 * by the effects it names; the top-level `effects:` and the panels'
 * `defaults:` are gone from the result.
 */
export function expandMetricEffects(raw: Raw, trace: Trace, problems: AuthoringProblem[]): Raw {
  const hasNamed = raw.effects !== undefined;
  const panels = Array.isArray(raw.panels) ? raw.panels : [];
  const hasDefaults = panels.some((p) => isMap(p) && p.defaults !== undefined);
  const metrics = Array.isArray(raw.metrics) ? raw.metrics : [];
  const hasUse = metrics.some((m) => isMap(m) && Array.isArray(m.effects) && m.effects.some(isUse));
  if (!hasNamed && !hasDefaults && !hasUse) return raw;

  const named = NamedEffects.safeParse(raw.effects ?? {});
  if (!named.success) {
    problems.push(...zodProblems(named.error.issues, ['effects']));
    return raw;
  }
  const defs = isMap(raw.effects) ? (raw.effects as Record<string, unknown[]>) : {};

  const expandList = (list: readonly unknown[], at: Path, using: readonly string[]): Placed[] =>
    list.flatMap((item, j): Placed[] => {
      if (!isUse(item)) return [{ value: item, from: [...at, j] }];
      const checked = UseEffects.safeParse(item);
      if (!checked.success) {
        problems.push(...zodProblems(checked.error.issues, [...at, j]));
        return [];
      }
      const name = item.use as string;
      if (!Object.hasOwn(defs, name)) {
        const known = Object.keys(defs);
        problems.push({ path: [...at, j, 'use'], message: `unknown effects "${name}": ${known.length ? `the top-level effects: names ${known.join(', ')}` : 'define it under a top-level effects:'}` });
        return [];
      }
      if (using.includes(name)) {
        problems.push({ path: [...at, j, 'use'], message: `effects "${name}" uses itself (${[...using, name].join(' → ')})` });
        return [];
      }
      const overrides = Object.fromEntries(USE_OVERRIDES.filter((k) => item[k] !== undefined).map((k) => [k, item[k]]));
      return expandList(defs[name]!, ['effects', name], [...using, name]).map((p) => ({ value: isMap(p.value) ? { ...p.value, ...overrides } : p.value, from: p.from }));
    });

  const defaultsOf = new Map<string, { raw: Raw; at: Path }>();
  panels.forEach((p, i) => {
    if (!isMap(p) || p.defaults === undefined) return;
    const checked = MetricDefaults.safeParse(p.defaults);
    if (!checked.success) problems.push(...zodProblems(checked.error.issues, ['panels', i, 'defaults']));
    else if (typeof p.id === 'string') defaultsOf.set(p.id, { raw: p.defaults as Raw, at: ['panels', i, 'defaults'] });
  });

  const expandedMetrics = metrics.map((m, i) => {
    if (!isMap(m)) return m;
    const out: Raw = { ...m };
    const defaults = typeof m.panel === 'string' ? defaultsOf.get(m.panel) : undefined;
    let effectsAt: Path = ['metrics', i, 'effects'];
    for (const [k, v] of Object.entries(defaults?.raw ?? {})) {
      if (Object.hasOwn(m, k)) continue;
      out[k] = v;
      trace.from(['metrics', i, k], [...defaults!.at, k]);
      if (k === 'effects') effectsAt = [...defaults!.at, 'effects'];
    }
    if (Array.isArray(out.effects)) {
      const placed = expandList(out.effects, effectsAt, []);
      out.effects = placed.map((p) => p.value);
      placed.forEach((p, k) => trace.from(['metrics', i, 'effects', k], p.from));
    }
    return out;
  });

  const cleanPanels = Array.isArray(raw.panels)
    ? raw.panels.map((p) => {
        if (!isMap(p) || p.defaults === undefined) return p;
        const { defaults: _d, ...panel } = p;
        return panel;
      })
    : raw.panels;
  // the keys in the order written, less the named effects
  const replaced: Raw = { panels: cleanPanels, metrics: expandedMetrics };
  return Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'effects').map(([k, v]) => [k, Object.hasOwn(replaced, k) ? replaced[k] : v]));
}
