// Bounds on JSON from outside (export files, the snapshots inside them),
// checked on the text before JSON.parse: a deeply nested document would
// otherwise overflow the stack of the parser or of whatever walks it next.
// One pass, no recursion, so a 10-million-deep file costs one scan.

export interface JsonLimits {
  maxBytes: number;
  maxDepth: number;
}

/** What is wrong with the text's size or nesting; null when within the limits. */
export function jsonLimitProblem(text: string, limits: JsonLimits): string | null {
  if (text.length > limits.maxBytes) return `it is larger than ${formatBytes(limits.maxBytes)}`;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limits.maxDepth) return `it nests deeper than ${limits.maxDepth} levels`;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return null;
}

/** Parses text within the limits; throws an Error saying what is wrong. */
export function parseBoundedJson(text: string, limits: JsonLimits): unknown {
  const problem = jsonLimitProblem(text, limits);
  if (problem) throw new Error(problem);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error('it is not valid JSON');
  }
}

/** Nesting depth of a parsed value, walked without recursion; stops counting past `max`. */
export function depthOf(value: unknown, max: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const here = d + 1;
    if (here > deepest) deepest = here;
    if (deepest > max) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v as object)) stack.push([child, here]);
  }
  return deepest;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${Math.round(n / 1024)} KB`;
}
