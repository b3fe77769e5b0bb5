/** Numbers with units in a request ("2 s / 10 s", "at most 2 threads", "200ms"), normalised in the order written. */
const UNIT = /(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?|threads?|workers?|req\/s|rps|replicas?|pods?)(?![a-z0-9])/gi;

const CANON: [RegExp, string][] = [
  [/^(ms|milliseconds?)$/, 'ms'],
  [/^(s|secs?|seconds?)$/, 's'],
  [/^(m|mins?|minutes?)$/, 'min'],
  [/^(h|hours?)$/, 'h'],
  [/^threads?$/, 'threads'],
  [/^workers?$/, 'workers'],
  [/^(req\/s|rps)$/, 'req/s'],
  [/^replicas?$/, 'replicas'],
  [/^pods?$/, 'pods'],
];

/** A bare count for each something ("at 2 per worker"): the count is the number. */
const PER = /(?<![\d.])(\d+)\s+(?:per|each|a|an)\s+(?:worker|pod|process|node|host|instance|replica|second|minute)\b/gi;

/** A number in a request, where it stands: `unit` is canonical, '' for a bare count. */
export interface Quantity {
  at: number;
  end: number;
  value: number;
  unit: string;
}

export function quantitiesAt(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const m of text.matchAll(UNIT)) {
    const unit = m[2]!.toLowerCase();
    const canon = CANON.find(([re]) => re.test(unit))?.[1] ?? unit;
    found.push({ at: m.index, end: m.index + m[0].length, value: Number(m[1]), unit: canon });
  }
  for (const m of text.matchAll(PER)) if (!found.some((f) => f.at === m.index)) found.push({ at: m.index, end: m.index + m[1]!.length, value: Number(m[1]), unit: '' });
  return found.sort((a, b) => a.at - b.at);
}

export function quantities(text: string): string[] {
  return quantitiesAt(text).map((q) => `${q.value}${q.unit}`);
}

/** "2s" → "2 s": how a responder says it back. */
export function spoken(q: string): string {
  return q.replace(/^([\d.]+)(.*)$/, '$1 $2');
}
