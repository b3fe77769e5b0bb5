// A recording kept on read-only media (the database file and its folder
// chmod'ed read-only, as on a mounted evidence disk): every command that only
// reads works there — verify, replay (headless and --check), sessions,
// report — and nothing is written: the file keeps its bytes and no -wal or
// -shm file appears beside it. Run as `nobody` when the tests run as root,
// since root ignores file permissions.
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { canRunAsNobody, isRoot, runCli, seededDb, sha256, tempDir, type Run } from './cli-helpers.js';

vi.setConfig({ testTimeout: 90_000 });

const folder = join(tempDir(), 'evidence');
mkdirSync(folder);
const db = join(folder, 'firedrill.db');
const as = isRoot ? { uid: 65534 } : {};
const usable = !isRoot || canRunAsNobody();

afterAll(() => {
  // Give the folder back so the temporary tree can be removed.
  if (existsSync(folder)) chmodSync(folder, 0o755);
});

function ok(r: Run, what: string): void {
  expect(r.code, `${what}\nstderr: ${r.stderr}\nstdout: ${r.stdout}`).toBe(0);
  expect(r.stderr, what).not.toMatch(/read-only|cannot|unexpected error/);
}

describe('a database on read-only media', () => {
  it.runIf(usable)('verify, replay --at --headless, replay --check, sessions and report read it and write nothing', async () => {
    await seededDb(folder);
    chmodSync(db, 0o444);
    chmodSync(folder, 0o555);
    const digest = sha256(db);
    const listing = readdirSync(folder).sort();
    expect(listing).not.toContain('firedrill.db-wal');

    const run = (...args: string[]) => runCli([...args, '--db', db], as);
    const verify = await run('verify', 'latest');
    ok(verify, 'verify');
    expect(verify.stdout).toMatch(/^ok +\S+ +\d+ events, chain intact; signed by /);
    const all = await run('verify', '--all', '--json');
    ok(all, 'verify --all');
    expect(JSON.parse(all.stdout)).toMatchObject([{ ok: true, brokenAt: null }]);

    const frame = await run('replay', 'latest', '--at', '05:00', '--headless');
    ok(frame, 'replay --headless');
    expect(frame.stdout).toContain('Dashboard');
    const check = await run('replay', 'latest', '--check');
    ok(check, 'replay --check');
    expect(check.stdout).toMatch(/^ok +\S+: the replay matches the candidate's screen after all \d+ checked decisions/);

    const sessions = await run('sessions', '--json');
    ok(sessions, 'sessions');
    expect(JSON.parse(sessions.stdout)).toMatchObject([{ scenario: 'mini-checkout', outcome: 'resolved' }]);
    const report = await run('report', 'latest');
    ok(report, 'report');
    expect(report.stdout).toMatch(/Training drill/);

    expect(sha256(db)).toBe(digest);
    expect(readdirSync(folder).sort()).toEqual(listing); // no -wal, -shm or report written beside it
  });

  it('looking at a database that does not exist creates none', async () => {
    const missing = join(tempDir(), 'none', 'firedrill.db');
    const sessions = await runCli(['sessions', '--db', missing]);
    ok(sessions, 'sessions');
    expect(sessions.stdout).toContain('no sessions recorded yet');
    const verify = await runCli(['verify', 'latest', '--db', missing]);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toMatch(/no session "latest": there is no database at .*none\/firedrill\.db yet/);
    const report = await runCli(['report', 'latest', '--db', missing]);
    expect(report.code).toBe(1);
    expect(existsSync(join(missing, '..'))).toBe(false);
  });
});
