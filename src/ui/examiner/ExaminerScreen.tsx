import { Box, Text } from 'ink';
import type { ExaminerViewModel } from '../../view/examiner-model.js';
import { Panel } from '../components/Panel.js';
import { PlayScreen } from '../components/PlayScreen.js';
import { wrapText } from '../text.js';
import { paint, useTheme } from '../theme.js';
import { activityLines, headerText, keyLine, promptLine, rubricLines, scorecardLines, truthLines, type ExaminerPrompt } from './examiner-lines.js';
import { EXAMINER_MIN_COLUMNS, EXAMINER_MIN_ROWS, type ExaminerLayout } from './examiner-layout.js';

export interface ExaminerScreenProps {
  evm: ExaminerViewModel;
  layout: ExaminerLayout;
  prompt: ExaminerPrompt;
  rubricOffset: number;
  /** What the left panel shows: the live rubric, or the scorecard ([s] switches). */
  panel?: 'rubric' | 'scorecard';
  /** The candidate's prompt as they type it (a hosted interview's live mirror). */
  draft?: string;
}

function Lines({ lines }: { lines: string[] }) {
  return (
    <>
      {lines.map((l, i) => (
        <Text key={i} wrap="truncate">
          {l === '' ? ' ' : l}
        </Text>
      ))}
    </>
  );
}

/** The examiner console for one view model; pure, so the app and the headless print agree. */
export function ExaminerScreen({ evm, layout, prompt, rubricOffset, panel = 'rubric', draft = '' }: ExaminerScreenProps) {
  const theme = useTheme();
  if (layout.tooSmall) {
    const text = `The examiner console needs at least ${EXAMINER_MIN_COLUMNS}x${EXAMINER_MIN_ROWS}; this terminal is ${layout.columns}x${layout.rows}. Enlarge it, or press q to quit (the candidate is not affected).`;
    return (
      <Box flexDirection="column" width={layout.columns} height={Math.max(1, layout.height)}>
        <Lines lines={wrapText(text, Math.max(10, layout.columns - 2)).slice(0, Math.max(1, layout.height))} />
      </Box>
    );
  }
  const { candidate, lower } = layout;
  const width = candidate.columns;
  const inner = (w: number) => Math.max(1, w - 2);
  const rubric = rubricLines(evm, inner(lower.leftWidth), lower.height - 2, rubricOffset);
  const rubricRight = `${evm.rubric.total}/${evm.rubric.max}${rubric.hidden > 0 ? ` · ↑↓ ${rubric.hidden} more` : ''}`;
  return (
    <Box flexDirection="column" width={width} height={layout.height} overflow="hidden">
      <Text wrap="truncate" bold color={paint(theme, 'magenta')}>
        {headerText(evm, width)}
      </Text>
      <Box flexDirection="column" width={width} height={candidate.height} flexShrink={0} overflow="hidden">
        <PlayScreen vm={evm.candidate} layout={candidate} focus="command" command={{ text: draft, cycle: null }} confirmQuit={false} />
      </Box>
      <Box height={lower.height} flexShrink={0}>
        {panel === 'scorecard' ? (
          <Panel title="Scorecard" right="examiner only · s rubric" width={lower.leftWidth} height={lower.height}>
            <Lines lines={scorecardLines(evm, inner(lower.leftWidth), lower.height - 2)} />
          </Panel>
        ) : (
          <Panel title="Rubric (live)" right={rubricRight} width={lower.leftWidth} height={lower.height}>
            <Lines lines={rubric.lines} />
          </Panel>
        )}
        <Box flexDirection="column" width={lower.rightWidth} height={lower.height}>
          <Panel title="Hidden truth" right="examiner only" width={lower.rightWidth} height={lower.truthHeight}>
            <Lines lines={truthLines(evm, inner(lower.rightWidth), lower.truthHeight - 2)} />
          </Panel>
          <Panel title="Candidate's commands & your events" width={lower.rightWidth} height={lower.activityHeight}>
            <Lines lines={activityLines(evm, inner(lower.rightWidth), lower.activityHeight - 2)} />
          </Panel>
        </Box>
      </Box>
      <Text wrap="truncate" dimColor={theme.color}>
        {keyLine(evm, width)}
      </Text>
      <Text wrap="truncate" bold={prompt !== null}>
        {promptLine(evm, prompt, width)}
      </Text>
    </Box>
  );
}
