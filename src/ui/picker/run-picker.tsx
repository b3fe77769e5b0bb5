import { render, useApp } from 'ink';
import { useCallback, useState } from 'react';
import type { HistoryData } from '../../session/history.js';
import { HistoryScreen } from '../history/HistoryScreen.js';
import { WidgetTheme } from './widget-theme.js';
import { useKeypress } from '../hooks/use-keypress.js';
import { useTerminalSize, type TerminalSize } from '../hooks/use-terminal-size.js';
import { ThemeProvider } from '../theme.js';
import { ScenarioPicker, type PickerItem } from './ScenarioPicker.js';
import { terminalSafeDeep } from '../../text/terminal-safe.js';

export interface PickerAppProps {
  items: PickerItem[];
  /** The chosen id, or null when the player left. */
  done: (id: string | null) => void;
  /** Reads the history when the player asks for it (h); the screen says "reading…" while a promise is pending. */
  loadHistory?: () => HistoryData | Promise<HistoryData>;
  difficulty?: string;
  size?: TerminalSize;
}

/** The picker, and the history screen one key away. */
export function PickerApp({ items, done, loadHistory, difficulty, size: sizeOverride }: PickerAppProps) {
  const { exit } = useApp();
  const size = useTerminalSize(sizeOverride);
  const [selected, setSelected] = useState(0);
  const [screen, setScreen] = useState<'list' | 'history'>('list');
  const [history, setHistory] = useState<{ data: HistoryData | null; error: string | null } | null>(null);
  const pick = useCallback(
    (id: string | null) => {
      done(id);
      exit();
    },
    [done, exit],
  );
  const openHistory = () => {
    setScreen('history');
    if (history || !loadHistory) return;
    const failed = (e: unknown) => setHistory({ data: null, error: e instanceof Error ? e.message : String(e) });
    try {
      const loaded = loadHistory();
      if (loaded instanceof Promise) {
        setHistory({ data: null, error: null });
        loaded.then((data) => setHistory({ data, error: null }), failed);
      } else setHistory({ data: loaded, error: null });
    } catch (e) {
      failed(e);
    }
  };
  useKeypress(() => [
    {
      id: 'picker',
      active: true,
      modal: true,
      handle: (input, key) => {
        if ((key.ctrl && input === 'c') || input === 'q') pick(null);
        else if (screen === 'history') {
          if (key.escape || input === 'h' || key.return) setScreen('list');
        } else if (key.escape) pick(null);
        else if (key.upArrow || input === 'k') setSelected((i) => Math.max(0, i - 1));
        else if (key.downArrow || input === 'j') setSelected((i) => Math.min(items.length - 1, i + 1));
        else if (key.return || input === '\n') {
          const it = items[selected];
          if (it) pick(it.id);
        } else if (input === 'h') openHistory();
        return true;
      },
    },
  ]);
  const height = Math.max(8, size.rows - 1);
  return (
    <WidgetTheme>
      {screen === 'history' ? (
        <HistoryScreen history={history?.data ?? null} error={history?.error ?? (loadHistory ? null : 'no store')} width={size.columns} height={height} />
      ) : (
        <ScenarioPicker items={items} selected={selected} width={size.columns} height={height} {...(difficulty ? { difficulty } : {})} />
      )}
    </WidgetTheme>
  );
}

/** Shows the picker and resolves with the chosen scenario id (null: the user left). */
export async function runPicker(
  items: PickerItem[],
  opts: { color: boolean; loadHistory?: PickerAppProps['loadHistory']; difficulty?: string },
): Promise<string | null> {
  let chosen: string | null = null;
  const app = render(
    <ThemeProvider color={opts.color}>
      <PickerApp
        items={terminalSafeDeep(items)}
        done={(id) => (chosen = id)}
        {...(opts.loadHistory ? { loadHistory: opts.loadHistory } : {})}
        {...(opts.difficulty ? { difficulty: opts.difficulty } : {})}
      />
    </ThemeProvider>,
    { exitOnCtrlC: false, patchConsole: false },
  );
  await app.waitUntilExit();
  app.clear();
  return chosen;
}
