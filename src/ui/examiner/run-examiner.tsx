import type { ExaminerConsole } from '../../session/examiner.js';
import { runFullscreen } from '../fullscreen.js';
import { ExaminerApp } from './ExaminerApp.js';

/** The examiner console, full-screen, until q. Leaving it does not affect the candidate. */
export async function runExaminer(examiner: ExaminerConsole, opts: { color: boolean }): Promise<void> {
  await runFullscreen(<ExaminerApp examiner={examiner} color={opts.color} />);
}
