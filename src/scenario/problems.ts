/** One thing wrong with a scenario file, located for an editor. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  /** Dotted path inside the document, e.g. metrics.3.effects.0.when */
  path: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}  ${p.path || '(document)'}  ${p.message}`;
}
