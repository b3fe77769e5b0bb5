import { memo, type ReactNode } from 'react';
import { Spinner, StatusMessage } from '@inkjs/ui';
import { Box, Text } from 'ink';
import type { HistoryData } from '../../session/history.js';
import { sparkline } from '../sparkline.js';
import { fit, padEnd, padStart, truncate } from '../text.js';
import { dim, paint, useTheme } from '../theme.js';

export const HISTORY_KEYS = 'esc or h back · q quit';

const PERCENT = { min: 0, max: 100 };

/** One line per competency: name, a trend sparkline on a 0–100 % axis, latest, best, mean. */
export function competencyLines(h: HistoryData, width: number): string[] {
  if (h.competencies.length === 0) return [];
  const name = Math.max(...h.competencies.map((c) => c.id.length), 10);
  const tail = 34;
  const spark = Math.max(4, Math.min(30, width - name - tail - 4));
  return h.competencies.map((c) => {
    // Oldest on the left; a short history is not padded out to the right edge.
    const trend = padEnd(sparkline(c.percents, Math.min(spark, c.percents.length), false, PERCENT), spark);
    const pct = (v: number | null) => padStart(v === null ? '—' : `${Math.round(v)}%`, 4);
    return truncate(`  ${fit(c.id, name)}  ${trend}  latest ${pct(c.latest)}  best ${pct(c.best)}  mean ${pct(c.mean)}`, width);
  });
}

/** One line per scenario: the best score, when, out of how many attempts. */
export function bestLines(h: HistoryData, width: number): string[] {
  const name = Math.max(10, ...h.bests.map((b) => b.scenarioId.length));
  return h.bests.map((b) =>
    truncate(
      `  ${fit(b.scenarioId, name)}  ${padStart(`${b.score}/${b.scoreMax}`, 7)}  ${b.startedAt.slice(0, 10)}  ${b.attempts} attempt${b.attempts === 1 ? '' : 's'}`,
      width,
    ),
  );
}

export interface HistoryScreenProps {
  history: HistoryData | null;
  width: number;
  height: number;
  error?: string | null;
}

/** Score per competency across sessions, with a trend, and personal bests per scenario. */
export const HistoryScreen = memo(function HistoryScreen({ history, width, height, error = null }: HistoryScreenProps) {
  const theme = useTheme();
  const lines: { text: string; kind: 'heading' | 'text' | 'muted' }[] = [];
  // A state rather than data (reading, failed, empty): an @inkjs/ui status widget says it.
  let status: ReactNode = null;
  if (error) status = <StatusMessage variant="error">cannot read the history: {error}</StatusMessage>;
  else if (!history) status = <Spinner label="reading…" />;
  else if (history.sessions.length === 0) {
    const unscored = history.unscored > 0 ? ` ${history.unscored} session(s) started but not scored.` : '';
    status = <StatusMessage variant="info">No scored sessions yet: finish a drill (resolve, write the postmortem) and it shows here.{unscored}</StatusMessage>;
  } else {
    const n = history.sessions.length;
    lines.push({ text: `Competencies · ${n} scored session${n === 1 ? '' : 's'} · oldest → newest, percent of each section's points`, kind: 'heading' });
    for (const t of competencyLines(history, width - 1)) lines.push({ text: t, kind: 'text' });
    lines.push({ text: ' ', kind: 'text' });
    lines.push({ text: 'Personal bests', kind: 'heading' });
    for (const t of bestLines(history, width - 1)) lines.push({ text: t, kind: 'text' });
    if (history.unscored > 0) lines.push({ text: `  (+${history.unscored} session(s) not scored)`, kind: 'muted' });
  }
  const room = Math.max(1, height - 3);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate" bold color={paint(theme, 'cyan')}>
        firedrill · your history
      </Text>
      <Text> </Text>
      <Box flexDirection="column" height={room}>
        {status}
        {lines.slice(0, room).map((l, i) => (
          <Text key={i} wrap="truncate" bold={l.kind === 'heading'} dimColor={l.kind === 'muted' && dim(theme)}>
            {l.text}
          </Text>
        ))}
      </Box>
      <Text wrap="truncate" dimColor={dim(theme)}>
        {HISTORY_KEYS}
      </Text>
    </Box>
  );
});
