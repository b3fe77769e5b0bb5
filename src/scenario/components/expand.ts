import * as z from 'zod';
import { isMap, zodProblems, type AuthoringProblem, type Path, type Raw, type Trace } from '../authoring/trace.js';
import { ASPECT_ROLES, aspectsOf, effectsOn } from './degrade.js';
import { routeKey } from './http.js';
import { nameOf, type FaultContext, type LineSpec } from './kind.js';
import { Component, telemetryOf } from './kinds.js';
import { Degradation } from './schema.js';

// Components (`components:`) and how the incident degrades them (`degrade:`),
// expanded into ordinary panels, metrics, logs and alerts like the other
// authoring forms: lint, play and scoring read only what they would have read
// had it been written by hand.

const KEYS = ['panels', 'metrics', 'logs', 'alerts'] as const;
type Key = (typeof KEYS)[number];

interface Generated {
  panels: Raw[];
  metrics: Raw[];
  logs: Raw[];
  alerts: Raw[];
  /** Where each generated entry (or effect) came from, by its path within the generated lists. */
  from: [Path, Path][];
}

/** `checkout-api` → `CheckoutApi`, the start of its alerts' names. */
const pascal = (id: string) => id.replace(/(^|[-_])([a-z0-9])/g, (_m, _s, ch: string) => ch.toUpperCase());

/** A condition that holds while none of these do. */
const noneOf = (whens: readonly string[]) => whens.map((w) => `!(${w})`).join(' & ');

const idOf = (v: unknown) => (isMap(v) && typeof v.id === 'string' ? v.id : undefined);

/**
 * The scenario with what its components generate appended after the panels,
 * metrics, logs and alerts written by hand; a written entry with a generated
 * id replaces it (the generated one is left out). `components` and `degrade`
 * are gone from the result. A scenario without them is returned as it is.
 */
export function expandComponents(raw: Raw, trace: Trace, problems: AuthoringProblem[]): Raw {
  if (raw.components === undefined && raw.degrade === undefined) return raw;
  const components = z.array(Component).safeParse(raw.components ?? []);
  const degrade = z.array(Degradation).safeParse(raw.degrade ?? []);
  if (!components.success) problems.push(...zodProblems(components.error.issues, ['components']));
  if (!degrade.success) problems.push(...zodProblems(degrade.error.issues, ['degrade']));
  if (!components.success || !degrade.success) return raw;
  const before = problems.length;
  const gen = generate(raw, components.data, degrade.data, problems);
  if (problems.length > before) return raw;

  const out: Raw = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'components' && k !== 'degrade'));
  for (const key of KEYS) {
    const written = Array.isArray(raw[key]) ? (raw[key] as unknown[]) : [];
    const ids = new Set(written.map(idOf));
    const list = [...written];
    gen[key].forEach((entry, i) => {
      if (ids.has(idOf(entry))) return;
      const at = list.length;
      list.push(entry);
      for (const [path, origin] of gen.from) if (path[0] === key && path[1] === i) trace.from([key, at, ...path.slice(2)], origin);
    });
    out[key] = list;
  }
  return out;
}

/** The entries components generate, as they would be written by hand (before any written entry replaces one). */
export function generatedEntries(raw: Raw): { entries: Record<Key, Raw[]>; problems: AuthoringProblem[] } {
  const problems: AuthoringProblem[] = [];
  const { from: _from, ...entries } = generate(raw, z.array(Component).parse(raw.components ?? []), z.array(Degradation).parse(raw.degrade ?? []), problems);
  return { entries, problems };
}

function generate(raw: Raw, components: readonly Component[], degrade: readonly Degradation[], problems: AuthoringProblem[]): Generated {
  const out: Generated = { panels: [], metrics: [], logs: [], alerts: [], from: [] };
  const ids = (v: unknown) => new Set(Array.isArray(v) ? v.map(idOf) : []);
  const services = ids(raw.services);
  const panels = ids(raw.panels);
  // A component may draw on another component's own panel.
  const ownPanels = new Set(components.filter((c) => !c.panel).map((c) => c.id));
  const byId = new Map<string, number>();
  components.forEach((c, i) => {
    if (byId.has(c.id)) problems.push({ path: ['components', i, 'id'], message: `duplicate component id "${c.id}"` });
    byId.set(c.id, i);
  });
  const degradations = components.map((): [Degradation, number][] => []);
  degrade.forEach((d, j) => {
    const i = byId.get(d.component);
    if (i === undefined) {
      problems.push({ path: ['degrade', j, 'component'], message: `unknown component "${d.component}"${components.length ? `; components: ${components.map((c) => c.id).join(', ')}` : ': declare it under components'}` });
      return;
    }
    const c = components[i]!;
    if (d.routes) {
      if (c.kind !== 'http') problems.push({ path: ['degrade', j, 'routes'], message: `routes apply to http components; ${c.id} is ${telemetryOf(c).noun}` });
      else for (const [k, r] of d.routes.entries()) if (!c.routes.includes(r)) problems.push({ path: ['degrade', j, 'routes', k], message: `${c.id} has no route "${r}"; its routes: ${c.routes.join(', ')}` });
    }
    const roles = new Set(telemetryOf(c).series(c).map((x) => x.role));
    for (const a of aspectsOf(d)) {
      const touched = ASPECT_ROLES[a];
      if (touched && !touched.some((r) => roles.has(r))) problems.push({ path: ['degrade', j, a], message: `${c.id} is ${telemetryOf(c).noun}: it has no series that ${a} changes` });
    }
    degradations[i]!.push([d, j]);
  });

  components.forEach((c, i) => {
    const from: Path = ['components', i];
    const service = c.service ?? c.id;
    if (!services.has(service)) problems.push({ path: c.service ? [...from, 'service'] : from, message: c.service ? `unknown service "${service}"` : `no service "${c.id}": give the component a service (service: ID) or declare a service with its id` });
    const panel = c.panel ?? c.id;
    if (c.kind === 'http') {
      const seen = new Map<string, string>();
      c.routes.forEach((r, k) => {
        const other = seen.get(routeKey(r));
        if (other !== undefined) problems.push({ path: [...from, 'routes', k], message: other === r ? `route "${r}" is listed twice` : `routes "${other}" and "${r}" would both be named ${c.id}.${routeKey(r)}; a route's series are named by its letters and digits` });
        seen.set(routeKey(r), r);
      });
    }
    if (c.panel && !panels.has(c.panel) && !ownPanels.has(c.panel)) problems.push({ path: [...from, 'panel'], message: `unknown panel "${c.panel}"; leave panel out to give the component a panel of its own` });
    if (!c.panel && !panels.has(c.id)) {
      out.from.push([['panels', out.panels.length], from]);
      out.panels.push({ id: c.id, title: nameOf(c), description: `${nameOf(c)}, ${telemetryOf(c).noun}.` });
    }
    addComponent(c, from, service, panel, degradations[i]!, out);
  });
  return out;
}

function addComponent(c: Component, from: Path, service: string, panel: string, degradations: readonly [Degradation, number][], out: Generated): void {
  const t = telemetryOf(c);
  const routes = c.kind === 'http' ? c.routes : [];
  const specs = t.series(c);
  /** The series some degradation moves: only their alert rules are generated (a rule that can never fire is noise). */
  const moved = new Set<string>();
  for (const spec of specs) {
    const at = out.metrics.length;
    out.from.push([['metrics', at], from]);
    const effects: unknown[] = [];
    for (const [d, j] of degradations) {
      const chosen = d.routes ?? routes;
      const share = spec.route !== undefined ? (chosen.includes(spec.route) ? 1 : 0) : routes.length > 0 ? chosen.length / routes.length : 1;
      if (share === 0) continue;
      for (const e of effectsOn(spec, d, share)) {
        moved.add(spec.key);
        out.from.push([['metrics', at, 'effects', effects.length], ['degrade', j]]);
        effects.push(e);
      }
    }
    out.metrics.push({
      id: `${c.id}.${spec.key}`,
      panel,
      label: spec.label,
      ...(spec.unit && { unit: spec.unit }),
      service,
      labels: { ...c.labels, ...spec.labels },
      baseline: spec.baseline,
      ...(spec.noise !== undefined && { noise: spec.noise }),
      ...(spec.noiseSec !== undefined && { noiseSec: spec.noiseSec }),
      ...(spec.decimals && { decimals: spec.decimals }),
      ...(spec.max !== undefined && { max: spec.max }),
      ...(spec.threshold && { threshold: spec.threshold }),
      ...(!(c.overview && spec.main) && { overview: false }),
      effects,
    });
  }

  for (const a of t.alerts(c).filter((x) => moved.has(x.series))) {
    out.from.push([['alerts', out.alerts.length], from]);
    out.alerts.push({
      id: `${c.id}.${a.key}`,
      name: `${pascal(c.id)}${a.name}`,
      metric: `${c.id}.${a.series}`,
      ...(a.above !== undefined && { above: a.above }),
      ...(a.below !== undefined && { below: a.below }),
      ...(a.forSec !== undefined && { forSec: a.forSec }),
      ...(a.severity && { severity: a.severity }),
      summary: a.summary,
    });
  }

  const addLine = (id: string, line: LineSpec, when: string | undefined, source: Path) => {
    out.from.push([['logs', out.logs.length], source]);
    out.logs.push({ id, service, ...(when && { when }), rate: line.rate, level: line.level, message: line.message, fields: line.fields ?? {} });
  };
  // A component that is down writes none of its usual lines.
  const downWhens = degradations.filter(([d]) => d.drop && !d.routes).map(([d]) => d.when);
  if (t.lines.normal) addLine(`${c.id}.log`, t.lines.normal(c), downWhens.length ? noneOf(downWhens) : undefined, from);
  const count: Record<string, number> = {};
  const lineId = (name: string) => {
    count[name] = (count[name] ?? 0) + 1;
    return `${c.id}.${name}${count[name] > 1 ? `-${count[name]}` : ''}`;
  };
  for (const [d, j] of degradations) {
    const f: FaultContext = { reason: d.reason, routes: d.routes ?? routes, degradation: d };
    const source: Path = ['degrade', j];
    if (d.errors !== undefined && d.errors > 0 && t.lines.errors) addLine(lineId('error-log'), t.lines.errors(c, f), d.when, source);
    if (d.latencyX !== undefined && d.latencyX > 1 && t.lines.slow) addLine(lineId('slow-log'), t.lines.slow(c, f), d.when, source);
    if (d.drop && t.lines.down) addLine(lineId('down-log'), t.lines.down(c, f), d.when, source);
  }
}
