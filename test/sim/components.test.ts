// A scenario written with components plays like one written by hand: its
// generated series move as the degradations say, its generated rules page,
// strong and weak play separate, and lint finds nothing to complain about.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, tempDb } from '../cli/run-cli.js';
import { playText } from '../helpers.js';
import { lint } from '../scenario/lint/helpers.js';

const FIXTURE = 'test/fixtures/components.yaml';
const STRONG = readFileSync('test/fixtures/components.strong.txt', 'utf8');
const WEAK = readFileSync('test/fixtures/components.weak.txt', 'utf8');

describe('a scenario written with components', () => {
  it('lints clean, strictly', () => {
    expect(lint(readFileSync(FIXTURE, 'utf8'), FIXTURE)).toEqual([]);
  });

  for (const variant of ['pool-leak', 'slow-query']) {
    it(`${variant}: strong play scores far above weak play`, async () => {
      const strong = await playText(FIXTURE, STRONG, 1, variant);
      const weak = await playText(FIXTURE, WEAK, 1, variant);
      expect(strong.score.total).toBeGreaterThanOrEqual(80);
      expect(weak.score.total).toBeLessThanOrEqual(30);
    });
  }

  it('plays exactly like the same scenario written out by hand', async () => {
    for (const script of [STRONG, WEAK]) {
      const short = await playText(FIXTURE, script, 2, 'slow-query');
      const long = await playText('test/fixtures/components-expanded.yaml', script, 2, 'slow-query');
      expect(JSON.stringify(short.session.engine.state)).toBe(JSON.stringify(long.session.engine.state));
      expect(short.score).toEqual(long.score);
    }
  });

  it('its series move as the degradations say, in the variant they name', async () => {
    const { session } = await playText(FIXTURE, STRONG, 1, 'pool-leak');
    const at = (id: string, sec: number) => session.engine.metricAt(id, sec)!;
    // healthy before the onset at 1:00
    expect(at('checkout-api.errors', 50)).toBeLessThan(1);
    expect(at('checkout-api.p95', 50)).toBeGreaterThan(80);
    expect(at('checkout-api.p95', 50)).toBeLessThan(160);
    // degraded once ramped: 35 % errors, four times slower, connections at the limit
    expect(at('checkout-api.errors', 200)).toBeGreaterThan(30);
    expect(at('checkout-api.errors', 200)).toBeLessThan(40);
    expect(at('checkout-api.p95', 200)).toBeGreaterThan(400);
    expect(at('orders-db.connections', 200)).toBeGreaterThan(90);
    // the slow-query degradation is not this variant's
    expect(at('orders-db.p95', 200)).toBeLessThan(16);
    // the rollback (asked at 5:50, done after 3 min and 30 s of delay) ends it
    expect(at('checkout-api.errors', 600)).toBeLessThan(1);
    const pages = session.engine.state.pages.map((p) => p.id);
    expect(pages).toContain('checkout-api.errors-high#1');
    expect(pages).toContain('orders-db.connections-high#1');
  });

  it('its failing lines say why, and the error evidence is found through them', async () => {
    const { session } = await playText(FIXTURE, STRONG, 1, 'pool-leak');
    expect(Object.keys(session.engine.state.evidence)).toContain('error-logs');
    const lines = session.engine.logsAt(200).filter((l) => l.level === 'error').map((l) => l.message);
    expect(lines.some((t) => t.includes('timeout acquiring a connection to orders-db'))).toBe(true);
  });

  it('a recorded session replays with --check passing', () => {
    const db = tempDb();
    const r = cli(['play', FIXTURE, '--script', 'test/fixtures/components.strong.txt', '--seed', '3', '--quiet', '--json'], { FIREDRILL_DB: db });
    expect(r.code, r.stderr).toBe(0);
    const id = (JSON.parse(r.stdout) as { session: string }).session;
    const check = cli(['replay', id, '--check'], { FIREDRILL_DB: db });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/^ok\b/m);
  }, 60_000);
});
