// Small wording bugs a player reads in the chat and the help, each pinned.
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../src/cli/help.js';
import { durationWords, pollReply, proposalLine } from '../../src/sim/handlers/team.js';
import { elapsedWords } from '../../src/sim/executive-text.js';
import { Engine } from '../../src/sim/engine.js';
import { loadFixture, playText } from '../helpers.js';

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

describe('hints written against what has happened by the time they are taken', () => {
  const K8S = 'scenarios/k8s-observability-blindspot.yaml';
  const hintLine = (feed: { from: string; text: string }[]) => feed.filter((f) => f.from === 'hint').map((f) => f.text);

  it('before the onset, hint gives nothing and charges nothing', async () => {
    const { session } = await playText(K8S, '00:30 hint\n', 1);
    const s = session.engine.state;
    expect(s.hintsTaken).toHaveLength(0);
    expect(s.lastAnswer?.text).toMatch(/nothing has gone wrong yet/);
  });

  it('the first hint speaks of the campaign before the overload, and of degrading routes after it, never of a call still to come', async () => {
    const early = await playText(K8S, '02:30 hint\n', 1);
    const late = await playText(K8S, '06:30 hint\n', 1);
    const [earlyText] = hintLine(early.session.engine.state.feed);
    const [lateText] = hintLine(late.session.engine.state.feed);
    expect(earlyText).toMatch(/traffic is climbing/i);
    expect(earlyText).not.toMatch(/degrade|called|5xx/i);
    expect(lateText).toMatch(/degrade/);
    for (const t of [earlyText, lateText]) expect(t).not.toMatch(/front desk called/);
    expect(early.session.engine.state.hintsTaken).toHaveLength(1);
  });
});

describe('the executive speaks from the world as it stands', () => {
  const LOST = 'scenarios/lost-orders-broker.yaml';
  const VISITS = 'scenarios/visits-slow-query.yaml';
  const execLine = (state: { questions: { id: string; text: string }[] }) => state.questions.find((q) => q.id === 'executive')?.text ?? '';
  const inject = (simMs: number) => ({ simMs, actor: 'examiner' as const, body: { type: 'inject' as const, kind: 'executive' as const, from: 'examiner', channel: 'stakeholder' as const, text: '' } });

  it('brought in five minutes after a status update, says the update is five minutes old, not twenty minutes of silence', () => {
    const engine = new Engine(loadFixture(LOST).scenario, { seed: 1 });
    engine.apply({ simMs: 0, actor: 'system', body: { type: 'start' } });
    engine.apply({ simMs: 300_000, actor: 'ic', body: { type: 'command', text: 'status investigating a broker problem, next update in 15m' } });
    engine.apply(inject(600_000));
    const text = execLine(engine.state);
    expect(text).toMatch(/The last update I saw was 5 minutes old/);
    expect(text).not.toMatch(/haven't seen an update/);
    expect(text).not.toMatch(/\{\{/);
  });

  it('joining on its own after a long silence, says how long it has been', async () => {
    const { session } = await playText(LOST, '40:00 note waiting\n', 1);
    const text = execLine(session.engine.state);
    expect(text).toMatch(/I haven't seen a single update, and this started \d+ minutes ago/);
  });

  it('on a clock that shows a day per minute, speaks in days or weeks', () => {
    const engine = new Engine(loadFixture(VISITS).scenario, { seed: 1 });
    engine.apply({ simMs: 0, actor: 'system', body: { type: 'start' } });
    engine.apply(inject(240_000));
    const text = execLine(engine.state);
    expect(text).toMatch(/\d+ (days|weeks)|a (day|week)/);
    expect(text).not.toMatch(/minutes/);
  });

  it('words a stretch of wall-clock time as a person would', () => {
    expect([59, 60, 1200, 5400, 7200, 3 * 86_400, 21 * 86_400].map(elapsedWords)).toEqual(['a minute', 'a minute', '20 minutes', '2 hours', '2 hours', '3 days', '3 weeks']);
  });
});
