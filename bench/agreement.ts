// Agreement between a judge and hand labels: the share of items on which
// they agree, and Cohen's κ (agreement corrected for what two raters who
// labelled at random, each with their own label frequencies, would reach).
// Also the development set's reader (data/action-items/dev-set.jsonl, whose
// labelling rules are in LABELLING.md next to it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';

export const LABELS = ['good', 'ok', 'vague', 'blameful'] as const;
export type Label = (typeof LABELS)[number];
export const LABEL_CRITERIA = ['leadsWithAction', 'namesSystem', 'concreteChange', 'bounded', 'blames'] as const;
export type LabelCriterion = (typeof LABEL_CRITERIA)[number];

const Row = z.object({
  id: z.string(),
  text: z.string().min(1).max(1000),
  source: z.url().nullable(),
  constructed: z.boolean(),
  label: z.enum(LABELS),
  leadsWithAction: z.boolean(),
  namesSystem: z.boolean(),
  concreteChange: z.boolean(),
  bounded: z.boolean(),
  blames: z.boolean(),
  split: z.enum(['development', 'held-aside']),
});
export type LabelledItem = z.infer<typeof Row>;

export const DEV_SET = join('data', 'action-items', 'dev-set.jsonl');

export function readDevSet(root: string): LabelledItem[] {
  const lines = readFileSync(join(root, DEV_SET), 'utf8').split('\n').filter((l) => l.trim() !== '');
  return lines.map((l, i) => {
    const r = Row.safeParse(JSON.parse(l));
    if (!r.success) throw new Error(`${DEV_SET} line ${i + 1}: ${r.error.issues[0]?.message ?? 'invalid'}`);
    return r.data;
  });
}

/** The share (0..1) of pairs that agree. */
export function agreement<T>(pairs: readonly (readonly [T, T])[]): number {
  if (pairs.length === 0) return NaN;
  return pairs.filter(([a, b]) => a === b).length / pairs.length;
}

/** Cohen's κ of two raters over the same items; 1 when both always give one and the same label. */
export function cohenKappa<T>(pairs: readonly (readonly [T, T])[]): number {
  const n = pairs.length;
  if (n === 0) return NaN;
  const po = agreement(pairs);
  const a = new Map<T, number>();
  const b = new Map<T, number>();
  for (const [x, y] of pairs) {
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  let pe = 0;
  for (const [k, ca] of a) pe += (ca / n) * ((b.get(k) ?? 0) / n);
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
}
