import { Box, renderToString } from 'ink';
import type { ViewModel } from '../view/model.js';
import { answerRows } from './components/CommandLine.js';
import { PlayScreen } from './components/PlayScreen.js';
import { Summary } from './components/Summary.js';
import { TooSmall } from './components/TooSmall.js';
import { computeLayout } from './layout.js';
import { stripAnsi } from './text.js';
import { ThemeProvider } from './theme.js';

export { viewSizeFor } from './layout.js';

/**
 * The screen for a view model as plain text, for `replay --at MM:SS
 * --headless` and determinism tests. A pure function of (vm, width, height):
 * colour off, no terminal, the command line empty and focused, and any
 * escape sequence Ink might still emit (bold, inverse) stripped.
 */
export function renderFrame(vm: ViewModel, width: number, height: number): string {
  const answerLines = vm.answer ? answerRows(vm.answer, width).length : 1;
  const layout = computeLayout(width, height, 0, { answerLines });
  let screen;
  if (layout.tooSmall) {
    screen = <TooSmall columns={layout.columns} rows={layout.rows} confirmQuit={false} />;
  } else if (vm.finished) {
    screen = <Summary summary={vm.summary} width={layout.columns} height={layout.height} offset={0} />;
  } else {
    screen = (
      <PlayScreen vm={vm} layout={layout} focus="command" command={{ text: '', cycle: null }} confirmQuit={false} />
    );
  }
  const out = renderToString(
    <ThemeProvider color={false}>
      <Box flexDirection="column" width={layout.columns} height={Math.max(1, layout.height)}>
        {screen}
      </Box>
    </ThemeProvider>,
    { columns: layout.columns },
  );
  return stripAnsi(out)
    .split('\n')
    .map((line) => line.replace(/\s+$/u, ''))
    .join('\n');
}
