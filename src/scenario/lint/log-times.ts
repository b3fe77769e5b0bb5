import { describeTimeFormats } from '../time-text.js';
import type { LintContext } from './context.js';

/**
 * A timestamp written literally in a log template (or in one of its field
 * values) disagrees with the clock the line is shown at: the screen says
 * 19:42:30 and the line says 19:47:02. `{{time:FORMAT}}` writes it instead.
 */
const LITERAL_TIMES: readonly RegExp[] = [
  /\d{4}-\d{2}-\d{2}[T ]/, // RFC 3339, PostgreSQL, even with the time in a placeholder
  /\b[IWEF]\d{4} (?:\d{2}:|\{\{)/, // klog header
  /\d{2}\/[A-Z][a-z]{2}\/\d{4}:/, // nginx
  /(?<![\d.:])\d{2}:\d{2}:\d{2}(?![\d:])/, // a time of day with seconds
  /(?<![\d.:])\d{2}:\d?\{\{/, // a time of day finished by placeholders: 19:4{{m}}
  /(?<![\w.])1[5-9]\d{8}(?:\d{3})?(?![\w])/, // epoch seconds or milliseconds
];

function literalTime(text: string): string | null {
  const bare = text.replace(/\{\{\s*time:[\w.-]*\s*\}\}/g, '');
  for (const re of LITERAL_TIMES) {
    const m = re.exec(bare);
    if (m) return bare.slice(Math.max(0, m.index - 4), m.index + m[0].length + 8).trim();
  }
  return null;
}

export function checkLogTimes(ctx: LintContext): void {
  ctx.scenario.logs.forEach((t, i) => {
    const where: [(string | number)[], string][] = [[['logs', i, 'message'], t.message]];
    for (const [k, g] of Object.entries(t.fields)) {
      const values = typeof g !== 'object' ? [g] : 'pick' in g ? g.pick : 'int' in g ? g.int : [];
      for (const v of values) where.push([['logs', i, 'fields', k], String(v)]);
    }
    for (const [path, text] of where) {
      const found = literalTime(text);
      if (found === null) continue;
      ctx.add(path, `log template ${t.id} writes a literal timestamp ("${found}"), which disagrees with the clock the line is shown at. Write the line's own time with {{time:FORMAT}}: ${describeTimeFormats()}`, 'log-times', 'warning');
      return;
    }
  });
}
