// Where a value of the expanded scenario was written: a named effect used by
// twenty metrics is reported at its one definition, a panel default at the
// panel. Paths nobody traced are where they were written.

export type Path = (string | number)[];

const keyOf = (p: readonly (string | number)[]) => p.join('\u0000');

export class Trace {
  private readonly map = new Map<string, Path>();

  /** Records that what now sits at `expanded` was written at `authored`. */
  from(expanded: Path, authored: Path): void {
    this.map.set(keyOf(expanded), authored);
  }

  /** The authored path of an expanded one: the nearest traced ancestor's origin, with the rest of the path kept. */
  authored(path: readonly (string | number)[]): Path {
    for (let n = path.length; n > 0; n--) {
      const origin = this.map.get(keyOf(path.slice(0, n)));
      if (origin) return [...origin, ...path.slice(n)];
    }
    return [...path];
  }
}

export interface AuthoringProblem {
  path: Path;
  message: string;
}

export type Raw = Record<string, unknown>;

export const isMap = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Issues of a zod check of an authored part, at their place in the file. */
export function zodProblems(issues: readonly { path: PropertyKey[]; message: string }[], at: Path): AuthoringProblem[] {
  return issues.map((i) => ({ path: [...at, ...i.path.filter((p): p is string | number => typeof p !== 'symbol')], message: i.message }));
}
