import type { LogPin } from '../view/model.js';
import { INITIAL_CHAT, type ChatScroll } from './chat/chat-scroll.js';
import type { Focus } from './components/CommandLine.js';
import type { Viewer } from './viewer/viewer-state.js';
import { EMPTY_PM_FORM, type PmFormState } from './postmortem-form.js';

/** What the screen itself remembers; the session's state is the controller's. */
export interface UiState {
  focus: Focus;
  help: boolean;
  helpOffset: number;
  confirmQuit: boolean;
  /** When Ctrl-C asked to quit (wall ms): a second one within a few seconds confirms. */
  ctrlCAt: number | null;
  /**
   * Log scroll-back: the pinned window (null = following) and the lines the
   * keys moved it since the last view (the selector normalizes both into a
   * new pin, which App stores back here).
   */
  logPin: LogPin | null;
  logShift: number;
  /** Where `f` returns to after following. */
  savedPin: LogPin | null;
  /** The dashboard row ↑↓ picked while the dashboard has focus. */
  dashRow: number;
  /** The answer text the player closed with esc (a new answer opens again). */
  answerClosed: string | null;
  /** Scroll position of the briefing or the summary. */
  pageOffset: number;
  /** The postmortem editor's fields being typed. */
  pm: PmFormState;
  /** The chat panel's scroll-back. */
  chat: ChatScroll;
  /** The full-screen reader (a log line, a dashboard row, the conversation), or null. */
  viewer: Viewer | null;
  /** On a small terminal the dashboard and the chat take turns at the top: the one shown. */
  top: 'dashboard' | 'chat';
}

export const INITIAL_UI: UiState = {
  focus: 'command',
  help: false,
  helpOffset: 0,
  confirmQuit: false,
  ctrlCAt: null,
  logPin: null,
  logShift: 0,
  savedPin: null,
  dashRow: 0,
  answerClosed: null,
  pageOffset: 0,
  pm: EMPTY_PM_FORM,
  chat: INITIAL_CHAT,
  viewer: null,
  top: 'dashboard',
};

const ORDER: readonly Focus[] = ['command', 'logs', 'dashboard', 'chat'];
const PM_ORDER: readonly Focus[] = ['postmortem', 'command'];

/** Tab order; while the postmortem covers the panels, the editor and the command line. */
export function nextFocus(focus: Focus, step: 1 | -1, panelsVisible: boolean): Focus {
  const order = panelsVisible ? ORDER : PM_ORDER;
  const i = order.indexOf(focus);
  if (i === -1) return order[0]!;
  return order[(i + step + order.length) % order.length] ?? 'command';
}

/** Focus moved: on a small terminal the top slot shows the focused one of dashboard and chat. */
export function withFocus(s: UiState, focus: Focus): UiState {
  const top = focus === 'dashboard' || focus === 'chat' ? focus : s.top;
  return focus === s.focus && top === s.top ? s : { ...s, focus, top };
}

/** Positive: further back (older lines). */
export function scrollLogs(s: UiState, lines: number): UiState {
  if (lines === 0) return s;
  // Down while following: nothing newer to go to.
  if (s.logPin === null && s.logShift + lines <= 0) return s.logShift === 0 ? s : { ...s, logShift: 0 };
  return { ...s, logShift: s.logShift + lines };
}

/** True while the log window is pinned (or about to be). */
export function scrolledBack(s: UiState): boolean {
  return s.logPin !== null || s.logShift > 0;
}

/** `f`: back to following, or back to where the reader was. */
export function toggleFollow(s: UiState): UiState {
  if (scrolledBack(s)) return { ...s, logPin: null, logShift: 0, savedPin: s.logPin };
  if (s.savedPin) return { ...s, logPin: s.savedPin, logShift: 0, savedPin: null };
  return s;
}

function samePin(a: LogPin | null, b: LogPin | null): boolean {
  return a === b || (a !== null && b !== null && a.sec === b.sec && a.back === b.back);
}

/**
 * After a view: store the selector's normalized pin, and take off the shift
 * that view already applied (keys pressed since then still count). Ignored
 * when the pin changed meanwhile (f pressed).
 */
export function settleLogs(s: UiState, requested: { pin: LogPin | null; shift: number }, result: LogPin | null): UiState {
  if (!samePin(s.logPin, requested.pin)) return s;
  const shift = s.logShift - requested.shift;
  if (samePin(s.logPin, result) && shift === s.logShift) return s;
  return { ...s, logPin: result, logShift: shift };
}
