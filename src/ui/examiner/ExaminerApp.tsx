import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApp } from 'ink';
import { EXAMINER_POLL_MS, type ExaminerConsole } from '../../session/examiner.js';
import { useKeypress, type KeyLayer } from '../hooks/use-keypress.js';
import { chunkLayer } from '../replay/chunk-keys.js';
import { useRefState } from '../hooks/use-ref-state.js';
import { useTerminalSize, type TerminalSize } from '../hooks/use-terminal-size.js';
import { ThemeProvider } from '../theme.js';
import type { ExaminerPrompt } from './examiner-lines.js';
import { computeExaminerLayout } from './examiner-layout.js';
import { ExaminerScreen } from './ExaminerScreen.js';
import { isEnter } from '../keys.js';

export interface ExaminerAppProps {
  examiner: ExaminerConsole;
  size?: TerminalSize;
  color?: boolean;
  pollMs?: number;
  /** What the candidate is typing right now, when the candidate's screen runs in this process (a host). */
  draft?: () => string;
  /** Keys of a host around the console (switch candidates, new code); after the prompt, before the console's own. */
  outer?: KeyLayer;
}

/** What enter does with each prompt's text. */
const SUBMIT: Record<NonNullable<ExaminerPrompt>['kind'], (e: ExaminerConsole, text: string) => boolean> = {
  note: (e, t) => e.note(t),
  message: (e, t) => e.injectMessage(t),
  page: (e, t) => e.injectPage(t),
  rate: (e, t) => e.rate(t),
  verdict: (e, t) => e.recommend(t),
  curveball: (e, t) => e.curveball(t),
};

export function ExaminerApp({ examiner, size, color = true, pollMs = EXAMINER_POLL_MS, draft, outer }: ExaminerAppProps) {
  return (
    <ThemeProvider color={color}>
      <ExaminerConsoleView examiner={examiner} size={size} pollMs={pollMs} draft={draft} outer={outer} />
    </ThemeProvider>
  );
}


/**
 * Polls the database every ~200 ms (new events, the candidate's clock) and
 * redraws when something changed. Keys inject, release hints, pause, extend
 * and pin notes; each is one examiner event.
 */
export function ExaminerConsoleView({
  examiner,
  size: sizeOverride,
  pollMs = EXAMINER_POLL_MS,
  draft,
  outer,
}: {
  examiner: ExaminerConsole;
  size: TerminalSize | undefined;
  pollMs?: number;
  draft?: (() => string) | undefined;
  outer?: KeyLayer | undefined;
}) {
  const { exit } = useApp();
  const size = useTerminalSize(sizeOverride);
  const [, setTick] = useState(0);
  const redraw = useCallback(() => setTick((n) => n + 1), []);
  const [prompt, getPrompt, setPrompt] = useRefState<ExaminerPrompt>(null);
  const [rubricOffset, , setRubricOffset] = useRefState(0);
  const [panel, , setPanel] = useRefState<'rubric' | 'scorecard'>('rubric');
  const [activityBack, , setActivityBack] = useRefState(0);
  const layout = useMemo(() => computeExaminerLayout(size.columns, size.rows), [size.columns, size.rows]);

  useEffect(() => {
    const id = setInterval(() => {
      try {
        examiner.poll();
        // Redraw even when no event came: the link status (live / last seen) follows the wall clock.
        redraw();
      } catch (error) {
        clearInterval(id);
        exit(error instanceof Error ? error : new Error(String(error)));
      }
    }, pollMs);
    return () => clearInterval(id);
  }, [examiner, pollMs, redraw, exit]);

  const act = useCallback(
    (fn: () => unknown) => {
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
        else if (key.ctrl && input === 'c') exit();
        else if (isEnter(input, key)) {
          setPrompt(null);
          act(() => SUBMIT[p.kind](examiner, p.text));
        } else if (key.backspace || key.delete) setPrompt({ ...p, text: [...p.text].slice(0, -1).join('') });
        else if (input && !key.ctrl && !key.meta && !key.tab) setPrompt({ ...p, text: p.text + input.replace(/[\r\n\t]/gu, '') });
        return true;
      },
    },
    ...(outer ? [outer] : []),
    {
      id: 'examiner',
      active: true,
      handle: (input, key) => {
        if ((key.ctrl && input === 'c') || input === 'q') exit();
        else if (input === 'n' || input === ':') setPrompt({ kind: 'note', text: '' });
        else if (input === '1') setPrompt({ kind: 'message', text: '' });
        else if (input === '2') setPrompt({ kind: 'page', text: '' });
        else if (input === '3') act(() => examiner.injectExecutive());
        else if (input === 'c') setPrompt({ kind: 'curveball', text: '' });
        else if (input === 'h') act(() => examiner.releaseHint());
        else if (input === 'p' || input === ' ') act(() => examiner.togglePause());
        else if (input === '+' || input === '=') act(() => examiner.extend());
        else if (input === 'g') act(() => examiner.toggleClockGrant());
        else if (input === 'r') {
          setPanel('scorecard');
          setPrompt({ kind: 'rate', text: '' });
        } else if (input === 'v') {
          setPanel('scorecard');
          setPrompt({ kind: 'verdict', text: '' });
        } else if (input === 'x') act(() => examiner.release());
        else if (input === 's') setPanel((p) => (p === 'rubric' ? 'scorecard' : 'rubric'));
        else if (key.upArrow) setRubricOffset((o) => Math.max(0, o - 1));
        else if (key.downArrow) setRubricOffset((o) => o + 1);
        // Page by page through the activity, counted back from the newest row.
        else if (key.pageUp) setActivityBack((b) => b + Math.max(1, layout.activity.height - 3));
        else if (key.pageDown) setActivityBack((b) => Math.max(0, b - Math.max(1, layout.activity.height - 3)));
        else return false;
        return true;
      },
    },
  ];
  useKeypress(() => [chunkLayer(layers), ...layers()]);

  const evm = examiner.view(layout.candidate.size);
  return <ExaminerScreen evm={evm} layout={layout} prompt={prompt} rubricOffset={rubricOffset} panel={panel} draft={draft?.() ?? ''} activityBack={activityBack} />;
}
