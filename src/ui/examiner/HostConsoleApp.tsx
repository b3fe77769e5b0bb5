import { useEffect, useState } from 'react';
import { Box, Text, useApp } from 'ink';
import type { ExaminerConsole } from '../../session/examiner.js';
import { formatClock } from '../../scenario/clock-text.js';
import { useKeypress, type KeyLayer } from '../hooks/use-keypress.js';
import { useRefState } from '../hooks/use-ref-state.js';
import { useTerminalSize, type TerminalSize } from '../hooks/use-terminal-size.js';
import { truncate, wrapText } from '../text.js';
import { ThemeProvider } from '../theme.js';
import { ExaminerConsoleView } from './ExaminerApp.js';

/** One hosted candidate as the console sees them. */
export interface HostedCandidateView {
  readonly id: string;
  readonly trainee: string;
  readonly connected: boolean;
  readonly finished: boolean;
  readonly draft: string;
  readonly simSec: number;
  examiner(): ExaminerConsole;
}

/** What the host console needs of the host: its candidates, codes, and a way to hear of changes. */
export interface HostView {
  readonly candidates: readonly HostedCandidateView[];
  openCodes(): string[];
  issueCode(): string;
  subscribe(fn: () => void): () => void;
}

export interface HostConsoleProps {
  host: HostView;
  /** "ssh -p 2222 join@127.0.0.1" */
  joinCommand: string;
  fingerprint: string;
  size?: TerminalSize;
  color?: boolean;
}

/**
 * The examiner's terminal under `firedrill host`: a line listing the live
 * sessions (tab or ]/[ switches, j issues another join code), then the
 * examiner console of the selected candidate, with their prompt mirrored
 * as they type. Before anyone joins, how to join.
 */
export function HostConsoleApp(props: HostConsoleProps) {
  return (
    <ThemeProvider color={props.color ?? true}>
      <HostConsole {...props} />
    </ThemeProvider>
  );
}

function HostConsole({ host, joinCommand, fingerprint, size: sizeOverride }: HostConsoleProps) {
  const { exit } = useApp();
  const size = useTerminalSize(sizeOverride);
  const [, setTick] = useState(0);
  const [selected, getSelected, setSelected] = useRefState(0);
  const [notice, , setNotice] = useRefState<string | null>(null);
  const [confirmStop, getConfirmStop, setConfirmStop] = useRefState(false);
  useEffect(() => host.subscribe(() => setTick((n) => n + 1)), [host]);

  const count = host.candidates.length;
  const index = Math.min(selected, Math.max(0, count - 1));
  const candidate = host.candidates[index];

  const outer: KeyLayer = {
    id: 'host',
    active: true,
    handle: (input, key) => {
      const n = host.candidates.length;
      if (input !== 'q') setConfirmStop(false);
      if ((key.tab && !key.shift) || input === ']') setSelected((i) => (n === 0 ? 0 : (Math.min(i, n - 1) + 1) % n));
      else if ((key.tab && key.shift) || input === '[') setSelected((i) => (n === 0 ? 0 : (Math.min(i, n - 1) + n - 1) % n));
      else if (input === 'j') setNotice(`new join code ${dashed(host.issueCode())}`);
      else if (input === 'q' || (key.ctrl && input === 'c')) {
        const playing = host.candidates.filter((c) => c.connected && !c.finished).length;
        if (playing > 0 && !getConfirmStop()) {
          setConfirmStop(true);
          setNotice(`${playing} candidate(s) still playing: q again stops the host and disconnects them (their sessions stay recorded)`);
        } else exit();
      } else return false;
      return true;
    },
  };

  const codes = host.openCodes().map(dashed);
  const list = host.candidates.map((c, i) => `${i === index ? '▸' : ' '}${i + 1} ${c.trainee} ${statusOf(c)}`).join('  ');
  const top = truncate(` HOST ${joinCommand} · ${list || 'no candidates yet'} · codes: ${codes.join(' ') || '[j] new'}${notice ? ` · ${notice}` : ''}`, size.columns - 1);

  if (!candidate) {
    // Only the lobby: q alone is the console's quit here.
    return <Lobby top={top} joinCommand={joinCommand} fingerprint={fingerprint} codes={codes} size={size} outer={outer} stop={confirmStop} />;
  }
  return (
    <Box flexDirection="column">
      <Text wrap="truncate" inverse>
        {top}
      </Text>
      <ExaminerConsoleView
        key={candidate.id}
        examiner={candidate.examiner()}
        size={{ columns: size.columns, rows: size.rows - 1 }}
        draft={() => candidate.draft}
        outer={outer}
      />
    </Box>
  );
}

function Lobby({ top, joinCommand, fingerprint, codes, size, outer }: { top: string; joinCommand: string; fingerprint: string; codes: string[]; size: TerminalSize; outer: KeyLayer; stop: boolean }) {
  useKeypress(() => [outer]);
  const width = Math.max(20, size.columns - 2);
  const lines = [
    '',
    'Waiting for candidates. Each one runs, in any terminal:',
    '',
    `    ${joinCommand}`,
    '',
    `and types a join code when asked (one code per candidate; a code works for its candidate until their session ends): ${codes.join('  ') || 'none open, press j'}`,
    '',
    `They should see this host key fingerprint the first time they connect: ${fingerprint}`,
    '',
    '[j] another join code   [tab ] [] switch candidate   [q] stop the host',
  ].flatMap((l) => (l === '' ? [''] : wrapText(l, width, 4)));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate" inverse>
        {top}
      </Text>
      {lines.slice(0, Math.max(1, size.rows - 2)).map((l, i) => (
        <Text key={i} wrap="truncate">
          {l === '' ? ' ' : l}
        </Text>
      ))}
    </Box>
  );
}

function statusOf(c: HostedCandidateView): string {
  if (c.finished) return '(done)';
  return `${c.connected ? '●' : '○'} +${formatClock(c.simSec)}`;
}

function dashed(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
