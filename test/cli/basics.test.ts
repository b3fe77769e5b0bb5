import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDb } from './run-cli.js';

describe('firedrill command line', () => {
  it('validates the shipped scenarios', () => {
    const r = cli(['validate', 'scenarios']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok {2}scenarios\/.+\.yaml/m);
  });

  it('points at file:line:col for a broken scenario and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-bad-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync('test/fixtures/mini.yaml', 'utf8').replace('timeLimitMin: 30', 'timeLimitMin: -3'));
    const r = cli(['validate', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`${bad.replace(/[/.]/g, '\\$&')}:\\d+:\\d+ {2}timeLimitMin {2}`));
    expect(r.stdout + r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('lists scenarios as JSON', () => {
    const r = cli(['list', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; timeLimitMin: number }[];
    expect(rows.map((x) => x.id)).toContain('payment-fraud-dns');
  });

  it('refuses interactive play without a TTY and points to --script', () => {
    const r = cli(['play', 'payment-fraud-dns'], { FIREDRILL_DB: tempDb() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--script/);
    const bare = cli([], { FIREDRILL_DB: tempDb() });
    expect(bare.code).toBe(1);
    expect(bare.stderr).toMatch(/--script/);
  });

  it('answers usage errors with exit 2 and unknown sessions with exit 1, without stack traces', () => {
    expect(cli(['play', '--bogus']).code).toBe(2);
    expect(cli(['frobnicate']).code).toBe(2);
    const r = cli(['verify', 'NOPE'], { FIREDRILL_DB: tempDb() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/NOPE/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('plays a script headless, records it, verifies it, and prints a frame from the recording', () => {
    const db = tempDb();
    const r = cli(['play', 'test/fixtures/mini.yaml', '--script', 'test/fixtures/mini.strong.txt', '--seed', '3', '--json', '--quiet'], { FIREDRILL_DB: db });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.outcome).toBe('resolved');
    expect(out.outcomeDetail).toBe('resolved');
    expect(out.score.total).toBeGreaterThan(70);
    // The chat the candidate saw travels with the result: a responder's report, in sim order.
    expect(out.transcript).toContainEqual({ at: '5:20', channel: 'chat', from: 'Ana → you', text: 'config change log: 20:58 push: payments.url=pay-old.internal' });
    const ats = (out.transcript as Array<{ at: string }>).map((t) => t.at.split(':').reduce((m, s) => m * 60 + Number(s), 0));
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
    expect(readFileSync(out.report, 'utf8')).toMatch(/Training drill/);
    const v = cli(['verify', 'latest', '--json'], { FIREDRILL_DB: db });
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ session: out.session, ok: true, brokenAt: null });
    const s = cli(['sessions', '--json'], { FIREDRILL_DB: db });
    expect(JSON.parse(s.stdout)[0]).toMatchObject({ id: out.session, scenario: 'mini-checkout', outcome: 'resolved' });
    const f = cli(['replay', out.session, '--at', '05:00', '--headless', '--width', '120', '--height', '36'], { FIREDRILL_DB: db });
    expect(f.code).toBe(0);
    expect(f.stdout).toContain('POST /checkout');
    expect(f.stdout).toContain('Tue 21:05:00');
    expect(f.stdout).toContain('SEV-2');
    const told = cli(['play', 'test/fixtures/mini.yaml', '--script', 'test/fixtures/mini.strong.txt', '--seed', '3'], { FIREDRILL_DB: tempDb() });
    expect(told.stderr).toMatch(/accepted #\d+ +5:30  followup ana[^\n]*\n(.*\n)*? +5:30  Ana: Nothing outstanding/);
    expect(told.stderr).toContain('5:20  Ana → you: config change log: 20:58 push: payments.url=pay-old.internal');
  });

  it('plays a script at the scenario file\'s own difficulty unless --difficulty says otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'firedrill-difficulty-'));
    const hard = join(dir, 'mini-hard.yaml');
    writeFileSync(hard, readFileSync('test/fixtures/mini.yaml', 'utf8').replace(/^difficulty: \w+$/m, 'difficulty: hard'));
    expect(readFileSync(hard, 'utf8')).toMatch(/^difficulty: hard$/m);
    const db = tempDb();
    const script = ['--script', 'test/fixtures/mini.strong.txt', '--seed', '3', '--json', '--quiet'];
    expect(cli(['play', hard, ...script], { FIREDRILL_DB: db }).code).toBe(0);
    expect(cli(['play', hard, ...script, '--difficulty', 'easy'], { FIREDRILL_DB: db }).code).toBe(0);
    const rows = JSON.parse(cli(['sessions', '--json'], { FIREDRILL_DB: db }).stdout) as Array<{ difficulty: string; startedAt: string }>;
    expect(rows.map((r) => r.difficulty).sort()).toEqual(['easy', 'hard']);
  });
});
