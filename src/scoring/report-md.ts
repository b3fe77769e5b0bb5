import { formatClock } from '../scenario/duration.js';
import type { Scenario } from '../scenario/schema.js';
import type { WorldState } from '../sim/world.js';
import { wallHm } from '../scenario/clock-frame.js';
import type { Score } from './types.js';

export interface ReportMeta {
  sessionId: string;
  seed: number;
  trainee: string;
  mode: string;
  difficulty: string;
  startedAt: string;
  /** Whether the debrief (root cause, variant, examiner notes) may be shown. */
  revealTruth: boolean;
  chainVerified: boolean | null;
}

const t = (sec: number | null) => (sec === null ? '—' : formatClock(sec));

/** The Markdown report: score, reasons, timings, postmortem, timeline, debrief. */
export function renderMarkdown(scenario: Scenario, world: WorldState, score: Score, meta: ReportMeta): string {
  const out: string[] = [];
  const hm = (sec: number) => wallHm(scenario, sec);
  out.push(`# DRILL · ${scenario.id} · seed ${meta.seed} · ${meta.difficulty} · score ${score.total}/${score.max}`);
  out.push('');
  out.push('> Training drill: a simulated incident, not a real one.');
  out.push('');
  out.push(`- Scenario: ${scenario.title}`);
  out.push(`- Session: \`${meta.sessionId}\` · trainee: ${meta.trainee} · mode: ${meta.mode} · started ${meta.startedAt}`);
  out.push(`- Outcome: ${world.outcome ?? 'unfinished'}${world.resolvedSec !== null ? ` at ${hm(world.resolvedSec)}` : ''}`);
  if (meta.chainVerified !== null) out.push(`- Recording: event chain ${meta.chainVerified ? 'verified' : 'BROKEN — the recording was altered'}`);
  out.push('');
  out.push('## Score');
  out.push('');
  out.push(score.sections.map((s) => `${s.id} ${s.score}/${s.max}`).join(' · '));
  out.push('');
  const tm = score.timings;
  const strong = scenario.rubric.map((r) => r.check).find((c) => c.kind === 'mitigated');
  out.push(
    `MTTA ${t(tm.mttaS)} · to SEV ${t(tm.sevS)} · to mitigate ${t(tm.mttmS)}${strong && strong.kind === 'mitigated' ? ` (strong IC: ≤ ${formatClock(strong.excellentSec)})` : ''} · to resolve ${t(tm.resolvedS)} · postmortem ${t(tm.postmortemS)}`,
  );
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
    for (const [k, label] of [
      ['summary', 'Summary'],
      ['impact', 'Impact'],
      ['rootcause', 'Root cause'],
      ['factors', 'Contributing factors'],
      ['well', 'What went well'],
      ['lucky', 'Where we got lucky'],
    ] as const)
      if (pm.fields[k]) out.push(`**${label}.** ${pm.fields[k]}`, '');
    out.push(`Written in ${t(tm.postmortemS)}${pm.late ? ' (time ran out: submitted as it stood)' : ''}.`);
    out.push('');
    out.push('### Action items');
    out.push('');
    if (score.items.length === 0) out.push('_None._');
    score.items.forEach((j, i) => {
      out.push(`${i + 1}. **${j.item.type} ${j.item.priority} ${j.item.owner}** ${j.item.text}`);
      out.push(`   - ${j.notes.join('; ')} · quality ${Math.round(Math.max(0, j.quality) * 100)}%`);
      if (j.better.length) out.push(`   - better: ${j.better.join('; ')}`);
    });
  }
  out.push('');
  out.push('## Your timeline');
  out.push('');
  for (const e of world.timeline) out.push(`- ${hm(e.sec)} ${e.text}`);
  const examinerNotes = world.notes.filter((n) => n.by === 'examiner');
  if (meta.revealTruth && examinerNotes.length) {
    out.push('');
    out.push('## Examiner notes');
    out.push('');
    for (const n of examinerNotes) out.push(`- ${hm(n.sec)} ${n.text}`);
  }
  out.push('');
  out.push('## What a strong IC does');
  out.push('');
  out.push(scenario.examiner.strongPlay.trim());
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
  return out.join('\n');
}

/** A few lines for the end of a session, on screen and on stdout. */
export function renderSummary(scenario: Scenario, world: WorldState, score: Score): string {
  const lines = [
    `DRILL · ${scenario.id} · score ${score.total}/${score.max} · outcome ${world.outcome ?? 'unfinished'}`,
    score.sections.map((s) => `${s.id} ${s.score}/${s.max}`).join(' · '),
    `MTTA ${t(score.timings.mttaS)} · to SEV ${t(score.timings.sevS)} · to mitigate ${t(score.timings.mttmS)} · to resolve ${t(score.timings.resolvedS)}`,
  ];
  const misses = score.checkpoints.filter((c) => c.earned < c.points).sort((a, b) => b.points - b.earned - (a.points - a.earned)).slice(0, 3);
  for (const m of misses) lines.push(`− ${m.title}: ${m.reason}`);
  return lines.join('\n');
}
