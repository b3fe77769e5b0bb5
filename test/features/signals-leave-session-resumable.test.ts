// Signals from outside while a session is played in a real terminal: each
// ends the program the ordinary way (exit 0, no native abort, no uncaught
// exception), leaves the terminal restored, and the session open to resume
// with every command it had taken.
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { tempDb } from '../cli/run-cli.js';
import { type ProgramTerminal, SIZES, startProgram } from '../support/terminal.js';

const open: ProgramTerminal[] = [];
afterEach(() => open.splice(0).forEach((t) => t.dispose()));

describe('signals leave the session resumable and the terminal restored', () => {
  it.each(['SIGHUP', 'SIGTERM', 'SIGINT', 'SIGQUIT'] as const)('%s', async (signal) => {
    const db = tempDb();
    const t = startProgram(['play', 'test/fixtures/mini.yaml', '--seed', '6', '--db', db], SIZES.large);
    open.push(t);
    await t.waitFor(/enter.*start the clock/i);
    t.press('Enter');
    await t.waitFor(/Dashboard/);
    t.type('sev 2');
    t.press('Enter');
    await t.waitFor(/SEV-2/);
    t.kill(signal);
    expect(await t.exited()).toEqual({ code: 0, signal: 0 });
    expect(t.alternateScreen).toBe(false);
    expect(t.cursorVisible).toBe(true);
    const screen = t.screen();
    expect(screen).not.toMatch(/Assertion|unexpected error|full trace|\bat .+:\d+:\d+/);
    expect(screen).toMatch(/still open; continue it with: firedrill resume/);
    const store = openStore(db, { readonly: true });
    const id = store.getSession('latest').id;
    expect(store.getSession(id).outcome).toBeNull();
    expect(store.events(id).filter((e) => e.type === 'command').map((e) => (e.payload as { text: string }).text)).toEqual(['sev 2']);
    // its lease was let go: a resume takes it at once
    expect(store.leases.holder(id)).toBeNull();
    store.close();
  }, 60_000);
});
