import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/parse.js';

const ask = (line: string) => parseCommand(line);

describe('time-boxes on ask', () => {
  it.each([
    ['ask ana run dig in 90s', 'run dig', 90],
    ['ask ana run dig in 90 seconds', 'run dig', 90],
    ['ask ana run dig in 5m', 'run dig', 300],
    ['ask ana run dig within 5 minutes', 'run dig', 300],
    ['ask ana run dig in 5', 'run dig', 300],
  ])('%s counts on the session clock', (line, task, sec) => {
    expect(ask(line)).toEqual({ ok: true, command: { verb: 'ask', who: 'ana', task, boxSec: sec } });
  });

  it.each([
    ['ask ana run dig in 2h', 7200],
    ['ask ana run dig in 2 hours', 7200],
    ['ask ana run dig in 1d', 86_400],
    ['ask ana run dig within 1 day', 86_400],
    ['ask ana run dig in 1.5d', 129_600],
  ])('%s counts on the scenario clock', (line, sec) => {
    expect(ask(line)).toEqual({ ok: true, command: { verb: 'ask', who: 'ana', task: 'run dig', boxSec: sec, boxClock: 'scenario' } });
  });

  it.each(['ask ana run dig in 2 weeks', 'ask ana run dig in 500ms', 'ask ana run dig in 5 minuts', 'ask ana run dig in 3 months'])('%s is refused with the accepted forms', (line) => {
    const r = ask(line);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/in 90s, in 5m, in 2h, in 1d/);
  });

  it('a number that belongs to the task is not a time-box', () => {
    expect(ask('ask ana do scale the api for 2 pods')).toEqual({ ok: true, command: { verb: 'ask', who: 'ana', task: 'do scale the api for 2 pods', boxSec: null } });
    expect(ask('ask ana do add capacity in 3 regions')).toEqual({ ok: true, command: { verb: 'ask', who: 'ana', task: 'do add capacity in 3 regions', boxSec: null } });
  });
});
