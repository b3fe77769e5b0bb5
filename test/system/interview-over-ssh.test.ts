// `firedrill host` against the real OpenSSH client: the examiner's console in
// a pseudo-terminal (node-pty), each candidate's `ssh -p PORT join@127.0.0.1`
// in its own tmux (test/support/tmux.ts), with a temp HOME and no
// known_hosts. A join code opens the play screen; the candidate plays the
// strong script's commands at their sim times (the host's clock at 30x); the
// examiner's injection, pause and +10 min reach the candidate mid-play; a
// wrong code, a code in use, a command, SFTP and a -L forward are refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { scriptLines } from '../helpers.js';
import { type ProgramTerminal, startProgram } from '../support/terminal.js';
import { TmuxTerminal } from '../support/tmux.js';

const CODE = /\b[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}\b/gu;
/** The scenario's strong play (the same lines as its examiner.referencePlay; a test keeps them equal). */
const STRONG = scriptLines('test/scripts/payment-fraud-dns.strong.txt');
/** The examiner steps in after the candidate's second status update. */
const STEP_IN_AFTER = STRONG.findIndex((l) => l.text.startsWith('status SEV-2 update'));
const POSTMORTEM = STRONG.findIndex((l) => l.text === 'postmortem');
const SPEED = 30;

describe('an interview hosted over SSH, joined with the OpenSSH client', () => {
  let dir: string;
  let home: string;
  let examiner: ProgramTerminal;
  let port: number;
  let codes: string[];
  const opened: TmuxTerminal[] = [];

  const sshArgs = (extra: string[] = [], logLevel = 'ERROR') => [
    '-p',
    String(port),
    '-o',
    'StrictHostKeyChecking=no',
    '-o',
    'UserKnownHostsFile=/dev/null',
    '-o',
    `LogLevel=${logLevel}`,
    '-o',
    'PreferredAuthentications=keyboard-interactive',
    '-o',
    'NumberOfPasswordPrompts=1',
    ...extra,
  ];
  const ssh = (args: string[], cols = 120, rows = 40, program = 'ssh') => {
    const t = new TmuxTerminal(program, args, { cols, rows, env: { HOME: home } });
    opened.push(t);
    return t;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'firedrill-ssh-'));
    home = join(dir, 'home');
    examiner = startProgram(
      ['host', 'payment-fraud-dns', '--listen', '127.0.0.1:0', '--db', join(dir, 'exam.db'), '--host-key', join(dir, 'host_key'), '--seed', '1', '--codes', '3', '--speed', String(SPEED)],
      { cols: 120, rows: 44, env: { HOME: join(dir, 'examiner-home') } },
    );
    const lobby = await examiner.waitFor(/Waiting for candidates[\s\S]*SHA256:/);
    port = Number(/ssh -p (\d+) join@127\.0\.0\.1/.exec(lobby)![1]);
    codes = [...new Set(lobby.match(CODE) ?? [])];
    expect(codes).toHaveLength(3);
  });
  afterAll(() => {
    for (const t of opened) t.dispose();
    examiner?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The session's sim time in seconds, as the examiner's console states it. */
  const simSec = (screen: string) => {
    const m = /\(sim \+(\d+):(\d\d)\)/u.exec(screen);
    return m ? Number(m[1]) * 60 + Number(m[2]) : -1;
  };

  /** Types a command line on the candidate's screen and waits until the play screen has taken it. */
  const enter = async (cand: TmuxTerminal, text: string) => {
    cand.type(text);
    // the end of what was typed, before the cursor: the keys have arrived
    await cand.waitFor((s) => s.includes(`${text.slice(-12)}▏`));
    cand.press('Enter');
    // the command line is empty again: the line was entered
    await cand.waitFor(/^> ▏ /mu);
  };

  it('a wrong code is refused', async () => {
    const t = ssh([...sshArgs(), 'join@127.0.0.1'], 80, 24);
    await t.waitFor(/Join code:/);
    t.type('WRNG-CODE\r');
    await t.waitFor(/Permission denied/);
    expect([255, -1]).toContain((await t.exited()).code);
  });

  it('a command, SFTP and a -L forward are refused, with a good code', async () => {
    const exec = ssh([...sshArgs(), 'join@127.0.0.1', 'ls', '/'], 80, 24);
    await exec.waitFor(/Join code:/);
    exec.type(`${codes[1]}\r`);
    await exec.waitFor(/exec request failed/);
    expect((await exec.exited()).code).not.toBe(0);

    // sftp spells the port -P; the options are ssh's.
    const sftp = ssh(['-P', String(port), ...sshArgs().slice(2), 'join@127.0.0.1'], 80, 24, 'sftp');
    await sftp.waitFor(/Join code:/);
    sftp.type(`${codes[1]}\r`);
    await sftp.waitFor(/subsystem request failed|Connection closed/);
    expect((await sftp.exited()).code).not.toBe(0);

    const localPort = 20_000 + Math.floor(Math.random() * 20_000);
    // At the default log level, so ssh says what the host answered.
    const forward = ssh([...sshArgs([], 'INFO'), '-N', '-L', `${localPort}:127.0.0.1:22`, 'join@127.0.0.1'], 100, 24);
    await forward.waitFor(/Join code:/);
    forward.type(`${codes[1]}\r`);
    // Once authenticated, ssh listens locally; a connection through it is refused by the host.
    let said = '';
    for (let i = 0; i < 50 && !/open failed/.test(said); i++) {
      await new Promise<void>((resolve) => {
        const sock = tcpConnect(localPort, '127.0.0.1');
        sock.on('error', () => resolve());
        sock.on('close', () => resolve());
        sock.setTimeout(500, () => sock.destroy());
      });
      said = forward.screen();
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(said).toMatch(/channel \d+: open failed/);
  });

  // The refusals above are checked against a host that has not yet served a whole session; this one ends with a refusal after one.
  it('a candidate joins with the code and plays the strong script; the examiner injects and pauses; the candidate is told', async () => {
    const cand = ssh([...sshArgs(), 'join@127.0.0.1']);
    await cand.waitFor(/Join code:/);
    cand.type(`${codes[0]}\r`);
    await cand.waitFor(/\[enter\] start the clock/);
    await examiner.waitFor(/EXAMINER · candidate: candidate 1/);
    cand.press('Enter');
    await cand.waitFor(/Clock started/);

    for (const [i, line] of STRONG.entries()) {
      // each incident line at its sim time, as the script has it (later if typing the one before
      // took longer); the postmortem's own clock runs at 1x, so its lines follow one another
      if (i <= POSTMORTEM) await examiner.waitFor((s) => simSec(s) >= line.simMs / 1000, 120_000);
      if (line.text === 'postmortem') {
        cand.type('postmortem\r');
        await cand.waitFor(/esc command line/u);
        // the script writes the postmortem as `pm …` lines on the command line
        cand.press('Escape');
        await cand.waitFor(/^> ▏ /mu);
      } else if (line.text === 'pm submit') {
        cand.type('pm submit\r');
        // the candidate's copy holds no score: the examiner releases the debrief
        await cand.waitFor(/Session over[\s\S]*Your examiner has the debrief/u);
      } else {
        await enter(cand, line.text);
      }
      if (line.text === 'sev 2') await cand.waitFor(/SEV-2/);
      if (i !== STEP_IN_AFTER) continue;

      // The examiner sees what the candidate is typing before it is entered.
      cand.type('logs service=payment');
      await examiner.waitFor(/> logs service=payment/);
      cand.press('C-u');
      examiner.type('1');
      await examiner.waitFor(/message \(who: text/);
      examiner.type('dana: Are refunds affected too?\r');
      await cand.waitFor(/refunds affected too\?/); // the name before it may wrap the line
      examiner.type('p');
      await cand.waitFor(/paused by the examiner/);
      cand.press('Space');
      await cand.waitFor(/Paused by the examiner: the examiner resumes the clock\./);
      examiner.type('+');
      await cand.waitFor(/\+10 min added/);
      expect(cand.screen()).not.toMatch(/root cause|variant|Rubric/i);
      examiner.type('p');
      await cand.waitFor((s) => !s.includes('paused by the examiner'));
    }
    // Every line of the strong script reached the examiner's session, in order, and nothing else.
    const store = openStore(join(dir, 'exam.db'), { readonly: true });
    try {
      const played = store.events(store.getSession('latest').id).filter((e) => e.type === 'command').map((e) => (e.payload as { text: string }).text);
      expect(played).toEqual(STRONG.map((l) => l.text));
    } finally {
      store.close();
    }

    // The code once more, now that its session has ended: refused.
    const twin = ssh([...sshArgs(), 'join@127.0.0.1'], 80, 24);
    await twin.waitFor(/Join code:/);
    twin.type(`${codes[0]}\r`);
    await twin.waitFor(/Permission denied/);
    const twinExit = await twin.exited();
    // 255 is OpenSSH's refusal; -1 when tmux left the client unreaped and never showed its code.
    expect([255, -1], `${JSON.stringify(twinExit)}\n${twin.screen()}`).toContain(twinExit.code);

    // A command, now that the host has served a whole session: refused, and the host ends that connection.
    const late = ssh([...sshArgs(), 'join@127.0.0.1', 'ls', '/'], 80, 24);
    await late.waitFor(/Join code:/);
    late.type(`${codes[1]}\r`);
    await late.waitFor(/exec request failed/);
    const lateExit = await late.exited();
    expect([255, -1], `${JSON.stringify(lateExit)}\n${late.screen()}`).toContain(lateExit.code);
  }, 300_000);
});
