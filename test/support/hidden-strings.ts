// What the candidate must never be shown, shared by the tests that look:
// for every scenario's strong and weak scripts (test/scripts/SCENARIO[.VARIANT].{strong,weak}.txt,
// matched to scenarios/SCENARIO.yaml; globbed, as more are added).
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Scenario } from '../../src/scenario/schema.js';

export const NOTE_MARK = 'EXAMINER-ONLY-7f3a';

export interface Case {
  name: string;
  scenarioPath: string;
  scriptPath: string;
  variant: string | undefined;
}

export function cases(): Case[] {
  const out: Case[] = [];
  const add = (dir: string, scenarioDir: string) => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir).filter((x) => /\.(strong|weak)\.txt$/.test(x)).sort()) {
      const parts = basename(f, '.txt').split('.');
      const scenarioPath = join(scenarioDir, `${parts[0]}.yaml`);
      if (!existsSync(scenarioPath)) continue;
      out.push({ name: f, scenarioPath, scriptPath: join(dir, f), variant: parts.length === 3 ? parts[1] : undefined });
    }
  };
  add('test/scripts', 'scenarios');
  add('test/fixtures', 'test/fixtures');
  return out;
}

export const norm = (s: string) => s.replace(/\s+/gu, ' ').trim().toLowerCase();

export function sentences(text: string): string[] {
  return text
    .split(/\n\s*\n|(?<=[.!?])\s+/u)
    .map((s) => s.replace(/\s+/gu, ' ').trim())
    .filter((s) => s.split(' ').length >= 5);
}

/** The scenario as the candidate may see it: without variants, rubric, concepts and examiner notes. */
function candidateFacing(sc: Scenario): string {
  const { variants: _v, rubric: _r, examiner: _e, postmortem: _p, ...rest } = sc;
  // Conditions name variants ("variant:record-deleted"); the candidate never sees a condition.
  return norm(JSON.stringify(rest)).replace(/variant:[\w.-]+/gu, ' ');
}

/** Examiner-only text (variants, root causes, notes, strong/weak play; `extra` adds more), less what the candidate may see anyway. */
export function hiddenStrings(sc: Scenario, scriptText: string, extra: string[] = []): string[] {
  const allowed = candidateFacing(sc) + ' ' + norm(scriptText);
  const hidden = new Set<string>();
  for (const v of sc.variants) {
    hidden.add(v.title);
    if (v.id.length >= 6) hidden.add(v.id);
    for (const s of sentences(v.rootCause)) hidden.add(s);
  }
  for (const s of [...sentences(sc.examiner.notes), ...sentences(sc.examiner.strongPlay), ...sentences(sc.examiner.weakPlay)]) hidden.add(s);
  hidden.add(NOTE_MARK);
  for (const x of extra) hidden.add(x);
  // Text the candidate-facing scenario or the candidate's own typing also contains is not a leak.
  return [...hidden].filter((h) => !allowed.includes(norm(h)));
}

export function leaks(text: string, hidden: string[]): string[] {
  const t = norm(text);
  return hidden.filter((h) => t.includes(norm(h)));
}

