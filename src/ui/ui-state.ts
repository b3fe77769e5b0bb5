import type { Focus } from './components/CommandLine.js';

/** What the screen itself remembers; the session's state is the controller's. */
export interface UiState {
  focus: Focus;
  help: boolean;
  helpOffset: number;
  confirmQuit: boolean;
  /** Lines back from the newest log line; 0 = following. */
  scrollback: number;
  /** Where `f` returns to after following. */
  savedScrollback: number;
  /** Scroll position of the briefing or the summary. */
  pageOffset: number;
}

export const INITIAL_UI: UiState = {
  focus: 'command',
  help: false,
  helpOffset: 0,
  confirmQuit: false,
  scrollback: 0,
  savedScrollback: 0,
  pageOffset: 0,
};

const ORDER: readonly Focus[] = ['command', 'logs', 'dashboard'];

/** Tab order; while the postmortem covers the panels only the command line is focusable. */
export function nextFocus(focus: Focus, step: 1 | -1, panelsVisible: boolean): Focus {
  if (!panelsVisible) return 'command';
  const i = ORDER.indexOf(focus);
  return ORDER[(i + step + ORDER.length) % ORDER.length] ?? 'command';
}

export function scrollLogs(s: UiState, lines: number): UiState {
  const scrollback = Math.max(0, s.scrollback + lines);
  return scrollback === s.scrollback ? s : { ...s, scrollback };
}

/** `f`: back to following, or back to where the reader was. */
export function toggleFollow(s: UiState): UiState {
  if (s.scrollback > 0) return { ...s, scrollback: 0, savedScrollback: s.scrollback };
  if (s.savedScrollback > 0) return { ...s, scrollback: s.savedScrollback, savedScrollback: 0 };
  return s;
}
