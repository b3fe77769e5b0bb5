import type { Key } from 'ink';
import type { ViewModel } from '../../view/model.js';
import { briefingRoom } from '../components/Briefing.js';
import { helpMaxOffset, helpRoom } from '../components/HelpOverlay.js';
import { summaryLines, summaryRoom } from '../components/Summary.js';
import type { Layout } from '../layout.js';
import { nextFocus, scrollLogs, toggleFollow, type UiState } from '../ui-state.js';
import type { CommandLine } from './use-command-line.js';
import { useKeypress, type KeyLayer } from './use-keypress.js';

export type Screen = 'too-small' | 'summary' | 'briefing' | 'play';

export interface SessionActions {
  start: () => void;
  submit: (line: string) => void;
  togglePause: () => void;
  faster: () => void;
  slower: () => void;
  /** controller.quit() (unless already finished), then leave Ink. */
  quit: () => void;
  /** Leave Ink without quitting the session (it is over already). */
  exit: () => void;
}

/** What the handlers read: the latest render's values, refreshed every render. */
export interface PlayKeysContext {
  screen: Screen;
  layout: Layout;
  vm: ViewModel;
  ui: () => UiState;
  setUi: (update: (prev: UiState) => UiState) => void;
  cmd: CommandLine;
  actions: SessionActions;
}

/** Keys that act globally when typed on an empty command line. */
const EMPTY_LINE_GLOBALS = new Set(['?', '+', '-', ' ', 'q']);

/** Enter arrives as "\r" (key.return) or, from some terminals, as a bare "\n". */
function isEnter(input: string, key: Key): boolean {
  return key.return || input === '\n';
}

function isText(input: string, key: Key): boolean {
  return input !== '' && !key.ctrl && !key.meta && !key.return && !key.tab && !key.escape;
}

function clampOffset(offset: number, max: number): number {
  return Math.max(0, Math.min(offset, max));
}

/** ↑↓ PgUp PgDn (and space for pages) as a line delta, or null. */
function scrollDelta(input: string, key: Key, page: number, spacePages = false): number | null {
  if (key.upArrow) return -1;
  if (key.downArrow) return 1;
  if (key.pageUp) return -page;
  if (key.pageDown || (spacePages && input === ' ')) return page;
  return null;
}

/** The layers, highest priority first. */
export function playKeyLayers(c: PlayKeysContext): KeyLayer[] {
  const { layout, actions, cmd } = c;
  const ui = c.ui();
  const set = c.setUi;
  const panelsVisible = !c.vm.postmortem.open;

  const typeInto = (input: string) => {
    // A pasted or fast-typed chunk may carry enter or tab inside it.
    for (const ch of input) {
      if (ch === '\r' || ch === '\n') cmd.submit();
      else if (ch === '\t') cmd.complete();
      else if (ch >= ' ' && ch !== '\u007F') cmd.dispatch({ type: 'insert', text: ch });
    }
  };

  return [
    {
      id: 'ctrl-c',
      active: true,
      handle: (input, key) => {
        if (!(key.ctrl && input === 'c')) return false;
        if (c.screen === 'summary') actions.exit();
        else actions.quit();
        return true;
      },
    },
    {
      id: 'quit-confirm',
      active: ui.confirmQuit,
      modal: true,
      handle: (input, key) => {
        if (input === 'y' || input === 'Y') actions.quit();
        else if (input === 'n' || input === 'N' || input === 'q' || key.escape) {
          set((s) => ({ ...s, confirmQuit: false }));
        }
        return true;
      },
    },
    {
      id: 'help',
      active: ui.help,
      modal: true,
      handle: (input, key) => {
        if (input === '?' || input === 'q' || key.escape) {
          set((s) => ({ ...s, help: false }));
          return true;
        }
        const height = c.screen === 'play' ? layout.height - 1 : layout.height; // under the header in play
        const delta = scrollDelta(input, key, helpRoom(height), true);
        if (delta !== null) {
          const max = helpMaxOffset(layout.columns, height);
          set((s) => ({ ...s, helpOffset: clampOffset(s.helpOffset + delta, max) }));
        }
        return true;
      },
    },
    {
      id: 'too-small',
      active: c.screen === 'too-small',
      modal: true,
      handle: (input) => {
        if (input === 'q') set((s) => ({ ...s, confirmQuit: true }));
        return true;
      },
    },
    {
      id: 'summary',
      active: c.screen === 'summary',
      modal: true,
      handle: (input, key) => {
        if (input === 'q' || key.escape || isEnter(input, key)) {
          actions.exit();
          return true;
        }
        const room = summaryRoom(layout.height);
        const delta = scrollDelta(input, key, room, true);
        if (delta !== null) {
          const max = Math.max(0, summaryLines(c.vm.summary, layout.columns).length - room);
          set((s) => ({ ...s, pageOffset: clampOffset(s.pageOffset + delta, max) }));
        }
        return true;
      },
    },
    {
      id: 'briefing',
      active: c.screen === 'briefing',
      modal: true,
      handle: (input, key) => {
        if (isEnter(input, key)) actions.start();
        else if (input === '?') set((s) => ({ ...s, help: true, helpOffset: 0 }));
        else if (input === 'q') set((s) => ({ ...s, confirmQuit: true }));
        else {
          const { lines, room } = briefingRoom(c.vm.briefing, layout.columns, layout.height);
          const delta = scrollDelta(input, key, room);
          if (delta !== null) {
            const max = Math.max(0, lines.length - room);
            set((s) => ({ ...s, pageOffset: clampOffset(s.pageOffset + delta, max) }));
          }
        }
        return true;
      },
    },
    {
      id: 'command-line',
      active: c.screen === 'play' && (ui.focus === 'command' || !panelsVisible),
      handle: (input, key) => {
        const empty = cmd.get().text === '';
        if (isEnter(input, key)) {
          cmd.submit();
          return true;
        }
        if (key.tab) {
          if (empty) return false; // empty line: tab moves focus
          cmd.complete();
          return true;
        }
        if (key.upArrow) cmd.dispatch({ type: 'historyPrev' });
        else if (key.downArrow) cmd.dispatch({ type: 'historyNext' });
        else if (key.backspace || key.delete) cmd.dispatch({ type: 'erase' });
        else if (key.escape) {
          if (empty) return false;
          cmd.dispatch({ type: 'clear' });
        } else if (key.ctrl && input === 'u') cmd.dispatch({ type: 'clear' });
        else if (key.ctrl && input === 'w') cmd.dispatch({ type: 'eraseWord' });
        else if (key.leftArrow || key.rightArrow || key.home || key.end) return true; // cursor stays at the end
        else if (isText(input, key)) {
          if (empty && EMPTY_LINE_GLOBALS.has(input)) return false;
          if (empty && input === '/') cmd.dispatch({ type: 'set', text: 'logs ' });
          else if (!(empty && input === ':')) typeInto(input);
        } else return false;
        return true;
      },
    },
    {
      id: 'logs',
      active: c.screen === 'play' && ui.focus === 'logs' && panelsVisible,
      handle: (_input, key) => {
        if (key.upArrow) set((s) => scrollLogs(s, 1));
        else if (key.downArrow) set((s) => scrollLogs(s, -1));
        else return false;
        return true;
      },
    },
    {
      id: 'global',
      active: c.screen === 'play',
      handle: (input, key) => {
        const page = Math.max(1, layout.logs.lines - 1);
        if (key.tab) set((s) => ({ ...s, focus: nextFocus(s.focus, key.shift ? -1 : 1, panelsVisible) }));
        else if (key.pageUp) set((s) => scrollLogs(s, page));
        else if (key.pageDown) set((s) => scrollLogs(s, -page));
        else if (key.escape || isEnter(input, key) || input === ':') set((s) => ({ ...s, focus: 'command' }));
        else if (input === '/') {
          set((s) => ({ ...s, focus: 'command' }));
          cmd.dispatch({ type: 'set', text: 'logs ' });
        } else if (input === '?') set((s) => ({ ...s, help: true, helpOffset: 0 }));
        else if (input === 'q') set((s) => ({ ...s, confirmQuit: true }));
        else if (input === ' ') actions.togglePause();
        else if (input === '+' || input === '=') actions.faster();
        else if (input === '-' || input === '_') actions.slower();
        else if (input === 'h') actions.submit('hint');
        else if (input === 'f') set(toggleFollow);
        else return false;
        return true;
      },
    },
  ];
}

/** Wires the layers to the one input dispatcher. */
export function usePlayKeys(context: PlayKeysContext): void {
  useKeypress(() => playKeyLayers(context));
}
