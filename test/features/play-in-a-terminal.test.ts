import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { tempDb } from '../cli/run-cli.js';
import { type ProgramTerminal, SIZES, startProgram } from '../support/terminal.js';

const sessions: ProgramTerminal[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.dispose()));

function start(db: string, args: string[], env: Record<string, string> = {}): ProgramTerminal {
  const t = startProgram([...args, '--db', db, '--seed', '1'], { ...SIZES.large, env });
  sessions.push(t);
  return t;
}

/** q, then y at the confirmation: the program ends with exit 0; the screen after. */
async function quitConfirmed(t: ProgramTerminal): Promise<string> {
  t.type('q');
  await t.waitFor(/Quit this session\? y\/n/);
  t.type('y');
  expect(await t.exited()).toEqual({ code: 0, signal: 0 });
  return t.screen();
}

/** The terminal as the program found it: alternate screen left, cursor shown. */
function expectRestored(t: ProgramTerminal): void {
  expect(t.alternateScreen).toBe(false);
  expect(t.cursorVisible).toBe(true);
}

describe('the real program in a real terminal', () => {
  it('starts, takes `ack` onto the timeline, quits cleanly and restores the terminal', async () => {
    const db = tempDb();
    const t = start(db, ['play', 'test/fixtures/mini.yaml']);
    await t.waitFor(/enter.*start the clock/i);
    expect(t.alternateScreen).toBe(true);
    t.press('Enter');
    await t.waitFor(/Dashboard/);
    expect(t.cursorVisible).toBe(false);
    for (const speed of ['2x', '5x', '10x']) {
      t.type('+');
      await t.waitFor(new RegExp(`▶ ${speed}`));
    }
    await t.waitFor(/CheckoutErrors/, 30_000);
    t.type('ack');
    t.press('Enter');
    await t.waitFor(/ack CheckoutErrors/);
    t.type('sev 2');
    t.press('Enter');
    await t.waitFor(/SEV-2/);
    // q quits only from an empty command line: wait until the prompt is clear
    await t.waitFor(/^> ▏ .*q quit/m);
    const after = await quitConfirmed(t);
    expect(after).toMatch(/session [0-9A-Z]{26}/);
    expectRestored(t);
    const store = openStore(db);
    const events = store.events(store.getSession('latest').id);
    expect(events.map((e) => (e.payload as { text?: string }).text).filter(Boolean)).toEqual(['ack', 'sev 2']);
    expect(events.at(-1)!.type).toBe('quit');
    store.close();
  });

  it('restores the terminal after Ctrl-C too', async () => {
    const db = tempDb();
    const t = start(db, ['play', 'test/fixtures/mini.yaml']);
    await t.waitFor(/enter.*start the clock/i);
    t.press('Enter');
    await t.waitFor(/Dashboard/);
    t.press('C-c');
    await t.waitFor(/Quit this session\? y\/n/);
    t.press('C-c');
    await t.exited();
    expectRestored(t);
  });

  it('picks mini-checkout from the picker, plays to mitigation with keys and commands, quits; the terminal is restored', async () => {
    const db = tempDb();
    // A bare `firedrill`: the picker. FIREDRILL_SCENARIOS adds the test fixtures to the bundled scenarios.
    const t = start(db, [], { FIREDRILL_SCENARIOS: 'test/fixtures' });
    await t.waitFor(/pick a scenario/);
    expect(t.screen()).toMatch(/difficulty \w+ · time limit 45 min/);
    // Picked by id: other fixtures may share the title. A row counts as picked once its whole id is
    // on screen (a frame still being drawn can show a cut one), so no key is pressed twice.
    await t.waitFor(/\bmin +mini-checkout\s*$/m);
    const ids = new Set(t.screen().split('\n').map((l) => /\bmin +(\S+)\s*$/.exec(l)?.[1]).filter((x): x is string => x !== undefined));
    expect(ids).toContain('mini-checkout');
    const pickedId = (s: string) => {
      const id = /▸ .*\bmin +(\S+)\s*$/m.exec(s)?.[1];
      return id !== undefined && ids.has(id) ? id : null;
    };
    // Two files may share an id (a fixture and its written-out twin): the pick moves when its row does.
    const picked = (s: string) => `${s.split('\n').findIndex((l) => /^ ▸ /.test(l))} ${pickedId(s)}`;
    for (let i = 0; i < 30 && pickedId(t.screen()) !== 'mini-checkout'; i++) {
      const before = picked(t.screen());
      t.press('Down');
      await t.waitFor((s) => pickedId(s) !== null && picked(s) !== before);
    }
    await t.waitFor(/▸ Checkout errors after a config push +NORMAL +30 min +mini-checkout/);
    expect(t.screen()).toContain('source: test fixture');
    t.press('Enter');
    await t.waitFor(/mini-checkout · Checkout errors after a config push · normal · 30 min/);
    expect(t.alternateScreen).toBe(true);
    t.press('Enter');
    await t.waitFor(/▶ 1x/);
    for (const speed of ['2x', '5x', '10x']) {
      t.type('+');
      await t.waitFor(new RegExp(`▶ ${speed}`));
    }
    await t.waitFor(/CheckoutErrors/, 30_000);
    // Keys: tab to the dashboard, d drills into the errors panel, esc back to the command line.
    t.press('Tab');
    await t.waitFor(/┏ ▸ Logs/);
    t.press('Tab');
    await t.waitFor(/┏ ▸ Dashboard/);
    await t.waitFor(/axis 0–100% · alarm > 5% · d: dash errors/);
    t.type('d');
    await t.waitFor(/Dashboard › 5xx %/);
    t.press('Escape');
    await t.waitFor(/^> ▏/m);
    // Commands: page ops, wait for Ana, delegate the rollback with a time-box.
    t.type('escalate ops');
    t.press('Enter');
    await t.waitFor(/Ana: joined the incident channel/, 30_000);
    t.type('ask ana do rollback config in 3m');
    t.press('Enter');
    // A change is read back first; interactive play always waits for the IC's go.
    await t.waitFor(/Ana read back a change: `go` to confirm/);
    t.type('go');
    t.press('Enter');
    await t.waitFor(/⧗/);
    // The error rate drops on the dashboard: no alarm marker on the 5xx row any more.
    const errorRow = (screen: string) => screen.split('\n').find((l) => /POST \/checkout .*%/.test(l)) ?? '';
    expect(errorRow(t.screen())).toMatch(/% !/);
    await t.waitFor((s) => errorRow(s) !== '' && !/% !/.test(errorRow(s)), 60_000);
    expect(errorRow(t.screen())).toMatch(/\b0\.\d%/);
    const after = await quitConfirmed(t);
    expect(after).toMatch(/session [0-9A-Z]{26}/);
    expectRestored(t);
    const store = openStore(db);
    const row = store.getSession('latest');
    expect(row.scenarioId).toBe('mini-checkout');
    const texts = store.events(row.id).map((e) => (e.payload as { text?: string }).text).filter(Boolean);
    expect(texts).toEqual(['dash errors', 'escalate ops', 'ask ana do rollback config in 3m', 'go']);
    store.close();
  }, 120_000);

  it('--difficulty reaches the session (briefing and store); --speed starts the clock at that speed', async () => {
    const db = tempDb();
    const t = start(db, ['play', 'test/fixtures/mini.yaml', '--difficulty', 'hard', '--speed', '60']);
    await t.waitFor(/mini-checkout · Checkout errors after a config push · hard · 30 min/);
    await t.waitFor(/enter.*start the clock/i);
    t.press('Enter');
    await t.waitFor(/▶ 60x/);
    t.press('C-c');
    await t.waitFor(/Quit this session\? y\/n/);
    t.press('C-c');
    await t.exited();
    const store = openStore(db);
    const row = store.getSession('latest');
    expect(row.difficulty).toBe('hard');
    expect(store.events(row.id).map((e) => e.type).slice(0, 2)).toEqual(['start', 'speed']);
    store.close();
  });
});


describe('a database that cannot be written, found while the briefing shows', () => {
  it('ends the screen, restores the terminal and says why (exit 1), recording nothing', async () => {
    const db = tempDb();
    // A recorded session first, so the file exists; then another process takes the write lock.
    const seed = openStore(db);
    seed.close();
    const holder = new Database(db);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const t = start(db, ['play', 'test/fixtures/mini.yaml']);
      expect(await t.exited(30_000)).toEqual({ code: 1, signal: 0 });
      const after = t.screen();
      expect(after).toMatch(/firedrill: .*is locked by another process; try again/);
      expect(after).not.toMatch(/\n\s+at /);
      expectRestored(t);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    const store = openStore(db);
    expect(store.listSessions()).toEqual([]);
    store.close();
  }, 60_000);
});
