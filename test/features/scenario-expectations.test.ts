// `firedrill test`: a scenario declares which scripts must score at least or
// at most what, per variant; the command plays them headless and says which
// hold. Every bundled scenario's expectations hold.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/cli-helpers.js';

/** The mini fixture with its scripts beside it and the given expectations appended. */
function miniWith(expectations: string): string {
  const dir = tempDir();
  copyFileSync('test/fixtures/mini.strong.txt', join(dir, 'mini.strong.txt'));
  copyFileSync('test/fixtures/mini.weak.txt', join(dir, 'mini.weak.txt'));
  const file = join(dir, 'mini.yaml');
  writeFileSync(file, `${readFileSync('test/fixtures/mini.yaml', 'utf8')}\n${expectations}`);
  return file;
}

describe('firedrill test', () => {
  it('holds for every bundled scenario: each strong script in its variant, the weak script in every variant', async () => {
    const r = await runCli(['test', 'scenarios', '--json'], { timeoutMs: 300_000 });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { runs: Array<{ scenario: string; variant: string; ok: boolean; score: number }>; problems: string[]; failed: number };
    expect(doc.problems).toEqual([]);
    expect(doc.failed).toBe(0);
    const scenarios = new Set(doc.runs.map((x) => x.scenario));
    expect([...scenarios].sort()).toEqual(['k8s-observability-blindspot', 'lost-orders-broker', 'menu-telemetry-partition', 'payment-fraud-dns', 's3-capacity-typo', 'tokenize-latency-apm', 'visits-slow-query']);
    expect(doc.runs.length).toBeGreaterThanOrEqual(30);
  }, 300_000);

  it('says which run missed its bound and exits 1', async () => {
    const file = miniWith('expectations:\n  - { script: mini.strong.txt, atLeast: 70 }\n  - { script: mini.weak.txt, atLeast: 70 }\n');
    const r = await runCli(['test', file], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^ok {4}mini-checkout {2}bad-config {2}seed 1 {2}mini\.strong\.txt {2}\d+\/100 {2}\(expected ≥ 70\)$/m);
    expect(r.stdout).toMatch(/^FAIL {2}mini-checkout {2}bad-config {2}seed 1 {2}mini\.weak\.txt {2}\d+\/100 {2}\(expected ≥ 70\)$/m);
    expect(r.stdout).toMatch(/^4 runs: 2 passed, 2 failed$/m);
  });

  it('refuses a scenario without expectations, a missing script and an unknown variant, with the reason', async () => {
    const none = await runCli(['test', 'test/fixtures/mini.yaml'], { timeoutMs: 60_000 });
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/declares no expectations; add an `expectations:` list/);
    const missing = await runCli(['test', miniWith('expectations:\n  - { script: nowhere.txt, atMost: 50 }\n')], { timeoutMs: 60_000 });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/cannot read script nowhere\.txt: no such file/);
    const unknown = await runCli(['test', miniWith('expectations:\n  - { script: mini.strong.txt, variants: [no-such], atLeast: 1 }\n')], { timeoutMs: 60_000 });
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toMatch(/expectations\.0\.variants\.0 {2}unknown variant "no-such"/);
    const boundless = await runCli(['test', miniWith('expectations:\n  - { script: mini.strong.txt }\n')], { timeoutMs: 60_000 });
    expect(boundless.stdout).toMatch(/an expectation needs atLeast or atMost/);
  });
});
