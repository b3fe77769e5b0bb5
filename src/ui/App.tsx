import { useEffect, useMemo, useRef } from 'react';
import { Box, useApp } from 'ink';
import type { PlayController } from '../view/controller.js';
import { Briefing } from './components/Briefing.js';
import { Header } from './components/Header.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { PlayScreen } from './components/PlayScreen.js';
import { Summary } from './components/Summary.js';
import { TooSmall } from './components/TooSmall.js';
import { useCommandLine } from './hooks/use-command-line.js';
import { useFrameClock } from './hooks/use-frame-clock.js';
import { usePlayKeys, type Screen, type SessionActions } from './hooks/use-play-keys.js';
import { useRefState } from './hooks/use-ref-state.js';
import { useTerminalSize, type TerminalSize } from './hooks/use-terminal-size.js';
import { computeLayout } from './layout.js';
import { ThemeProvider } from './theme.js';
import { INITIAL_UI, type UiState } from './ui-state.js';

export interface AppProps {
  controller: PlayController;
  /** Tests inject the size; a live terminal is followed through 'resize'. */
  size?: TerminalSize;
  color?: boolean;
}

export function App({ controller, size, color = true }: AppProps) {
  return (
    <ThemeProvider color={color}>
      <Root controller={controller} size={size} />
    </ThemeProvider>
  );
}

/** Picks the screen; the session's rules stay in the controller. */
function Root({ controller, size: sizeOverride }: { controller: PlayController; size: TerminalSize | undefined }) {
  const { exit } = useApp();
  const size = useTerminalSize(sizeOverride);
  const [ui, getUi, setUi] = useRefState<UiState>(INITIAL_UI);
  const running = controller.started && !controller.finished;
  const layout = useMemo(
    () => computeLayout(size.columns, size.rows, ui.scrollback),
    [size.columns, size.rows, ui.scrollback],
  );
  // One view per frame (or after an action bumped it): typing alone never asks for one.
  const { vm, bump } = useFrameClock(controller, layout.size, running);

  const actions = useMemo<SessionActions>(() => {
    const act = (fn: () => void) => () => {
      fn();
      bump();
    };
    return {
      start: act(() => controller.start()),
      submit: (line) => {
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

  // The controller may refuse to scroll further back than it has lines.
  useEffect(() => {
    if (vm.logs.scrollback < ui.scrollback) setUi((s) => ({ ...s, scrollback: vm.logs.scrollback }));
  }, [vm.logs.scrollback, ui.scrollback, setUi]);

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
        focus={vm.postmortem.open ? 'command' : ui.focus}
        command={{ text: cmd.state.text, cycle: cmd.state.cycle }}
        confirmQuit={ui.confirmQuit}
      />
    );
  }
  // rows - 1: a frame as tall as the terminal makes Ink 6 clear the screen on every render.
  return (
    <Box flexDirection="column" width={layout.columns} height={layout.height} overflow="hidden">
      {body}
    </Box>
  );
}
