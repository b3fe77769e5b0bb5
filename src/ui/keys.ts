/** Every key the play screen knows, for the help overlay (App implements them). */
export interface KeyHelp {
  keys: string;
  does: string;
}

export const KEY_HELP: readonly KeyHelp[] = [
  { keys: 'enter', does: 'run the command line (before the clock starts: start it)' },
  { keys: 'tab', does: 'complete the command (repeat to cycle); on an empty line: next panel' },
  { keys: 'shift-tab', does: 'previous panel' },
  { keys: '↑ ↓', does: 'command history; with the logs focused: scroll one line' },
  { keys: 'PgUp PgDn', does: 'scroll the logs a page' },
  { keys: 'f', does: 'follow the logs again / back to where you were (logs focused)' },
  { keys: ': /', does: 'focus the command line; / starts a "logs " filter' },
  { keys: 'esc', does: 'clear the line, or back to the command line' },
  { keys: 'ctrl-u ctrl-w', does: 'clear the line / delete the last word' },
  { keys: 'space', does: 'pause or resume the clock (on an empty line)' },
  { keys: '+ -', does: 'faster / slower (on an empty line)' },
  { keys: 'h', does: 'take a hint (when the command line is not focused; or type: hint)' },
  { keys: '?', does: 'this help (on an empty line)' },
  { keys: 'q', does: 'quit, after a y/n question (on an empty line)' },
  { keys: 'ctrl-c', does: 'quit at once (the session is recorded as quit)' },
];
