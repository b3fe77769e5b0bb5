import { Box, Text } from 'ink';
import type { ReplayStatus } from '../../session/replay.js';
import type { ViewModel } from '../../view/model.js';
import { PlayScreen } from '../components/PlayScreen.js';
import { Summary } from '../components/Summary.js';
import { TooSmall } from '../components/TooSmall.js';
import type { Layout } from '../layout.js';
import { paint, useTheme } from '../theme.js';
import { promptText, replayBar, type ReplayPrompt } from './replay-bar.js';

export interface ReplayScreenProps {
  vm: ViewModel;
  status: ReplayStatus;
  prompt: ReplayPrompt;
  /** Layout of the candidate's screen: the terminal minus the replay line. */
  layout: Layout;
  columns: number;
  rows: number;
}

/**
 * The screen the trainee saw (PlayScreen, unchanged), with one replay line
 * under it. The command line shows the replay's own prompt (`g 12:30`,
 * `/text`) while one is open.
 */
export function ReplayScreen({ vm, status, prompt, layout, columns, rows }: ReplayScreenProps) {
  const theme = useTheme();
  if (layout.tooSmall) return <TooSmall columns={columns} rows={rows} confirmQuit={false} />;
  const body = vm.finished ? (
    <Summary summary={vm.summary} width={layout.columns} height={layout.height} offset={0} />
  ) : (
    <PlayScreen vm={vm} layout={layout} focus="command" command={{ text: promptText(prompt), cycle: null }} confirmQuit={false} />
  );
  return (
    <Box flexDirection="column" width={columns} height={Math.max(1, rows - 1)} overflow="hidden">
      <Box flexDirection="column" width={layout.columns} height={layout.height} flexShrink={0} overflow="hidden">
        {body}
      </Box>
      <Text wrap="truncate" bold color={paint(theme, 'magenta')}>
        {replayBar(status, prompt, columns)}
      </Text>
    </Box>
  );
}
