import type { Scenario } from './schema.js';
import { parseScriptText, type ScriptLine } from './script-text.js';

/**
 * A scenario's reference play: the strong commander's script for a variant
 * (examiner.referencePlay), which the report runs through the engine to
 * compare against. Checked at load: scripts that parse, known variants,
 * one script per variant.
 */

/** The reference script's lines for a variant, or null when the scenario has none for it. */
export function referenceScript(scenario: Scenario, variant: string): ScriptLine[] | null {
  const entry = scenario.examiner.referencePlay.find((e) => e.variants === undefined || e.variants.includes(variant));
  if (!entry) return null;
  const parsed = parseScriptText(entry.script, 'reference play');
  return parsed.ok ? parsed.lines : null;
}

export function referencePlayProblems(s: Scenario): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const covered = new Map<string, number>();
  s.examiner.referencePlay.forEach((e, i) => {
    const at = ['examiner', 'referencePlay', i];
    for (const v of e.variants ?? s.variants.map((x) => x.id)) {
      if (!s.variants.some((x) => x.id === v)) out.push({ path: [...at, 'variants'], message: `no variant "${v}" (variants: ${s.variants.map((x) => x.id).join(', ')})` });
      else if (covered.has(v)) out.push({ path: at, message: `variant "${v}" already has a reference play (entry ${covered.get(v)! + 1}); give each variant one` });
      else covered.set(v, i);
    }
    const parsed = parseScriptText(e.script, 'script', { endSec: Math.round((s.timeLimitMin + s.postmortemMin) * 60), endWhat: 'the time limit and the postmortem' });
    if (!parsed.ok) for (const err of parsed.errors) out.push({ path: [...at, 'script'], message: err });
    // The report replays it as written: a wait would make its times depend on the run.
    else for (const l of parsed.lines.filter((x) => x.wait)) out.push({ path: [...at, 'script'], message: `script:${l.line}: a reference play does not wait ("${l.text}"); write the time the strong IC acts` });
  });
  return out;
}
