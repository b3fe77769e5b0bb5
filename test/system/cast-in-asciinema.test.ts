// The .cast export played by the real asciinema (Debian's package).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDb } from '../cli/run-cli.js';

describe('export --format cast in asciinema', () => {
  it('asciinema cat and play read the file and show the decisions', () => {
    const db = tempDb();
    const played = cli(['play', 'test/fixtures/mini.yaml', '--script', 'test/fixtures/mini.strong.txt', '--seed', '6', '--quiet', '--json'], { FIREDRILL_DB: db });
    expect(played.code, played.stderr).toBe(0);
    const id = (JSON.parse(played.stdout) as { session: string }).session;
    const file = join(dirname(db), 'x.cast');
    const r = cli(['export', id, '--format', 'cast', '--out', file, '--step', '10', '--speed', '20'], { FIREDRILL_DB: db });
    expect(r.code, r.stderr).toBe(0);
    // asciinema needs a terminal even for cat: script(1) gives it one.
    for (const cmd of [`asciinema cat ${file}`, `asciinema play -s 100 -i 0.01 ${file}`]) {
      const a = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', timeout: 60_000 });
      expect(a.status, `${cmd}: ${a.stderr}${a.stdout.slice(-500)}`).toBe(0);
      expect(a.stdout).toContain('sev 2');
    }
  }, 120_000);
});
