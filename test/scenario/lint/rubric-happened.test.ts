import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatFinding, type Finding } from '../../../src/scenario/lint/index.js';
import { edit, lint } from './helpers.js';

// Lint and validate on the rubric checks on what happened (did, before,
// reached, never) and on harmfulWhen, from the fixture that uses them all.
const HAPPENED = readFileSync('test/fixtures/happened.yaml', 'utf8');

const key = (f: Finding) => `${f.path}|${f.rule}|${f.message}`;
const base = new Set(lint(HAPPENED).map(key));
/** Findings an edit of the fixture has that the fixture itself does not. */
const added = (from: string, to: string) => lint(edit(HAPPENED, from, to)).filter((f) => !base.has(key(f)));

const ROLLED = '{ kind: did, action: rollback, withinSec: 300, what: rolled back the config }';
const AGREED = '{ kind: before, first: { flag: rollback-agreed }, then: { action: rollback } }';
const RECOVERED = '{ kind: reached, when: recovered, bySec: 300, what: stopped the checkout errors }';
const NEVER = `{ kind: never, when: "failed-open & !risk-approved", what: failed open without the risk owner's agreement }`;

describe('the fixture', () => {
  it('uses every new kind and lints as mini does (one unread flag)', () => {
    const f = lint(HAPPENED, 'happened.yaml');
    expect(f.map(formatFinding)).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'unread-flag', severity: 'warning' });
  });
});

describe('validate: what the new checks name must exist', () => {
  it('refuses an unknown action in did and before', () => {
    expect(added(ROLLED, '{ kind: did, action: rollbak }')).toEqual([expect.objectContaining({ path: 'rubric.3.check.action', rule: 'validate', message: 'unknown action "rollbak"' })]);
    expect(added(AGREED, '{ kind: before, first: { flag: rollback-agreed }, then: { action: rollbak } }')).toEqual([
      expect.objectContaining({ path: 'rubric.5.check.then.action', rule: 'validate', message: 'unknown action "rollbak"' }),
    ]);
  });

  it('refuses an unknown flag in did, before and harmfulWhen, and an unknown flag or name in a condition', () => {
    expect(added(ROLLED, '{ kind: did, flag: rolled-bak }')[0]).toMatchObject({ path: 'rubric.3.check.flag', message: expect.stringMatching(/^unknown flag "rolled-bak"/) });
    expect(added(AGREED, '{ kind: before, first: { flag: agreed }, then: { action: rollback } }')[0]).toMatchObject({ path: 'rubric.5.check.first.flag', message: expect.stringMatching(/^unknown flag "agreed"/) });
    expect(added(RECOVERED, '{ kind: reached, when: recoverd, bySec: 300 }')[0]).toMatchObject({ path: 'rubric.6.check.when', message: expect.stringMatching(/^unknown flag "recoverd"/) });
    expect(added(NEVER, '{ kind: never, when: "failed-open & !risk-aproved" }')[0]).toMatchObject({ path: 'rubric.7.check.when', message: expect.stringMatching(/^unknown flag "risk-aproved"/) });
    expect(added('harmfulWhen: onset & !rolled-back', 'harmfulWhen: onset & !rolledback')[0]).toMatchObject({ path: 'actions.2.harmfulWhen', message: expect.stringMatching(/^unknown flag "rolledback"/) });
  });

  it('refuses a did that names both an action and a flag, or neither', () => {
    expect(added(ROLLED, '{ kind: did, action: rollback, flag: rolled-back }')[0]).toMatchObject({ rule: 'validate', message: 'give an action or a flag, not both' });
    expect(added(AGREED, '{ kind: before, first: {}, then: { action: rollback } }')[0]).toMatchObject({ rule: 'validate', message: 'give an action or a flag, not both' });
  });
});

describe('lint: the new checks can be earned', () => {
  it('did: a flag that comes with a phase is not something the IC does', () => {
    expect(added(ROLLED, '{ kind: did, flag: escalation }')).toEqual([
      expect.objectContaining({ path: 'rubric.3.check.flag', rule: 'rubric', severity: 'error', message: expect.stringMatching(/no action or objection raises/) }),
    ]);
  });

  it('did and before: an action that can never be taken', () => {
    const never = (text: string) => edit(text, '    kind: mitigation\n    sets: [rolled-back]', '    kind: mitigation\n    requires: variant:bad-flag\n    sets: [rolled-back]');
    const f = lint(never(HAPPENED)).filter((x) => x.rule === 'rubric');
    expect(f.find((x) => x.path === 'rubric.3.check.action')?.message).toMatch(/^checkpoint rolled \(did\) can never be earned in variant bad-config: /);
    // in bad-config the rollback never happens, so the order there never comes up: only did and the goals complain
    expect(f.some((x) => x.path.startsWith('rubric.5'))).toBe(false);
  });

  it('before: the first can never happen where the second can', () => {
    expect(added('sets: [rollback-agreed]', 'sets: []')).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'rubric.5.check.first.flag', rule: 'validate', message: expect.stringMatching(/unknown flag "rollback-agreed"/) })]),
    );
    // an action's flag that can happen everywhere: nothing to say
    expect(added(AGREED, '{ kind: before, first: { flag: db-down }, then: { action: rollback } }').filter((x) => x.rule === 'rubric')).toEqual([]);
    const h = lint(edit(edit(HAPPENED, AGREED, '{ kind: before, first: { action: restart-db }, then: { action: rollback } }'), 'kind: harmful\n    sets: [db-down]', 'kind: harmful\n    requires: variant:bad-flag\n    sets: [db-down]'));
    expect(h.find((x) => x.path === 'rubric.5.check.first')?.message).toMatch(/^checkpoint agreed \(before\) can never be earned in variant bad-config: action rollback can happen there but action restart-db never can/);
  });

  it('reached: a condition that never holds after onset, or only in a phase that starts after the deadline', () => {
    expect(added(RECOVERED, '{ kind: reached, when: "recovered & db-down & !done:restart-db", bySec: 300 }')).toEqual([
      expect.objectContaining({ path: 'rubric.6.check.when', rule: 'rubric', severity: 'error', message: expect.stringMatching(/^checkpoint recovered \(reached\) can never be earned in any variant: /) }),
    ]);
    expect(added(RECOVERED, '{ kind: reached, when: escalation, bySec: 300 }')).toEqual([
      expect.objectContaining({ path: 'rubric.6.check.bySec', rule: 'rubric', message: expect.stringMatching(/can never earn full points in any variant: "escalation" holds only in phases that begin after 6:00/) }),
    ]);
    expect(added(RECOVERED, '{ kind: reached, when: escalation, bySec: 600 }')).toEqual([]);
  });

  it('never: a condition that holds from the start can never be earned; one that can never hold rewards nothing', () => {
    expect(added(NEVER, '{ kind: never, when: "!failed-open & !risk-approved" }')).toEqual([
      expect.objectContaining({ path: 'rubric.7.check.when', rule: 'rubric', severity: 'error', message: 'checkpoint no-rogue-fail-open (never) can never be earned in any variant: "!failed-open & !risk-approved" holds from the start' }),
    ]);
    expect(added(NEVER, '{ kind: never, when: "db-down & !done:restart-db & !risk-approved" }')).toEqual([
      expect.objectContaining({ path: 'rubric.7.check.when', rule: 'rubric', severity: 'warning', message: expect.stringMatching(/^checkpoint no-rogue-fail-open \(never\) can never be lost/) }),
    ]);
  });

  it('harmfulWhen: a condition that never holds when the action can be taken is flagged', () => {
    expect(added('harmfulWhen: onset & !rolled-back', 'harmfulWhen: rolled-back & !done:rollback')).toEqual([
      expect.objectContaining({ path: 'actions.2.harmfulWhen', rule: 'rubric', severity: 'warning', message: expect.stringMatching(/^action purge-cache is never harmful/) }),
    ]);
  });

  it('a flag only a rubric check reads is read: no unread-flag warning for it', () => {
    // rollback-agreed is read by nothing but the before check
    expect(lint(HAPPENED).some((f) => f.message.includes('rollback-agreed'))).toBe(false);
  });
});
