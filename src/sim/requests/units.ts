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

export function quantities(text: string): string[] {
  const found: { at: number; q: string }[] = [];
  for (const m of text.matchAll(UNIT)) {
    const unit = m[2]!.toLowerCase();
    const canon = CANON.find(([re]) => re.test(unit))?.[1] ?? unit;
    found.push({ at: m.index, q: `${m[1]}${canon}` });
  }
  for (const m of text.matchAll(PER)) if (!found.some((f) => f.at === m.index)) found.push({ at: m.index, q: m[1]! });
  return found.sort((a, b) => a.at - b.at).map((f) => f.q);
}

/** "2s" → "2 s": how a responder says it back. */
export function spoken(q: string): string {
  return q.replace(/^([\d.]+)(.*)$/, '$1 $2');
}
