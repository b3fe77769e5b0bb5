// One writer per session, in real terminals: two `resume`s of the same
// interrupted session started together, and a resume of a session a script
// is still playing. Exactly one plays; the other is refused by name.
import { afterEach, describe, expect, it } from 'vitest';
import { Session } from '../../src/session/session.js';
import { openStore } from '../../src/store/index.js';
import { loadFixture } from '../helpers.js';
import { tempDb } from '../cli/run-cli.js';
import { type ProgramTerminal, SIZES, startProgram } from '../support/terminal.js';
import { MINI, runCli } from '../cli/cli-helpers.js';
import { spawn } from 'node:child_process';
import { BIN } from '../cli/run-cli.js';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const open: ProgramTerminal[] = [];
afterEach(() => open.splice(0).forEach((t) => t.dispose()));

function start(db: string, args: string): ProgramTerminal {
  const t = startProgram([...args.split(' '), '--db', db], SIZES.large);
  open.push(t);
  return t;
}

/** An interrupted session: started, two commands, never quit; its lease let go. */
function interrupted(db: string): string {
  const store = openStore(db);
  const session = Session.start(store, loadFixture(MINI), { seed: 5, trainee: 'sam', mode: 'solo', difficulty: 'normal' }, Date.now);
  session.record({ type: 'start' }, 0);
  session.record({ type: 'command', text: 'sev 2' }, 30_000);
  session.lease?.release();
  store.close();
  return session.id;
}

const REFUSED = /is being played right now by process (\d+) on \S+ \(since [\d-]+ [\d:]+ UTC, last heard from \d+ s ago\)/;

describe('one writer per session', () => {
  it('two resumes started together: one plays, the other is refused naming it, exit 1', async () => {
    const db = tempDb();
    const id = interrupted(db);
    const a = start(db, `resume ${id}`);
    const b = start(db, `resume ${id}`);
    const refused = await Promise.race([a.exited().then(() => a), b.exited().then(() => b)]);
    const playing = refused === a ? b : a;
    expect(await refused.exited()).toEqual({ code: 1, signal: 0 });
    const m = REFUSED.exec(refused.screen().replace(/\n/g, ''));
    expect(m, refused.screen()).not.toBeNull();
    expect(Number(m![1])).toBe(playing.pid);
    await playing.waitFor(/SEV-2/);
    playing.type('note still mine');
    playing.press('Enter');
    await playing.waitFor(/noted/);
    playing.type('q');
    await playing.waitFor(/Quit this session\? y\/n/);
    playing.type('y');
    expect(await playing.exited()).toEqual({ code: 0, signal: 0 });
    // the winner's events only, in order, and the chain holds
    const store = openStore(db, { readonly: true });
    const events = store.events(id);
    expect(events.filter((e) => e.type === 'command').map((e) => (e.payload as { text: string }).text)).toEqual(['sev 2', 'note still mine']);
    expect(store.verify(id).ok).toBe(true);
    store.close();
  }, 90_000);

  it('a resume of a session a headless script is still playing is refused', async () => {
    const db = tempDb();
    const script = join(dirname(db), 'slow.txt');
    writeFileSync(script, '00:10 ack\n00:20 sev 2\n00:30 note a\n00:40 note b\n00:50 note c\n01:00 note d\n');
    const child = spawn(process.execPath, [BIN, 'play', MINI, '--script', script, '--pace', '1500', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((r) => child.on('close', r));
    await new Promise<void>((resolve) => child.stderr.on('data', (c: Buffer) => (/accepted #2/.test(c.toString()) ? resolve() : undefined)));
    const t = start(db, 'resume latest');
    expect(await t.exited()).toEqual({ code: 1, signal: 0 });
    expect(t.screen().replace(/\n/g, '')).toMatch(new RegExp(`by process ${child.pid} on`));
    expect(await exited).toBe(0);
    // once the script is done the session is over, not held: nothing to resume, said as such
    const r = await runCli(['resume', 'latest', '--db', db]);
    expect(r.code).toBe(1);
  }, 90_000);
});
