import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load.js';
import { checkpoint, playText } from '../helpers.js';
import { edit, lint } from '../scenario/lint/helpers.js';

const FIXTURE = 'test/fixtures/people-limits.yaml';
const text = readFileSync(FIXTURE, 'utf8');
// Nia and Bo both join at 0:35; the routes go at 1:00 and lock Nia out until the badge override.
const OPENING = `00:05 escalate network\n01:10 ack\n01:20 sev 1\n`;

const said = (feed: readonly { sec: number; from: string; text: string }[], from: string) => feed.filter((f) => f.from === from).map((f) => `${f.sec} ${f.text}`);

describe('what each person can do, knows, and whether they are locked out', () => {
  it('an ask outside what a person can do is answered so and not done', async () => {
    const { session } = await playText(FIXTURE, `${OPENING}01:30 ask bo run show routes\n`);
    const s = session.engine.state;
    expect(said(s.feed, 'Bo')).toContain("90 I can't run that (the edge route table): I am facilities; I do not touch routers.");
    expect(s.tasks.filter((t) => t.who === 'bo')).toEqual([]);
    expect(s.lastAnswer?.ok).toBe(false);
  });

  it('a locked-out person does nothing while the lock holds, including work that falls due during it; after the override they act', async () => {
    const { session } = await playText(FIXTURE, `00:05 escalate network\n00:40 ask nia run show routes\n01:10 ack\n01:40 ask nia restore routes\n01:50 ask bo badge override\n01:55 go\n03:30 ask nia restore routes\n03:35 go\n`);
    const s = session.engine.state;
    const nia = said(s.feed, 'Nia').concat(said(s.feed, 'Nia → you'));
    // asked before the lock, due at 2:40 inside it: not done
    expect(nia).toContain('160 Could not: the badge readers need the network that is down; I am outside the data centre.');
    expect(s.diagnostics.filter((d) => d.by === 'nia')).toEqual([]);
    // asked during the lock: refused at once
    expect(nia).toContain("100 I can't do anything right now: the badge readers need the network that is down; I am outside the data centre.");
    // the override lands at 2:55 (Bo's taskSec after go); then Nia restores the routes
    expect(s.actions.map((a) => `${a.id} ${a.by} ${a.sec}`)).toEqual(['badge-override bo 175', 'restore-routes nia 335']);
    expect(s.mitigatedSec).not.toBeNull();
  });

  it('a question only the specialist knows is answered by them, with its evidence and flag; anyone else has nothing', async () => {
    const strong = await playText(FIXTURE, `${OPENING}01:30 ask bo who changed the routes\n`);
    const s = strong.session.engine.state;
    expect(said(s.feed, 'Bo → you')).toContain('150 The audit job ran at 20:59; it withdrew the routes.');
    expect(s.evidence['audit-found']).toBe(150);
    expect(s.flagLog.find((c) => c.flag === 'asked-bo')?.sec).toBe(150);
    expect(checkpoint(strong.score, 'asked').earned).toBe(checkpoint(strong.score, 'asked').points);

    // Nia, let in by the badge override, does not know
    const other = await playText(FIXTURE, `${OPENING}01:50 ask bo badge override\n01:55 go\n03:00 ask nia who changed the routes\n`);
    const o = other.session.engine.state;
    expect(said(o.feed, 'Nia → you').join('\n')).toMatch(/nothing conclusive/);
    expect(o.evidence['audit-found']).toBeUndefined();
    expect(checkpoint(other.score, 'asked').earned).toBe(0);
  });
});

describe('people limits in validate and lint', () => {
  it('validate refuses an unknown id in can and an unknown flag in lockedOut', () => {
    const problems = (t: string) => {
      const r = loadScenarioText(t, 'x.yaml');
      return r.ok ? '' : r.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
    };
    expect(problems(text)).toBe('');
    expect(problems(edit(text, 'can: [badge-override]', 'can: [badge-overide]'))).toMatch(/people\.1\.can\.0: unknown diagnostic or action "badge-overide"/);
    expect(problems(edit(text, 'when: "onset & !badge-override"', 'when: "onset & !badge-overide"'))).toMatch(/people\.0\.lockedOut\.when: unknown flag "badge-overide"/);
  });

  it('lint reaches what a specialist knows only through them: clean as written, unreachable when they never join or are always locked out', () => {
    expect(lint(text).filter((f) => f.severity === 'error')).toEqual([]);
    const never = lint(edit(text, 'joinSec: 30\n    taskSec: 60', 'joinSec: null\n    taskSec: 60')).filter((f) => f.severity === 'error');
    expect(never.map((f) => `${f.path}: ${f.message}`).join('\n')).toMatch(/rubric\.3[^\n]*audit-found|rubric\.4[^\n]*asked-bo/);
    const locked = edit(text, 'text: "The audit job ran', 'when: "!badge-override", text: "The audit job ran');
    const bo = edit(locked, 'refusal: I am facilities; I do not touch routers.', 'refusal: I am facilities; I do not touch routers.\n    lockedOut: { when: "always", text: "I am stuck outside too." }');
    const found = lint(bo).filter((f) => f.severity === 'error');
    expect(found.map((f) => f.path)).toEqual(['rubric.3.check.any', 'rubric.4.check.flag']);
    expect(found[1]!.message).toMatch(/bo's answer sets it \(while they know it and are not locked out\)/);
  });
});
