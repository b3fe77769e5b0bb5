import { useEffect, useMemo, useRef, useState } from 'react';
import { Box, useApp } from 'ink';
import type { PlayController } from '../view/controller.js';
import { Briefing } from './components/Briefing.js';
import { answerRows } from './components/CommandLine.js';
import { Header } from './components/Header.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { PlayScreen } from './components/PlayScreen.js';
import { Summary } from './components/Summary.js';
import { TooSmall } from './components/TooSmall.js';
import { useCommandLine } from './hooks/use-command-line.js';
import { useFrameClock, type Ticker } from './hooks/use-frame-clock.js';
import { usePlayKeys, type Screen, type SessionActions } from './hooks/use-play-keys.js';
import { useRefState } from './hooks/use-ref-state.js';
import { useTerminalSize, type TerminalSize } from './hooks/use-terminal-size.js';
import { computeLayout } from './layout.js';
import { ThemeProvider } from './theme.js';
import { INITIAL_UI, settleLogs, type UiState } from './ui-state.js';
import { settleChat } from './chat/chat-scroll.js';
import { Viewer } from './components/Viewer.js';
import { viewerText } from './viewer/viewer-lines.js';
import { chatSpeakers, matchSpeaker, parseChatCommand } from './viewer/viewer-state.js';

export interface AppProps {
  controller: PlayController;
  /** Tests inject the size; a live terminal is followed through 'resize'. */
  size?: TerminalSize;
  color?: boolean;
  /** Told what stands at the prompt as it is typed (a hosted interview mirrors it to the examiner). */
  onDraft?: (text: string) => void;
  /** What moves the frame clock; a timer every 100 ms unless given (tests tick it by hand). */
  ticker?: Ticker;
}

export function App({ controller, size, color = true, onDraft, ticker }: AppProps) {
  return (
    <ThemeProvider color={color}>
      <Root controller={controller} size={size} onDraft={onDraft} ticker={ticker} />
    </ThemeProvider>
  );
}

/** Picks the screen; the session's rules stay in the controller. */
function Root({ controller, size: sizeOverride, onDraft, ticker }: { controller: PlayController; size: TerminalSize | undefined; onDraft: AppProps['onDraft']; ticker: Ticker | undefined }) {
  const { exit } = useApp();
  const size = useTerminalSize(sizeOverride);
  const [ui, getUi, setUi] = useRefState<UiState>(INITIAL_UI);
  // Lines the last answer wants under the prompt; known only from the last view.
  const [answerWant, setAnswerWant] = useState(1);
  const running = controller.started && !controller.finished;
  const layout = useMemo(
    () => computeLayout(size.columns, size.rows, ui.logShift, { logPin: ui.logPin, answerLines: answerWant }),
    [size.columns, size.rows, ui.logShift, ui.logPin, answerWant],
  );
  // One view per frame (or after an action bumped it): typing alone never asks for one.
  const { vm, bump } = useFrameClock(controller, layout.size, running, ticker);

  const feedRef = useRef(vm.feed);
  feedRef.current = vm.feed;

  // New messages while the chat is scrolled back (or hidden) are counted, and the window stays put.
  const chatHidden = layout.top.mode === 'single' && ui.top !== 'chat';
  const newestMessage = vm.feed.at(-1);
  useEffect(() => {
    setUi((s) => {
      const chat = settleChat(s.chat, feedRef.current, layout.chat.width, chatHidden);
      return chat === s.chat ? s : { ...s, chat };
    });
  }, [newestMessage?.text, newestMessage?.time, vm.feed.length, chatHidden, layout.chat.width, setUi]);

  const answerText = vm.answer?.text ?? null;
  useEffect(() => {
    const want = vm.answer && ui.answerClosed !== vm.answer.text ? answerRows(vm.answer, layout.columns).length : 1;
    setAnswerWant((prev) => (prev === want ? prev : want));
    // keyed on the answer's parts: the view model is a new object every frame
  }, [answerText, vm.answer?.ok, ui.answerClosed, layout.columns]);

  const actions = useMemo<SessionActions>(() => {
    const act = (fn: () => void) => () => {
      fn();
      bump();
    };
    return {
      start: act(() => controller.start()),
      submit: (line) => {
        // `chat [NAME]` opens the conversation: a way of reading, not a decision, so nothing is recorded.
        const chat = parseChatCommand(line);
        if (chat) {
          const who = chat.who === null ? null : (matchSpeaker(chatSpeakers(feedRef.current), chat.who) ?? chat.who);
          setUi((s) => ({ ...s, viewer: { kind: 'chat', with: who, offset: null } }));
          return;
        }
        controller.submit(line);
        bump();
      },
      togglePause: act(() => controller.togglePause()),
      faster: act(() => controller.faster()),
      slower: act(() => controller.slower()),
      quit: () => {
        try {
          if (!controller.finished) controller.quit();
        } catch (error) {
          exit(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        exit();
      },
      exit: () => exit(),
    };
  }, [controller, bump, exit]);

  const cmd = useCommandLine({ complete: (line) => controller.complete(line), onSubmit: actions.submit });
  const draft = cmd.state.text;
  useEffect(() => onDraft?.(draft), [draft, onDraft]);

  const screen: Screen = layout.tooSmall
    ? 'too-small'
    : vm.finished || controller.finished
      ? 'summary'
      : !controller.started
        ? 'briefing'
        : 'play';

  usePlayKeys({ screen, layout, vm, ui: getUi, setUi, cmd, actions });

  // The clock must not run while the player cannot see the screen: pause on
  // too-small, resume on the way back, but only if we were the ones to pause.
  const pausedForSize = useRef(false);
  useEffect(() => {
    if (!running) return;
    if (layout.tooSmall && !pausedForSize.current && !vm.header.paused) {
      pausedForSize.current = true;
      actions.togglePause();
    } else if (!layout.tooSmall && pausedForSize.current) {
      pausedForSize.current = false;
      if (vm.header.paused) actions.togglePause();
    }
  }, [layout.tooSmall, running, vm.header.paused, actions]);

  // The selector normalizes the scroll position into a pin that new lines do
  // not move (or drops it on reaching the newest line): keep what it says.
  const requestedPin = layout.size.logPin ?? null;
  const requestedShift = layout.size.logScrollback;
  const resultPin = vm.logs.pin;
  useEffect(() => {
    // A controller whose view has no pins keeps plain lines-back scrolling.
    if (resultPin === undefined) return;
    setUi((s) => settleLogs(s, { pin: requestedPin, shift: requestedShift }, resultPin));
    // keyed on the pin's parts: the view model is a new object every frame
  }, [requestedPin, requestedShift, resultPin?.sec, resultPin?.back, resultPin === null, setUi]);

  // The dashboard selection stays on a row that exists.
  const dashRows = vm.dashboard.rows.length;
  useEffect(() => {
    if (ui.dashRow > 0 && ui.dashRow >= dashRows) setUi((s) => ({ ...s, dashRow: Math.max(0, dashRows - 1) }));
  }, [dashRows, ui.dashRow, setUi]);

  // The postmortem editor takes focus when the postmortem opens; the panels' focus comes back after.
  const pmOpen = vm.postmortem.open;
  useEffect(() => {
    setUi((s) => {
      if (pmOpen) return s.focus === 'postmortem' ? s : { ...s, focus: 'postmortem' };
      return s.focus === 'postmortem' ? { ...s, focus: 'command' } : s;
    });
  }, [pmOpen, setUi]);

  let body;
  if (screen === 'too-small') {
    return <TooSmall columns={layout.columns} rows={layout.rows} confirmQuit={ui.confirmQuit} />;
  } else if (ui.help && screen === 'play') {
    // The header stays: time, severity and time left are always visible.
    body = (
      <>
        <Header header={vm.header} width={layout.columns} />
        <HelpOverlay width={layout.columns} height={layout.height - 1} offset={ui.helpOffset} />
      </>
    );
  } else if (ui.help) {
    body = <HelpOverlay width={layout.columns} height={layout.height} offset={ui.helpOffset} />;
  } else if (ui.viewer && screen === 'play') {
    body = (
      <>
        <Header header={vm.header} width={layout.columns} />
        <Viewer
          text={viewerText(ui.viewer, vm.feed, vm.dashboard.rows, layout.columns)}
          width={layout.columns}
          height={layout.height - 1}
          offset={ui.viewer.offset}
        />
      </>
    );
  } else if (screen === 'summary') {
    body = <Summary summary={vm.summary} width={layout.columns} height={layout.height} offset={ui.pageOffset} />;
  } else if (screen === 'briefing') {
    body = (
      <Briefing
        briefing={vm.briefing}
        width={layout.columns}
        height={layout.height}
        offset={ui.pageOffset}
        confirmQuit={ui.confirmQuit}
      />
    );
  } else {
    body = (
      <PlayScreen
        vm={vm}
        layout={layout}
        focus={focusShown(ui, vm.postmortem.open)}
        command={{ text: cmd.state.text, cycle: cmd.state.cycle }}
        confirmQuit={ui.confirmQuit}
        dashRow={ui.dashRow}
        pmForm={ui.pm}
        chat={ui.chat}
        top={ui.top}
      />
    );
  }
  // rows - 1: a frame as tall as the terminal makes Ink 6 clear the screen on every render.
  return (
    <Box flexDirection="column" width={layout.columns} height={layout.height}>
      {body}
    </Box>
  );
}

/** While the postmortem covers the panels, focus is on the editor or the command line. */
function focusShown(ui: UiState, pmOpen: boolean): UiState['focus'] {
  if (pmOpen) return ui.focus === 'command' ? 'command' : 'postmortem';
  return ui.focus === 'postmortem' ? 'command' : ui.focus;
}
