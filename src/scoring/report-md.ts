import { wallHm } from '../scenario/clock-frame.js';
import { settingsWords } from '../sim/requests/params.js';
import type { Scenario } from '../scenario/schema.js';
import type { WorldState } from '../sim/world.js';
import { qualityLine } from './action-items.js';
import { DECISION_KINDS } from './chart.js';
import { referenceTimeline } from './reference.js';
import { clock, coachRows, COACH_NONE, conceptLine, DRILL_NOTICE, harmRows, recordingLine, refCell, timingRows, youCell } from './report-common.js';
import { referenceFor } from './reference-run.js';
import { outcomeDetail, outcomeLine } from './outcome.js';
import { PM_SECTIONS } from '../scenario/vocabulary.js';
import type { ReportMeta, Score } from './types.js';
import { scorecardMarkdown } from './report-scorecard.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { scenarioForVariant } from '../scenario/variant-view.js';

export type { ReportMeta } from './types.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n+/g, ' ');

/** The Markdown report: score, reasons, timings, postmortem with judged items, timeline, reference, debrief. */
export function renderMarkdown(scenario: Scenario, world: WorldState, score: Score, meta: ReportMeta): string {
  scenario = scenarioForVariant(scenario, world.variant);
  const out: string[] = [];
  const hm = (sec: number) => wallHm(scenario, sec);
  out.push(`# DRILL · ${scenario.id} · seed ${meta.seed} · ${meta.difficulty} · score ${score.total}/${score.max}`);
  out.push('');
  out.push(`> ${DRILL_NOTICE}`);
  out.push('');
  out.push(`- Scenario: ${scenario.title}`);
  out.push(`- Session: \`${meta.sessionId}\` · trainee: ${meta.trainee} · mode: ${meta.mode} · started ${meta.startedAt}`);
  out.push(`- Outcome: ${outcomeLine(scenario, world)}`);
  const recording = recordingLine(meta);
  if (recording) out.push(`- ${recording}`);
  if (score.postmortem.late) out.push('- Postmortem: LATE — the countdown ran out and it was submitted as it stood (partial)');
  out.push('');
  out.push('## Score');
  out.push('');
  out.push(`**${score.total}/${score.max}** · ${score.sections.map((s) => `${s.id} ${s.score}/${s.max}`).join(' · ')}`);
  out.push('');
  if (meta.scorecard) out.push(...scorecardMarkdown(scenario, meta.scorecard));
  out.push('## Timings');
  out.push('');
  out.push('| | | |');
  out.push('|---|---|---|');
  for (const r of timingRows(scenario, score)) out.push(`| ${r.label} | ${r.value} | ${cell(r.detail)} |`);
  out.push('');
  out.push('## Harm: you and the reference play');
  out.push('');
  out.push('What the simulated incident cost in this session, beside what it cost when the scenario’s reference play ran the same variant and seed.');
  out.push('');
  out.push('| | You | Strong IC (reference) |');
  out.push('|---|---|---|');
  for (const h of harmRows(scenario, world, score, referenceFor(scenario, world))) out.push(`| ${h.label} | ${cell(h.you)} | ${cell(h.reference ?? '—')} |`);
  out.push('');
  out.push('## Why, point by point');
  for (const s of score.sections) {
    out.push('');
    out.push(`### ${s.id} ${s.score}/${s.max}`);
    out.push('');
    for (const r of s.reasons) out.push(`- ${r}`);
  }
  out.push('');
  out.push('## Postmortem');
  out.push('');
  const pm = world.postmortem;
  if (pm.startedSec === null) out.push('_No postmortem was written._');
  else {
    if (score.postmortem.late) out.push(`> **Late/partial:** the postmortem time ran out; it was submitted with what was written.${score.postmortem.missingFields.length ? ` Never written: ${score.postmortem.missingFields.join(', ')}.` : ''}`, '');
    for (const { key: k, label } of PM_SECTIONS) if (pm.fields[k]) out.push(`**${label}.** ${pm.fields[k]}`, '');
    out.push(`Written in ${clock(score.timings.postmortemS)} of ${clock(score.timings.postmortemAllowedS)}.`);
    out.push('');
    out.push('### Action items');
    out.push('');
    if (score.items.length === 0) out.push('_None._');
    score.items.forEach((j, i) => {
      out.push(`${i + 1}. **${j.item.type} ${j.item.priority} ${j.item.owner}** ${j.item.text}`);
      out.push(`   - concept: ${conceptLine(scenario, j)}`);
      out.push(`   - ${qualityLine(j)}`);
      if (j.notes.length) out.push(`   - ${j.notes.join('; ')}`);
      out.push(`   - better: ${j.better.length ? j.better.join('; ') : 'nothing to add'}`);
    });
  }
  out.push('');
  out.push('## Read-backs');
  out.push('');
  out.push(...readBackLines(scenario, world));
  out.push('');
  out.push('## Your timeline');
  out.push('');
  for (const e of world.timeline) out.push(`- ${hm(e.sec)} _${DECISION_KINDS[e.kind]}_ ${e.text}`);
  if (world.coach) {
    out.push('');
    out.push('## Coach nudges');
    out.push('');
    const nudges = coachRows(world);
    if (nudges.length === 0) out.push(`_${COACH_NONE}_`);
    for (const n of nudges) out.push(`- ${hm(n.sec)} ${n.text}`);
  }
  const examinerNotes = world.notes.filter((n) => n.by === 'examiner');
  if (meta.revealTruth && examinerNotes.length) {
    out.push('');
    out.push('## Examiner notes');
    out.push('');
    for (const n of examinerNotes) out.push(`- ${hm(n.sec)} ${n.text}`);
  }
  out.push('');
  const ref = referenceFor(scenario, world);
  out.push('## What a strong IC does');
  out.push('');
  out.push(
    ref
      ? 'The scenario’s reference play, run through the same engine with this session’s variant and seed, step by step beside what you did. “By” is the rubric’s deadline, counted from the first page and the onset; a tick needs the step done well (the right severity, the right root cause, a blameless postmortem) as well as in time:'
      : 'This scenario has no reference play for this variant: the rubric’s deadlines only, counted from the first page and the onset. A tick needs the step done well as well as in time:',
  );
  out.push('');
  out.push('| By | Target | Step | Strong IC (reference) | You |');
  out.push('|---|---|---|---|---|');
  for (const r of referenceTimeline(scenario, world, score, ref)) out.push(`| ${hm(r.bySec)} | ${cell(r.target)} | ${cell(r.what)} | ${cell(refCell(r, hm, ref !== null))} | ${cell(youCell(r, hm))} |`);
  // the examiner's description of strong play can name the fault: debrief only
  if (meta.revealTruth) out.push('', scenario.examiner.strongPlay.trim());
  if (meta.revealTruth) {
    const v = scenario.variants.find((x) => x.id === world.variant)!;
    out.push('');
    out.push('## Debrief');
    out.push('');
    out.push(`**What broke (${v.title}).** ${v.rootCause.trim()}`);
    out.push('');
    out.push(scenario.examiner.notes.trim());
  }
  out.push('');
  // Printed to terminals (`report` without --out, `cat`): trainee names and typed text are untrusted.
  return terminalSafe(out.join('\n'), { newlines: true });
}

/** A few lines for the end of a session, on screen and on stdout. */
export function renderSummary(scenario: Scenario, world: WorldState, score: Score): string {
  scenario = scenarioForVariant(scenario, world.variant);
  const tm = score.timings;
  const lines = [
    `DRILL · ${scenario.id} · score ${score.total}/${score.max} · outcome ${outcomeDetail(world)}${score.postmortem.late ? ' · postmortem late' : ''}`,
    score.sections.map((s) => `${s.id} ${s.score}/${s.max}`).join(' · '),
    `MTTA ${clock(tm.mttaS)} · to SEV ${clock(tm.toSevS)} · to mitigate ${clock(tm.mttmS)} · to resolve ${clock(tm.mttrS)}`,
  ];
  const misses = score.checkpoints.filter((c) => c.earned < c.points).sort((a, b) => b.points - b.earned - (a.points - a.earned)).slice(0, 3);
  for (const m of misses) lines.push(`− ${m.title}: ${m.reason}`);
  return terminalSafe(lines.join('\n'), { newlines: true });
}

const SETTLED = { confirmed: 'confirmed', corrected: 'corrected by a later request', cancelled: 'cancelled', pending: 'never confirmed' } as const;

/** What each responder read back before a change, and what the IC did with it: confirmed, corrected or cancelled. */
function readBackLines(scenario: Scenario, world: WorldState): string[] {
  if (world.readBacks.length === 0) return ['_No change was read back._'];
  return world.readBacks.map((r) => {
    const who = scenario.people.find((p) => p.id === r.who)?.name ?? r.who;
    const action = scenario.actions.find((a) => a.id === r.actionId);
    const title = action?.title ?? r.actionId;
    const params = action && r.values && action.params.length ? ` (${settingsWords(action, r.values)})` : r.params.length ? ` (${r.params.join(', ')})` : '';
    const hm = (sec: number) => wallHm(scenario, sec);
    const when = r.settledSec === null ? '' : ` at ${hm(r.settledSec)}`;
    return `- ${hm(r.sec)} ${who}: "${r.text}" → read back as ${title}${params}; ${SETTLED[r.state]}${when}`;
  });
}
