import chalk from 'chalk';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { VERBS } from '../../src/commands/verbs.js';
import { FakeController } from './fake-controller.js';
import { paymentFixture } from './fixture.js';
import { flush, handTicker, KEYS, renderApp, waitFor } from './helpers.js';

afterEach(() => cleanup());

/** Colour SGR codes only (30–49, 90–107, 38;5/48;5…); bold or inverse are not colour. */
const COLOUR = /\u001B\[(?:3\d|4\d|9[0-7]|10[0-7])(?:;\d+)*m/u;

describe('play screen', () => {
  it('renders every panel from the view model within the frame', () => {
    const { frame, controller } = renderApp();
    const out = frame();
    for (const s of ['SEV-2', '⏱ 30:28', 'Dashboard', 'Pages & chat', 'Logs', 'Team', 'Your timeline', '> ▏']) {
      expect(out).toContain(s);
    }
    expect(out).toContain('(1,922 hidden)');
    expect(out.split('\n').length).toBeLessThanOrEqual(29);
    expect(controller.sizes.at(-1)?.logLines).toBeGreaterThan(0);
  });

  it('fits 80x24: every line within 80 columns, fewer lines than rows', () => {
    const { frame } = renderApp({ size: { columns: 80, rows: 24 } });
    const lines = frame().split('\n');
    expect(lines.length).toBeLessThan(24);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    expect(frame()).toContain('Team ●Priya ⧗Marco!');
  });

  it('typing ack + enter submits it and the next view shows it on the timeline', async () => {
    const { type, press, frame, controller } = renderApp();
    await type('ack');
    expect(frame()).toContain('> ack▏');
    await press(KEYS.enter);
    expect(controller.submitted).toEqual(['ack']);
    await waitFor(() => frame().includes('21:15 ack'), 'timeline entry');
    expect(frame()).toContain('✓ done: ack');
    expect(frame()).toContain('> ▏');
  });

  it('a chunk with enter in it (fast typing, paste) still submits the whole line', async () => {
    const { press, controller } = renderApp();
    await press('sev 2\r');
    expect(controller.submitted).toEqual(['sev 2']);
  });

  it('tab completes a single candidate and cycles several', async () => {
    const { type, press, frame, controller } = renderApp();
    await type('es');
    await press(KEYS.tab);
    expect(frame()).toContain('> escalate ▏');
    await press(KEYS.escape);
    await waitFor(() => frame().includes('> ▏'), 'cleared line');
    controller.completions['a'] = ['ack', 'ask '];
    await type('a');
    await press(KEYS.tab);
    expect(frame()).toContain('> ack▏');
    expect(frame()).toContain('tab 1/2');
    await press(KEYS.tab);
    expect(frame()).toContain('> ask ▏');
    await press(KEYS.tab);
    expect(frame()).toContain('> ack▏');
  });

  it('up recalls history, down returns to the new line', async () => {
    const { type, press, frame } = renderApp();
    await type('sev 2');
    await press(KEYS.enter);
    await type('ack');
    await press(KEYS.enter);
    await press(KEYS.up);
    expect(frame()).toContain('> ack▏');
    await press(KEYS.up);
    expect(frame()).toContain('> sev 2▏');
    await press(KEYS.down, KEYS.down);
    expect(frame()).toContain('> ▏');
  });

  it('backspace erases', async () => {
    const { type, press, frame } = renderApp();
    await type('ackk');
    await press(KEYS.backspace);
    expect(frame()).toContain('> ack▏');
  });

  it('? opens help with verbs and keys; keys typed there never reach the command line', async () => {
    const { press, frame, controller } = renderApp({ size: { columns: 100, rows: 120 } });
    await press('?');
    const out = frame();
    expect(out).toContain('How to play');
    for (const v of VERBS) expect(out).toContain(`  ${v.verb}`);
    expect(out).toContain('PgUp PgDn');
    expect(out).toContain('ctrl-c');
    await press('a', 'c', 'k', KEYS.enter, ' ', '+');
    expect(controller.submitted).toEqual([]);
    expect(controller.calls).not.toContain('togglePause');
    expect(controller.calls).not.toContain('faster');
    await press(KEYS.escape);
    await waitFor(() => frame().includes('> ▏'), 'help closed');
    expect(frame()).not.toContain('> a');
  });

  it('help keeps the header, scrolls to the last verb, and closes with ?', async () => {
    const { press, frame } = renderApp({ size: { columns: 80, rows: 24 } });
    await press('?');
    expect(frame()).toContain('SEV-2');
    expect(frame()).toMatch(/↓ \d+ more/u);
    expect(frame()).not.toContain('help [VERB]');
    for (let i = 0; i < 20; i++) await press(KEYS.pageDown);
    expect(frame()).toContain('help [VERB]');
    expect(frame().split('\n').length).toBeLessThan(24);
    await press('?');
    await waitFor(() => frame().includes('> ▏'), 'help closed');
  });

  it('a bare newline works as enter', async () => {
    const { type, press, controller } = renderApp();
    await type('ack');
    await press('\n');
    expect(controller.submitted).toEqual(['ack']);
  });

  it('? + - space q act globally only on an empty line', async () => {
    const { type, press, frame, controller } = renderApp();
    await press('+', '-', ' ');
    expect(controller.calls).toEqual(expect.arrayContaining(['faster', 'slower', 'togglePause']));
    await waitFor(() => frame().includes('⏸ paused'), 'paused header');
    controller.calls.length = 0;
    await type('note a-b c+d? q');
    expect(frame()).toContain('> note a-b c+d? q▏');
    expect(controller.calls.filter((c) => !c.startsWith('complete'))).toEqual([]);
  });

  it('/ starts a logs filter on the command line', async () => {
    const { press, frame } = renderApp();
    await press('/');
    expect(frame()).toContain('> logs ▏');
  });

  it('tab on an empty line moves focus; logs scroll and f follows again', async () => {
    const { press, frame, controller } = renderApp();
    await press(KEYS.tab);
    expect(frame()).toContain('┏ ▸ Logs');
    await press(KEYS.up, KEYS.up, KEYS.up);
    await waitFor(() => controller.sizes.at(-1)?.logScrollback === 3, 'scrollback 3');
    expect(frame()).toContain('↑ 3 back · [f] follow');
    await press(KEYS.pageUp);
    expect(controller.sizes.at(-1)?.logScrollback).toBeGreaterThan(3);
    await press('f');
    await waitFor(() => controller.sizes.at(-1)?.logScrollback === 0, 'following');
    await press('h');
    expect(controller.submitted).toEqual(['hint']);
    await press(KEYS.tab);
    expect(frame()).toContain('┏ ▸ Dashboard');
    await press(KEYS.tab);
    expect(frame()).toContain('┏ ▸ Pages & chat');
    await press(KEYS.tab);
    expect(frame()).toContain('> ▏');
  });

  it('q then y quits the session and leaves', async () => {
    const { press, frame, controller } = renderApp();
    await press('q');
    expect(frame()).toContain('Quit this session? y/n');
    await press('x');
    expect(controller.calls).not.toContain('quit');
    await press('y');
    expect(controller.calls).toContain('quit');
  });

  it('q then n goes back to play', async () => {
    const { press, frame, controller } = renderApp();
    await press('q', 'n');
    expect(controller.calls).not.toContain('quit');
    expect(frame()).toContain('> ▏');
  });

  it('ctrl-c asks as q does; a second ctrl-c soon after quits through the controller', async () => {
    const { press, frame, controller } = renderApp();
    await press(KEYS.ctrlC);
    expect(controller.calls).not.toContain('quit');
    expect(frame()).toContain('Quit this session? y/n');
    await press(KEYS.ctrlC);
    expect(controller.calls).toContain('quit');
  });

  it('ctrl-c then n goes back to play', async () => {
    const { press, frame, controller } = renderApp();
    await press(KEYS.ctrlC, 'n');
    expect(controller.calls).not.toContain('quit');
    expect(frame()).toContain('> ▏');
  });

  it('shows the postmortem instead of dashboard and logs when it is open', () => {
    const controller = new FakeController();
    controller.vm = { ...paymentFixture(), postmortem: { ...paymentFixture().postmortem, open: true } };
    const { frame } = renderApp({ controller });
    expect(frame()).toContain('Postmortem · payment-fraud-dns · ⏱ 15:00 left');
    expect(frame()).not.toContain('Pages & chat');
  });

  it('the frame clock advances the controller, and redraws only when the view changed', async () => {
    const clock = handTicker();
    const { controller, frames, frame } = renderApp({ ticker: clock.ticker });
    await flush();
    expect(controller.advanced).toBe(0);
    await clock.tick(100);
    expect(controller.advanced).toBe(100); // the wall milliseconds the tick says passed
    const views = controller.sizes.length;
    const drawn = frames.length;
    for (const _ of [1, 2, 3]) await clock.tick(100);
    expect(controller.advanced).toBe(400);
    expect(controller.sizes.length).toBe(views + 3); // asked every tick
    expect(frames.length).toBe(drawn); // but nothing changed, so nothing drawn
    controller.vm = { ...controller.vm, header: { ...controller.vm.header, timeLeft: '30:27' } };
    await clock.tick(100);
    expect(frame()).toContain('⏱ 30:27');
  });

  it('the clock does not run before the start', async () => {
    const clock = handTicker();
    const controller = new FakeController({ started: false });
    renderApp({ controller, ticker: clock.ticker });
    await flush();
    expect(clock.running).toBe(false);
    expect(controller.advanced).toBe(0);
  });
});

describe('too small', () => {
  it('at 60x20 says so, pauses the clock, and resumes when big again', async () => {
    const controller = new FakeController();
    const { frame, rerender } = renderApp({ controller, size: { columns: 60, rows: 20 } });
    const flat = frame().replace(/\s+/gu, ' ');
    expect(flat).toContain('firedrill needs at least 80x24; this terminal is 60x20.');
    expect(flat).toContain('press q to quit (the clock is paused)');
    await waitFor(() => controller.calls.includes('togglePause'), 'pause');
    expect(controller.vm.header.paused).toBe(true);
    const { App } = await import('../../src/ui/App.js');
    rerender(<App controller={controller} size={{ columns: 100, rows: 30 }} color={false} />);
    await waitFor(() => controller.vm.header.paused === false, 'resume');
    expect(controller.calls.filter((c) => c === 'togglePause')).toHaveLength(2);
  });

  it('does not resume a clock the player paused', async () => {
    const controller = new FakeController();
    controller.vm.header.paused = true;
    renderApp({ controller, size: { columns: 60, rows: 20 } });
    await flush();
    expect(controller.calls).not.toContain('togglePause');
  });

  it('q asks before quitting; other keys do nothing', async () => {
    const { press, frame, controller } = renderApp({ size: { columns: 60, rows: 20 } });
    await press(' ', '+', KEYS.enter);
    expect(controller.calls.filter((c) => c !== 'togglePause')).toEqual([]);
    await press('q');
    expect(frame()).toContain('Quit this session? y/n');
    await press('y');
    expect(controller.calls).toContain('quit');
  });
});

describe('briefing', () => {
  it('shows the briefing text and enter starts the clock', async () => {
    const controller = new FakeController({ started: false });
    const { frame, press } = renderApp({ controller });
    const out = frame();
    expect(out).toContain('payment-fraud-dns · Payments fail while everything looks healthy · normal · 45 min');
    expect(out).toContain('You are the on-call Incident Commander for Payments.');
    expect(out).toContain('└──▶ fraud-api.internal.corp:8443 (fraud scoring)');
    expect(out).toContain('[enter] start the clock');
    expect(controller.advanced).toBe(0);
    await press('a', KEYS.enter);
    expect(controller.calls).toEqual(['start']);
    await waitFor(() => frame().includes('Dashboard'), 'play screen');
    expect(frame()).not.toContain('> a');
  });

  it('? shows how to play from the briefing', async () => {
    const { press, frame } = renderApp({ controller: new FakeController({ started: false }) });
    await press('?');
    expect(frame()).toContain('How to play');
  });
});

describe('summary', () => {
  it('shows the summary when finished; q leaves without quitting again', async () => {
    const controller = new FakeController();
    controller.vm = { ...paymentFixture(), finished: true, summary: 'DRILL · payment-fraud-dns · score 84/100' };
    const { frame, press } = renderApp({ controller });
    expect(frame()).toContain('score 84/100');
    expect(frame()).toContain('press q to exit');
    await press('q');
    expect(controller.calls).not.toContain('quit');
  });
});

describe('colour', () => {
  it('with colour off no colour codes are written, and the markers carry the meaning', async () => {
    const level = chalk.level;
    chalk.level = 1; // FORCE_COLOR=0 in tests: turn chalk on so "off" is really ours
    try {
      const coloured = renderApp({ color: true }).frame();
      expect(coloured).toMatch(COLOUR);
      cleanup();
      const plain = renderApp({ color: false }).frame();
      expect(plain).not.toMatch(COLOUR);
      expect(plain).toContain('91% !');
      expect(plain).toContain('✗ unknown responder');
      expect(plain).toContain('!21:11 »');
      expect(plain).toContain('ERROR');
    } finally {
      chalk.level = level;
    }
  });
});
