import { memo } from 'react';
import { Box, Text } from 'ink';
import { textWidth, truncate, truncateStart } from '../text.js';
import { answerColor, dim, useTheme } from '../theme.js';

export type Focus = 'command' | 'logs' | 'dashboard';

export interface CommandLineViewProps {
  text: string;
  focus: Focus;
  /** Completion candidates being cycled, with the current one. */
  cycle: { candidates: readonly string[]; index: number } | null;
  answer: { text: string; ok: boolean } | null;
  width: number;
}

export const CURSOR = '▏';

export function commandHints(props: Pick<CommandLineViewProps, 'text' | 'focus' | 'cycle'>): string {
  if (props.focus === 'logs') return '↑↓ PgUp PgDn scroll · f follow · tab next · esc back';
  if (props.focus === 'dashboard') return 'tab next · esc back · : command';
  if (props.cycle) return `tab ${props.cycle.index + 1}/${props.cycle.candidates.length} · enter run`;
  if (props.text === '') return '? help · / filter · tab panels · space pause · q quit';
  return 'tab complete · ↑ history · enter run';
}

/** "✓ text" / "✗ text": the marker carries what the colour does. First line only. */
export function answerLine(answer: { text: string; ok: boolean }): string {
  const [first = '', ...rest] = answer.text.split('\n');
  return `${answer.ok ? '✓' : '✗'} ${first}${rest.some((l) => l.trim() !== '') ? ' …' : ''}`;
}

/** The prompt line, with key hints on the right while there is room. */
export function promptLine(props: CommandLineViewProps): { left: string; hints: string } {
  const focused = props.focus === 'command';
  const hints = commandHints(props);
  const prompt = focused ? '> ' : '  ';
  const body = focused ? props.text + CURSOR : props.text === '' ? '[:] command line' : props.text;
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
  return (
    <Box flexDirection="column" width={props.width} height={2} flexShrink={0}>
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
      <Text wrap="truncate" color={props.answer ? answerColor(theme, props.answer.ok) : undefined}>
        {props.answer ? truncate(' ' + answerLine(props.answer), props.width - 1) : ' '}
      </Text>
    </Box>
  );
});
