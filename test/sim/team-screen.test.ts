import { describe, expect, it } from 'vitest';
import { completeLine } from '../../src/session/completion.js';
import { renderFrame, viewSizeFor } from '../../src/ui/render-frame.js';
import { selectView } from '../../src/view/select.js';
import { Session } from '../../src/session/session.js';
import { openStore } from '../../src/store/index.js';
import { loadFixture } from '../helpers.js';

const MINI = 'test/fixtures/mini.yaml';

/** Plays commands live (no script runner) and returns the candidate's screen at the end. */
function screenAfter(commands: [number, string][], untilSec: number, width = 120, height = 40): string {
  const session = Session.start(openStore(':memory:'), loadFixture(MINI), { seed: 1, trainee: 't', mode: 'solo', difficulty: 'normal' }, () => 0);
  session.record({ type: 'start' }, 0);
  for (const [sec, text] of commands) session.record({ type: 'command', text }, sec * 1000);
  session.engine.advanceTo(untilSec * 1000);
  return renderFrame(selectView(session.engine, viewSizeFor(width, height), { mode: 'play', interview: false, summary: null }), width, height);
}

describe('incident command on the screen', () => {
  it('shows the responder on the team panel with the task and its time-box', () => {
    const frame = screenAfter([[30, 'ack'], [60, 'escalate ops'], [130, 'ask ana run config log in 5m']], 140);
    expect(frame).toMatch(/Ana/);
    expect(frame).toMatch(/run config log/);
    expect(frame).toMatch(/ask ana run config log in 5m/);
  });

  it('shows an objection to a poll in the chat', () => {
    const frame = screenAfter([[60, 'escalate ops'], [130, 'poll roll back the last change']], 135);
    expect(frame).toMatch(/Objection/);
  });

  it('shows the executive swooping in after a silence', () => {
    const frame = screenAfter([[30, 'ack'], [40, 'sev 2'], [50, 'status Checkout failing; next update in 10 min']], 700);
    expect(frame).toMatch(/Vic/);
  });

  it('completes responders, teams and stakeholders, and explains a verb', () => {
    const scenario = loadFixture(MINI).scenario;
    expect(completeLine(scenario, 'ask a')).toContain('ask ana');
    expect(completeLine(scenario, 'escalate o')).toContain('escalate ops');
    expect(completeLine(scenario, 'reply s')).toContain('reply sam');
    expect(completeLine(scenario, 'ask ana run conf')).toContain('ask ana run config log in 5m');
    const session = Session.start(openStore(':memory:'), loadFixture(MINI), { seed: 1, trainee: 't', mode: 'solo', difficulty: 'normal' }, () => 0);
    session.record({ type: 'start' }, 0);
    session.record({ type: 'command', text: 'help poll' }, 1000);
    expect(session.engine.state.lastAnswer!.text).toMatch(/poll TEXT — propose a decision and ask for strong objections/);
  });
});
