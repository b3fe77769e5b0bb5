// What `npm pack` makes installs and runs in a folder of its own: the
// tarball carries the built program, the scenarios and the data (package.json
// "files"), npm links its bin, and `npx firedrill` plays a script headless.
//
// Without the network: the folder is given the package's runtime
// dependencies first, hard-linked from this checkout's node_modules (the
// versions package-lock.json pins, better-sqlite3 already compiled), so npm
// installs the tarball --offline and has nothing to fetch. npm pack runs
// with --ignore-scripts: prepack would rebuild dist/ under the other tests
// that run the program; the suite's global setup has just built it.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'firedrill-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A copy of a folder made of hard links (symlinks copied as they are). */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [src, dst] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isSymbolicLink()) symlinkSync(readlinkSync(src), dst);
    else if (entry.isDirectory()) linkTree(src, dst);
    else linkSync(src, dst);
  }
}

/** The top-level packages package-lock.json installs for production. */
function runtimePackages(): string[] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  return Object.entries(lock.packages)
    .filter(([path, p]) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(path) && p.dev !== true)
    .map(([path]) => path);
}

describe('the packed package', () => {
  it('installs from its tarball in an empty folder; npx firedrill --version and a headless play work', () => {
    const out = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], root);
    const [packed] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    const shipped = packed!.files.map((f) => f.path);
    expect(shipped).toEqual(expect.arrayContaining(['bin/firedrill.js', 'dist/firedrill.mjs', 'scenarios/payment-fraud-dns.yaml', 'README.md', 'package.json']));
    // The action-item development set is for the benchmarks and tests only; the judge needs no data file.
    expect(shipped.filter((p) => p.startsWith('data/'))).toEqual([]);
    expect(shipped.some((p) => p.startsWith('dist/scenario-cache/'))).toBe(true);
    // The bundled scenarios' scripts ship so `firedrill test` works on an installed copy; no other test file does.
    expect(shipped.filter((p) => /^(src|test|bench|scripts)\//.test(p) && !/^test\/scripts\/[\w.-]+\.txt$/.test(p))).toEqual([]);
    expect(shipped).toContain('test/scripts/payment-fraud-dns.strong.txt');

    const app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "drill-room", "private": true }\n');
    for (const path of runtimePackages()) linkTree(join(root, path), join(app, path));
    npm(['install', '--offline', '--ignore-scripts', join(work, packed!.filename)], app);

    const env = { ...process.env, NO_COLOR: '1', FIREDRILL_DB: join(work, 'drill.db') };
    const version = spawnSync('npx', ['--offline', 'firedrill', '--version'], { cwd: app, env, encoding: 'utf8' });
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);

    copyFileSync(join(root, 'test', 'scripts', 'payment-fraud-dns.strong.txt'), join(app, 'drill.txt'));
    const play = spawnSync('npx', ['--offline', 'firedrill', 'play', 'payment-fraud-dns', '--script', 'drill.txt', '--seed', '1', '--json'], { cwd: app, env, encoding: 'utf8' });
    expect(play.status, play.stderr).toBe(0);
    expect(JSON.parse(play.stdout)).toMatchObject({ scenario: 'payment-fraud-dns', outcome: 'resolved', score: { total: expect.any(Number) } });

    const declared = spawnSync('npx', ['--offline', 'firedrill', 'test', join('node_modules', 'firedrill', 'scenarios', 'payment-fraud-dns.yaml')], { cwd: app, env, encoding: 'utf8' });
    expect(declared.status, declared.stdout + declared.stderr).toBe(0);
    expect(declared.stdout).toMatch(/runs: \d+ passed, 0 failed/);
  }, 240_000);
});
