import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { keyMetrics } from '../../src/scoring/chart.js';
import { renderHtml } from '../../src/scoring/report-html.js';
import { play } from '../helpers.js';

/**
 * Renders the HTML report of a scripted session in headless Chromium (the
 * Debian package; .ci/run installs it), screenshots it and checks through
 * the DOM that the chart is really drawn. No browser is downloaded.
 */
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
interface Box {
  w: number;
  h: number;
}
interface DomFacts {
  title: string;
  banner: string;
  scripts: number;
  chart: Box;
  polylines: ({ metric: string | null; points: number } & Box)[];
  decisions: { title: string; line: Box }[];
  items: number;
  reasons: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('the HTML report in a browser', () => {
  it('draws the chart with its polylines and a marker per decision, offline, and screenshots', { timeout: 90_000 }, async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}. .ci/run installs it (apt-get install -y chromium); locally: apt-get install -y chromium`);
    const r = await play('scenarios/payment-fraud-dns.yaml', 'test/scripts/payment-fraud-dns.strong.txt');
    const world = r.session.engine.state;
    const meta = { sessionId: r.session.id, seed: 1, trainee: 'test', mode: 'solo', difficulty: 'normal', startedAt: '2026-01-01T00:00:00.000Z', revealTruth: true, chainVerified: true };
    const html = renderHtml(r.session.scenario, world, r.score, meta, r.session.engine);
    const dir = mkdtempSync(join(tmpdir(), 'fd-report-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, html);

    const ctx = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1200, height: 900 } });
    try {
      const page = await ctx.newPage();
      const fetched: string[] = [];
      page.on('request', (req) => {
        if (!req.url().startsWith('file:')) fetched.push(req.url());
      });
      await page.route((url) => url.protocol !== 'file:', (route) => route.abort());
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      const png = join(dir, 'report.png');
      await page.screenshot({ path: png, fullPage: true });
      const buf = readFileSync(png);
      expect(buf.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(buf.toString('latin1', 12, 16)).toBe('IHDR');
      expect(buf.readUInt32BE(16)).toBe(1200);
      expect(buf.readUInt32BE(20)).toBeGreaterThan(2000);
      expect(buf.length).toBeGreaterThan(50_000);

      // Runs in the page; a string because the project compiles without the DOM library.
      const dom = await page.evaluate<DomFacts>(`(() => {
        const rect = (e) => { const b = e.getBoundingClientRect(); return { w: b.width, h: b.height }; };
        return {
          title: document.title,
          banner: document.querySelector('.drill-banner')?.textContent ?? '',
          scripts: document.querySelectorAll('script').length,
          chart: rect(document.querySelector('svg.chart')),
          polylines: [...document.querySelectorAll('svg.chart polyline.series')].map((p) => ({ metric: p.getAttribute('data-metric'), points: p.points.numberOfItems, ...rect(p) })),
          decisions: [...document.querySelectorAll('svg.chart .decision')].map((d) => ({ title: d.querySelector('title')?.textContent ?? '', line: rect(d.querySelector('line')) })),
          items: document.querySelectorAll('table.items tr.item').length,
          reasons: document.querySelectorAll('ul.reasons li').length,
        };
      })()`);
      expect(dom.title).toMatch(/^Training drill report/);
      expect(dom.banner).toMatch(/training drill/i);
      expect(dom.scripts).toBe(0);
      expect(dom.chart.w).toBeGreaterThan(900);

      const metrics = keyMetrics(r.session.scenario, world).map((m) => m.id);
      expect(metrics.length).toBeGreaterThanOrEqual(1);
      expect(new Set(dom.polylines.map((p) => p.metric))).toEqual(new Set(metrics));
      for (const id of metrics) {
        const lines = dom.polylines.filter((p) => p.metric === id);
        expect(lines.reduce((a, p) => a + p.points, 0)).toBeGreaterThan(world.sec / 15 - 5); // sampled every 15 s over the whole session
        expect(lines.reduce((a, p) => a + p.w, 0)).toBeGreaterThan(500);
      }
      // The error-rate line actually moves (onset, mitigation).
      expect(Math.max(...dom.polylines.map((p) => p.h))).toBeGreaterThan(40);

      const n = world.timeline.length;
      expect(n).toBeGreaterThanOrEqual(10);
      expect(dom.decisions.length).toBeGreaterThanOrEqual(n);
      for (const d of dom.decisions) {
        expect(d.title).toMatch(/^\d\d:\d\d:\d\d /);
        expect(d.line.h).toBeGreaterThan(100);
      }
      expect(dom.decisions.map((d) => d.title).join('\n')).toMatch(/severity: sev 2/);

      expect(dom.items).toBe(r.score.items.length);
      expect(dom.reasons).toBe(r.score.sections.reduce((a, s) => a + s.reasons.length, 0));
      expect(fetched).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
