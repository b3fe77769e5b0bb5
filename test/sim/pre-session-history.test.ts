import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load.js';
import { Session } from '../../src/session/session.js';
import { openStore } from '../../src/store/index.js';
import { viewSizeFor } from '../../src/ui/render-frame.js';
import { selectView } from '../../src/view/select.js';
import { edit } from '../scenario/lint/helpers.js';

/** mini.yaml with a certificate countdown: 90 days left 90 days ago, one left now. */
const MINI = readFileSync('test/fixtures/mini.yaml', 'utf8');
const CERT = `  - id: cert_days
    panel: traffic
    label: cert days left
    baseline: 90
    noise: 0
    decimals: 1
    history: 90d
    effects:
      - { when: always, add: -89, rampSec: 90d }
  - id: checkout_rps`;
const withCert = (text: string) => edit(text, '  - id: checkout_rps', CERT);

function opened(text: string, untilSec = 0) {
  const r = loadScenarioText(text, 'x.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path} ${p.message}`).join('\n'));
  const session = Session.start(openStore(':memory:'), r.value, { seed: 1, trainee: 't', mode: 'solo', difficulty: 'normal' }, () => 0);
  session.record({ type: 'start' }, 0);
  session.engine.advanceTo(untilSec * 1000);
  const rows = selectView(session.engine, viewSizeFor(120, 40), { mode: 'play', interview: false, summary: null }).dashboard.rows;
  return { engine: session.engine, row: (label: string) => rows.find((x) => x.label.startsWith(label))! };
}

describe('pre-session history', () => {
  it('without it, dashboards open empty, as before', () => {
    const { row } = opened(MINI);
    const points = row('POST /checkout').points;
    expect(points.slice(0, -1).every((p) => p === null)).toBe(true);
    expect(row('POST /checkout').label).toBe('POST /checkout');
  });

  it('history: 1h opens every dashboard with the last hour drawn from the world the run starts in', () => {
    const { row, engine } = opened(edit(MINI, 'timeLimitMin: 30', 'timeLimitMin: 30\nhistory: 1h'));
    const errors = row('POST /checkout');
    expect(errors.label).toBe('POST /checkout · 1h');
    expect(errors.points.every((p) => p !== null)).toBe(true);
    // before the onset the error rate is the healthy baseline (0.5%, noise 10%)
    for (const p of errors.points) expect(p!).toBeLessThan(1);
    expect(engine.metricAt('checkout_5xx', -3600)).not.toBeNull();
    expect(engine.metricAt('checkout_5xx', -3601)).toBeNull();
  });

  it('a slow signal declares its own span: 90 days of a certificate countdown, with no jump at the start', () => {
    const { row, engine } = opened(withCert(MINI), 120);
    const cert = row('cert days left');
    expect(cert.label).toBe('cert days left · 90d');
    expect(cert.points.every((p) => p !== null)).toBe(true);
    expect(engine.metricAt('cert_days', -90 * 86_400)).toBe(90);
    expect(engine.metricAt('cert_days', -45 * 86_400)).toBe(45.5);
    expect(engine.metricAt('cert_days', -1)).toBe(1);
    expect(engine.metricAt('cert_days', 120)).toBe(1);
    expect(cert.points[0]! > cert.points.at(-1)!).toBe(true);
    // the other series keep the session's own window
    expect(row('POST /checkout').label).toBe('POST /checkout');
  });

  it('is the same on every replay of the same seed', () => {
    const a = opened(withCert(MINI), 90).engine;
    const b = opened(withCert(MINI), 90).engine;
    for (const t of [-7_000_000, -3600, -1, 0, 90]) expect(a.metricAt('cert_days', t)).toBe(b.metricAt('cert_days', t));
    expect(a.clone().metricAt('cert_days', -86_400)).toBe(a.metricAt('cert_days', -86_400));
  });
});
