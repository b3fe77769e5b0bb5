import type { HeaderView } from '../view/model.js';
import { textWidth, truncate } from './text.js';

/**
 * The header's pieces, fitted to one line. Time, speed, severity, time left,
 * impact and the update due must always show (DESIGN.md "The interface"), so
 * as width runs out the other pieces are dropped or shortened first.
 */
export type HeaderKind =
  | 'brand'
  | 'mode'
  | 'scenario'
  | 'clock'
  | 'speed'
  | 'severity'
  | 'ic'
  | 'timeLeft'
  | 'impact'
  | 'update'
  | 'lifecycle';

export interface HeaderSegment {
  kind: HeaderKind;
  text: string;
  /** Drawn in the alarm colour (overdue update, paused clock). */
  alert?: boolean;
}

interface Candidate extends HeaderSegment {
  short?: string;
}

const SEPARATOR = '  ';
const TIGHT_SEPARATOR = ' ';

function candidates(h: HeaderView): Candidate[] {
  const list: Candidate[] = [{ kind: 'brand', text: 'firedrill' }];
  if (h.mode !== 'play' || h.interview) {
    const mode = h.mode === 'play' ? 'interview' : h.mode.toUpperCase();
    list.push({ kind: 'mode', text: mode });
  }
  list.push(
    { kind: 'scenario', text: h.scenarioId },
    { kind: 'clock', text: `${h.wallClock} (sim ${h.simClock})`, short: h.wallClock },
    h.paused
      ? h.pausedBy === 'examiner'
        ? { kind: 'speed', text: '⏸ paused by the examiner', short: '⏸ paused by the examiner', alert: true }
        : { kind: 'speed', text: `⏸ paused ${h.speed}x`, short: '⏸ paused', alert: true }
      : { kind: 'speed', text: `▶ ${h.speed}x` },
    { kind: 'severity', text: h.severity },
    { kind: 'ic', text: `IC: ${h.ic}` },
    h.added
      ? { kind: 'timeLeft', text: `⏱ ${h.timeLeft} left (${h.added})`, short: `⏱ ${h.timeLeft} (${h.added.replace(' added', '')})`, alert: true }
      : { kind: 'timeLeft', text: `⏱ ${h.timeLeft} left`, short: `⏱ ${h.timeLeft}` },
  );
  if (h.impact) list.push({ kind: 'impact', text: `impact: ${h.impact}`, short: h.impact });
  if (h.updateOverdue) {
    const due = h.nextUpdateDue ? ` (due ${h.nextUpdateDue})` : '';
    list.push({ kind: 'update', text: `! update overdue${due}`, short: '! update overdue', alert: true });
  } else if (h.nextUpdateDue) {
    list.push({ kind: 'update', text: `next update due ${h.nextUpdateDue}`, short: `update ${h.nextUpdateDue}` });
  }
  if (h.lifecycle) list.push({ kind: 'lifecycle', text: h.lifecycle });
  return list;
}

/** Applied one after another until the line fits. */
const STEPS: readonly (readonly ['drop' | 'short', HeaderKind])[] = [
  ['drop', 'lifecycle'],
  ['drop', 'brand'],
  ['short', 'clock'],
  ['drop', 'mode'],
  ['drop', 'scenario'],
  ['short', 'timeLeft'],
  ['short', 'update'],
  ['drop', 'ic'],
  ['short', 'impact'],
  ['short', 'speed'],
];

export interface HeaderLine {
  segments: HeaderSegment[];
  separator: string;
}

export function headerWidth(line: HeaderLine): number {
  return 1 + textWidth(line.segments.map((s) => s.text).join(line.separator));
}

/** The header for `width` columns (a final truncation is Ink's). */
export function headerLine(h: HeaderView, width: number): HeaderLine {
  let list = candidates(h);
  // Two columns of slack: some terminals draw ⏱/⏸ double-width.
  const budget = width - 2;
  const fits = (separator: string) => headerWidth({ segments: list, separator }) <= budget;
  for (const [op, kind] of STEPS) {
    if (fits(SEPARATOR)) break;
    list =
      op === 'drop'
        ? list.filter((s) => s.kind !== kind)
        : list.map((s) => (s.kind === kind && s.short !== undefined ? { ...s, text: s.short } : s));
  }
  const separator = fits(SEPARATOR) ? SEPARATOR : TIGHT_SEPARATOR;
  if (!fits(separator)) {
    // Last resort: cut the impact text itself so the update due stays on screen.
    const over = headerWidth({ segments: list, separator }) - budget;
    list = list.map((s) =>
      s.kind === 'impact' ? { ...s, text: truncate(s.text, Math.max(12, textWidth(s.text) - over)) } : s,
    );
  }
  const segments = list.map(({ kind, text, alert }) => (alert ? { kind, text, alert } : { kind, text }));
  return { segments, separator };
}
