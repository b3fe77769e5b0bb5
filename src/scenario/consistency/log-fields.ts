/**
 * What the fields of one log line say about each other: a request's db and
 * view time are parts of its duration, and its path is one its controller
 * serves. Shared by lint (over a template's possible values) and by the
 * world-consistency checks (over the lines a run wrote).
 */

/** `key=value` (or `"key":value`) pairs written in a log message. */
export function messagePairs(message: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of message.matchAll(/(?:^|[\s,{])"?([A-Za-z_][\w.]*)"?[=:]("[^"]*"|[^\s,}]+)/g)) out[m[1]!.toLowerCase()] ??= m[2]!.replace(/^"|"$/g, '');
  return out;
}

/** A time in milliseconds from `4064.8`, `41ms` or `1.92s`; null when it is not one. */
export function millis(text: string | undefined): number | null {
  if (text === undefined) return null;
  const m = /^(-?\d+(?:\.\d+)?)(ms|s)?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * (m[2] === 's' ? 1000 : 1);
}

/** The keys a request's parts and its total are written under. */
export const PART_KEYS = { db: ['db', 'db_ms', 'db_time', 'db_runtime'], view: ['view', 'view_ms', 'view_runtime'] } as const;
export const TOTAL_KEYS = ['duration', 'duration_ms', 'total', 'total_ms'] as const;

/** `ShiftsController`, `Api::V1::PaymentMethodsController` → `shifts`, `payment_methods`. */
export function controllerStem(controller: string): string {
  const last = controller.split('::').pop()!.replace(/Controller$/, '');
  return last.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Whether a path is one the controller serves: one of its segments names the controller's resource. */
export function pathFitsController(path: string, controller: string): boolean {
  const stem = controllerStem(controller);
  if (!stem) return true;
  const singular = stem.replace(/(ies|s)$/, '');
  return path
    .toLowerCase()
    .split(/[/?#.]/)
    .some((seg) => seg === stem || (singular.length >= 3 && seg.startsWith(singular)));
}

const firstTime = (pairs: Record<string, string>, keys: readonly string[]) => keys.map((k) => millis(pairs[k])).find((v) => v !== null) ?? null;

/** What is wrong with one log line's fields against each other, or null. */
export function lineContradiction(pairs: Record<string, string>): string | null {
  const total = firstTime(pairs, TOTAL_KEYS);
  for (const [part, keys] of Object.entries(PART_KEYS)) {
    const v = firstTime(pairs, keys);
    if (total !== null && v !== null && v > total) return `${part} time ${v} ms exceeds the request's total duration ${total} ms`;
  }
  if (pairs.path && pairs.controller && !pathFitsController(pairs.path, pairs.controller)) return `path ${pairs.path} is not served by controller ${pairs.controller}`;
  return null;
}

/** The total duration a line reports, in ms, or null. */
export function lineDuration(pairs: Record<string, string>): number | null {
  return firstTime(pairs, TOTAL_KEYS);
}
