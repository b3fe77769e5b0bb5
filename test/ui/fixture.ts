import type { ViewModel } from '../../src/view/model.js';

/** A payment incident 14½ minutes in: the screen SCREENS.md sketches. */
export const BRIEFING_TEXT = [
  'You are the on-call Incident Commander for Payments. It is Tuesday, 21:00.',
  '',
  '  mobile/web ──▶ api-gateway ──▶ payment-processor (Flask, :8080) ──▶ payment-db (PostgreSQL 15)',
  '                                         │',
  '                                         └──▶ fraud-api.internal.corp:8443 (fraud scoring)',
  '',
  'Dashboards: error rate, latency, dependencies.  Runbook: payments (has gaps).',
].join('\n');

const ramp = (n: number, from: number, to: number, at: number): (number | null)[] =>
  Array.from({ length: n }, (_, i) => (i < at ? from : to));

export function paymentFixture(): ViewModel {
  return {
    header: {
      scenarioId: 'payment-fraud-dns',
      title: 'Payments fail while everything looks healthy',
      wallClock: 'Tue 21:14:32',
      simClock: '+14:32',
      speed: 2,
      paused: false,
      severity: 'SEV-2',
      severityLevel: 2,
      ic: 'you',
      timeLeft: '30:28',
      impact: '1,284 payments failed · $311k',
      nextUpdateDue: '21:19',
      updateOverdue: false,
      lifecycle: 'investigating',
      mode: 'play',
      interview: false,
    },
    dashboard: {
      title: 'Dashboard',
      rows: [
        { panel: 'req/s', label: 'payment-processor', panelId: 'traffic', scale: { min: 0, max: 50, text: '0–50 req/s' }, threshold: null, drill: 'dash traffic by route',  points: [40, 41, 43, 40, 41, 44, 41, 40, 43, 41, 41, 42, 44, 41, 40, 43, 41, 41, 41, 41], value: '41/s', alarm: false, noData: false },
        { panel: '5xx %', label: 'POST /api/payment', panelId: 'endpoints', scale: { min: 0, max: 100, text: '0–100%' }, threshold: '> 5%', drill: 'dash endpoints by route',  points: ramp(20, 0.3, 91, 5), value: '91%', alarm: true, noData: false },
        { panel: '5xx %', label: 'POST /api/refund', panelId: 'endpoints', scale: { min: 0, max: 100, text: '0–100%' }, threshold: '> 5%', drill: 'dash endpoints by route',  points: ramp(20, 0.2, 88, 6), value: '88%', alarm: true, noData: false },
        { panel: '5xx %', label: 'other 8 endpoints', panelId: 'endpoints', scale: { min: 0, max: 100, text: '0–100%' }, threshold: '> 5%', drill: 'dash endpoints by route',  points: ramp(20, 0.2, 0.2, 0), value: '0.2%', alarm: false, noData: false },
        { panel: 'p95 ms', label: 'POST /api/payment', panelId: 'latency', scale: { min: 0, max: 10000, text: '0–10k ms' }, threshold: '> 1,000 ms', drill: 'dash latency by route',  points: [210, 205, 212, 208, 211, 4800, 5012, 4950, 5012, 5010, null, null, 5012, 4990, 5012, 5012, 5001, 5012, 5012, 5012], value: '5012 ms', alarm: true, noData: false },
        { panel: 'db', label: 'connections', panelId: 'database', scale: { min: 0, max: 100, text: '0–100' }, threshold: null, drill: 'dash database',  points: ramp(20, 12, 12, 0), value: '12/100', alarm: false, noData: false },
        { panel: 'fraud', label: 'fraud-api latency', panelId: 'dependencies', scale: { min: 0, max: 1, text: '0–1 ms' }, threshold: null, drill: 'dash dependencies',  points: Array.from({ length: 20 }, () => null), value: 'no data', alarm: false, noData: true },
      ],
      footer: '[tab] focus  dash 5xx by path',
    },
    logs: {
      filter: 'service=payment-processor level=error',
      hidden: 1922,
      lines: [
        { time: '21:14:29', level: 'ERROR', service: 'payment-processor', text: 'POST /api/payment 503 fraud check failed: getaddrinfo ENOTFOUND fraud-api.internal.corp', highlight: false },
        { time: '21:14:30', level: 'ERROR', service: 'payment-processor', text: 'POST /api/payment 503 fraud check failed: getaddrinfo ENOTFOUND fraud-api.internal.corp', highlight: true },
        { time: '21:14:30', level: 'WARN', service: 'payment-processor', text: 'retrying fraud check (attempt 3/3)', highlight: false },
        { time: '21:14:31', level: 'ERROR', service: 'payment-processor', text: 'POST /api/refund 504 upstream timeout after 5000ms (fraud-api.internal.corp:8443)', highlight: false },
        { time: '21:14:31', level: 'ERROR', service: 'payment-processor', text: 'POST /api/payment 503 fraud check failed: getaddrinfo ENOTFOUND fraud-api.internal.corp', highlight: true },
      ],
      following: true,
      scrollback: 0,
    },
    feed: [
      { time: '21:02', channel: 'page', from: 'PaymentErrorRateHigh', text: '5xx 91% on POST /api/payment', tone: 'alert' },
      { time: '21:06', channel: 'chat', from: 'Priya (payments on-call)', text: 'joined #payments', tone: 'muted' },
      { time: '21:09', channel: 'chat', from: 'Priya', text: 'dig fraud-api.internal.corp: NXDOMAIN', tone: 'normal' },
      { time: '21:11', channel: 'stakeholder', from: 'Dana (Support lead)', text: 'customers report card payments failing, any ETA?', tone: 'alert' },
    ],
    team: [
      { name: 'Priya', team: 'payments', role: 'responder', status: 'here', task: 'dig (reported)', due: null, overdue: false },
      { name: 'Marco', team: 'platform', role: 'responder', status: 'busy', task: 'check resolver', due: 'overdue 1:10', overdue: true },
    ],
    timeline: [
      { time: '21:03', text: 'ack PaymentErrorRateHigh', kind: 'ack' },
      { time: '21:04', text: 'sev 2', kind: 'sev' },
      { time: '21:05', text: 'status "Investigating…"', kind: 'status' },
      { time: '21:06', text: 'escalate payments', kind: 'escalate' },
      { time: '21:10', text: 'hyp #1 DNS', kind: 'hyp' },
    ],
    answer: { text: 'unknown responder "marko" (team: priya, marco)', ok: false },
    postmortem: {
      open: false,
      timeLeft: '15:00',
      fields: [
        { key: 'summary', label: 'Summary', text: '' },
        { key: 'impact', label: 'Impact', text: '' },
      ],
      actions: [],
      impactFigures: '1,284 failed payments ($311k), 57 failed refunds',
      submitted: false,
    },
    briefing: {
      id: 'payment-fraud-dns',
      title: 'Payments fail while everything looks healthy',
      difficulty: 'normal',
      timeLimitMin: 45,
      text: BRIEFING_TEXT,
      team: 'Your team: payments on-call, platform on-call (page with `escalate TEAM`).',
    },
    finished: false,
    summary: null,
  };
}

export function postmortemFixture(): ViewModel {
  const vm = paymentFixture();
  vm.postmortem = {
    open: true,
    timeLeft: '11:42',
    fields: [
      { key: 'summary', label: 'Summary', text: 'Payments and refunds failed for 27 minutes because fraud-api.internal.corp stopped resolving.' },
      { key: 'impact', label: 'Impact', text: '1,284 failed payments ($311k), 57 failed refunds; reads unaffected' },
      { key: 'rootcause', label: 'Root cause', text: '' },
    ],
    actions: [
      { type: 'detect', priority: 'P1', owner: '@payments-oncall', text: 'Alert when fraud-api DNS resolution fails for 2 minutes' },
      { type: 'mitigate', priority: 'P1', owner: '@payments', text: 'Circuit breaker on the fraud check, fail-open signed off by Risk' },
    ],
    impactFigures: '1,284 failed payments ($311k), 57 failed refunds',
    submitted: false,
  };
  return vm;
}
