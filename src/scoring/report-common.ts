import { formatClock } from '../scenario/clock-text.js';
import { wallHm } from '../scenario/clock-frame.js';
import { impactFigure } from '../scenario/number-text.js';
import type { Scenario } from '../scenario/schema.js';
import type { WorldState } from '../sim/world.js';
import type { ItemJudgement } from './action-items.js';
import { outcomeLine } from './outcome.js';
import type { ReferenceRow } from './reference.js';
import type { ReferenceRun, ReportMeta, Score } from './types.js';
import { harmfulActions } from '../sim/harmful.js';
import { scenarioForVariant } from '../scenario/variant-view.js';

/** What every report format shares: the drill notice, timing rows, labels. */

/** Whether the recording holds together and who signed it: shown on every report, a withheld one too. */
export function recordingLine(meta: Pick<ReportMeta, 'chainVerified' | 'signing'>): string | null {
  if (meta.chainVerified === null) return null;
  return `Recording: event chain ${meta.chainVerified ? 'verified' : 'BROKEN — the recording was altered'}${meta.signing ? `; ${meta.signing}` : ''}`;
}

export const DRILL_NOTICE = 'Training drill: a simulated incident, not a real one.';

export const clock = (sec: number | null) => (sec === null ? '—' : formatClock(sec));

export interface TimingRow {
  id: string;
  label: string;
  value: string;
  /** The interval's start and end, and the strong-IC target where the rubric has one. */
  detail: string;
}

export function timingRows(scenario: Scenario, score: Score): TimingRow[] {
  const tm = score.timings;
  const hm = (sec: number | null) => (sec === null ? 'never' : wallHm(scenario, sec));
  const checks = scenario.rubric.map((r) => r.check);
  const ack = checks.find((c) => c.kind === 'ack');
  const sev = checks.find((c) => c.kind === 'severity');
  const mit = checks.find((c) => c.kind === 'mitigated');
  const pm = score.postmortem;
  return [
    {
      id: 'mtta',
      label: 'MTTA',
      value: clock(tm.mttaS),
      detail: `first page ${hm(tm.detectedS)} → acknowledged ${hm(tm.ackS)}${ack?.kind === 'ack' ? ` · strong IC ≤ ${formatClock(ack.excellentSec)}` : ''}`,
    },
    {
      id: 'sev',
      label: 'To SEV',
      value: clock(tm.toSevS),
      detail: `first page ${hm(tm.detectedS)} → severity declared ${hm(tm.sevS)}${sev?.kind === 'severity' ? ` · target ≤ ${formatClock(sev.withinSec)} after acknowledging` : ''}`,
    },
    {
      id: 'mttm',
      label: 'To mitigate',
      value: clock(tm.mttmS),
      detail: `onset ${hm(tm.onsetS)} → impact stopped ${hm(tm.mitigatedS)}${mit?.kind === 'mitigated' ? ` · strong IC ≤ ${formatClock(mit.excellentSec)}` : ''}`,
    },
    { id: 'mttr', label: 'To resolve', value: clock(tm.mttrS), detail: `onset ${hm(tm.onsetS)} → resolved ${hm(tm.resolvedS)}` },
    {
      id: 'postmortem',
      label: 'Postmortem',
      value: tm.postmortemS === null ? '—' : `${Math.round((tm.postmortemS / 60) * 10) / 10} min`,
      detail: !pm.written
        ? 'not written'
        : `${clock(tm.postmortemS)} of ${clock(tm.postmortemAllowedS)} allowed${pm.late ? ' · LATE: time ran out, submitted as it stood' : ''}${pm.partial ? ' · partial' : ''}`,
    },
  ];
}

/** What an item meeting the concept would address, in plain words (never its title or matching phrases). */
export function conceptPlain(c: Scenario['postmortem']['concepts'][number]): string {
  return c.plain ?? `a ${c.type ?? 'further'} follow-up this incident needs`;
}

export function conceptTitle(scenario: Scenario, id: string | null): string | null {
  return id === null ? null : (scenario.postmortem.concepts.find((c) => c.id === id)?.title ?? id);
}

/** "meets X" / "meets nothing", for the items table. */
export function conceptLine(scenario: Scenario, j: ItemJudgement): string {
  if (j.concepts.length > 0) return j.concepts.map((c) => conceptTitle(scenario, c)).join(' + ');
  if (j.duplicateOf !== null) return `— (repeats item ${j.duplicateOf + 1})`;
  return '—';
}


const MARK = { met: '✓', late: '⚠ late', wrong: '✗', missed: '✗' } as const;

/** The trainee's cell of a comparison row: the verdict, when, and why. */
export function youCell(r: ReferenceRow, hm: (sec: number) => string): string {
  if (r.youSec === null) return r.status === 'missed' ? `${MARK.missed} never` : `${MARK[r.status]} ${r.note ?? ''}`.trim();
  return `${MARK[r.status]} ${hm(r.youSec)}${r.note ? ` (${r.note})` : ''}`;
}

/** The reference play's cell: when it did it and what, or that it did not (— without a reference play). */
export function refCell(r: ReferenceRow, hm: (sec: number) => string, hasRef: boolean): string {
  if (!hasRef) return '—';
  if (r.refSec === null) return r.refNote ?? 'not done';
  return `${hm(r.refSec)}${r.refNote ? ` (${r.refNote})` : ''}`;
}

export interface HarmRow {
  id: string;
  label: string;
  you: string;
  /** The reference play's figure, or null without a reference play. */
  reference: string | null;
}

/** The simulated harm and the outcome, this session against the reference play of the same variant and seed. */
export function harmRows(scenario: Scenario, world: WorldState, score: Score, ref: ReferenceRun | null): HarmRow[] {
  scenario = scenarioForVariant(scenario, world.variant);
  const hm = (sec: number | null) => (sec === null ? 'never' : wallHm(scenario, sec));
  const rw = ref?.world ?? null;
  const figure = (w: WorldState, i: Scenario['impact'][number]) => impactFigure(w.impact[i.id] ?? 0, i.label, i.unit);
  const harmful = (w: WorldState) => {
    const n = harmfulActions(w).length;
    return n === 0 ? 'none' : `${n}`;
  };
  return [
    ...scenario.impact.map((i) => ({ id: `impact:${i.id}`, label: sentence(i.id), you: figure(world, i), reference: rw ? figure(rw, i) : null })),
    { id: 'mitigated', label: 'Impact stopped', you: hm(world.mitigatedSec), reference: rw ? hm(rw.mitigatedSec) : null },
    { id: 'harmful', label: 'Harmful changes', you: harmful(world), reference: rw ? harmful(rw) : null },
    { id: 'outcome', label: 'Outcome', you: outcomeLine(scenario, world), reference: rw ? outcomeLine(scenario, rw) : null },
    { id: 'score', label: 'Score', you: `${score.total}/${score.max}`, reference: ref ? `${ref.score.total}/${ref.score.max}` : null },
  ];
}

/** The coach's nudges, for the report: none when the coach was off; they never feed the score. */
export function coachRows(world: WorldState): { sec: number; rule: string; text: string }[] {
  return world.coach ? world.nudges.map((n) => ({ sec: n.sec, rule: n.rule, text: n.text })) : [];
}

export const COACH_NONE = 'The coach was on and had nothing to say.';

/** "payment-value-failed" → "Payment value failed". */
const sentence = (id: string) => `${id.charAt(0).toUpperCase()}${id.slice(1).replace(/[-_]+/g, ' ')}`;
