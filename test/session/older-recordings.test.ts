// Recordings made by an earlier release keep replaying exactly: each file in
// test/fixtures/recordings was exported by the release before day-scale times
// carried their date, queued asks and the consistency rules, and must still
// import and pass `replay --check` (the screen the candidate saw, decision by
// decision) and report the score it was played with.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDb } from '../cli/run-cli.js';

const DIR = 'test/fixtures/recordings';
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('recordings from an earlier release', () => {
  it('are kept as fixtures, a day-scale scenario among them', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(3);
    expect(FILES.some((f) => f.startsWith('visits-slow-query'))).toBe(true);
  });

  for (const file of FILES) {
    it(`${file}: imports, replays with --check passing`, () => {
      const db = tempDb();
      const imp = cli(['import', join(DIR, file), '--db', db, '--allow-untrusted']);
      expect(imp.code, imp.stderr).toBe(0);
      const check = cli(['replay', 'latest', '--check', '--db', db]);
      expect(check.code, check.stdout + check.stderr).toBe(0);
      expect(check.stdout).toMatch(/^ok\b/m);
    }, 60_000);
  }
});
