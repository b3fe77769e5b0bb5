import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApp } from 'ink';
import { parseDuration } from '../../scenario/clock-text.js';
import type { ReplayPlayer } from '../../session/replay-player.js';
import { useKeypress, type KeyLayer } from '../hooks/use-keypress.js';
import { chunkLayer } from './chunk-keys.js';
import { useRefState } from '../hooks/use-ref-state.js';
import { useTerminalSize, type TerminalSize } from '../hooks/use-terminal-size.js';
import { computeLayout } from '../layout.js';
import { ThemeProvider } from '../theme.js';
import type { ReplayPrompt } from './replay-bar.js';
import { ReplayScreen } from './ReplayScreen.js';
import { isEnter } from '../keys.js';

export const REPLAY_FRAME_MS = 100;

export interface ReplayAppProps {
  player: ReplayPlayer;
  size?: TerminalSize;
  color?: boolean;
  frameMs?: number;
}

export function ReplayApp({ player, size, color = true, frameMs = REPLAY_FRAME_MS }: ReplayAppProps) {
  return (
    <ThemeProvider color={color}>
      <ReplayRoot player={player} size={size} frameMs={frameMs} />
    </ThemeProvider>
  );
}


/** Keys: space, +/-, g MM:SS, n/p, ]/[, /text, q. One frame timer moves the position while playing. */
function ReplayRoot({ player, size: sizeOverride, frameMs }: { player: ReplayPlayer; size: TerminalSize | undefined; frameMs: number }) {
  const { exit } = useApp();
  const size = useTerminalSize(sizeOverride);
  const [, setTick] = useState(0);
  const redraw = useCallback(() => setTick((n) => n + 1), []);
  const [prompt, getPrompt, setPrompt] = useRefState<ReplayPrompt>(null);
  const partial = useRef(false);
  // One line is the replay's own; the candidate's screen gets the rest.
  const layout = useMemo(() => computeLayout(size.columns, size.rows - 1, 0, { reservedRows: 1 }), [size.columns, size.rows]);

  useEffect(() => {
    let last = performance.now();
    const id = setInterval(() => {
      const now = performance.now();
      const delta = now - last;
      last = now;
      if (!player.status().playing) {
        // A seek starts from a fresh world whose log panel fills in over a few frames.
        if (partial.current) redraw();
        return;
      }
      try {
        player.advance(delta);
        redraw();
      } catch (error) {
        clearInterval(id);
        exit(error instanceof Error ? error : new Error(String(error)));
      }
    }, frameMs);
    return () => clearInterval(id);
  }, [player, frameMs, redraw, exit]);

  const act = useCallback(
    (fn: () => void) => {
      fn();
      redraw();
    },
    [redraw],
  );

  const layers = (): KeyLayer[] => [
    {
      id: 'prompt',
      active: getPrompt() !== null,
      modal: true,
      handle: (input, key) => {
        const p = getPrompt()!;
        if (key.escape) setPrompt(null);
        else if (isEnter(input, key)) {
          setPrompt(null);
          act(() => (p.kind === 'seek' ? player.seekText(p.text, parseDuration) : player.search(p.text)));
        } else if (key.backspace || key.delete) {
          if (p.text === '') setPrompt(null);
          else setPrompt({ ...p, text: [...p.text].slice(0, -1).join('') });
        } else if (key.ctrl && input === 'c') exit();
        else if (input && !key.ctrl && !key.meta && !key.tab) setPrompt({ ...p, text: (p.text + input.replace(/[\r\n\t]/gu, '')).replace(/^\s+/u, '') });
        return true;
      },
    },
    {
      id: 'replay',
      active: true,
      handle: (input, key) => {
        if ((key.ctrl && input === 'c') || input === 'q' || key.escape) exit();
        else if (input === ' ') act(() => player.togglePlay());
        else if (input === '+' || input === '=') act(() => player.faster());
        else if (input === '-' || input === '_') act(() => player.slower());
        else if (input === 'n' || key.rightArrow) act(() => player.nextDecision());
        else if (input === 'p' || key.leftArrow) act(() => player.prevDecision());
        else if (input === ']') act(() => player.nextMarker());
        else if (input === '[') act(() => player.prevMarker());
        else if (input === 'g' || input === ':') setPrompt({ kind: 'seek', text: '' });
        else if (input === '/') setPrompt({ kind: 'search', text: '' });
        else return false;
        return true;
      },
    },
  ];
  useKeypress(() => [chunkLayer(layers), ...layers()]);

  const vm = player.view(layout.size);
  partial.current = (vm.logs as { partial?: boolean }).partial === true;
  return <ReplayScreen vm={vm} status={player.status()} prompt={prompt} layout={layout} columns={size.columns} rows={size.rows} />;
}
