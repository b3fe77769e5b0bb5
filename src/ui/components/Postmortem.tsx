import { memo } from 'react';
import { Box, Text } from 'ink';
import { helpFor } from '../../commands/verbs.js';
import type { PostmortemView } from '../../view/model.js';
import { fit } from '../text.js';
import { dim, paint, useTheme } from '../theme.js';
import { Panel } from './Panel.js';

type PmLine = { text: string; kind: 'field' | 'heading' | 'action' | 'muted' };

/** The pm verbs, straight from the command language. */
export const PM_HINT = helpFor('pm')?.usage ?? 'pm FIELD TEXT · pm action TYPE PRIORITY OWNER TEXT · pm submit';

/** Fields, then numbered action items, then the impact figures to copy from. */
export function postmortemLines(pm: PostmortemView): PmLine[] {
  const lines: PmLine[] = pm.fields.map((f) => ({
    text: `${fit(f.label, 12)}${f.text.trim() === '' ? '—' : f.text}`,
    kind: 'field',
  }));
  lines.push({ text: 'Action items', kind: 'heading' });
  if (pm.actions.length === 0) lines.push({ text: '  none yet (pm action TYPE PRIORITY OWNER TEXT)', kind: 'muted' });
  pm.actions.forEach((a, i) => {
    lines.push({ text: `  ${i + 1} ${fit(a.type, 9)}${fit(a.priority, 3)}${fit(a.owner, 18)}${a.text}`, kind: 'action' });
  });
  if (pm.impactFigures) lines.push({ text: `figures: ${pm.impactFigures}`, kind: 'muted' });
  return lines;
}

export interface PostmortemProps {
  pm: PostmortemView;
  scenarioId: string;
  width: number;
  height: number;
}

/** Shown instead of dashboard, feed and logs while the postmortem is open. */
export const Postmortem = memo(function Postmortem({ pm, scenarioId, width, height }: PostmortemProps) {
  const theme = useTheme();
  const room = Math.max(1, height - 3); // borders and the hint line
  const lines = postmortemLines(pm).slice(0, room);
  const right = pm.submitted ? 'submitted ✓' : undefined;
  return (
    <Panel title={`Postmortem · ${scenarioId} · ⏱ ${pm.timeLeft} left`} right={right} width={width} height={height}>
      <Box flexDirection="column" flexGrow={1}>
        {lines.map((l, i) => (
          <Text
            key={i}
            wrap="truncate"
            bold={l.kind === 'heading'}
            dimColor={l.kind === 'muted' && dim(theme)}
          >
            {l.text}
          </Text>
        ))}
      </Box>
      <Text wrap="truncate" color={paint(theme, 'cyan')}>
        {PM_HINT}
      </Text>
    </Panel>
  );
});
