import { wallClock } from '../scenario/clock-frame.js';
import type { Scenario } from '../scenario/schema.js';
import type { WorldState } from '../sim/world.js';
import { qualityLine } from './action-items.js';
import { outcomeDetail } from './outcome.js';
import { referenceTimeline } from './reference.js';
import { coachRows, conceptTitle, DRILL_NOTICE, harmRows, timingRows } from './report-common.js';
import { referenceFor } from './reference-run.js';
import type { ReportMeta, Score } from './types.js';
import { scenarioForVariant } from '../scenario/variant-view.js';

/** The machine-readable report: the full score, timings, timeline, judged items and the reference timeline. */
export function reportJson(scenario: Scenario, world: WorldState, score: Score, meta: ReportMeta) {
  scenario = scenarioForVariant(scenario, world.variant);
  const at = (sec: number) => wallClock(scenario, sec, false);
  const variant = scenario.variants.find((v) => v.id === world.variant);
  const ref = referenceFor(scenario, world);
  return {
    drill: true,
    notice: DRILL_NOTICE,
    format: 'firedrill-report/1',
    session: {
      id: meta.sessionId,
      seed: meta.seed,
      trainee: meta.trainee,
      mode: meta.mode,
      difficulty: meta.difficulty,
      startedAt: meta.startedAt,
      chainVerified: meta.chainVerified,
      signing: meta.signing ?? null,
      ...(meta.revealTruth && variant ? { variant: { id: variant.id, title: variant.title, rootCause: variant.rootCause.trim() } } : {}),
    },
    scenario: { id: scenario.id, title: scenario.title },
    outcome: world.outcome,
    // A resolve with the fault still active is its own outcome here; `outcome` keeps its old values.
    outcomeDetail: outcomeDetail(world),
    faultActiveAtResolve: outcomeDetail(world) === 'resolved-fault-active',
    score,
    timings: { ...score.timings, rows: timingRows(scenario, score) },
    timeline: world.timeline.map((e) => ({ ...e, at: at(e.sec) })),
    // The solo coach's lines (empty when it was off); they never feed the score.
    coach: world.coach,
    coachNudges: coachRows(world).map((n) => ({ ...n, at: at(n.sec) })),
    postmortem: { ...score.postmortem, fields: world.postmortem.fields, startedSec: world.postmortem.startedSec, submittedSec: world.postmortem.submittedSec },
    items: score.items.map((j, i) => ({
      n: i + 1,
      ...j.item,
      concept: j.concept,
      concepts: j.concepts.map((id) => ({ id, title: conceptTitle(scenario, id) })),
      duplicateOf: j.duplicateOf === null ? null : j.duplicateOf + 1,
      quality: j.quality,
      band: j.band,
      blameful: j.blameful,
      vague: j.vague,
      harmful: j.harmful,
      criteria: j.criteria,
      summary: qualityLine(j),
      notes: j.notes,
      better: j.better,
    })),
    reference: referenceTimeline(scenario, world, score, ref).map((r) => ({ ...r, by: at(r.bySec), you: r.youSec === null ? null : at(r.youSec), strong: r.refSec === null ? null : at(r.refSec) })),
    // The reference play's own run (null when the scenario has none for this variant): its harm, outcome and score.
    referencePlay: ref
      ? {
          outcome: ref.world.outcome,
          outcomeDetail: outcomeDetail(ref.world),
          score: { total: ref.score.total, max: ref.score.max },
          timings: ref.score.timings,
          impact: ref.world.impact,
        }
      : null,
    impact: world.impact,
    harm: harmRows(scenario, world, score, ref),
    ...(meta.revealTruth ? { strongPlay: scenario.examiner.strongPlay.trim(), examinerNotes: world.notes.filter((n) => n.by === 'examiner').map((n) => ({ sec: n.sec, at: at(n.sec), text: n.text })) } : {}),
    ...(meta.scorecard ? { scorecard: meta.scorecard } : {}),
  };
}

export function renderJson(scenario: Scenario, world: WorldState, score: Score, meta: ReportMeta): string {
  return JSON.stringify(reportJson(scenario, world, score, meta), null, 2);
}
