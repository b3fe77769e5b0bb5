import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectRefusal, MINI, runCli, tempDir, type Run } from '../cli/cli-helpers.js';
import { HOSTILE, rawControl } from '../support/hostile-text.js';

// Every free-text field of the command language, and the trainee's name,
// carry the payload; no byte of it may reach a terminal raw from any command
// that prints them. The text around it still shows (sanitised, not dropped).

const SCRIPT = [
  '01:40 ack',
  '01:50 sev 2',
  `02:00 status Checkout failing ${HOSTILE} next update in 10 min`,
  '02:10 escalate ops',
  `02:30 note spotted ${HOSTILE} in the logs`,
  '03:20 ask ana run config log in 1m',
  `03:30 hyp a config ${HOSTILE} change`,
  '05:30 followup ana',
  '05:50 ask ana do rollback config in 3m',
  `06:00 reply sam rolling back ${HOSTILE} now`,
  `06:10 bogusverb ${HOSTILE}`,
  `06:20 ${HOSTILE}`,
  `09:00 status Mitigated ${HOSTILE}. Next update in 10 min.`,
  `12:00 rootcause a config push ${HOSTILE} to a dead host`,
  '12:30 resolve',
  '13:00 postmortem',
  `13:30 pm summary Checkout failed ${HOSTILE} for 6 minutes`,
  `13:40 pm rootcause A config push ${HOSTILE} changed the URL`,
  `13:50 pm impact About 700 ${HOSTILE} failed checkouts`,
  `14:00 pm action prevent P1 @platform Validate ${HOSTILE} config pushes`,
  '14:20 pm submit',
].join('\n');

const TRAINEE = `mallory${HOSTILE}`;

function clean(r: Run, what: string): void {
  expect(rawControl(r.stdout), `${what}: stdout`).toBeNull();
  expect(rawControl(r.stderr), `${what}: stderr`).toBeNull();
}

describe('hostile text reaches no terminal raw', () => {
  const dir = tempDir();
  const db = join(dir, 'hostile.db');
  const script = join(dir, 'hostile.txt');
  writeFileSync(script, `${SCRIPT}\n`);

  it('play --script: the echo of every accepted command and the summary', async () => {
    const r = await runCli(['play', MINI, '--script', script, '--seed', '3', '--trainee', TRAINEE, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    clean(r, 'play --script');
    expect(r.stderr).toContain('Checkout failing');
    expect(r.stderr).toContain('bogusverb');
  });

  it('sessions lists the hostile trainee name safely', async () => {
    const r = await runCli(['sessions', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    clean(r, 'sessions');
    expect(r.stdout).toContain('mallory');
  });

  it('report (Markdown, on stdout and in the file) carries the text without the sequences', async () => {
    const r = await runCli(['report', 'latest', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    clean(r, 'report');
    expect(r.stdout).toContain('mallory');
    expect(r.stdout).toContain('Checkout failed');
    const html = await runCli(['report', 'latest', '--format', 'html', '--db', db]);
    expect(html.code, html.stderr).toBe(0);
    clean(html, 'report --format html');
  });

  it('replay --headless and examine --headless print clean frames', async () => {
    const r = await runCli(['replay', 'latest', '--at', '13:55', '--headless', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    clean(r, 'replay --headless');
    const e = await runCli(['examine', 'latest', '--headless', '--db', db]);
    expect(e.code, e.stderr).toBe(0);
    clean(e, 'examine --headless');
    expect(e.stdout).toContain('mallory');
  });

  it('export and import messages, and sessions after the import', async () => {
    const file = join(dir, 'hostile.json');
    const ex = await runCli(['export', 'latest', '--out', file, '--db', db]);
    expect(ex.code, ex.stderr).toBe(0);
    clean(ex, 'export');
    const other = join(dir, 'other.db');
    const im = await runCli(['import', file, '--db', other]);
    clean(im, 'import');
    expect(im.stdout + im.stderr).toContain('mallory');
    const s = await runCli(['sessions', '--db', other]);
    clean(s, 'sessions after import');
  });

  it('script parse errors quote the line without its sequences', async () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, `${HOSTILE}not a time ${HOSTILE}\n99:${HOSTILE} ack\n`);
    const r = await runCli(['play', MINI, '--script', bad, '--db', join(dir, 'bad.db')]);
    expect(r.code).toBe(1);
    clean(r, 'script errors');
    expect(r.stderr).toMatch(/bad\.txt:1: expected "MM:SS command"/);
  });

  it('a hostile path or session id in an error message', async () => {
    const r = await runCli(['report', `nosuch${HOSTILE}`, '--db', db]);
    expect(r.code).toBe(1);
    clean(r, 'unknown session');
  });

  it('a 1 MB command in a script is refused with the cap, nothing recorded', async () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, `01:40 ack\n02:00 status ${'x'.repeat(1 << 20)}\n`);
    const bigDb = join(dir, 'big.db');
    const r = await runCli(['play', MINI, '--script', big, '--db', bigDb]);
    expectRefusal(r, 1, /big\.txt:2: a command is at most 4 KB \(4,096 bytes\); this one is 1,048,5\d\d bytes/);
    const s = await runCli(['sessions', '--db', bigDb, '--json']);
    expect(s.stdout.trim() === '' ? [] : JSON.parse(s.stdout)).toEqual([]);
  });

  it('a script time past the end of the session is refused when the script is read', async () => {
    const late = join(dir, 'late.txt');
    writeFileSync(late, '01:40 ack\n999:59:59 ack\n');
    const r = await runCli(['play', MINI, '--script', late, '--db', join(dir, 'late.db')]);
    expectRefusal(r, 1, /late\.txt:2: 999:59:59 is past the end of the session \(\d+:\d\d: the time limit/);
  });

  it('--seed takes only a whole number', async () => {
    for (const seed of ['', ' 7', '1e3', '-1', '0x10', 'abc']) {
      const r = await runCli(['play', MINI, '--script', script, '--seed', seed, '--db', join(dir, 'seed.db')]);
      expectRefusal(r, 2, seed === '-1' ? /--seed/ : /--seed must be a whole number from 0 to/, `--seed "${seed}"`);
    }
  });
});
