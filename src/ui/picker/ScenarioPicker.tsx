import { memo } from 'react';
import { Badge } from '@inkjs/ui';
import { Box, Text } from 'ink';
import { scrollWindow } from '../scroll-text.js';
import { fit, truncate, wrapText } from '../text.js';
import { dim, paint, useTheme } from '../theme.js';

export interface PickerItem {
  id: string;
  title: string;
  difficulty: string;
  timeLimitMin: number;
  source: string;
  summary: string;
}

export const PICKER_KEYS = '↑↓ choose · enter open the briefing · h history · q quit';

/** A row's three parts: the title (with the cursor), the difficulty (drawn as a badge), the time limit and id. */
export function pickerRowParts(item: PickerItem, width: number, selected: boolean): { title: string; difficulty: string; rest: string } {
  const difficulty = fit(item.difficulty, 6);
  const rest = ` ${String(item.timeLimitMin).padStart(3)} min  ${item.id}`;
  const titleWidth = Math.max(10, Math.min(48, width - rest.length - difficulty.length - 6));
  return { title: `${selected ? '▸ ' : '  '}${fit(item.title, titleWidth)} `, difficulty, rest };
}

const BADGE_COLOUR: Record<string, 'green' | 'yellow' | 'red'> = { easy: 'green', normal: 'yellow', hard: 'red' };

/** What the highlighted scenario is: difficulty (and the --difficulty override), time limit, source, summary. */
export function pickerDetail(item: PickerItem, width: number, difficulty?: string): string[] {
  const diff = difficulty && difficulty !== item.difficulty ? `${difficulty} (--difficulty; the scenario says ${item.difficulty})` : item.difficulty;
  const lines = [`difficulty ${diff} · time limit ${item.timeLimitMin} min`, ...wrapText(`source: ${item.source}`, width, 8)];
  lines.push(...wrapText(item.summary, width));
  return lines;
}

export interface ScenarioPickerProps {
  items: readonly PickerItem[];
  selected: number;
  width: number;
  height: number;
  /** --difficulty given on the command line: shown, and used for the session. */
  difficulty?: string;
}

/** The list a bare `firedrill` opens with, and the highlighted scenario's details under it. */
export const ScenarioPicker = memo(function ScenarioPicker({ items, selected, width, height, difficulty }: ScenarioPickerProps) {
  const theme = useTheme();
  const inner = Math.max(20, width - 2);
  const item = items[selected];
  const detail = item ? pickerDetail(item, inner - 2, difficulty) : [];
  const detailRoom = Math.min(detail.length, 6);
  const listRoom = Math.max(1, height - 4 - detailRoom - 1);
  const top = Math.max(0, Math.min(selected - Math.floor(listRoom / 2), items.length - listRoom));
  const win = scrollWindow(items, top, listRoom);
  return (
    <Box flexDirection="column" width={width} height={height} paddingLeft={1}>
      <Text wrap="truncate" bold color={paint(theme, 'cyan')}>
        firedrill · pick a scenario
      </Text>
      <Text wrap="truncate" dimColor={dim(theme)}>
        You are the Incident Commander. {PICKER_KEYS}
      </Text>
      <Box flexDirection="column" height={listRoom} marginTop={1}>
        {win.lines.map((it, i) => {
          const sel = win.top + i === selected;
          const row = pickerRowParts(it, inner, sel);
          return (
            // Keyed by place: two files may declare the same id (a scenario and a copy of it).
            <Box key={win.top + i} width={inner} overflow="hidden">
              <Text wrap="truncate" bold={sel} color={sel ? paint(theme, 'cyan') : undefined}>
                {row.title}
              </Text>
              <Badge color={BADGE_COLOUR[it.difficulty] ?? 'magenta'}>{row.difficulty}</Badge>
              <Text wrap="truncate" bold={sel} color={sel ? paint(theme, 'cyan') : undefined}>
                {row.rest}
              </Text>
            </Box>
          );
        })}
      </Box>
      <Text> </Text>
      <Box flexDirection="column" height={detailRoom}>
        {detail.slice(0, detailRoom).map((l, i) => (
          <Text key={i} wrap="truncate" dimColor={i > 0 && dim(theme)}>
            {'  '}
            {l}
          </Text>
        ))}
      </Box>
    </Box>
  );
});
