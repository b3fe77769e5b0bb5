// The host figure's echo detection: a key counts as shown only when a frame
// shows exactly the line typed so far at the prompt, never a stale frame of
// an earlier line, and a key never shown is counted as missed.
import { describe, expect, it } from 'vitest';
import { ECHO_TIMEOUT_MS, EchoMeter } from '../../bench/figures/echo-meter.js';

const frame = (line: string) => `\u001B[2K\u001B[1m> ${line}▏\u001B[22m   ? help\r\n`;

describe('the host figure\'s echo meter', () => {
  it('times each key to the first frame that shows it, escape sequences split across chunks', () => {
    let t = 0;
    const m = new EchoMeter(() => t);
    expect(m.next()).toBe('a');
    t = 10;
    m.received(frame('a').slice(0, 5)); // mid escape sequence
    t = 12;
    m.received(frame('a').slice(5));
    expect(m.echoMs).toEqual([12]);
  });

  it('never types a key that acts on an empty line, and starts each line with a new letter', () => {
    const m = new EchoMeter(() => 0);
    const typed = Array.from({ length: 200 }, () => m.next()).join('');
    expect(typed).not.toMatch(/[q ?+\-/]/u);
    const lines = typed.split('\u0015');
    expect(lines.length).toBeGreaterThan(20);
    lines.slice(1).forEach((line, i) => expect(line[0]).not.toBe(lines[i]![0]));
  });

  it('counts one frame with a longer line as the echo of every key before it', () => {
    let t = 0;
    const m = new EchoMeter(() => t);
    m.next();
    t = 5;
    m.next();
    t = 30;
    m.received(frame('ab'));
    expect(m.echoMs).toEqual([30, 25]);
  });

  it('does not take a frame of the previous line, or the line without the cursor, for an echo', () => {
    const m = new EchoMeter(() => 0);
    let line = '';
    for (let i = 0; i < 8; i++) line += m.next();
    m.received(frame(line));
    expect(m.echoMs).toHaveLength(8);
    const key = m.next(); // ctrl-u, then the new line's first letter
    expect(key).toMatch(/^\u0015[a-z]$/u);
    m.received(frame(line)); // a frame from before the ctrl-u
    m.received(`> ${key.slice(1)}   `);
    expect(m.echoMs).toHaveLength(8);
    m.received(frame(key.slice(1)));
    expect(m.echoMs).toHaveLength(9);
  });

  it('counts a key never shown as missed, at the timeout', () => {
    let t = 0;
    const m = new EchoMeter(() => t);
    m.next();
    t = ECHO_TIMEOUT_MS + 1;
    m.next();
    m.received(frame('ab'));
    expect(m.missed).toBe(1);
    expect(m.times()).toEqual([0, ECHO_TIMEOUT_MS]);
    // a frame that comes after the timeout: the key stays missed
    m.next();
    t += ECHO_TIMEOUT_MS + 1;
    m.received(frame('abc'));
    expect(m.missed).toBe(2);
    expect(m.echoMs).toEqual([0]);
  });
});
