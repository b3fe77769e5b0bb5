import { renderToString } from 'ink';
import type { ExaminerConsole } from '../../session/examiner.js';
import type { ExaminerViewModel } from '../../view/examiner-model.js';
import { stripAnsi } from '../text.js';
import { ThemeProvider } from '../theme.js';
import type { ExaminerPrompt } from './examiner-lines.js';
import { computeExaminerLayout } from './examiner-layout.js';
import { ExaminerScreen } from './ExaminerScreen.js';

/** An examiner view model as plain text (colour off), for `examine --headless` and tests. */
export function renderExaminerView(evm: ExaminerViewModel, width: number, height: number, prompt: ExaminerPrompt = null): string {
  const layout = computeExaminerLayout(width, height);
  const out = renderToString(
    <ThemeProvider color={false}>
      <ExaminerScreen evm={evm} layout={layout} prompt={prompt} rubricOffset={0} />
    </ThemeProvider>,
    { columns: Math.max(layout.columns, 1) },
  );
  return stripAnsi(out)
    .split('\n')
    .map((l) => l.replace(/\s+$/u, ''))
    .join('\n');
}

export function renderExaminerFrame(examiner: ExaminerConsole, width: number, height: number): string {
  return renderExaminerView(examiner.view(computeExaminerLayout(width, height).candidate.size, true), width, height);
}
