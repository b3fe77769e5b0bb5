import type { Key } from 'ink';

/** Enter, however the terminal sends it (a flag, or the raw character in a chunk). */
export function isEnter(input: string, key: Key): boolean {
  return key.return || input === '\n' || input === '\r';
}

/** Every key the play screen knows, for the help overlay (App implements them). */
export interface KeyHelp {
  keys: string;
  does: string;
}

export const KEY_HELP: readonly KeyHelp[] = [
  { keys: 'enter', does: 'run the command line (before the clock starts: start it)' },
  { keys: 'tab', does: 'complete the command (repeat to cycle); on an empty line: next panel (logs, dashboard, chat; below 100 columns dashboard and chat take turns)' },
  { keys: 'shift-tab', does: 'previous panel' },
  { keys: '↑ ↓', does: 'command history; logs or chat focused: scroll one line; dashboard focused: pick a row' },
  { keys: 'enter', does: 'logs focused: open the line marked › in full (wrapped, every field); dashboard: the picked row in full (label, value now, threshold); chat: the whole conversation (←→ one person)' },
  { keys: 'dash: d', does: 'on the focused dashboard, drill into the picked row: dash PANEL by LABEL (on a panel: back to the overview)' },
  { keys: 'chat [NAME]', does: 'typed: the whole conversation, or only with NAME (not recorded; esc closes)' },
  { keys: 'chat: end f', does: 'back to the newest message; "↓ 2 new" says what came while you read further up' },
  { keys: 'PgUp PgDn', does: 'scroll the logs a page; scrolled back, the window stays put while new lines arrive' },
  { keys: 'f', does: 'follow the logs again / back to where you were (logs focused)' },
  { keys: ': /', does: 'focus the command line; / starts a "logs " filter' },
  { keys: 'esc', does: 'clear the line, close a long answer, or back to the command line' },
  { keys: 'postmortem', does: 'tab/↑↓ field · type · enter saves it (pm FIELD TEXT) · ←→ action type and priority (a digit: the priority; letters never change the type) · ctrl-f insert the impact figures · ctrl-s submit · esc command line' },
  { keys: 'ctrl-u ctrl-w', does: 'clear the line / delete the last word' },
  { keys: 'space', does: 'pause or resume the clock (on an empty line)' },
  { keys: '+ -', does: 'faster / slower (on an empty line)' },
  { keys: 'h', does: 'take a hint (when the command line is not focused; or type: hint)' },
  { keys: '?', does: 'this help (on an empty line)' },
  { keys: 'q', does: 'quit, after a y/n question (on an empty line)' },
  { keys: 'ctrl-c', does: 'quit at once (the session is recorded as quit)' },
];
