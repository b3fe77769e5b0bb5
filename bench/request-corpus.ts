// The labelled requests corpus (data/requests/README.md): loading, the
// held-aside fifth, and scoring a matcher against the labels.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outcomeLabel, type Asker, type RequestOutcome } from '../src/sim/requests/outcome.js';

export interface CorpusEntry {
  scenario: string;
  who: string;
  request: string;
  /** One label per request in the line, e.g. ['diag dig-fraud'] or ['act tokenize-timeouts 2s,10s']. */
  expected: string[];
  heldAside: boolean;
  file: string;
  line: number;
}

/** The deterministic held-aside rule, fixed before the matcher was written. */
export function isHeldAside(scenario: string, who: string, request: string): boolean {
  return createHash('sha256').update(`${scenario}|${who}|${request}`).digest()[0]! % 5 === 0;
}

export function loadCorpus(dir: string): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const scenario = name.replace(/\.txt$/, '');
    readFileSync(join(dir, name), 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        const line = raw.trim();
        if (!line || line.startsWith('#')) return;
        const parts = line.split(' | ');
        if (parts.length < 3) throw new Error(`${name}:${i + 1}: expected WHO | REQUEST | OUTCOME`);
        const who = parts[0]!.trim();
        const request = parts.slice(1, -1).join(' | ').trim();
        const expected = parts[parts.length - 1]!.split(' ; ').map((s) => s.trim());
        out.push({ scenario, who, request, expected, heldAside: isHeldAside(scenario, who, request), file: name, line: i + 1 });
      });
  }
  return out;
}

export function askerOf(e: CorpusEntry): Asker {
  return e.who === 'run' || e.who === 'do' ? { hands: e.who } : { person: e.who };
}

/** One label against one outcome: params count only when the label names them. */
function agrees(label: string, o: RequestOutcome): boolean {
  const got = outcomeLabel(o);
  const [kind, id, params] = label.split(' ');
  if (kind === 'act' && o.kind === 'action') return o.id === id && (params === undefined || o.params.join(',') === params);
  if (kind === 'redirect' && o.kind === 'redirect') return id === undefined || o.team === id;
  return got === label;
}

export interface CorpusScore {
  total: number;
  right: number;
  /** Lines where a change would be proposed that the line did not ask for. */
  wrongChanges: number;
  misses: { entry: CorpusEntry; got: string[] }[];
}

export function scoreCorpus(entries: readonly CorpusEntry[], understand: (e: CorpusEntry) => RequestOutcome[]): CorpusScore {
  const score: CorpusScore = { total: entries.length, right: 0, wrongChanges: 0, misses: [] };
  for (const e of entries) {
    const got = understand(e);
    const right = got.length === e.expected.length && e.expected.every((label, i) => agrees(label, got[i]!));
    const wanted = new Set(e.expected.filter((l) => l.startsWith('act ')).map((l) => l.split(' ')[1]));
    if (got.some((o) => o.kind === 'action' && !wanted.has(o.id))) score.wrongChanges++;
    if (right) score.right++;
    else score.misses.push({ entry: e, got: got.map(outcomeLabel) });
  }
  return score;
}
