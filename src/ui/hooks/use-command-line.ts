import { useMemo, useRef } from 'react';
import { useRefState } from './use-ref-state.js';
import { terminalSafe } from '../../text/terminal-safe.js';

/**
 * The command line's state: text (the cursor is always at the end), history
 * walked with ↑/↓, and tab completion. A pure reducer plus a hook that wires
 * it to the controller's complete() and submit(); key handling lives in App.
 */
export interface CommandLineState {
  text: string;
  /** Oldest first. */
  history: readonly string[];
  /** Position while walking history; null = editing a new line. */
  historyIndex: number | null;
  /** The line being typed before history walking started. */
  draft: string;
  /** Several completions: repeated tab cycles through them. */
  cycle: { candidates: readonly string[]; index: number } | null;
}

export type CommandLineAction =
  | { type: 'insert'; text: string }
  | { type: 'erase' }
  | { type: 'eraseWord' }
  | { type: 'clear' }
  | { type: 'set'; text: string }
  | { type: 'historyPrev' }
  | { type: 'historyNext' }
  | { type: 'completed'; candidates: readonly string[] }
  | { type: 'cycle' }
  | { type: 'submitted' };

export const HISTORY_LIMIT = 200;

export const EMPTY_COMMAND_LINE: CommandLineState = {
  text: '',
  history: [],
  historyIndex: null,
  draft: '',
  cycle: null,
};

/** Editing ends history walking and completion cycling. */
function edited(state: CommandLineState, text: string): CommandLineState {
  return { ...state, text, historyIndex: null, draft: '', cycle: null };
}

export function commandLineReducer(state: CommandLineState, action: CommandLineAction): CommandLineState {
  switch (action.type) {
    case 'insert': {
      // typed or pasted: control characters and escape sequences never reach the screen or the parser
      const text = terminalSafe(action.text);
      return text === '' ? state : edited(state, state.text + text);
    }
    case 'erase':
      return edited(state, [...state.text].slice(0, -1).join(''));
    case 'eraseWord':
      return edited(state, state.text.replace(/\S+\s*$/u, ''));
    case 'clear':
      return edited(state, '');
    case 'set':
      return edited(state, terminalSafe(action.text));
    case 'historyPrev': {
      if (state.history.length === 0) return state;
      const index = state.historyIndex === null ? state.history.length - 1 : Math.max(0, state.historyIndex - 1);
      const draft = state.historyIndex === null ? state.text : state.draft;
      return { ...state, text: state.history[index] ?? '', historyIndex: index, draft, cycle: null };
    }
    case 'historyNext': {
      if (state.historyIndex === null) return state;
      const index = state.historyIndex + 1;
      if (index >= state.history.length) {
        return { ...state, text: state.draft, historyIndex: null, draft: '', cycle: null };
      }
      return { ...state, text: state.history[index] ?? '', historyIndex: index, cycle: null };
    }
    case 'completed': {
      const candidates = [...new Set(action.candidates)].filter((c) => c !== '');
      const [first] = candidates;
      if (first === undefined) return state;
      if (candidates.length === 1) return first === state.text ? state : edited(state, first);
      return { ...edited(state, first), cycle: { candidates, index: 0 } };
    }
    case 'cycle': {
      if (!state.cycle) return state;
      const index = (state.cycle.index + 1) % state.cycle.candidates.length;
      return { ...state, text: state.cycle.candidates[index] ?? state.text, cycle: { ...state.cycle, index } };
    }
    case 'submitted': {
      const line = state.text.trim();
      const last = state.history[state.history.length - 1];
      const history = line === '' || line === last ? state.history : [...state.history, line].slice(-HISTORY_LIMIT);
      return { ...EMPTY_COMMAND_LINE, history };
    }
  }
}

export interface CommandLine {
  /** State as of this render, for drawing. */
  state: CommandLineState;
  /** Live state, for key handlers. */
  get: () => CommandLineState;
  dispatch: (action: CommandLineAction) => void;
  /** Tab: completes a fresh line, or moves to the next candidate. */
  complete: () => void;
  /** Enter: hands a non-empty line to onSubmit and clears it. */
  submit: () => void;
}

export interface CommandLineOptions {
  complete: (line: string) => string[];
  onSubmit: (line: string) => void;
}

export function useCommandLine(options: CommandLineOptions): CommandLine {
  const [state, get, set] = useRefState<CommandLineState>(EMPTY_COMMAND_LINE);
  const opts = useRef(options);
  opts.current = options;

  const actions = useMemo(() => {
    const dispatch = (action: CommandLineAction) => set((s) => commandLineReducer(s, action));
    return {
      dispatch,
      complete: () => {
        const s = get();
        if (s.cycle && s.cycle.candidates[s.cycle.index] === s.text) {
          dispatch({ type: 'cycle' });
          return;
        }
        dispatch({ type: 'completed', candidates: opts.current.complete(s.text) });
      },
      submit: () => {
        const line = get().text.trim();
        if (line === '') return;
        dispatch({ type: 'submitted' });
        opts.current.onSubmit(line);
      },
    };
  }, [get, set]);

  return { state, get, ...actions };
}
