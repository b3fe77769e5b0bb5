import { SECTIONS, type Scenario } from '../scenario/schema.js';
import { PM_CORE_FIELDS } from '../scenario/vocabulary.js';
import type { WorldState } from '../sim/world.js';
import { judgeItems } from './action-items.js';
import { evaluate, missingFields } from './checks.js';
import type { CheckpointResult, Score, SectionScore } from './types.js';
import { scenarioForVariant } from '../scenario/variant-view.js';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The score: a pure function of the scenario and the final world. Every point has its reason. */
export function scoreSession(scenario: Scenario, world: WorldState): Score {
  scenario = scenarioForVariant(scenario, world.variant);
  const items = judgeItems(scenario, world.postmortem.actions);
  const results = scenario.rubric.map((cp) => ({ cp, res: evaluate(cp.check, { scenario, world, items }) }));
  // The weight of checks that did not apply is shared out over those that did, in proportion.
  const nominalMax = scenario.rubric.reduce((a, c) => a + c.points, 0);
  const applicable = results.reduce((a, { cp, res }) => a + (res.notApplicable ? 0 : cp.points), 0);
  const scale = applicable > 0 ? nominalMax / applicable : 0;
  const checkpoints: CheckpointResult[] = results.map(({ cp, res }) => {
    const points = res.notApplicable ? 0 : cp.points * scale;
    return {
      id: cp.id,
      section: cp.section,
      title: cp.title,
      nominal: cp.points,
      points: round1(points),
      earned: round1(points * res.fraction),
      reason: res.reason,
      ...(res.pending ? { pending: true as const } : {}),
      ...(res.notApplicable ? { notApplicable: true as const } : {}),
    };
  });
  const sections: SectionScore[] = SECTIONS.map((id) => {
    const cps = checkpoints.filter((c) => c.section === id);
    return {
      id,
      score: round1(cps.reduce((a, c) => a + c.earned, 0)),
      max: round1(cps.reduce((a, c) => a + c.points, 0)),
      reasons: cps.map((c) => (c.notApplicable ? `· ${c.title}: not applicable (${c.reason}); its weight went to the other checks` : `${c.earned >= c.points ? '+' : c.earned > 0 ? '±' : '−'} ${c.title}: ${c.reason}`)),
    };
  }).filter((s) => s.max > 0);
  const hintPenalty = round1(world.hintsTaken.reduce((a, h) => a + h.cost, 0));
  const released = world.hintsTaken.filter((h) => h.by === 'examiner').length;
  const hintWhat = `${world.hintsTaken.length} hint(s) taken${released > 0 ? ` (${released} released by the examiner)` : ''}`;
  if (hintPenalty > 0) sections.push({ id: 'hints', score: -hintPenalty, max: 0, reasons: [`− ${hintWhat}: −${hintPenalty}`] });
  const max = round1(nominalMax);
  const total = Math.max(0, Math.round(checkpoints.reduce((a, c) => a + c.earned, 0) - hintPenalty));
  const first = world.firstPageSec;
  const pm = world.postmortem;
  const sev = world.severityHistory[0]?.sec ?? null;
  const sevFrom = first ?? world.ackSec;
  const met = new Set(items.flatMap((i) => i.concepts));
  const missing = pm.startedSec === null ? [] : missingFields(pm.fields);
  return {
    total,
    max: Math.round(max),
    sections,
    checkpoints,
    hintPenalty,
    items,
    timings: {
      onsetS: world.onsetSec,
      detectedS: first,
      ackS: world.ackSec,
      sevS: sev,
      mitigatedS: world.mitigatedSec,
      resolvedS: world.resolvedSec,
      mttaS: world.ackSec !== null && first !== null ? Math.max(0, world.ackSec - first) : null,
      toSevS: sev !== null && sevFrom !== null ? Math.max(0, sev - sevFrom) : null,
      mttmS: world.mitigatedSec !== null && world.onsetSec !== null ? world.mitigatedSec - world.onsetSec : null,
      mttrS: world.resolvedSec !== null && world.onsetSec !== null ? world.resolvedSec - world.onsetSec : null,
      postmortemS: pm.startedSec !== null && pm.submittedSec !== null ? pm.submittedSec - pm.startedSec : null,
      postmortemAllowedS: pm.startedSec !== null && pm.deadlineSec !== null ? pm.deadlineSec - pm.startedSec : null,
    },
    postmortem: {
      written: pm.startedSec !== null,
      submitted: pm.submittedSec !== null,
      late: pm.late,
      partial: pm.startedSec !== null && (pm.late || missing.some((f) => (PM_CORE_FIELDS as readonly string[]).includes(f)) || pm.actions.length === 0),
      missingFields: missing,
      itemCount: pm.actions.length,
      conceptsMet: scenario.postmortem.concepts.filter((c) => met.has(c.id)).map((c) => c.id),
    },
  };
}
