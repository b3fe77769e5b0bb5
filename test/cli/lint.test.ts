import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN, cli, tempDb } from './run-cli.js';
import { edit, MINI } from '../scenario/lint/helpers.js';

/** Runs the bundled program in a folder (for `new`, which writes next to you). */
function cliIn(cwd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const noTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

/** A strong run of the skeleton: ack the page, declare, delegate with time-boxes, roll back, resolve, postmortem. */
const SKELETON_SCRIPT = `# skeleton scenario, a decisive commander
02:50 ack
03:00 sev 2
03:10 status Search is failing for most users; investigating a recent deploy. Next update in 10 min.
03:20 escalate search
03:30 logs service=search-api level=error
04:30 ask ana run deploy history in 3m
05:00 hyp the 20:58 deploy of search-api 4.2.0 broke the index client
07:00 ask ana do rollback search-api in 3m
07:30 reply sam Search is failing for most users; rolling back now; next update in 10 minutes.
12:00 status Mitigated: rolled back search-api, errors back to normal. Next update in 15 min.
12:30 rootcause release 4.2.0 deploy shipped an index client that times out
13:00 resolve
13:30 postmortem
13:40 pm summary Search failed for about 8 minutes after deploy 4.2.0 broke the index client.
13:50 pm rootcause Release 4.2.0 shipped an index client that timed out on every query.
14:00 pm impact Most search requests failed for about 8 minutes.
14:10 pm action prevent P1 @search Add canary deploys for search-api releases with automatic rollback on 5xx above 2%
14:20 pm action detect P1 @search Alert when search 5xx exceeds 2% for 2 minutes
14:30 pm submit
`;

describe('firedrill lint', () => {
  it('passes the shipped scenarios (exit 0)', () => {
    const r = cli(['lint', 'scenarios']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok {2}scenarios\/payment-fraud-dns\.yaml {2}\(payment-fraud-dns\)$/m);
    expect(r.stdout).not.toMatch(/:\d+:\d+ {2}\S+ {2}(?!warning:)/);
    expect(r.stderr).not.toMatch(/[1-9]\d* errors?/);
  });

  it('exits 1 with file:line:col, the path and what to change; --json prints the findings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-lint-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, edit(edit(MINI, 'mitigatedWhen: "onset & rolled-back"', 'mitigatedWhen: "onset & failed-over"'), '    sets: [db-down]\n', '    sets: [db-down]\n    clears: [failed-over]\n'));
    const r = cli(['lint', bad]);
    expect(r.code).toBe(1);
    const line = readFileSync(bad, 'utf8').split('\n').findIndex((l) => l.startsWith('mitigatedWhen')) + 1;
    expect(r.stdout).toContain(`${bad}:${line}:16  mitigatedWhen  mitigatedWhen "onset & failed-over" can never become true after onset`);
    expect(r.stderr).toMatch(/1 error, 1 warning in 1 file/);
    noTrace(r.stdout + r.stderr);
    const j = cli(['lint', bad, '--json']);
    expect(j.code).toBe(1);
    const findings = JSON.parse(j.stdout) as { file: string; line: number; col: number; path: string; message: string; severity: string }[];
    expect(findings.find((f) => f.severity === 'error')).toMatchObject({ file: bad, line, col: 16, path: 'mitigatedWhen' });
  });

  it('lets warnings pass unless --strict', () => {
    const r = cli(['lint', 'test/fixtures/mini.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/warning: action restart-db sets "db-down"/);
    expect(cli(['lint', '--strict', 'test/fixtures/mini.yaml']).code).toBe(1);
  });

  it('reports a file that does not validate, and usage errors with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-lint-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, edit(MINI, '    kind: mitigation\n', '    kind: mitigation\n    requires: rolled-bak\n'));
    const r = cli(['lint', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`bad\\.yaml:\\d+:\\d+ {2}actions\\.0\\.requires {2}unknown flag "rolled-bak"`));
    expect(cli(['lint']).code).toBe(2);
  });
});

describe('firedrill new and schema', () => {
  it('new demo writes a skeleton that validates, lints clean and plays to a full score', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-new-'));
    const db = join(dir, 'fd.db');
    const made = cliIn(dir, ['new', 'demo']);
    expect(made.code).toBe(0);
    expect(existsSync(join(dir, 'demo.yaml'))).toBe(true);
    const again = cliIn(dir, ['new', 'demo']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/demo\.yaml already exists/);
    expect(cliIn(dir, ['new', 'Not An Id']).code).toBe(2);

    const v = cliIn(dir, ['validate', 'demo.yaml']);
    expect(v.stdout).toMatch(/^ok {2}demo\.yaml {2}\(demo\)/m);
    expect(v.code).toBe(0);
    const l = cliIn(dir, ['lint', 'demo.yaml']);
    expect(l.stdout).toBe('ok  demo.yaml  (demo)\n');
    expect(l.code).toBe(0);
    writeFileSync(join(dir, 'strong.txt'), SKELETON_SCRIPT);
    const p = cliIn(dir, ['play', 'demo.yaml', '--script', 'strong.txt', '--json', '--quiet', '--seed', '1'], { FIREDRILL_DB: db });
    expect(p.stderr).toBe('');
    expect(p.code).toBe(0);
    const out = JSON.parse(p.stdout) as { outcome: string; score: { total: number; max: number } };
    expect(out.outcome).toBe('resolved');
    expect(out.score).toMatchObject({ total: 100, max: 100 });

    const other = join(dir, 'sub.yaml');
    expect(cliIn(dir, ['new', 'other', '--out', other]).code).toBe(0);
    expect(readFileSync(other, 'utf8')).toMatch(/^id: other$/m);
  });

  it('schema --out writes a JSON Schema that accepts the shipped scenarios', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-schema-'));
    const file = join(dir, 'scenario.schema.json');
    const r = cli(['schema', '--out', file]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const check = new Ajv2020({ strict: false }).compile(schema);
    expect(check(parse(readFileSync('scenarios/payment-fraud-dns.yaml', 'utf8')))).toBe(true);
    const stdout = cli(['schema']);
    expect(JSON.parse(stdout.stdout)).toEqual(schema);
    expect(tempDb()).toMatch(/firedrill\.db$/);
  });
});
