import { memo } from 'react';
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

/** "title · normal · 45 min · id", cut to the width. */
export function pickerRow(item: PickerItem, width: number, selected: boolean): string {
  const meta = ` ${fit(item.difficulty, 6)} ${String(item.timeLimitMin).padStart(3)} min  ${item.id}`;
  const titleWidth = Math.max(10, Math.min(48, width - meta.length - 4));
  return truncate(`${selected ? '▸ ' : '  '}${fit(item.title, titleWidth)}${meta}`, width);
}

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
          return (
            <Text key={it.id} wrap="truncate" bold={sel} color={sel ? paint(theme, 'cyan') : undefined}>
              {pickerRow(it, inner, sel)}
            </Text>
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
