import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDb } from '../cli/run-cli.js';

/** `firedrill report SESSION --format md|html|json [--out FILE]` on a recorded session. */
describe('firedrill report formats', () => {
  let db = '';
  let session = '';
  const dir = mkdtempSync(join(tmpdir(), 'fd-formats-'));
  beforeAll(() => {
    db = tempDb();
    const r = cli(['play', 'test/fixtures/mini.yaml', '--script', 'test/fixtures/mini.weak.txt', '--seed', '3', '--json', '--quiet'], { FIREDRILL_DB: db });
    expect(r.code, r.stderr).toBe(0);
    session = JSON.parse(r.stdout).session;
  });

  it('writes one self-contained HTML file that says it is a drill', () => {
    const out = join(dir, 'r.html');
    const r = cli(['report', session, '--format', 'html', '--out', out], { FIREDRILL_DB: db });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toMatch(/<title>Training drill report/);
    expect(html).toMatch(/<style>/);
    expect(html).toMatch(/<svg class="chart"/);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:\/\//);
    expect(html).toMatch(/class="decision /);
    for (const t of ['MTTA', 'To SEV', 'To mitigate', 'To resolve', 'Postmortem']) expect(html).toContain(t);
    expect(html).toMatch(/What a strong IC does/);
    expect(html).toMatch(/Be more careful with config/);
    expect(html).toMatch(/band-blameful/);
  });

  it('prints JSON with the full score, timings, timeline, items and reference', () => {
    const r = cli(['report', session, '--format', 'json'], { FIREDRILL_DB: db });
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.drill).toBe(true);
    expect(j.notice).toMatch(/Training drill/);
    expect(j.score.checkpoints.length).toBeGreaterThan(5);
    expect(j.score.items).toHaveLength(2);
    expect(j.timings).toMatchObject({ mttaS: expect.any(Number) });
    expect(j.timings.rows.map((x: { id: string }) => x.id)).toEqual(['mtta', 'sev', 'mttm', 'mttr', 'postmortem']);
    expect(j.timeline.length).toBeGreaterThan(3);
    expect(j.items[0]).toMatchObject({ n: 1, blameful: true, band: 'blameful' });
    expect(j.items[1]).toMatchObject({ n: 2, vague: true });
    expect(j.reference.length).toBeGreaterThan(3);
    expect(j.outcome).toBe('resolved');
    expect(j.outcomeDetail).toBe('resolved-fault-active');
    expect(j.referencePlay).toMatchObject({ outcome: 'resolved', outcomeDetail: 'resolved' });
    expect(j.reference.filter((x: { strong: string | null }) => x.strong !== null).length).toBeGreaterThan(3);
    expect(j.harm.map((h: { id: string }) => h.id)).toContain('score');
  });

  it('keeps Markdown the default, with judged items and the reference timeline', () => {
    const r = cli(['report', session], { FIREDRILL_DB: db });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Training drill/);
    expect(r.stdout).toMatch(/## Timings/);
    expect(r.stdout).toMatch(/blameful -50% —/);
    expect(r.stdout).toMatch(/better: /);
    expect(r.stdout).toMatch(/\| By \| Target \| Step \| Strong IC \(reference\) \| You \|/);
    expect(r.stdout).toMatch(/## Harm: you and the reference play/);
  });

  it('refuses an unknown format with exit 2', () => {
    const r = cli(['report', session, '--format', 'pdf'], { FIREDRILL_DB: db });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/md, html, json/);
  });
});
