import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { BIN, tempDb } from '../cli/run-cli.js';
import { TmuxSession } from './tmux.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

function start(db: string, args: string): TmuxSession {
  const t = new TmuxSession(`node ${BIN} play ${args} --db ${db} --seed 1`, { width: 120, height: 40 });
  sessions.push(t);
  return t;
}

describe('the real program in a real terminal', () => {
  it('tmux is installed (.ci/run installs it)', () => {
    expect(TmuxSession.available()).toBe(true);
  });

  it('starts, takes `ack` onto the timeline, quits cleanly and restores the terminal', async () => {
    const db = tempDb();
    const t = start(db, 'test/fixtures/mini.yaml');
    await t.waitFor(/enter.*start the clock/i);
    expect(t.display('#{alternate_on}')).toBe('1');
    t.keys('Enter');
    await t.waitFor(/Dashboard/);
    for (const speed of ['2x', '5x', '10x']) {
      t.type('+');
      await t.waitFor(new RegExp(`▶ ${speed}`));
    }
    await t.waitFor(/CheckoutErrors/, 30_000);
    t.type('ack');
    t.keys('Enter');
    await t.waitFor(/ack CheckoutErrors/);
    t.type('sev 2');
    t.keys('Enter');
    await t.waitFor(/SEV-2/);
    t.type('q');
    await t.waitFor(/quit/i);
    t.type('y');
    const after = await t.waitFor(/\[exited 0\]/);
    expect(after).toMatch(/session [0-9A-Z]{26}/);
    expect(t.display('#{alternate_on}')).toBe('0');
    expect(t.display('#{cursor_flag}')).toBe('1');
    const store = openStore(db);
    const events = store.events(store.getSession('latest').id);
    expect(events.map((e) => (e.payload as { text?: string }).text).filter(Boolean)).toEqual(['ack', 'sev 2']);
    expect(events.at(-1)!.type).toBe('quit');
    store.close();
  });

  it('restores the terminal after Ctrl-C too', async () => {
    const db = tempDb();
    const t = start(db, 'test/fixtures/mini.yaml');
    await t.waitFor(/enter.*start the clock/i);
    t.keys('Enter');
    await t.waitFor(/Dashboard/);
    t.keys('C-c');
    await t.waitFor(/\[exited \d+\]/);
    expect(t.display('#{alternate_on}')).toBe('0');
    expect(t.display('#{cursor_flag}')).toBe('1');
  });
});
