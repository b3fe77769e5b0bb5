import { readFileSync, statSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Problem } from './problems.js';

/** Files larger than this are refused before parsing: a scenario is a few hundred KB at most. */
export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;

/** Reads a scenario file as UTF-8 text, refusing folders, oversized files and bytes that are not UTF-8. */
export function readScenarioText(path: string): { ok: true; text: string } | { ok: false; problems: Problem[] } {
  const file = path;
  const refuse = (message: string) => ({ ok: false as const, problems: [{ file, line: 1, col: 1, path: '', message }] });
  try {
    const st = statSync(path);
    if (st.isDirectory()) return refuse('is a folder; pass a .yaml file');
    if (st.size > MAX_SCENARIO_BYTES) return refuse(`file is ${st.size} bytes; a scenario must be under ${MAX_SCENARIO_BYTES}`);
    const bytes = readFileSync(path);
    if (bytes.includes(0)) return refuse('file contains a NUL byte; a scenario is a YAML text file, not binary data');
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      return refuse('file is not UTF-8 text (binary data?); save the scenario as UTF-8 YAML');
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    return refuse(`cannot read: ${why}`);
  }
}

/** Expands folders to the .yaml/.yml files inside them (not recursive). */
export function scenarioFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      /* a missing path is reported by the loader */
    }
    if (isDir) {
      for (const f of readdirSync(p).sort()) if (/\.ya?ml$/.test(f)) out.push(join(p, f));
    } else out.push(p);
  }
  return out;
}

/** The scenarios shipped with firedrill, next to the program. */
export function bundledScenarioDir(fromUrl: string): string {
  return resolve(new URL('.', fromUrl).pathname, '..', 'scenarios');
}
