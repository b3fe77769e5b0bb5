// firedrill host at the SSH protocol level, driven by ssh2's own client:
// a join code opens the candidate's play screen and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayCode } from '../../src/host/join-codes.js';
import { CandidateTerminal, connect, refusal, sleep, startTestHost, type TestHost } from './host-harness.js';

describe('firedrill host over SSH', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('a join code opens the candidate play screen; the host knows the candidate', async () => {
    const code = t.serving.host.issueCode();
    const client = await connect(t.serving.port, displayCode(code).toLowerCase(), { username: 'priya' });
    const term = await CandidateTerminal.open(client, 100, 30);
    await term.waitFor('[enter] start the clock');
    const cand = t.serving.host.candidates.find((c) => c.code === code)!;
    expect(cand.trainee).toBe('priya');
    expect(cand.connected).toBe(true);
    term.type('\r');
    await term.waitFor('Clock started');
    term.type('sev 2');
    // The examiner's mirror follows the prompt as it is typed.
    for (let i = 0; i < 40 && cand.draft !== 'sev 2'; i++) await sleep(50);
    expect(cand.draft).toBe('sev 2');
    term.type('\r');
    await term.waitFor('SEV-2');
    client.end();
  });

  it('keys that arrive in one packet are each a key: ctrl-u then a letter clears the line, then types the letter', async () => {
    const code = t.serving.host.issueCode();
    const client = await connect(t.serving.port, displayCode(code));
    const term = await CandidateTerminal.open(client, 100, 30);
    await term.waitFor('[enter] start the clock');
    term.type('\r');
    await term.waitFor('Clock started');
    const cand = t.serving.host.candidates.find((c) => c.code === code)!;
    term.type('abcdefgh');
    for (let i = 0; i < 40 && cand.draft !== 'abcdefgh'; i++) await sleep(50);
    term.type('\u0015b');
    for (let i = 0; i < 40 && cand.draft !== 'b'; i++) await sleep(50);
    expect(cand.draft).toBe('b');
    term.type('x\u007f\u007fsev 2\r');
    await term.waitFor('SEV-2');
    client.end();
  });

  it('refuses a wrong code, and an address that keeps guessing is held off', async () => {
    await expect(connect(t.serving.port, 'WRONG-CODE')).rejects.toThrow(/authentication methods failed/i);
    expect(t.logs.some((l) => /refused a join code .*unknown/.test(l))).toBe(true);
    // Five failures a minute per address: after them even a good code is refused for now.
    for (let i = 0; i < 4; i++) await connect(t.serving.port, 'ZZZZ-ZZZZ').catch(() => undefined);
    const good = t.serving.host.issueCode();
    await expect(connect(t.serving.port, good)).rejects.toThrow(/authentication methods failed/i);
    expect(t.logs.some((l) => /too many wrong codes/.test(l))).toBe(true);
  });
});

describe('what a joined connection may not do', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('refuses a code already in use, takes the candidate back after a drop, and never after the session ended', async () => {
    const code = t.serving.host.issueCode();
    const first = await connect(t.serving.port, code, { method: 'password' });
    const term = await CandidateTerminal.open(first);
    await term.waitFor('[enter] start the clock');
    term.type('\r');
    await term.waitFor('Clock started');
    term.type('ack\r');
    await term.waitFor(/acknowledged|ack/i);
    // While the candidate is connected, the same code is refused.
    await expect(connect(t.serving.port, code)).rejects.toThrow(/authentication methods failed/i);
    const cand = t.serving.host.candidates.find((c) => c.code === code)!;
    const commands = () => t.store.events(cand.id).filter((e) => e.type === 'command').length;
    const before = commands();
    first.end();
    for (let i = 0; i < 40 && cand.connected; i++) await sleep(50);
    expect(cand.connected).toBe(false);
    // A dropped candidate comes back with the same code to the same session.
    const again = await connect(t.serving.port, code);
    const term2 = await CandidateTerminal.open(again);
    await term2.waitFor('Your timeline');
    expect(t.serving.host.candidates.filter((c) => c.code === code)).toHaveLength(1);
    expect(commands()).toBe(before);
    // Quitting ends the session: the code is spent.
    term2.type('q');
    await term2.waitFor(/quit/i);
    term2.type('y');
    for (let i = 0; i < 100 && !term2.closed; i++) await sleep(50);
    expect(term2.closed).toBe(true);
    expect(term2.received()).toContain('examiner has the debrief');
    again.end();
    await sleep(200);
    await expect(connect(t.serving.port, code)).rejects.toThrow(/authentication methods failed/i);
  });

  it('refuses commands, SFTP, a shell without a terminal and port forwards in both directions', async () => {
    const code = t.serving.host.issueCode();
    // Each request on a connection of its own: a connection has one session channel, the screen.
    // The host ends a connection whose session asked for a command or a
    // subsystem, and gives its code back first: the next join with it is let in at once.
    const execClient = await connect(t.serving.port, code);
    const execClosed = new Promise<void>((resolve) => execClient.once('close', () => resolve()));
    const exec = await refusal((cb) => execClient.exec('ls', (err) => cb(err)));
    expect(exec?.message).toMatch(/unable to exec|failure/i);
    await execClosed;
    const sftpClient = await connect(t.serving.port, code);
    const sftpClosed = new Promise<void>((resolve) => sftpClient.once('close', () => resolve()));
    const sftp = await refusal((cb) => sftpClient.sftp((err) => cb(err)));
    expect(sftp?.message).toMatch(/unable to start subsystem|failure/i);
    await sftpClosed;
    const client = await connect(t.serving.port, code);
    const forwardOut = await refusal((cb) => client.forwardOut('127.0.0.1', 5000, '127.0.0.1', 22, (err) => cb(err)));
    expect(forwardOut?.message).toMatch(/administratively prohibited|open failure|failure/i);
    const forwardIn = await refusal((cb) => client.forwardIn('127.0.0.1', 0, (err) => cb(err)));
    expect(forwardIn).not.toBeNull();
    client.end();

    const client2 = await connect(t.serving.port, code);
    const noPty = await refusal((cb) => client2.shell(false, (err) => cb(err)));
    expect(noPty?.message).toMatch(/unable to open shell|failure/i);
    client2.end();
    const said = t.logs.join('\n');
    for (const what of [/refused a command \("ls"\)/, /refused SFTP/, /refused a port forward/, /refused a global request \(tcpip-forward\)/, /without a terminal/]) expect(said).toMatch(what);
  });
});
