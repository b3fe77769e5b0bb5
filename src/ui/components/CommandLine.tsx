import { memo } from 'react';
import { Box, Text } from 'ink';
import { textWidth, truncate, truncateStart, wrapText } from '../text.js';
import { answerColor, dim, useTheme } from '../theme.js';

export type Focus = 'command' | 'logs' | 'dashboard' | 'chat' | 'postmortem';

export interface CommandLineViewProps {
  text: string;
  focus: Focus;
  /** Completion candidates being cycled, with the current one. */
  cycle: { candidates: readonly string[]; index: number } | null;
  answer: { text: string; ok: boolean } | null;
  width: number;
  /** Lines for the answer (a long one, such as `help VERB`, wraps onto several). */
  answerLines?: number;
}

export const CURSOR = '▏';

export function commandHints(props: Pick<CommandLineViewProps, 'text' | 'focus' | 'cycle'>): string {
  if (props.focus === 'logs') return '↑↓ PgUp PgDn scroll · enter open the ›line · f follow · tab next';
  if (props.focus === 'dashboard') return '↑↓ row · enter open it · d drill down · tab next';
  if (props.focus === 'chat') return '↑↓ PgUp PgDn scroll · end newest · enter whole chat · tab next';
  if (props.focus === 'postmortem') return 'ctrl-s submits the postmortem';
  if (props.cycle) return `tab ${props.cycle.index + 1}/${props.cycle.candidates.length} · enter run`;
  if (props.text === '') return '? help · / filter · tab panels · space pause · q quit';
  return 'tab complete · ↑ history · enter run';
}

/** "✓ text" / "✗ text": the marker carries what the colour does. First line only. */
export function answerLine(answer: { text: string; ok: boolean }): string {
  const [first = '', ...rest] = answer.text.split('\n');
  return `${answer.ok ? '✓' : '✗'} ${first}${rest.some((l) => l.trim() !== '') ? ' …' : ''}`;
}

/** The whole answer wrapped to the width, marker first, continuation lines indented. */
export function answerRows(answer: { text: string; ok: boolean }, width: number): string[] {
  const room = Math.max(10, width - 2);
  const rows: string[] = [];
  answer.text
    .split('\n')
    .filter((l, i, all) => l.trim() !== '' || (i > 0 && i < all.length - 1))
    .forEach((line, i) => {
      const head = i === 0 ? `${answer.ok ? '✓' : '✗'} ` : '  ';
      rows.push(...wrapText(head + line, room, 2));
    });
  return rows.length > 0 ? rows : [answer.ok ? '✓' : '✗'];
}

/** The rows shown in `lines` lines: cut with "…" when the answer is longer. */
export function shownAnswer(answer: { text: string; ok: boolean }, width: number, lines: number): string[] {
  if (lines <= 1) return [truncate(' ' + answerLine(answer), width - 1)];
  const rows = answerRows(answer, width);
  if (rows.length <= lines) return rows.map((r) => ' ' + r);
  const shown = rows.slice(0, lines).map((r) => ' ' + r);
  shown[lines - 1] = truncate(shown[lines - 1]!, width - 3) + ' …';
  return shown;
}

/** The prompt line, with key hints on the right while there is room. */
export function promptLine(props: CommandLineViewProps): { left: string; hints: string } {
  const focused = props.focus === 'command';
  const hints = commandHints(props);
  const prompt = focused ? '> ' : '  ';
  const idle = props.focus === 'postmortem' ? '[esc] command line' : '[:] command line';
  const body = focused ? props.text + CURSOR : props.text === '' ? idle : props.text;
  const left = prompt + body;
  const width = props.width - 1;
  if (textWidth(left) + 2 + textWidth(hints) <= width) return { left, hints };
  return { left: prompt + truncateStart(body, width - textWidth(prompt)), hints: '' };
}

/** The command line and the answer to the last command below it. */
export const CommandLine = memo(function CommandLine(props: CommandLineViewProps) {
  const theme = useTheme();
  const { left, hints } = promptLine(props);
  const focused = props.focus === 'command';
  const lines = Math.max(1, props.answerLines ?? 1);
  const answer = props.answer ? shownAnswer(props.answer, props.width, lines) : [' '];
  return (
    <Box flexDirection="column" width={props.width} height={1 + lines} flexShrink={0}>
      <Box width={props.width}>
        <Box flexGrow={1}>
          <Text wrap="truncate" bold={focused} dimColor={!focused && dim(theme)}>
            {left}
          </Text>
        </Box>
        {hints ? (
          <Text wrap="truncate" dimColor={dim(theme)}>
            {hints}{' '}
          </Text>
        ) : null}
      </Box>
      {answer.map((row, i) => (
        <Text key={i} wrap="truncate" color={props.answer ? answerColor(theme, props.answer.ok) : undefined}>
          {row}
        </Text>
      ))}
    </Box>
  );
});
