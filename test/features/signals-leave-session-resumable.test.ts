// Signals from outside while a session is played in a real terminal: each
// ends the program the ordinary way (exit 0, no native abort, no uncaught
// exception), leaves the terminal restored, and the session open to resume
// with every command it had taken.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('closing the terminal', () => {
  it('the master side closes mid-session (SIGHUP, then EIO on every write): exit 0, no crash, and the session resumes where it was', async () => {
    const db = tempDb();
    // An unexpected error writes its trace under TMPDIR (cli/main.ts): there must be none.
    const tmp = mkdtempSync(join(tmpdir(), 'firedrill-hangup-'));
    const t = startProgram(['play', 'test/fixtures/mini.yaml', '--seed', '6', '--db', db], { ...SIZES.large, env: { TMPDIR: tmp } });
    open.push(t);
    await t.waitFor(/enter.*start the clock/i);
    t.press('Enter');
    await t.waitFor(/Dashboard/);
    t.type('sev 2');
    t.press('Enter');
    await t.waitFor(/SEV-2/);
    t.type('status half typ'); // on the command line, not sent
    await t.waitFor(/> status half typ/);
    t.hangUp();
    // a native abort would be SIGABRT; an uncaught `write EIO` exit 1 or 70 (with a trace under TMPDIR)
    expect(await t.exited()).toEqual({ code: 0, signal: 0 });
    expect(readdirSync(tmp).filter((f) => f.startsWith('firedrill-crash-'))).toEqual([]);

    const store = openStore(db, { readonly: true });
    const id = store.getSession('latest').id;
    expect(store.getSession(id).outcome).toBeNull();
    expect(store.events(id).filter((e) => e.type === 'command').map((e) => (e.payload as { text: string }).text)).toEqual(['sev 2']);
    expect(store.leases.holder(id)).toBeNull();
    store.close();

    // resumable: `resume` takes it at once, with the world it had
    const r = startProgram(['resume', id, '--db', db], SIZES.large);
    open.push(r);
    await r.waitFor(/SEV-2/);
    r.type('note after the hang-up');
    r.press('Enter');
    await r.waitFor(/noted/);
    await r.waitFor(/^> ▏ .*q quit/m);
    r.type('q');
    await r.waitFor(/Quit this session\? y\/n/);
    r.type('y');
    expect(await r.exited()).toEqual({ code: 0, signal: 0 });
    const after = openStore(db, { readonly: true });
    expect(after.events(id).filter((e) => e.type === 'command').map((e) => (e.payload as { text: string }).text)).toEqual(['sev 2', 'note after the hang-up']);
    expect(after.verify(id).ok).toBe(true);
    after.close();
  }, 90_000);
});
