import { Box } from 'ink';
import type { ViewModel } from '../../view/model.js';
import { INITIAL_CHAT, type ChatScroll } from '../chat/chat-scroll.js';
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
  /** The chat panel's scroll-back. */
  chat?: ChatScroll;
  /** On a small terminal, which of dashboard and chat has the top (tab switches). */
  top?: 'dashboard' | 'chat';
}

/**
 * The play layout (SCREENS.md): header; Dashboard | Feed; Logs; Team |
 * Timeline (one shared line on small terminals); the command line. While the
 * postmortem is open it takes the place of the dashboard, feed and logs.
 */
export function PlayScreen({ vm, layout, focus, command, confirmQuit, dashRow = 0, pmForm = null, chat = INITIAL_CHAT, top: shownTop = 'dashboard' }: PlayScreenProps) {
  const { columns: width, top, logs, bottom } = layout;
  const single = top.mode === 'single';
  const showDash = !single || shownTop === 'dashboard';
  const showChat = !single || shownTop === 'chat';
  const chatNote = single && chat.unseen > 0 ? `chat: ${chat.unseen} new · tab` : undefined;
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
            {showDash ? (
              <Dashboard
                dashboard={vm.dashboard}
                cols={layout.dash}
                width={top.dashboardWidth}
                height={top.height}
                rows={top.dashboardRows}
                focused={focus === 'dashboard'}
                selected={focus === 'dashboard' ? dashRow : null}
                note={chatNote}
              />
            ) : null}
            {showChat ? (
              <Feed
                feed={vm.feed}
                width={top.feedWidth}
                height={top.height}
                focused={focus === 'chat'}
                back={chat.back}
                unseen={chat.unseen}
              />
            ) : null}
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
