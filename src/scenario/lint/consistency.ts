import { controllerStem, messagePairs, pathFitsController, PART_KEYS, TOTAL_KEYS } from '../consistency/log-fields.js';
import type { FieldGen, LogTemplate } from '../schema.js';
import type { LintContext } from './context.js';

/**
 * Contradictions a scenario writes into its own signals, found on the file
 * alone: a log template whose db or view time can exceed the duration it is
 * part of, or whose path can come with a controller that does not serve it
 * (fields are drawn independently, so any pair of values can meet on one
 * line); and an alert that noise alone can page, its metric healthy.
 */

/** Where a message key's value comes from: a field of the template, or a literal in the message. */
function source(t: LogTemplate, key: string): { path: (string | number)[]; gen: FieldGen } | null {
  const placeholder = new RegExp(`(?:^|[\\s,{])"?${key}"?[=:]"?\\{\\{\\s*([\\w.-]+)\\s*\\}\\}`, 'i').exec(t.message)?.[1];
  if (placeholder !== undefined && placeholder in t.fields) return { path: ['fields', placeholder], gen: t.fields[placeholder]! };
  const literal = messagePairs(t.message)[key];
  if (literal !== undefined && !literal.includes('{{')) return { path: ['message'], gen: literal };
  if (key in t.fields) return { path: ['fields', key], gen: t.fields[key]! };
  return null;
}

/**
 * The least and most a generator can give, as a time in ms; null when it is
 * not a number. A field that follows a metric is measured in that metric's
 * value (`per`), so it compares only with another that follows the same one.
 */
function span(g: FieldGen, per: string | null = null): [number, number] | null {
  if (typeof g === 'object' && 'metric' in g) return g.metric === per ? [g.times[0], g.times[1]] : null;
  if (per !== null) return null;
  if (typeof g === 'number') return [g, g];
  if (typeof g === 'string') {
    const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(g);
    return m ? [Number(m[1]) * (m[2] === 's' ? 1000 : 1), Number(m[1]) * (m[2] === 's' ? 1000 : 1)] : null;
  }
  if (typeof g !== 'object') return null;
  if ('int' in g) return [g.int[0], g.int[1]];
  if ('float' in g) return [g.float[0], g.float[1]];
  if ('pick' in g && g.pick.every((v) => typeof v === 'number')) return [Math.min(...(g.pick as number[])), Math.max(...(g.pick as number[]))];
  return null;
}

function values(g: FieldGen): string[] | null {
  if (typeof g !== 'object') return [String(g)];
  if ('pick' in g) return g.pick.map(String);
  return null;
}

function firstSource(t: LogTemplate, keys: readonly string[]) {
  for (const k of keys) {
    const s = source(t, k);
    if (s) return { key: k, ...s };
  }
  return null;
}

function checkTemplate(ctx: LintContext, t: LogTemplate, i: number): void {
  const total = firstSource(t, TOTAL_KEYS);
  const per = total && typeof total.gen === 'object' && 'metric' in total.gen ? total.gen.metric : null;
  const totalSpan = total ? span(total.gen, per) : null;
  const unit = per ? `× ${per}` : '';
  for (const [part, keys] of Object.entries(PART_KEYS)) {
    const p = firstSource(t, keys);
    const ps = p ? span(p.gen, per) : null;
    if (!p || !ps || !totalSpan || ps[1] <= totalSpan[0]) continue;
    ctx.add(
      ['logs', i, ...p.path],
      `log template ${t.id} can write ${p.key}=${ps[1]}${unit} with ${total!.key}=${totalSpan[0]}${unit}: ${part} time is part of the request's duration, so its largest value must not exceed the smallest duration (fields are drawn independently)`,
      'consistency',
      'warning',
    );
  }
  const path = source(t, 'path');
  const controller = source(t, 'controller');
  const paths = path ? values(path.gen) : null;
  const controllers = controller ? values(controller.gen) : null;
  if (!paths || !controllers) return;
  for (const c of controllers) {
    const wrong = paths.find((p) => !p.includes('{{') && !pathFitsController(p, c));
    if (wrong === undefined) continue;
    ctx.add(
      ['logs', i, ...controller!.path],
      `log template ${t.id} can write path=${wrong} with controller=${c}, which serves ${controllerStem(c)}: path and controller are drawn independently, so write one template per controller with the paths it serves`,
      'consistency',
      'warning',
    );
    return;
  }
}

/** How far noise can move a metric from its baseline (three standard deviations, over the daily swing). */
function noiseReach(m: { baseline: number; noise: number; daily?: { amplitude: number } | undefined }): [number, number] {
  const swing = m.daily?.amplitude ?? 0;
  return [m.baseline * (1 - swing) * (1 - 3 * m.noise), m.baseline * (1 + swing) * (1 + 3 * m.noise)];
}

export function checkConsistency(ctx: LintContext): void {
  ctx.scenario.logs.forEach((t, i) => checkTemplate(ctx, t, i));
  ctx.scenario.alerts.forEach((a, i) => {
    const m = ctx.scenario.metrics.find((x) => x.id === a.metric);
    if (!m) return;
    const [lo, hi] = noiseReach(m);
    const healthy = (a.above === undefined || m.baseline <= a.above) && (a.below === undefined || m.baseline >= a.below);
    const noisy = (a.above !== undefined && hi > a.above) || (a.below !== undefined && lo < a.below);
    if (!healthy || !noisy) return;
    ctx.add(
      ['alerts', i, a.above !== undefined ? 'above' : 'below'],
      `alert ${a.id} can page while ${a.metric} is healthy: its baseline ${m.baseline} with ${Math.round(m.noise * 100)}% noise${m.daily ? ` and a ±${Math.round(m.daily.amplitude * 100)}% daily swing` : ''} reaches ${a.above !== undefined ? hi.toFixed(2) : lo.toFixed(2)}, past the threshold ${a.above ?? a.below}. Move the threshold or lower the noise`,
      'consistency',
      'warning',
    );
  });
}
