// Hostile export files are refused before anything is written: not JSON, a
// 10,000-deep payload, a snapshot that is not a gzip of JSON, a file over the
// size cap. Each is exit 1 (or 3 for an integrity failure) naming the file,
// never the "unexpected error" of exit 70, and the database stays empty.
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli, seededDb, tempDir } from './cli-helpers.js';

vi.setConfig({ testTimeout: 120_000 });

describe('import checks a file before anything lands', () => {
  it('not JSON, a 10,000-deep payload, a garbled snapshot, an oversized file: refused with the file named, nothing written', async () => {
    const dir = tempDir();
    const db = await seededDb(dir);
    const good = join(dir, 'good.json');
    expect((await runCli(['export', 'latest', '--out', good, '--db', db])).code).toBe(0);
    const doc = JSON.parse(readFileSync(good, 'utf8')) as Record<string, unknown>;

    const files: Record<string, string> = {};
    const put = (name: string, text: string) => {
      files[name] = join(dir, `${name}.json`);
      writeFileSync(files[name]!, text);
    };
    put('not-json', '{"format": "firedrill-session", ');
    const deep = `${'['.repeat(10_000)}0${']'.repeat(10_000)}`;
    const text = JSON.stringify(doc);
    put('deep-payload', text.replace(/"payload":\{/u, `"payload":{"deep":${deep},`));
    // the packed snapshot ({ encoding, bytes, data }): data that is not a gzip of the scenario
    const garbled = structuredClone(doc) as unknown as { scenario: { data: string } };
    garbled.scenario.data = Buffer.from('not a gzip stream at all').toString('base64');
    put('garbled-snapshot', JSON.stringify(garbled));
    put('oversized', text);
    truncateSync(files.oversized!, 200 * 1024 * 1024); // sparse: larger than the cap without using the disk

    const fresh = join(dir, 'fresh.db');
    for (const [name, file] of Object.entries(files)) {
      const r = await runCli(['import', file, '--db', fresh]);
      const all = `${name}: exit ${r.code}\n${r.stderr}${r.stdout}`;
      expect([1, 3], all).toContain(r.code);
      expect(r.stderr, all).toContain(file);
      expect(r.stderr, all).not.toMatch(/unexpected error|full trace|^\s+at /m);
    }
    const listed = await runCli(['sessions', '--json', '--db', fresh]);
    expect(listed.stdout.trim() === '' ? [] : JSON.parse(listed.stdout)).toEqual([]);
  });
});
