/**
 * Conditions are small boolean expressions over world flags, written in YAML as
 * strings: `onset & !fail-open`, `(record-restored | hosts-pinned) & !harm`.
 * Flags are phase ids, flags set by actions, and `variant:ID`. An empty
 * string or `always` is true. A counter is compared with a whole number:
 * `admitted-pct >= 50`.
 */
export type Condition =
  | { kind: 'true' }
  | { kind: 'flag'; name: string }
  | { kind: 'not'; arg: Condition }
  | { kind: 'and'; args: Condition[] }
  | { kind: 'or'; args: Condition[] }
  | CounterTest;

export const COMPARISONS = ['>=', '<=', '==', '!=', '>', '<', '='] as const;
export type Comparison = (typeof COMPARISONS)[number];

/**
 * `counter OP value`. A counter's value is a flag of its own (`admitted-pct=30`,
 * see counters.ts), so once the scenario is read `flags` lists the value flags
 * that pass the test and the condition is one over flags like any other: the
 * flag history, the scorer and lint's reachable states need nothing new.
 */
export interface CounterTest {
  kind: 'compare';
  counter: string;
  op: Comparison;
  value: number;
  /** The counter's value flags that pass; filled when the scenario is read (none before). */
  flags?: string[];
}

const FLAG = /^[A-Za-z0-9_.:-]+$/;
const NUMBER = /^-?\d+$/;

/** Whether a counter's value passes the test. */
export function compares(op: Comparison, a: number, b: number): boolean {
  switch (op) {
    case '>=':
      return a >= b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '<':
      return a < b;
    case '!=':
      return a !== b;
    default:
      return a === b;
  }
}

export class ConditionSyntaxError extends Error {}

export function parseCondition(text: string): Condition {
  const src = text.trim();
  if (src === '' || src === 'always') return { kind: 'true' };
  const tokens = src.match(/>=|<=|==|!=|[<>=]|[()&|!]|[A-Za-z0-9_.:-]+|\S/g) ?? [];
  let pos = 0;
  const peek = () => tokens[pos];
  const take = () => tokens[pos++];

  function primary(): Condition {
    const tok = take();
    if (tok === undefined) throw new ConditionSyntaxError(`condition "${src}" ends too early`);
    if (tok === '!') return { kind: 'not', arg: primary() };
    if (tok === '(') {
      const inner = or();
      if (take() !== ')') throw new ConditionSyntaxError(`condition "${src}" is missing a ")"`);
      return inner;
    }
    if (tok === 'always') return { kind: 'true' };
    if (!FLAG.test(tok)) throw new ConditionSyntaxError(`condition "${src}" has an unexpected "${tok}"`);
    const op = peek();
    if (op !== undefined && (COMPARISONS as readonly string[]).includes(op)) {
      take();
      const value = take();
      if (value === undefined || !NUMBER.test(value)) throw new ConditionSyntaxError(`condition "${src}" compares the counter "${tok}" with "${value ?? ''}": write a whole number, as in ${tok} ${op} 50`);
      return { kind: 'compare', counter: tok, op: op as Comparison, value: Number(value) };
    }
    return { kind: 'flag', name: tok };
  }
  function and(): Condition {
    const args = [primary()];
    while (peek() === '&') {
      take();
      args.push(primary());
    }
    return args.length === 1 ? args[0]! : { kind: 'and', args };
  }
  function or(): Condition {
    const args = [and()];
    while (peek() === '|') {
      take();
      args.push(and());
    }
    return args.length === 1 ? args[0]! : { kind: 'or', args };
  }
  const result = or();
  if (pos < tokens.length) throw new ConditionSyntaxError(`condition "${src}" has an unexpected "${tokens[pos]}"`);
  return result;
}

export function evalCondition(c: Condition, has: (flag: string) => boolean): boolean {
  switch (c.kind) {
    case 'true':
      return true;
    case 'flag':
      return has(c.name);
    case 'not':
      return !evalCondition(c.arg, has);
    case 'and':
      return c.args.every((a) => evalCondition(a, has));
    case 'or':
      return c.args.some((a) => evalCondition(a, has));
    case 'compare':
      return (c.flags ?? []).some(has);
  }
}

export function conditionFlags(c: Condition, out: Set<string> = new Set()): Set<string> {
  if (c.kind === 'flag') out.add(c.name);
  else if (c.kind === 'compare') (c.flags ?? []).forEach((f) => out.add(f));
  else if (c.kind === 'not') conditionFlags(c.arg, out);
  else if (c.kind === 'and' || c.kind === 'or') c.args.forEach((a) => conditionFlags(a, out));
  return out;
}
