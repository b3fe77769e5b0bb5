import { Box, Text } from 'ink';
import type { ExaminerViewModel } from '../../view/examiner-model.js';
import { Panel } from '../components/Panel.js';
import { PlayScreen } from '../components/PlayScreen.js';
import { wrapText } from '../text.js';
import { paint, useTheme } from '../theme.js';
import { activityLines, headerText, keyLines, promptLine, rubricLines, scorecardLines, teamLines, truthLines, type ExaminerPrompt } from './examiner-lines.js';
import { EXAMINER_MIN_COLUMNS, EXAMINER_MIN_ROWS, fitSide, type ExaminerLayout } from './examiner-layout.js';

export interface ExaminerScreenProps {
  evm: ExaminerViewModel;
  layout: ExaminerLayout;
  prompt: ExaminerPrompt;
  rubricOffset: number;
  /** What the left panel shows: the live rubric, or the scorecard ([s] switches). */
  panel?: 'rubric' | 'scorecard';
  /** The candidate's prompt as they type it (a hosted interview's live mirror). */
  draft?: string;
  /** How many rows the activity panel is scrolled back from the newest. */
  activityBack?: number;
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
export function ExaminerScreen({ evm, layout: given, prompt, rubricOffset, panel = 'rubric', draft = '', activityBack = 0 }: ExaminerScreenProps) {
  const theme = useTheme();
  if (given.tooSmall) {
    const text = `The examiner console needs at least ${EXAMINER_MIN_COLUMNS}x${EXAMINER_MIN_ROWS}; this terminal is ${given.columns}x${given.rows}. Enlarge it, or press q to quit (the candidate is not affected).`;
    return (
      <Box flexDirection="column" width={given.columns} height={Math.max(1, given.height)}>
        <Lines lines={wrapText(text, Math.max(10, given.columns - 2)).slice(0, Math.max(1, given.height))} />
      </Box>
    );
  }
  const layout = fitSide(given, {
    truthRows: truthLines(evm, Math.max(1, given.truth.width - 2), Number.MAX_SAFE_INTEGER, true).length,
    teamRows: evm.candidate.team.length,
  });
  const { candidate } = layout;
  const width = layout.arrangement === 'beside' ? candidate.columns + layout.truth.width : candidate.columns;
  const inner = (p: { width: number }) => Math.max(1, p.width - 2);
  const rows = (p: { height: number }) => Math.max(0, p.height - 2);
  const rubric = rubricLines(evm, inner(layout.rubric), rows(layout.rubric), rubricOffset);
  const rubricRight = `${evm.rubric.total}/${evm.rubric.max}${rubric.hidden > 0 ? ` · ↑↓ ${rubric.hidden} more` : ''}`;
  const activity = activityLines(evm, inner(layout.activity), rows(layout.activity), activityBack);
  const activityRight = [activity.earlier > 0 ? `↑ ${activity.earlier}` : '', activity.later > 0 ? `↓ ${activity.later} newer` : ''].filter(Boolean).join(' · ');
  const rubricPanel =
    panel === 'scorecard' ? (
      <Panel title="Scorecard" right="examiner only · s rubric" width={layout.rubric.width} height={layout.rubric.height}>
        <Lines lines={scorecardLines(evm, inner(layout.rubric), rows(layout.rubric))} />
      </Panel>
    ) : (
      <Panel title="Rubric (live)" right={rubricRight} width={layout.rubric.width} height={layout.rubric.height}>
        <Lines lines={rubric.lines} />
      </Panel>
    );
  const examinerPanels = (
    <Box flexDirection="column" width={layout.truth.width} flexShrink={0}>
      <Panel title="Hidden truth" right="examiner only" width={layout.truth.width} height={layout.truth.height}>
        <Lines lines={truthLines(evm, inner(layout.truth), rows(layout.truth))} />
      </Panel>
      {layout.team ? (
        <Panel title="Team" right={`${evm.candidate.team.length} responders`} width={layout.team.width} height={layout.team.height}>
          <Lines lines={teamLines(evm.candidate.team, inner(layout.team), rows(layout.team))} />
        </Panel>
      ) : null}
      <Panel title="Candidate's commands & your events" right={activityRight} width={layout.activity.width} height={layout.activity.height}>
        <Lines lines={activity.lines} />
      </Panel>
    </Box>
  );
  const candidateScreen = (
    <Box flexDirection="column" width={candidate.columns} height={candidate.height} flexShrink={0} overflow="hidden">
      <PlayScreen vm={evm.candidate} layout={candidate} focus="command" command={{ text: draft, cycle: null }} confirmQuit={false} />
    </Box>
  );
  return (
    <Box flexDirection="column" width={width} height={layout.height} overflow="hidden">
      <Text wrap="truncate" bold color={paint(theme, 'magenta')}>
        {headerText(evm, width)}
      </Text>
      {layout.arrangement === 'beside' ? (
        <Box height={candidate.height + layout.lowerHeight} flexShrink={0}>
          <Box flexDirection="column" width={candidate.columns} flexShrink={0}>
            {candidateScreen}
            {rubricPanel}
          </Box>
          {examinerPanels}
        </Box>
      ) : (
        <>
          {candidateScreen}
          <Box height={layout.lowerHeight} flexShrink={0}>
            {rubricPanel}
            {examinerPanels}
          </Box>
        </>
      )}
      {keyLines(evm, width).map((l, i) => (
        <Text key={`keys${i}`} wrap="truncate" dimColor={theme.color}>
          {l}
        </Text>
      ))}
      <Text wrap="truncate" bold={prompt !== null}>
        {promptLine(evm, prompt, width)}
      </Text>
    </Box>
  );
}
