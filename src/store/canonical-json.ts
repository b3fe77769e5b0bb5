// Deterministic JSON: object keys sorted recursively, no whitespace. The hash
// chain is computed over this text, so the same value must always produce the
// same bytes, whatever order its keys were built in.
// Otherwise it follows JSON.stringify: toJSON() is honoured, undefined /
// functions / symbols are dropped from objects and become null in arrays,
// non-finite numbers become null, bigint throws.

export function canonicalJson(value: unknown): string {
  const text = write(value, new Set());
  if (text === undefined) throw new TypeError('canonicalJson: value has no JSON representation');
  return text;
}

function write(value: unknown, seen: Set<object>): string | undefined {
  let v = value;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON(): unknown }).toJSON();
  }
  // Primitives (and undefined/function/symbol → undefined) exactly as JSON does.
  if (v === null || typeof v !== 'object') return JSON.stringify(v);

  if (seen.has(v)) throw new TypeError('canonicalJson: value contains a cycle');
  seen.add(v);
  let out: string;
  if (Array.isArray(v)) {
    out = '[' + v.map((item) => write(item, seen) ?? 'null').join(',') + ']';
  } else {
    const rec = v as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(rec).sort()) {
      const item = write(rec[key], seen);
      if (item !== undefined) parts.push(JSON.stringify(key) + ':' + item);
    }
    out = '{' + parts.join(',') + '}';
  }
  seen.delete(v);
  return out;
}
