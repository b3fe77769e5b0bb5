import { Box } from 'ink';
import type { ViewModel } from '../../view/model.js';
import type { Layout } from '../layout.js';
import type { PmFormState } from '../postmortem-form.js';
import { CommandLine, type CommandLineViewProps, type Focus } from './CommandLine.js';
import { Dashboard } from './Dashboard.js';
import { Feed } from './Feed.js';
import { Header } from './Header.js';
import { Logs } from './Logs.js';
import { Postmortem } from './Postmortem.js';
import { QuitConfirm } from './QuitConfirm.js';
import { Team } from './Team.js';
import { TeamTimelineLine } from './TeamTimelineLine.js';
import { Timeline } from './Timeline.js';

export interface PlayScreenProps {
  vm: ViewModel;
  layout: Layout;
  focus: Focus;
  command: Pick<CommandLineViewProps, 'text' | 'cycle'>;
  confirmQuit: boolean;
  /** The dashboard row picked with ↑↓ while the dashboard has focus. */
  dashRow?: number;
  /** The postmortem editor's state (null: read-only, as in headless frames). */
  pmForm?: PmFormState | null;
}

/**
 * The play layout (SCREENS.md): header; Dashboard | Feed; Logs; Team |
 * Timeline (one shared line on small terminals); the command line. While the
 * postmortem is open it takes the place of the dashboard, feed and logs.
 */
export function PlayScreen({ vm, layout, focus, command, confirmQuit, dashRow = 0, pmForm = null }: PlayScreenProps) {
  const { columns: width, top, logs, bottom } = layout;
  return (
    <Box flexDirection="column" width={width} height={layout.height}>
      <Header header={vm.header} width={width} />
      {vm.postmortem.open ? (
        <Postmortem
          pm={vm.postmortem}
          scenarioId={vm.header.scenarioId}
          width={width}
          height={layout.bodyHeight}
          form={pmForm}
          focused={focus === 'postmortem'}
        />
      ) : (
        <>
          <Box height={top.height} flexShrink={0}>
            <Dashboard
              dashboard={vm.dashboard}
              cols={layout.dash}
              width={top.dashboardWidth}
              height={top.height}
              rows={top.dashboardRows}
              focused={focus === 'dashboard'}
              selected={focus === 'dashboard' ? dashRow : null}
            />
            <Feed feed={vm.feed} width={top.feedWidth} height={top.height} />
          </Box>
          <Logs logs={vm.logs} width={width} height={logs.height} lines={logs.lines} focused={focus === 'logs'} />
        </>
      )}
      {bottom.mode === 'boxes' ? (
        <Box height={bottom.height} flexShrink={0}>
          <Team team={vm.team} width={bottom.teamWidth} height={bottom.height} />
          <Timeline timeline={vm.timeline} width={bottom.timelineWidth} height={bottom.height} />
        </Box>
      ) : (
        <TeamTimelineLine team={vm.team} timeline={vm.timeline} width={width} />
      )}
      {confirmQuit ? (
        <QuitConfirm width={width} height={1 + layout.answerLines} />
      ) : (
        <CommandLine
          text={command.text}
          cycle={command.cycle}
          focus={focus}
          answer={vm.answer}
          width={width}
          answerLines={layout.answerLines}
        />
      )}
    </Box>
  );
}
