import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText, MAX_SCENARIO_BYTES } from '../../../src/scenario/index.js';
import { cli } from '../../cli/run-cli.js';
import { MINI } from './helpers.js';

/** 9 × 9 × … aliases: a billion nodes if expanded. */
function aliasBomb(): string {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 12; i++) {
    const name = String.fromCharCode(97 + i);
    const prev = String.fromCharCode(96 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return lines.join('\n');
}

const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));

/** Each kind of malformed input, and what the message must say. */
const CASES: { name: string; content: string | Buffer; says: RegExp }[] = [
  { name: 'empty', content: '', says: /file is empty/ },
  { name: 'binary', content: binary, says: /NUL byte|not UTF-8|control character/ },
  { name: 'not-utf8', content: Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xe9, 0xff, 0x0a]), says: /not UTF-8 text/ },
  { name: 'not-a-mapping', content: '- one\n- two\n', says: /must be a mapping/ },
  { name: 'a-scalar', content: 'just words\n', says: /must be a mapping/ },
  { name: 'wrong-types', content: MINI.replace('timeLimitMin: 30', 'timeLimitMin: thirty'), says: /timeLimitMin {2}Invalid input: expected number/ },
  { name: 'duplicate-keys', content: `${MINI}\ntitle: again\n`, says: /duplicate key "title"/ },
  { name: 'deep-nesting', content: '['.repeat(10_000), says: /nests too deeply/ },
  { name: 'deep-nesting-closed', content: `a: ${'['.repeat(200)}1${']'.repeat(200)}\n`, says: /nests more than 64 levels/ },
  { name: 'nul-byte', content: 'id: a\u0000b\n', says: /NUL byte/ },
  { name: 'huge', content: `a: "${'x'.repeat(20 * 1024 * 1024)}"\n`, says: new RegExp(`a scenario must be under ${MAX_SCENARIO_BYTES}`) },
  { name: 'alias-bomb', content: aliasBomb(), says: /too many aliases/ },
  { name: 'js-function-tag', content: MINI.replace('title: Checkout errors after a config push', 'title: !!js/function "function () { return process.exit(9) }"'), says: /tag !!js\/function is not allowed/ },
  { name: 'unquoted-negation', content: MINI.replace('{ when: "onset & !rolled-back", set: 80', '{ when: !rolled-back, set: 80'), says: /metrics\.0\.effects\.0\.when {2}YAML reads !rolled-back as a tag, not a condition: quote a condition that starts with "!" \(when: '!rolled-back'\)/ },
  { name: 'custom-tag', content: MINI.replace('title: Checkout errors after a config push', 'title: !shell "rm -rf /"'), says: /tag !shell is not allowed/ },
];

describe('validate refuses malformed input with the file name and what is wrong', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fd-malformed-'));
  for (const c of CASES) {
    it(c.name, () => {
      const file = join(dir, `${c.name}.yaml`);
      writeFileSync(file, c.content);
      const t0 = Date.now();
      const r = cli(['validate', file]);
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`${file}:`);
      expect(r.stdout).toMatch(c.says);
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|unexpected error|RangeError|TypeError/);
      expect(r.stdout.split('\n').length).toBeLessThan(30);
    });
  }

  it('never runs a tag, in process either', () => {
    const r = loadScenarioText(MINI.replace('title: Checkout errors after a config push', 'title: !!js/function "function () { throw new Error(1) }"'), 'x.yaml');
    expect(r.ok).toBe(false);
  });
});
