import { parseDuration } from '../scenario/clock-text.js';

/** A headless script: one command per line, each at a sim time (MM:SS or H:MM:SS). */
export interface ScriptLine {
  line: number;
  simMs: number;
  text: string;
}

export type ScriptResult = { ok: true; lines: ScriptLine[] } | { ok: false; errors: string[] };

export function parseScript(text: string, file: string): ScriptResult {
  const lines: ScriptLine[] = [];
  const errors: string[] = [];
  let last = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const n = i + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = /^(\d{1,3}:\d{2}(?::\d{2})?)\s+(.+)$/.exec(line);
    if (!m) {
      errors.push(`${file}:${n}: expected "MM:SS command", got "${line.slice(0, 60)}"`);
      return;
    }
    const sec = parseDuration(m[1]!);
    if (sec === null) {
      errors.push(`${file}:${n}: "${m[1]}" is not a time (MM:SS or H:MM:SS)`);
      return;
    }
    if (sec < last) {
      errors.push(`${file}:${n}: time ${m[1]} goes backwards`);
      return;
    }
    last = sec;
    lines.push({ line: n, simMs: sec * 1000, text: m[2]!.replace(/\s+#\s.*$/, '').trim() });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lines };
}
