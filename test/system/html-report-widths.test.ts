import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chartData, chartX, decisionGroups } from '../../src/scoring/chart.js';
import { renderHtml } from '../../src/scoring/report-html.js';
import { play } from '../helpers.js';

/**
 * The HTML report an examiner puts in a hiring packet, at a desktop width
 * and a phone's (390 px): no page-level horizontal overflow, the chart's
 * decision labels in the page without hovering, every panel within its
 * scale, and the reference play's column filled. Headless Chromium (the
 * Debian package), nothing downloaded.
 */
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Facts {
  scrollWidth: number;
  innerWidth: number;
  badges: string[];
  labels: { text: string; h: number }[];
  panels: { metric: string | null; top: number; bottom: number; lines: { top: number; bottom: number }[]; topTick: string }[];
  strong: string[];
  harm: { you: string; strong: string }[];
}

describe('the HTML report at 1280 and 390 px', () => {
  it('fits the width, labels its markers without hovering, keeps panels to their scale, fills the reference column', { timeout: 120_000 }, async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}. .ci/run installs it (apt-get install -y chromium); locally: apt-get install -y chromium`);
    const r = await play('scenarios/payment-fraud-dns.yaml', 'test/scripts/payment-fraud-dns.weak.txt');
    const world = r.session.engine.state;
    const meta = { sessionId: r.session.id, seed: 1, trainee: 'test', mode: 'solo', difficulty: 'normal', startedAt: '2026-01-01T00:00:00.000Z', revealTruth: true, chainVerified: true };
    const html = renderHtml(r.session.scenario, world, r.score, meta, r.session.engine);
    const data = chartData(r.session.scenario, world, r.session.engine);
    const groups = decisionGroups(data.decisions, chartX(data));
    expect(groups.length).toBeGreaterThan(3);
    expect(groups.length).toBeLessThan(data.decisions.length); // close markers share a label
    const dir = mkdtempSync(join(tmpdir(), 'fd-widths-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, html);

    const ctx = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 } });
    try {
      const page = await ctx.newPage();
      await page.route((url) => url.protocol !== 'file:', (route) => route.abort());
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        await page.screenshot({ path: join(dir, `report-${width}.png`), fullPage: true });
        // Runs in the page (no hover, no script of the page's own); a string: the project compiles without the DOM library.
        const f = await page.evaluate<Facts>(`(() => {
          const box = (e) => e.getBoundingClientRect();
          return {
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
            badges: [...document.querySelectorAll('svg.chart text.decision-label')].map((t) => t.textContent),
            labels: [...document.querySelectorAll('ol.decision-labels li')].map((li) => ({ text: li.textContent, h: box(li).height })),
            panels: [...document.querySelectorAll('svg.chart g.panel')].map((g) => ({
              metric: g.getAttribute('data-metric'),
              top: box(g.querySelector('rect.panel-bg')).top,
              bottom: box(g.querySelector('rect.panel-bg')).bottom,
              lines: [...g.querySelectorAll('polyline.series')].map((p) => ({ top: box(p).top, bottom: box(p).bottom })),
              topTick: g.querySelector('text.ytick')?.textContent ?? '',
            })),
            strong: [...document.querySelectorAll('table.reference td.strong-ic')].map((td) => td.textContent.trim()),
            harm: [...document.querySelectorAll('table.harm tbody tr')].map((tr) => ({ you: tr.children[1].textContent, strong: tr.children[2].textContent })),
          };
        })()`);
        expect(f.innerWidth, `${width}`).toBe(width);
        expect(f.scrollWidth, `page overflows sideways at ${width} px`).toBeLessThanOrEqual(f.innerWidth);

        expect(f.badges).toEqual(groups.map((g) => String(g.n)));
        expect(f.labels).toHaveLength(groups.length);
        for (const l of f.labels) expect(l.h, l.text).toBeGreaterThan(0);
        const all = f.labels.map((l) => l.text).join('\n');
        expect(all).toMatch(/severity: sev 3/);
        expect(all).toMatch(/resolve/);

        expect(f.panels.length).toBeGreaterThan(0);
        for (const p of f.panels) {
          for (const l of p.lines) {
            expect(l.top, `${p.metric} above its panel`).toBeGreaterThanOrEqual(p.top - 1);
            expect(l.bottom, `${p.metric} below its panel`).toBeLessThanOrEqual(p.bottom + 1);
          }
          const pct = /^([\d.]+) %$/.exec(p.topTick) ?? /^([\d.]+)%$/.exec(p.topTick);
          if (pct) expect(Number(pct[1]), `${p.metric} scale`).toBeLessThanOrEqual(100);
        }

        expect(f.strong.length).toBeGreaterThan(10);
        for (const s of f.strong) expect(s).not.toBe('—');
        expect(f.strong.filter((s) => /^\d\d:\d\d/.test(s)).length).toBeGreaterThan(10);
        expect(f.harm.length).toBeGreaterThanOrEqual(r.session.scenario.impact.length);
        for (const h of f.harm) expect(h.strong).not.toBe('—');
        expect(f.harm[0]!.strong).toMatch(/failed payments/);
      }
    } finally {
      await ctx.close();
    }
  });
});
