import { ConditionSyntaxError, parseCondition, type Condition } from './condition.js';
import type { Scenario } from './schema.js';

type Expansion = { ok: true } | { ok: false; name: string; message: string };

/**
 * Replaces references to named conditions (`conditions: { impacted: … }`)
 * with their expressions throughout the scenario, so the engine only ever
 * sees plain conditions over flags. Names may use other names; cycles are refused.
 */
export function expandNamedConditions(scenario: Scenario): Expansion {
  const defs = scenario.conditions;
  const parsed = new Map<string, Condition>();
  const visiting = new Set<string>();

  function resolve(name: string): Condition {
    const done = parsed.get(name);
    if (done) return done;
    if (visiting.has(name)) throw new ConditionSyntaxError(`named condition "${name}" refers to itself`);
    visiting.add(name);
    const c = substitute(parseCondition(defs[name]!));
    visiting.delete(name);
    parsed.set(name, c);
    return c;
  }

  function substitute(c: Condition): Condition {
    switch (c.kind) {
      case 'flag':
        return Object.hasOwn(defs, c.name) ? resolve(c.name) : c;
      case 'not':
        return { kind: 'not', arg: substitute(c.arg) };
      case 'and':
      case 'or':
        return { kind: c.kind, args: c.args.map(substitute) };
      default:
        return c;
    }
  }

  for (const name of Object.keys(defs)) {
    try {
      resolve(name);
    } catch (e) {
      return { ok: false, name, message: (e as Error).message };
    }
  }
  if (parsed.size === 0) return { ok: true };

  const isCondition = (v: unknown): v is Condition =>
    typeof v === 'object' && v !== null && ['true', 'flag', 'not', 'and', 'or', 'compare'].includes((v as { kind?: string }).kind ?? '') && ('name' in v || 'arg' in v || 'args' in v || 'counter' in v || (v as { kind: string }).kind === 'true');

  const walk = (node: unknown): unknown => {
    if (isCondition(node)) return substitute(node);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) node[i] = walk(node[i]);
      return node;
    }
    if (typeof node === 'object' && node !== null && !(node instanceof RegExp)) {
      for (const [k, v] of Object.entries(node)) (node as Record<string, unknown>)[k] = walk(v);
    }
    return node;
  };
  walk(scenario);
  return { ok: true };
}
