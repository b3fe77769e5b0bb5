import { Select } from '@inkjs/ui';
import { Box, Text } from 'ink';

export interface PickerItem {
  id: string;
  title: string;
  difficulty: string;
  timeLimitMin: number;
  source: string;
  summary: string;
}

/** The list a bare `firedrill` opens with: pick a scenario, enter starts its briefing. */
export function ScenarioPicker({ items, onPick }: { items: PickerItem[]; onPick: (id: string | null) => void }) {
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold>firedrill · pick a scenario</Text>
      <Text dimColor>You are the Incident Commander. ↑↓ choose · enter open the briefing · esc quit</Text>
      <Box marginTop={1}>
        <Select
          options={items.map((i) => ({ value: i.id, label: `${i.title}  ·  ${i.difficulty} · ${i.timeLimitMin} min  ·  ${i.id}` }))}
          onChange={(id) => onPick(id)}
          visibleOptionCount={8}
        />
      </Box>
    </Box>
  );
}
