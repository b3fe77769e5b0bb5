import { readFileSync } from 'node:fs';
import { lintText, type Finding } from '../../../src/scenario/lint/index.js';
import { ROLES } from '../../../src/scenario/vocabulary.js';
import { createIncidentMachine } from '../../../src/sim/incident-machine.js';

export const MINI = readFileSync('test/fixtures/mini.yaml', 'utf8');

/** Replaces one exact piece of text; fails loudly when the fixture changed under the test. */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture no longer contains: ${from}`);
  return text.replace(from, to);
}

export function lint(text: string, file = 'x.yaml'): Finding[] {
  return lintText(text, file, { createMachine: createIncidentMachine, roles: ROLES });
}

const key = (f: Finding) => `${f.path}|${f.rule}|${f.message}`;

/** Findings a variant of mini has that mini itself does not. */
export function newFindings(text: string): Finding[] {
  const base = new Set(lint(MINI).map(key));
  return lint(text).filter((f) => !base.has(key(f)));
}
