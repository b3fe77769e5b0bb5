import { describe, expect, it } from 'vitest';
import { MAX_COMMAND_BYTES } from '../../src/commands/limits.js';
import { SessionError } from '../../src/session/errors.js';
import { parseScript } from '../../src/session/script.js';
import { liveSession } from '../ui/live.js';
import { FIDELITY_SIZE } from '../../src/session/fidelity.js';

describe('the command cap', () => {
  it('live: a 1 MB command is refused with the cap on screen, and nothing is recorded', () => {
    const { controller, store, session } = liveSession();
    controller.start();
    controller.advance(1000);
    const before = store.events(session.id).length;
    // the issue's own bound: refused within 1 s (it froze the screen before the cap); generous, it takes milliseconds
    const t0 = performance.now();
    controller.submit(`status ${'x'.repeat(1 << 20)}`);
    const refusal = controller.view(FIDELITY_SIZE).answer;
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(refusal?.ok).toBe(false);
    expect(store.events(session.id).length).toBe(before);
    expect(controller.view(FIDELITY_SIZE).answer).toEqual({ ok: false, text: expect.stringMatching(/^a command is at most 4 KB \(4,096 bytes\); this one is 1,048,583 bytes, so it was not recorded$/) });
    // the next command is taken as usual, and the refusal gives way to its answer
    controller.submit('ack');
    expect(store.events(session.id).at(-1)?.payload).toEqual({ text: 'ack' });
    expect(controller.view(FIDELITY_SIZE).answer?.text).not.toMatch(/4 KB/);
  });

  it('counts bytes, not characters: 4,096 bytes pass, one more does not', () => {
    const { controller, store, session } = liveSession();
    controller.start();
    const fits = `note ${'é'.repeat((MAX_COMMAND_BYTES - 5) / 2)}`.slice(0, -1) + 'x';
    expect(Buffer.byteLength(fits)).toBeLessThanOrEqual(MAX_COMMAND_BYTES);
    controller.submit(fits);
    expect(store.events(session.id).at(-1)?.payload).toEqual({ text: fits });
    const over = `note ${'é'.repeat(MAX_COMMAND_BYTES / 2)}`;
    controller.submit(over);
    expect(store.events(session.id).at(-1)?.payload).toEqual({ text: fits });
  });

  it('the recorder refuses over-long text from any source (an examiner message too)', () => {
    const { session, store } = liveSession();
    const before = store.events(session.id).length;
    expect(() => session.recorder.record({ type: 'inject', kind: 'message', from: 'examiner', channel: 'chat', text: 'y'.repeat(5000) }, { at: 0 })).toThrow(SessionError);
    expect(store.events(session.id).length).toBe(before);
  });

  it('scripts: an over-long line and a time past the end are refused with file:line', () => {
    const r = parseScript(`00:10 ack\n00:20 note ${'z'.repeat(5000)}\n99:00:00 ack\n`, 's.txt', { endSec: 3600, endWhat: 'the time limit' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatch(/^s\.txt:2: a command is at most 4 KB/);
    expect(r.errors[1]).toBe('s.txt:3: 99:00:00 is past the end of the session (1:00:00: the time limit)');
  });
});
