/**
 * What lint reports: one thing a scenario author should change, located in
 * the file like a validate problem. Errors make a scenario unsolvable or
 * leave part of it dead; warnings are waste (a flag nobody reads) that only
 * fails `lint --strict`.
 */
export type Severity = 'error' | 'warning';

export interface Finding {
  file: string;
  line: number;
  col: number;
  /** Dotted path inside the document, e.g. rubric.7.check.any */
  path: string;
  message: string;
  severity: Severity;
  /** Which check produced it (stable; for --json consumers). */
  rule: string;
}

/** A finding before it is located in the file. */
export interface Issue {
  path: (string | number)[];
  message: string;
  severity: Severity;
  rule: string;
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.col}  ${f.path || '(document)'}  ${f.severity === 'warning' ? 'warning: ' : ''}${f.message}`;
}
