// Hostile text in the live screen and the examiner console of a real
// terminal, checked on the bytes the programs wrote: a session whose trainee
// name and every free-text command carry OSC, CSI, DCS, APC and C1 payloads
// is resumed in one terminal and examined in another. The screens show the
// text around the payloads; the byte streams hold none of their sequences
// (Ink's own cursor and colour sequences are CSI, and CSI clears may be its
// own, so the check is on what only the payload would write), the title is
// never set, and the alternate screen is never left while the program runs.
import { afterEach, describe, expect, it } from 'vitest';
import { Session } from '../../src/session/session.js';
import { openStore } from '../../src/store/index.js';
import { loadFixture } from '../helpers.js';
import { tempDb } from '../cli/run-cli.js';
import { MINI } from '../cli/cli-helpers.js';
import { HOSTILE } from '../support/hostile-text.js';
import { type ProgramTerminal, SIZES, startProgram } from '../support/terminal.js';

const open: ProgramTerminal[] = [];
afterEach(() => open.splice(0).forEach((t) => t.dispose()));

const COMMANDS = [
  `status Checkout failing ${HOSTILE} next update in 10 min`,
  `note spotted ${HOSTILE} in the logs`,
  `hyp a config ${HOSTILE} change`,
  `reply sam rolling back ${HOSTILE} now`,
  `bogusverb ${HOSTILE}`,
  `rootcause a config push ${HOSTILE} to a dead host`,
];

/** Sequences only the payload would write: OSC, DCS, SOS, PM, APC, RIS, any C1 control, BEL, backspace. */
const PAYLOAD_ONLY = /\u001b[\]PX^_c]|[\u0080-\u009f]|\u0007|\u0008|PWNED|C1-TITLE|evil\.example/u;

function payloadIn(bytes: string): string | null {
  const m = PAYLOAD_ONLY.exec(bytes);
  return m ? JSON.stringify(bytes.slice(Math.max(0, m.index - 30), m.index + 30)) : null;
}

/** An interrupted interview session with hostile text everywhere, its lease let go. */
function hostileSession(db: string): string {
  const store = openStore(db);
  const session = Session.start(store, loadFixture(MINI), { seed: 3, trainee: `mallory${HOSTILE}`, mode: 'solo', difficulty: 'normal' }, Date.now);
  session.record({ type: 'start' }, 0);
  COMMANDS.forEach((text, i) => session.record({ type: 'command', text }, 100_000 + i * 10_000));
  session.lease?.release();
  store.close();
  return session.id;
}

describe('hostile text in real terminals', () => {
  it('resume and examine: no payload sequence in the bytes, no title set, the text around it shown', async () => {
    const db = tempDb();
    const id = hostileSession(db);
    const play = startProgram(['resume', id, '--db', db], SIZES.large);
    open.push(play);
    await play.waitFor(/Checkout failing/);
    await play.waitFor(/hypothesis|a config/);
    const exam = startProgram(['examine', id, '--db', db], SIZES.large);
    open.push(exam);
    await exam.waitFor(/mallory/);
    await exam.waitFor(/bogusverb/);

    for (const [name, t] of [['resume', play], ['examine', exam]] as const) {
      expect(payloadIn(t.output()), `${name}: a payload sequence reached the terminal`).toBeNull();
      expect(t.titlesSet, `${name}: the window title`).toEqual([]);
      expect(t.alternateScreen, `${name}: left the alternate screen`).toBe(true);
      expect(t.screen()).not.toContain('PWNED');
    }
    // typed: C1 controls and BEL arrive whole (a typed ESC is the escape key to the program)
    play.type('note typed \u009b2J\u009d0;T\u0007 here');
    await play.waitFor(/note typed .*here/);
    play.press('Enter');
    await play.waitFor(/noted/);
    expect(payloadIn(play.output()), 'typed text').toBeNull();
    play.type('q');
    await play.waitFor(/Quit this session\? y\/n/);
    play.type('y');
    expect(await play.exited()).toEqual({ code: 0, signal: 0 });
  }, 90_000);
});
