import { describe, expect, it } from 'vitest';
import { parseCondition } from '../../src/scenario/condition.js';
import { scenarioFromRaw } from '../../src/scenario/index.js';
import { ROLES } from '../../src/scenario/vocabulary.js';
import { lintScenario } from '../../src/scenario/lint/index.js';
import { createIncidentMachine } from '../../src/sim/incident-machine.js';
import { runScript } from '../../src/session/headless.js';
import { parseScript } from '../../src/session/script.js';
import { openStore } from '../../src/store/index.js';
import { miniWith } from '../ui/live.js';

/** mini's database restart with two flags: the outage lasts a minute, the "restarted" mark stays. */
const restartTwice = miniWith((raw) => {
  const actions = raw['actions'] as { id: string; sets: string[]; forSec?: number; lasting?: Record<string, number> }[];
  const restart = actions.find((a) => a.id === 'restart-db')!;
  restart.sets = ['db-down', 'db-restarted'];
  delete restart.forSec;
  restart.lasting = { 'db-down': 60 };
});

describe('an action whose flags last different times (lasting)', () => {
  it('lowers each flag after its own time and leaves the others up', async () => {
    const script = parseScript('00:10 do restart the db\n05:00 note later\n', 'inline');
    if (!script.ok) throw new Error(script.errors.join('\n'));
    const { session } = await runScript(openStore(':memory:'), restartTwice, script.lines, { seed: 1, trainee: 'test', mode: 'solo', difficulty: 'normal' }, () => 1_700_000_000_000);
    const flags = session.engine.flags;
    const up = (flag: string, sec: number) => flags.conditionSince(parseCondition(flag), sec) !== null;
    expect(up('db-down', 11)).toBe(true);
    expect(up('db-down', 69)).toBe(true);
    expect(up('db-down', 71)).toBe(false);
    expect(up('db-restarted', 71)).toBe(true);
    expect(up('db-restarted', 299)).toBe(true);
  });

  it('is refused for a flag the action does not set', () => {
    const raw = structuredClone(restartTwice.raw) as { actions: { id: string; lasting?: Record<string, number> }[] };
    raw.actions.find((a) => a.id === 'restart-db')!.lasting = { 'db-gone': 60 };
    const r = scenarioFromRaw(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => `${p.path} ${p.message}`).join('\n')).toMatch(/actions\.\d+\.lasting\.db-gone "db-gone" is not among this action's sets/);
  });

  it('lint models a lasting flag as wearing off again', () => {
    // A metric effect for "restarted, and the outage over": reachable only if db-down drops again.
    const withEffect = (lasting: boolean) =>
      miniWith((raw) => {
        const restart = (raw['actions'] as { id: string; sets: string[]; forSec?: number; lasting?: Record<string, number> }[]).find((a) => a.id === 'restart-db')!;
        restart.sets = ['db-down', 'db-restarted'];
        delete restart.forSec;
        if (lasting) restart.lasting = { 'db-down': 60 };
        const metric = (raw['metrics'] as { effects?: unknown[] }[])[0]!;
        metric.effects = [...(metric.effects ?? []), { when: 'db-restarted & !db-down', mul: 1.1 }];
      });
    const about = (lasting: boolean) =>
      lintScenario(withEffect(lasting).scenario, { createMachine: createIncidentMachine, roles: ROLES })
        .filter((i) => /db-restarted & !db-down/.test(i.message))
        .map((i) => i.message);
    expect(about(true)).toEqual([]);
    expect(about(false).join('\n')).toMatch(/never/);
  });
});
