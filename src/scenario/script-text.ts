import { formatClock, parseDuration } from './clock-text.js';

/**
 * Script text (headless play, tests, a scenario's reference play): one
 * command per line, each at a sim time (MM:SS or H:MM:SS) that never goes
 * backwards; `#` comments and blank lines are skipped.
 */
export interface ScriptLine {
  line: number;
  simMs: number;
  text: string;
  /**
   * A `wait joined(NAME)` / `wait flag(NAME)` line: not a command but a pause
   * of the script until the responder has joined or the flag is up; the
   * lines after it keep their spacing, counted from when it was met.
   */
  wait?: ScriptWait;
}

export interface ScriptWait {
  kind: 'joined' | 'flag';
  name: string;
}

const WAIT = /^wait\s+(joined|flag)\(\s*([^()\s]+)\s*\)$/i;

export type ScriptResult = { ok: true; lines: ScriptLine[] } | { ok: false; errors: string[] };

export interface ScriptLimits {
  /**
   * The last sim second a command can matter (the time limit plus the
   * postmortem's countdown): a later time is refused here, rather than the
   * clock being run for hours to reach it.
   */
  endSec?: number;
  /** How the end is described in the message ("the time limit 30:00 and a 15:00 postmortem"). */
  endWhat?: string;
  /** Why a raw line is refused before it is read (too long for a command), or null. */
  refuseLine?: (raw: string) => string | null;
}

const MAX_ERRORS = 20;

export function parseScriptText(text: string, file: string, limits: ScriptLimits = {}): ScriptResult {
  const lines: ScriptLine[] = [];
  const errors: string[] = [];
  let last = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    if (errors.length >= MAX_ERRORS) return;
    const n = i + 1;
    const tooLong = limits.refuseLine?.(raw) ?? null;
    if (tooLong) {
      errors.push(`${file}:${n}: ${tooLong}`);
      return;
    }
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
    if (limits.endSec !== undefined && sec > limits.endSec) {
      errors.push(`${file}:${n}: ${m[1]} is past the end of the session (${formatClock(limits.endSec)}: ${limits.endWhat ?? 'the time limit'})`);
      return;
    }
    last = sec;
    const text = m[2]!.replace(/\s+#\s.*$/, '').trim();
    if (/^wait\b/i.test(text)) {
      const w = WAIT.exec(text);
      if (!w) {
        errors.push(`${file}:${n}: "${text.slice(0, 60)}": a script waits with "wait joined(NAME)" or "wait flag(NAME)"`);
        return;
      }
      lines.push({ line: n, simMs: sec * 1000, text, wait: { kind: w[1]!.toLowerCase() as ScriptWait['kind'], name: w[2]! } });
      return;
    }
    lines.push({ line: n, simMs: sec * 1000, text });
  });
  if (errors.length >= MAX_ERRORS) errors.push(`${file}: stopped after ${MAX_ERRORS} problems`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lines };
}
