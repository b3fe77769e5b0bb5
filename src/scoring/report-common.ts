import { formatClock } from '../scenario/clock-text.js';
import { wallHm } from '../scenario/clock-frame.js';
import type { Scenario } from '../scenario/schema.js';
import type { ItemJudgement } from './action-items.js';
import type { Score } from './types.js';

/** What every report format shares: the drill notice, timing rows, labels. */

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

