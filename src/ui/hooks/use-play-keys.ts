import type { Key } from 'ink';
import type { ViewModel } from '../../view/model.js';
import { briefingRoom } from '../components/Briefing.js';
import { helpMaxOffset, helpRoom } from '../components/HelpOverlay.js';
import { summaryLines, summaryRoom } from '../components/Summary.js';
import type { Layout } from '../layout.js';
import {
  cyclePick,
  deleteItem,
  editSlot,
  insertFigures,
  loadItem,
  isTextSlot,
  moveSlot,
  pickByLetter,
  pressEnter,
  savedText,
  slotOf,
  submitLines,
} from '../postmortem-form.js';
import { nextFocus, scrollLogs, toggleFollow, withFocus, type UiState } from '../ui-state.js';
import { chatToEnd, scrollChat } from '../chat/chat-scroll.js';
import { viewerMaxOffset, viewerRoom } from '../components/Viewer.js';
import { viewerText } from '../viewer/viewer-lines.js';
import { chatSpeakers, cycleSpeaker, scrollViewer } from '../viewer/viewer-state.js';
import type { CommandLine } from './use-command-line.js';
import { useKeypress, type KeyLayer } from './use-keypress.js';
import { isEnter } from '../keys.js';

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

/** A second Ctrl-C within this long of the first confirms the quit it asked about. */
export const CTRL_C_CONFIRM_MS = 3000;

/** Keys that act globally when typed on an empty command line. */
const EMPTY_LINE_GLOBALS = new Set(['?', '+', '-', ' ', 'q']);

/** Enter arrives as "\r" (key.return) or, from some terminals, as a bare "\n". */

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
  const pm = c.vm.postmortem;
  const panelsVisible = !pm.open;
  // While the postmortem is open, focus is the editor unless it is the command line.
  const focus = panelsVisible ? (ui.focus === 'postmortem' ? 'command' : ui.focus) : ui.focus === 'command' ? 'command' : 'postmortem';
  const play = c.screen === 'play';

  const typeInto = (input: string) => {
    // A pasted or fast-typed chunk may carry enter or tab inside it.
    for (const ch of input) {
      if (ch === '\r' || ch === '\n') cmd.submit();
      // Several tabs in one chunk each move on from where the last one left focus.
      else if (ch === '\t' && cmd.get().text === '') set((s) => withFocus(s, nextFocus(s.focus, 1, panelsVisible)));
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
        // Ctrl-C asks as q does (a stray one must not end an interview); a second one soon after confirms.
        const now = Date.now();
        const cur = c.ui();
        if (c.screen === 'summary') actions.exit();
        else if (cur.confirmQuit && cur.ctrlCAt !== null && now - cur.ctrlCAt <= CTRL_C_CONFIRM_MS) actions.quit();
        else set((s) => ({ ...s, confirmQuit: true, ctrlCAt: now }));
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
      id: 'viewer',
      active: play && ui.viewer !== null,
      modal: true,
      handle: (input, key) => {
        const v = c.ui().viewer;
        if (!v) return false;
        const close = () => set((s) => ({ ...s, viewer: null }));
        if (key.escape || input === 'q') close();
        else if (v.kind === 'dash' && (isEnter(input, key) || input === 'd')) {
          actions.submit(v.row.drill);
          set((s) => ({ ...s, viewer: null, dashRow: 0 }));
        } else if (isEnter(input, key)) close();
        else if (v.kind === 'chat' && (key.leftArrow || key.rightArrow)) {
          const who = cycleSpeaker(chatSpeakers(c.vm.feed), v.with, key.leftArrow ? -1 : 1);
          set((s) => (s.viewer?.kind === 'chat' ? { ...s, viewer: { ...s.viewer, with: who, offset: null } } : s));
        } else {
          const height = layout.height - 1;
          const delta = key.home ? -Infinity : key.end ? Infinity : scrollDelta(input, key, viewerRoom(height), true);
          if (delta === null) return true;
          const max = viewerMaxOffset(viewerText(v, c.vm.feed, c.vm.dashboard.rows, layout.columns), height);
          set((s) => (s.viewer ? { ...s, viewer: scrollViewer(s.viewer, delta === -Infinity ? -max - 1 : delta === Infinity ? max + 1 : delta, max) } : s));
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
      id: 'pm-submit',
      active: play && pm.open && !pm.submitted,
      handle: (input, key) => {
        if (!(key.ctrl && input === 's')) return false;
        for (const line of submitLines(c.ui().pm, pm)) actions.submit(line);
        set((s) => ({ ...s, pm: { ...s.pm, drafts: {}, owner: '', text: '', editing: null } }));
        return true;
      },
    },
    {
      id: 'postmortem',
      active: play && focus === 'postmortem',
      modal: true,
      handle: (input, key) => {
        const edit = (fn: (t: string) => string) => set((s) => ({ ...s, pm: editSlot(s.pm, pm, fn) }));
        const enter = () => {
          const r = pressEnter(c.ui().pm, pm);
          set((s) => ({ ...s, pm: r.form }));
          if (r.line) actions.submit(r.line);
        };
        if (isEnter(input, key)) enter();
        else if (key.tab) set((s) => ({ ...s, pm: moveSlot(s.pm, key.shift ? -1 : 1, pm.actions.length, false) }));
        else if (key.downArrow) set((s) => ({ ...s, pm: moveSlot(s.pm, 1, pm.actions.length) }));
        else if (key.upArrow) set((s) => ({ ...s, pm: moveSlot(s.pm, -1, pm.actions.length) }));
        else if (key.leftArrow || key.rightArrow) set((s) => ({ ...s, pm: cyclePick(s.pm, pm, key.leftArrow ? -1 : 1) }));
        else if (key.backspace || key.delete) edit((t) => [...t].slice(0, -1).join(''));
        else if (key.ctrl && input === 'u') edit(() => '');
        else if (key.ctrl && input === 'w') edit((t) => t.replace(/\S+\s*$/u, ''));
        else if (key.ctrl && input === 'f') set((s) => ({ ...s, pm: insertFigures(s.pm, pm) }));
        else if (key.escape) {
          const s0 = c.ui();
          const slot = slotOf(s0.pm);
          const draft = isTextSlot(slot) ? s0.pm.drafts[slot] : undefined;
          if (isTextSlot(slot) && draft !== undefined && draft !== savedText(pm, slot)) {
            set((s) => {
              const drafts = { ...s.pm.drafts };
              delete drafts[slot];
              return { ...s, pm: { ...s.pm, drafts } };
            });
          } else set((s) => ({ ...s, focus: 'command' }));
        } else if (isText(input, key)) {
          // A pasted or fast-typed chunk may carry enter or tab inside it.
          for (const ch of input) {
            if (ch === '\r' || ch === '\n') enter();
            else if (ch === '\t') set((s) => ({ ...s, pm: moveSlot(s.pm, 1, pm.actions.length, false) }));
            else if (ch < ' ' || ch === '\u007F') continue;
            else {
              const slot = slotOf(c.ui().pm);
              // On the list of items a key picks what to do with the item: e edits, d deletes.
              if (slot === 'a-items') {
                if (ch === 'e') set((s) => ({ ...s, pm: loadItem(s.pm, pm) }));
                else if (ch === 'd') {
                  const r = deleteItem(c.ui().pm, pm);
                  set((s) => ({ ...s, pm: r.form }));
                  if (r.line) actions.submit(r.line);
                }
              } else if (slot === 'a-type' || slot === 'a-priority') set((s) => ({ ...s, pm: pickByLetter(s.pm, pm, ch) }));
              else edit((t) => t + ch);
            }
          }
        }
        return true;
      },
    },
    {
      id: 'command-line',
      active: play && focus === 'command',
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
      id: 'dashboard',
      active: play && focus === 'dashboard',
      handle: (input, key) => {
        const rows = c.vm.dashboard.rows;
        if (key.upArrow || key.downArrow) {
          const step = key.upArrow ? -1 : 1;
          set((s) => {
            const dashRow = Math.max(0, Math.min(rows.length - 1, s.dashRow + step));
            return dashRow === s.dashRow ? s : { ...s, dashRow };
          });
          return true;
        }
        const row = rows[Math.min(c.ui().dashRow, rows.length - 1)];
        if (isEnter(input, key)) {
          // The row in full: its whole label, its value now, its threshold; enter there drills in.
          if (row) set((s) => ({ ...s, viewer: { kind: 'dash', panelId: row.panelId, label: row.label, row, offset: 0 } }));
          return true;
        }
        if (input === 'd') {
          if (row) {
            actions.submit(row.drill);
            set((s) => ({ ...s, dashRow: 0 }));
          }
          return true;
        }
        return false;
      },
    },
    {
      id: 'chat',
      active: play && focus === 'chat',
      handle: (input, key) => {
        const { width, rows: height } = layout.chat;
        const page = Math.max(1, height - 1);
        const move = (delta: number) => set((s) => {
          const chat = scrollChat(s.chat, delta, c.vm.feed, width, height);
          return chat === s.chat ? s : { ...s, chat };
        });
        if (key.upArrow) move(1);
        else if (key.downArrow) move(-1);
        else if (key.pageUp) move(page);
        else if (key.pageDown) move(-page);
        else if (key.end || input === 'f') set((s) => ({ ...s, chat: chatToEnd(s.chat) }));
        else if (key.home) move(Number.MAX_SAFE_INTEGER);
        else if (isEnter(input, key)) set((s) => ({ ...s, viewer: { kind: 'chat', with: null, offset: null } }));
        else return false;
        return true;
      },
    },
    {
      id: 'logs',
      active: play && focus === 'logs',
      handle: (input, key) => {
        if (key.upArrow) set((s) => scrollLogs(s, 1));
        else if (key.downArrow) set((s) => scrollLogs(s, -1));
        else if (isEnter(input, key)) {
          // The window's bottom line (marked "›"), as it is now: the stream moves on while it is read.
          const line = c.vm.logs.lines.slice(-layout.logs.lines).at(-1);
          if (line) set((s) => ({ ...s, viewer: { kind: 'log', line, offset: 0 } }));
        } else return false;
        return true;
      },
    },
    {
      id: 'global',
      active: play,
      handle: (input, key) => {
        const page = Math.max(1, layout.logs.lines - 1);
        if (key.tab) set((s) => withFocus(s, nextFocus(focus, key.shift ? -1 : 1, panelsVisible)));
        else if (key.pageUp && panelsVisible) set((s) => scrollLogs(s, page));
        else if (key.pageDown && panelsVisible) set((s) => scrollLogs(s, -page));
        else if (key.escape && layout.answerLines > 1 && c.vm.answer) {
          const text = c.vm.answer.text;
          set((s) => ({ ...s, answerClosed: text }));
        } else if (key.escape && !panelsVisible) set((s) => ({ ...s, focus: 'postmortem' }));
        else if (key.escape || isEnter(input, key) || input === ':') set((s) => withFocus(s, 'command'));
        else if (input === '/') {
          set((s) => withFocus(s, 'command'));
          cmd.dispatch({ type: 'set', text: 'logs ' });
        } else if (input === '?') set((s) => ({ ...s, help: true, helpOffset: 0 }));
        else if (input === 'q') set((s) => ({ ...s, confirmQuit: true }));
        else if (input === ' ') actions.togglePause();
        else if (input === '+' || input === '=') actions.faster();
        else if (input === '-' || input === '_') actions.slower();
        else if (input === 'h') actions.submit('hint');
        else if (input === 'f' && panelsVisible) set(toggleFollow);
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
