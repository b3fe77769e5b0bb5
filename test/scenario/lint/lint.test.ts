import { describe, expect, it } from 'vitest';
import { loadScenarioFile, scenarioFiles } from '../../../src/scenario/index.js';
import { formatFinding, lintFile } from '../../../src/scenario/lint/index.js';
import { proveLifecycle } from '../../../src/scenario/lint/lifecycle.js';
import { FlagModel } from '../../../src/scenario/lint/model.js';
import { scenarioSkeleton } from '../../../src/scenario/skeleton.js';
import { ROLES } from '../../../src/scenario/vocabulary.js';
import { createIncidentMachine } from '../../../src/sim/incident-machine.js';
import { edit, lint, MINI, newFindings } from './helpers.js';

describe('lint: shipped scenarios', () => {
  it('finds no errors in the shipped scenarios (warnings fail only --strict)', () => {
    for (const file of scenarioFiles(['scenarios'])) {
      const r = lintFile(file, { createMachine: createIncidentMachine, roles: ROLES });
      expect(r.findings.filter((f) => f.severity === 'error').map(formatFinding), file).toEqual([]);
      expect(r.findings.filter((f) => f.rule === 'model'), `${file} is fully explored`).toEqual([]);
    }
    const flagship = lintFile('scenarios/payment-fraud-dns.yaml', { createMachine: createIncidentMachine, roles: ROLES });
    expect(flagship.findings.map(formatFinding)).toEqual([]);
  });

  it('finds nothing in the skeleton `firedrill new` writes', () => {
    expect(lint(scenarioSkeleton('demo')).map(formatFinding)).toEqual([]);
  });

  it('only warns about the fixture (a flag nothing reads), located at file:line:col', () => {
    const f = lint(MINI, 'mini.yaml');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', rule: 'unread-flag', path: 'actions.1.sets.0' });
    const line = MINI.split('\n').findIndex((l) => l.includes('sets: [db-down]')) + 1;
    expect(formatFinding(f[0]!)).toMatch(new RegExp(`^mini\\.yaml:${line}:\\d+ {2}actions\\.1\\.sets\\.0 {2}warning: .*db-down`));
  });
});

describe('lint: the model behind it', () => {
  const loaded = loadScenarioFile('test/fixtures/mini.yaml');
  if (!loaded.ok) throw new Error('mini does not load');
  const scenario = loaded.value.scenario;

  it('explores every reachable flag state of a variant with a witness path', () => {
    const model = new FlagModel(scenario);
    const vm = model.explore(0);
    expect(vm.complete).toBe(true);
    const mitigated = vm.states.find((r) => r.state.phase >= 0 && model.holds(scenario.mitigatedWhen, r.state));
    expect(mitigated).toBeDefined();
    expect(model.describePath(mitigated!.path)).toMatch(/onset starts \(1:00\).*do rollback config|do rollback config.*onset starts/);
    // rolled back before 10:00: escalation is held back by its unless
    expect(vm.states.some((r) => r.state.phase === 1 && r.flags.has('rolled-back'))).toBe(true);
  });

  it('proves with xstate/graph that the incident machine reaches resolved and scored, and resolves after the fix', () => {
    const model = new FlagModel(scenario);
    const proof = proveLifecycle(createIncidentMachine(scenario), model, model.explore(0));
    expect(proof.lifecycle.get('scored')).toEqual(['START', 'RESOLVE', 'POSTMORTEM', 'SUBMIT']);
    expect(proof.lifecycle.get('mitigated')).toEqual(['START', 'TICK', 'MITIGATED']);
    expect([...proof.faults].sort()).toEqual(['escalation', 'normal', 'onset']);
    expect(proof.resolvesFixed).toBe(true);
  });
});

/** Deliberately broken variants of the fixture: each must give exactly one precise finding. */
const BROKEN: { name: string; text: () => string; path: string; rule: string; message: RegExp; alsoWarns?: RegExp }[] = [
  {
    name: 'unreachable resolution: mitigatedWhen on a flag nothing sets',
    text: () => edit(edit(MINI, 'mitigatedWhen: "onset & rolled-back"', 'mitigatedWhen: "onset & failed-over"'), '    sets: [db-down]\n', '    sets: [db-down]\n    clears: [failed-over]\n'),
    path: 'mitigatedWhen',
    rule: 'mitigation',
    message: /can never become true after onset in any variant: nothing raises "failed-over".*checkpoint mitigate can never be earned/,
  },
  {
    name: 'an action on an unknown flag',
    text: () => edit(MINI, '    kind: mitigation\n', '    kind: mitigation\n    requires: rolled-bak\n'),
    path: 'actions.0.requires',
    rule: 'validate',
    message: /unknown flag "rolled-bak"/,
  },
  {
    name: 'a variant with no distinguishing evidence',
    text: () => edit(MINI, 'text: "20:58 push: payments.url=pay-old.internal"', 'text: "20:58 flag checkout.route=legacy"'),
    path: 'variants.1.id',
    rule: 'variants',
    message: /variants bad-config and bad-flag cannot be told apart.*when: "variant:bad-flag"/,
  },
  {
    name: 'a rubric point nobody can earn (in one variant)',
    text: () => edit(MINI, '{ text: "20:58 flag checkout.route=legacy", evidence: [change-found] }', '{ text: "20:58 flag checkout.route=legacy", evidence: [flag-found] }'),
    path: 'rubric.7.check.any',
    rule: 'rubric',
    message: /checkpoint evidence \(evidence\) can never be earned in variant bad-flag: change-found comes only from diagnostics\.0\.outputs\.0/,
  },
  {
    name: 'a rubric escalation to a team nobody in can join',
    text: () =>
      edit(
        edit(edit(MINI, 'teams:\n', 'teams:\n  - { id: dba, name: DBA, members: [dan] }\n'), 'people:\n', 'people:\n  - { id: dan, name: Dan, team: dba, role: dba, joinSec: null }\n'),
        '  - { id: follow,',
        '  - { id: esc, section: command, title: Page the DBAs, points: 5, check: { kind: escalated, teams: [dba], withinSec: 600 } }\n  - { id: follow,',
      ),
    path: 'rubric.3.check.teams.0',
    rule: 'rubric',
    message: /team dba, but none of its members can join/,
  },
  {
    name: 'an acknowledgement nobody can earn (no page ever fires)',
    text: () => edit(MINI, 'above: 5, forSec: 30', 'above: 100, forSec: 30'),
    path: 'rubric.0.check',
    rule: 'rubric',
    message: /checkpoint ack \(ack\) can never be earned in any variant: no page ever fires/,
    alsoWarns: /alert checkout-errors never fires: metric checkout_5xx never goes above 100/,
  },
  {
    name: 'a phase whose unless always holds',
    text: () => edit(edit(MINI, 'unless: rolled-back }', 'unless: "!rolled-back | rolled-back" }'), '      - { when: "escalation & !rolled-back", set: 95 }\n', ''),
    path: 'phases.1.unless',
    rule: 'phases',
    message: /phase escalation never starts: its unless "!rolled-back \| rolled-back" holds in every state/,
  },
  {
    name: 'a diagnostic output that is never shown',
    text: () => edit(MINI, '      - { text: "20:58 flag checkout.route=legacy", evidence: [change-found] }', '      - { when: "variant:bad-flag", text: "20:58 flag checkout.route=legacy", evidence: [change-found] }\n      - { when: "rolled-back & variant:bad-config", text: "never" }'),
    path: 'diagnostics.0.outputs.2.when',
    rule: 'unreachable',
    message: /output 2 of diagnostic config-log is never shown: whenever its when holds, an earlier output \(0/,
  },
  {
    name: 'a message whose when cannot hold at its time',
    text: () => edit(MINI, '{ id: support, at: "03:00", from', '{ id: support, at: "03:00", when: escalation, from'),
    path: 'messages.0.when',
    rule: 'unreachable',
    message: /message support is never sent: at 3:00 .*escalation starts at 10:00/,
  },
  {
    name: 'a stakeholder question due after the time limit',
    text: () => edit(MINI, '{ id: eta, at: "05:00",', '{ id: eta, at: "45:00",'),
    path: 'stakeholders.0.questions.0.at',
    rule: 'unreachable',
    message: /question eta is never asked: it is due at 45:00, after the time limit/,
  },
  {
    name: 'a dead diagnostic: its example is caught by an earlier match',
    text: () => edit(MINI, 'actions:\n', '  - { id: config-diff, title: diff, example: config diff, match: ["config diff"], outputs: [{ text: "no diff" }] }\nactions:\n'),
    path: 'diagnostics.1.match',
    rule: 'examples',
    message: /config-diff is dead for its own example: `run config diff` runs config-log/,
  },
  {
    name: 'an example that does not match its own patterns',
    text: () => edit(MINI, 'example: rollback config', 'example: undo config'),
    path: 'actions.0.example',
    rule: 'examples',
    message: /example "undo config" does not match any of rollback's own patterns/,
  },
  {
    name: 'a postmortem concept nobody can meet (a blank phrase group)',
    text: () => edit(MINI, 'all: [[alert, page], [checkout]]', 'all: [[alert, page], ["", " "]]'),
    path: 'postmortem.concepts.1.all.1',
    rule: 'concepts',
    message: /concept alert can never be met: group 1 of its all has only blank phrases/,
  },
  {
    name: 'a roles checkpoint naming a role the command language does not have',
    text: () => edit(MINI, '  - { id: follow,', '  - { id: roles, section: command, title: Roles, points: 5, check: { kind: roles, roles: [ops, janitor] } }\n  - { id: follow,'),
    path: 'rubric.3.check.roles.1',
    rule: 'rubric',
    message: /asks for role "janitor", which `role ROLE NAME` does not accept/,
  },
  {
    name: 'evidence behind a log filter nobody can type',
    text: () => edit(MINI, 'logs: { service: checkout, level: error }', 'logs: { Service: checkout, level: error }'),
    path: 'evidence.0.logs.Service',
    rule: 'unreachable',
    message: /`logs` lowercases filter keys, so "Service" never matches/,
  },
  {
    name: 'a message timed from a flag nothing raises',
    text: () => edit(edit(MINI, '{ id: support, at: "03:00", from', '{ id: support, at: "03:00", afterFlag: failed-over, from'), '    sets: [db-down]\n', '    sets: [db-down]\n    clears: [failed-over]\n'),
    path: 'messages.0.afterFlag',
    rule: 'unreachable',
    message: /message support is never sent: it is timed from "failed-over", and nothing raises "failed-over"/,
  },
];

describe('lint: broken scenarios give one precise finding each', () => {
  for (const b of BROKEN) {
    it(b.name, () => {
      const all = newFindings(b.text());
      const found = all.filter((f) => f.severity === 'error');
      expect(found.map(formatFinding)).toHaveLength(1);
      expect(all.filter((f) => f.severity === 'warning').map((w) => w.message)).toEqual(b.alsoWarns ? [expect.stringMatching(b.alsoWarns)] : []);
      const f = found[0]!;
      expect(f).toMatchObject({ path: b.path, rule: b.rule, severity: 'error' });
      expect(f.message).toMatch(b.message);
      expect(f.line).toBeGreaterThan(1);
    });
  }

  it('warnings name flags nothing reads and stay warnings', () => {
    const found = newFindings(edit(MINI, '    sets: [rolled-back]\n', '    sets: [rolled-back, config-reverted]\n'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', rule: 'unread-flag', path: 'actions.0.sets.1' });
  });
});
