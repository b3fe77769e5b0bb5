// Small wording bugs a player reads in the chat and the help, each pinned.
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../src/cli/help.js';
import { durationWords, pollReply, proposalLine } from '../../src/sim/handlers/team.js';

describe('poll wording', () => {
  it('says "Proposal:" and "Any strong objections?" once, however the IC typed the poll', () => {
    expect(proposalLine('Proposal: fail open with limits. Any strong objections?')).toBe('Proposal: fail open with limits. Any strong objections?');
    expect(proposalLine('fail open with limits')).toBe('Proposal: fail open with limits. Any strong objections?');
    expect(proposalLine('roll back to 2.7.4?')).toBe('Proposal: roll back to 2.7.4? Any strong objections?');
    expect(proposalLine('proposal — drain node-3, objections?')).toBe('Proposal: drain node-3. Any strong objections?');
  });

  it('tallies a reply by its intent: "No objection…" is not an objection; the speaker is not named twice', () => {
    expect(pollReply('Aiko: No objection to CONCURRENTLY. It takes about two hours.', 'Aiko Tanaka')).toEqual({ text: 'No objection to CONCURRENTLY. It takes about two hours.', objects: false });
    expect(pollReply('Grace: No strong objection. Newest first, 50 per page.', 'Grace Lin')).toMatchObject({ objects: false });
    expect(pollReply('Aiko: Objection — visits is attendance history.', 'Aiko Tanaka')).toEqual({ text: 'Objection — visits is attendance history.', objects: true });
    expect(pollReply('Aiko: Strong objection to a plain CREATE INDEX.', 'Aiko Tanaka')).toMatchObject({ objects: true });
    expect(pollReply('A list that can be minutes old is a safety problem.', 'Grace Lin')).toMatchObject({ objects: true });
  });
});

describe('progress with a unit', () => {
  it('"about 1 min 19 s more", never a bare 1:19', () => {
    expect(durationWords(79)).toBe('1 min 19 s');
    expect(durationWords(45)).toBe('45 s');
    expect(durationWords(120)).toBe('2 min');
    expect(durationWords(2 * 3600 + 300)).toBe('2 h 5 min');
  });
});

describe('--help', () => {
  it('lists --variant', () => {
    expect(USAGE).toMatch(/--variant V/u);
  });
});

describe('a responder joining', () => {
  it('is named once: "Ana: joined the incident channel (role)"', async () => {
    const { playText } = await import('../helpers.js');
    const { session } = await playText('test/fixtures/mini.yaml', '00:30 ack\n01:00 escalate ops\n02:10 followup ana\n');
    const joined = session.engine.state.feed.find((f) => /joined the incident channel/u.test(f.text))!;
    expect(joined.from).toBe('Ana');
    expect(joined.text).toMatch(/^joined the incident channel \(.+\)\.$/u);
    expect(joined.text).not.toContain('Ana');
  });
});

describe('the postmortem type cell', () => {
  it('letters typed there leave the type as it was; ←→ set it, a digit sets the priority', async () => {
    const { EMPTY_PM_FORM, PM_SLOTS, cyclePick, pickByLetter } = await import('../../src/ui/postmortem-form.js');
    const { paymentFixture } = await import('../ui/fixture.js');
    const pm = paymentFixture().postmortem;
    const onType = { ...EMPTY_PM_FORM, slot: PM_SLOTS.indexOf('a-type') };
    let form = onType;
    for (const ch of 'Alert when DNS fails') form = pickByLetter(form, pm, ch);
    expect(form.typeIndex).toBe(onType.typeIndex);
    expect(cyclePick(onType, pm, 1).typeIndex).toBe(onType.typeIndex + 1);
    const onPriority = { ...EMPTY_PM_FORM, slot: PM_SLOTS.indexOf('a-priority') };
    expect(pickByLetter(onPriority, pm, 'x').priorityIndex).toBe(onPriority.priorityIndex);
    expect(pickByLetter(onPriority, pm, '0').priorityIndex).toBe(0);
  });
});
