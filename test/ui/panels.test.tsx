import type { ReactElement } from 'react';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { VERBS } from '../../src/commands/verbs.js';
import { Briefing } from '../../src/ui/components/Briefing.js';
import { CommandLine } from '../../src/ui/components/CommandLine.js';
import { Dashboard } from '../../src/ui/components/Dashboard.js';
import { Feed } from '../../src/ui/components/Feed.js';
import { Header } from '../../src/ui/components/Header.js';
import { HelpOverlay } from '../../src/ui/components/HelpOverlay.js';
import { Logs } from '../../src/ui/components/Logs.js';
import { Postmortem } from '../../src/ui/components/Postmortem.js';
import { QuitConfirm } from '../../src/ui/components/QuitConfirm.js';
import { Summary } from '../../src/ui/components/Summary.js';
import { Team } from '../../src/ui/components/Team.js';
import { TeamTimelineLine } from '../../src/ui/components/TeamTimelineLine.js';
import { Timeline } from '../../src/ui/components/Timeline.js';
import { TooSmall } from '../../src/ui/components/TooSmall.js';
import { computeLayout } from '../../src/ui/layout.js';
import { ThemeProvider } from '../../src/ui/theme.js';
import { paymentFixture, postmortemFixture } from './fixture.js';

afterEach(() => cleanup());

function draw(el: ReactElement): string {
  return render(<ThemeProvider color={false}>{el}</ThemeProvider>).lastFrame() ?? '';
}

const vm = paymentFixture();
const layout = computeLayout(100, 30);

describe('panels', () => {
  it('Header: scenario, clock, speed, severity, IC, time left, impact, next update', () => {
    const out = draw(<Header header={vm.header} width={100} />);
    for (const s of ['SEV-2', '⏱ 30:28', '▶ 2x', 'Tue 21:14:32', '1,284 payments failed · $311k', '21:19', 'IC: you']) {
      expect(out).toContain(s);
    }
    expect(out.split('\n')).toHaveLength(1);
  });

  it('Header: pause and an overdue update read without colour', () => {
    const out = draw(<Header header={{ ...vm.header, paused: true, updateOverdue: true }} width={100} />);
    expect(out).toContain('⏸ paused');
    expect(out).toContain('! update overdue');
  });

  it('Dashboard: labels, sparklines, values, "!" on alarms, "no data"', () => {
    const out = draw(
      <Dashboard dashboard={vm.dashboard} cols={layout.dash} width={layout.top.dashboardWidth} height={layout.top.height} rows={8} focused={false} />,
    );
    expect(out).toContain('┌ Dashboard');
    expect(out).toContain('POST /api/pay');
    expect(out).toMatch(/▁+▇+/u); // 91 % on a 0–100 % axis
    const lines = out.split('\n');
    const alarm = lines.find((l) => l.includes('91%'));
    expect(alarm).toMatch(/91% !/u);
    const calm = lines.find((l) => l.includes('0.2%'));
    expect(calm).not.toContain('!');
    expect(lines.find((l) => l.includes('fraud-api'))).toContain('no data');
    expect(out).toContain('·'); // null points are a visible gap
    expect(out).toContain('dash 5xx by path');
  });

  it('Dashboard: the focused panel has a heavy border and a marker', () => {
    const out = draw(
      <Dashboard dashboard={vm.dashboard} cols={layout.dash} width={50} height={12} rows={8} focused />,
    );
    expect(out).toContain('┏ ▸ Dashboard');
  });

  it('Logs: title with filter and hidden count; time LEVEL service text; highlight marker', () => {
    const out = draw(<Logs logs={vm.logs} width={100} height={9} lines={7} focused={false} />);
    expect(out).toContain('Logs  service=payment-processor level=error  (1,922 hidden)');
    expect(out).toContain('21:14:31 ERROR payment-processor POST /api/refund 504');
    expect(out).toContain('21:14:30 WARN  payment-processor retrying');
    expect(out).toContain('▸21:14:30 ERROR');
    for (const l of out.split('\n')) expect([...l].length).toBeLessThanOrEqual(100);
  });

  it('Logs: gaining focus keeps the top border off (Ink re-applies borderStyle to every edge)', async () => {
    const r = render(
      <ThemeProvider color={false}>
        <Logs logs={vm.logs} width={100} height={9} lines={7} focused={false} />
      </ThemeProvider>,
    );
    r.rerender(
      <ThemeProvider color={false}>
        <Logs logs={vm.logs} width={100} height={9} lines={7} focused />
      </ThemeProvider>,
    );
    await new Promise((resolve) => setImmediate(() => setTimeout(resolve, 0)));
    const lines = (r.lastFrame() ?? '').split('\n');
    expect(lines[0]).toContain('┏ ▸ Logs');
    expect(lines[1]).toContain('21:14:29 ERROR');
  });

  it('HelpOverlay: wrapped descriptions stay aligned under their column', () => {
    const out = draw(<HelpOverlay width={60} height={200} offset={0} />);
    const tab = out.split('\n').find((l) => l.startsWith('  tab '));
    expect(tab).toMatch(/^  tab {11}complete/u);
  });

  it('Logs: scrolled back says how far and how to follow', () => {
    const out = draw(<Logs logs={{ ...vm.logs, following: false, scrollback: 40 }} width={100} height={9} lines={7} focused />);
    expect(out).toContain('↑ 40 back · [f] follow');
  });

  it('Feed: time, who, text; alerts marked "!"', () => {
    const out = draw(<Feed feed={vm.feed} width={60} height={12} />);
    expect(out).toContain('!21:02 PAGE PaymentErrorRateHigh');
    expect(out).toContain('21:09 Priya: dig fraud-api.internal.corp: NXDOMAIN');
    expect(out).toContain('!21:11 » Dana (Support lead):');
  });

  it('Team: name, team, status, task, overdue marked', () => {
    const out = draw(<Team team={vm.team} width={60} height={5} />);
    expect(out).toContain('Priya');
    expect(out).toContain('payments');
    expect(out).toContain('● dig (reported)');
    expect(out).toMatch(/Marco\s+platform\s+⧗!check resolver\s+overdue 1:10/u);
  });

  it('Timeline: the IC decisions, compact', () => {
    const out = draw(<Timeline timeline={vm.timeline} width={70} height={5} />);
    expect(out).toContain('Your timeline');
    expect(out).toContain('21:03 ack PaymentErrorRateHigh');
    expect(out).toMatch(/21:06 escalate payments\s+21:10 hyp #1 DNS/u);
  });

  it('TeamTimelineLine: both on one line at 80 columns', () => {
    const out = draw(<TeamTimelineLine team={vm.team} timeline={vm.timeline} width={80} />);
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toContain('Marco!');
    expect(out).toContain('21:10 hyp #1 DNS');
  });

  it('CommandLine: prompt, cursor, hints and the last answer with its marker', () => {
    const out = draw(<CommandLine text="ask marco run dig" focus="command" cycle={null} answer={vm.answer} width={100} />);
    expect(out).toContain('> ask marco run dig▏');
    expect(out).toContain('tab complete');
    expect(out).toContain('✗ unknown responder "marko"');
    const ok = draw(<CommandLine text="" focus="command" cycle={null} answer={{ text: 'acknowledged', ok: true }} width={100} />);
    expect(ok).toContain('✓ acknowledged');
  });

  it('CommandLine: a long line keeps its end visible', () => {
    const text = 'status ' + 'payments failing '.repeat(10) + 'END';
    const out = draw(<CommandLine text={text} focus="command" cycle={null} answer={null} width={80} />);
    expect(out).toContain('END▏');
    for (const l of out.split('\n')) expect([...l].length).toBeLessThanOrEqual(80);
  });

  it('Postmortem: time left, fields, numbered actions, pm verbs', () => {
    const pm = postmortemFixture();
    const out = draw(<Postmortem pm={pm.postmortem} scenarioId="payment-fraud-dns" width={100} height={16} />);
    expect(out).toContain('Postmortem · payment-fraud-dns · ⏱ 11:42 left');
    expect(out).toMatch(/Summary\s+Payments and refunds failed/u);
    expect(out).toMatch(/Root cause\s+—/u);
    expect(out).toMatch(/1 detect\s+P1 @payments-oncall\s+Alert when/u);
    expect(out).toMatch(/2 mitigate\s+P1 @payments\s+Circuit breaker/u);
    expect(out).toContain('pm summary|impact');
  });

  it('HelpOverlay: every key and every verb', () => {
    const out = draw(<HelpOverlay width={100} height={200} offset={0} />);
    for (const v of VERBS) expect(out).toContain(v.usage.slice(0, 20));
    for (const k of ['enter', 'tab', 'PgUp PgDn', 'space', 'ctrl-c', '?']) expect(out).toContain(k);
  });

  it('HelpOverlay: scrolls when it does not fit, and says so', () => {
    const out = draw(<HelpOverlay width={80} height={23} offset={0} />);
    expect(out.split('\n').length).toBeLessThanOrEqual(23);
    expect(out).toMatch(/↓ \d+ more/u);
  });

  it('TooSmall: the size, the minimum and the way out', () => {
    const out = draw(<TooSmall columns={60} rows={20} confirmQuit={false} />).replace(/\s+/gu, ' ');
    expect(out).toContain('firedrill needs at least 80x24; this terminal is 60x20.');
    expect(out).toContain('Enlarge it, or press q to quit (the clock is paused)');
  });

  it('Briefing: heading, the text verbatim (diagram intact), team, keys', () => {
    const out = draw(<Briefing briefing={vm.briefing} width={100} height={29} offset={0} confirmQuit={false} />);
    expect(out).toContain('payment-fraud-dns · Payments fail while everything looks healthy · normal · 45 min');
    expect(out).toContain('mobile/web ──▶ api-gateway ──▶ payment-processor (Flask, :8080) ──▶ payment-db');
    expect(out).toContain('                                         └──▶ fraud-api.internal.corp:8443');
    expect(out).toContain('Your team: payments on-call, platform on-call');
    expect(out).toContain('[enter] start the clock  [?] how to play  [q] quit');
  });

  it('QuitConfirm and Summary', () => {
    expect(draw(<QuitConfirm width={80} />)).toContain('Quit this session? y/n');
    const out = draw(<Summary summary={'DRILL · payment-fraud-dns · score 84/100\nMTTA 1:02'} width={80} height={23} offset={0} />);
    expect(out).toContain('score 84/100');
    expect(out).toContain('MTTA 1:02');
    expect(out).toContain('press q to exit');
  });
});
