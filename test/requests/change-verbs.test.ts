import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/sim/engine.js';
import { loadFixture } from '../helpers.js';
import { scenarioFromRaw } from '../../src/scenario/validate.js';
import { CHANGE_VERBS } from '../../src/scenario/vocabulary.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { understand } from '../../src/sim/requests/matcher.js';
import { outcomeLabel, type Asker } from '../../src/sim/requests/outcome.js';
import { verbsOf } from '../../src/sim/requests/verbs.js';

// The engine owns the change verbs: a change command never runs a
// diagnostic, whatever the diagnostic's patterns catch, so patterns say only
// what the check is about. A scenario may add verbs of its own world.

/** Words that make a change verb before them a look (src/sim/requests/intent.ts). */
const LOOKS = /^(query|list|ls|show|get|describe|history|stats|status|logs)\b/i;
const RUN: Asker = { hands: 'run' };
const MARCO: Asker = { person: 'marco' };
const labels = (s: Scenario, asker: Asker, text: string, verbs = verbsOf(s)) => understand(s, asker, text, verbs).map(outcomeLabel);
const ranDiagnostic = (s: Scenario, asker: Asker, text: string) => understand(s, asker, text).some((o) => o.kind === 'diagnostic');

describe('change verbs owned by the engine', () => {
  // payment-fraud-dns never guarded its patterns: `coredns-logs` is /coredns|kube-dns|cluster dns/
  const fraud = loadFixture('scenarios/payment-fraud-dns.yaml').scenario;

  it('a diagnostic still runs for the checks its patterns describe', () => {
    expect(labels(fraud, RUN, 'kubectl -n kube-system logs deploy/coredns')).toEqual(['diag coredns-logs']);
    expect(labels(fraud, MARCO, 'look at the coredns logs')).toEqual(['diag coredns-logs']);
    expect(labels(fraud, MARCO, 'run kubectl -n kube-system logs deploy/coredns')).toEqual(['diag coredns-logs']);
    // a change verb followed by a look is a look
    expect(labels(fraud, RUN, 'kubectl -n payments rollout history deploy/payment-processor')).toEqual(['diag what-changed']);
  });

  it('a change command never runs one, after `run`, in an ask, or past a tool and its flags', () => {
    for (const text of ['restart coredns', 'kubectl -n kube-system rollout restart deploy/coredns', 'kubectl delete pod coredns-7d9f', 'scale coredns to 4 replicas', 'drain the node running coredns']) {
      expect(ranDiagnostic(fraud, RUN, text), `run ${text}`).toBe(false);
      expect(ranDiagnostic(fraud, MARCO, text), `ask marco ${text}`).toBe(false);
      expect(ranDiagnostic(fraud, MARCO, `run ${text}`), `ask marco run ${text}`).toBe(false);
    }
    // `run` with a change asks which check was meant rather than running the nearest one
    expect(labels(fraud, RUN, 'restart coredns')[0]).toMatch(/^clarify/);
  });

  it('a check whose name shares a stem with a change verb is still a check', () => {
    expect(labels(fraud, RUN, 'recent deploys and infrastructure changes')).toEqual(['diag what-changed']);
    expect(labels(fraud, RUN, 'changes to cluster dns')).toEqual(['diag what-changed']);
  });

  it('a scenario adds verbs of its own world, and they keep commands led by them from its diagnostics', () => {
    const text = 'cordon the node running coredns';
    expect(labels(fraud, RUN, text)).toEqual(['diag coredns-logs']);
    expect(labels(fraud, MARCO, text)).toEqual(['diag coredns-logs']);
    const cordoning = { ...fraud, changeVerbs: ['cordon'] };
    expect(ranDiagnostic(cordoning, RUN, text)).toBe(false);
    expect(ranDiagnostic(cordoning, MARCO, text)).toBe(false);
    expect(ranDiagnostic(cordoning, MARCO, `run ${text}`)).toBe(false);
    expect(ranDiagnostic(cordoning, MARCO, `kubectl ${text}`)).toBe(false);
    expect(labels(cordoning, RUN, 'kubectl -n kube-system logs deploy/coredns')).toEqual(['diag coredns-logs']);
  });

  it('a recording made before keeps its meaning: `run` with a change tries the diagnostics as it did', () => {
    expect(labels(fraud, RUN, 'restart coredns', verbsOf(fraud, false))).toEqual(['diag coredns-logs']);
    // an ask led by a change verb was already a change
    expect(labels(fraud, MARCO, 'restart coredns', verbsOf(fraud, false)).some((l) => l.startsWith('diag'))).toBe(false);
  });

  it('the bundled scenarios need no guard: no engine or scenario change verb in front of a diagnostic\'s example runs a diagnostic', () => {
    const verbs = ['restart', 'rollback', 'delete', 'scale', 'drain', 'fail', 'purge', 'disable', 'enable', 'set', 'pin', 'flush', 'vacuum', 'deploy', 'kill'];
    expect(verbs.every((v) => CHANGE_VERBS.includes(v))).toBe(true);
    for (const id of ['k8s-observability-blindspot', 'lost-orders-broker', 'menu-telemetry-partition', 'tokenize-latency-apm', 'visits-slow-query']) {
      const s = loadFixture(`scenarios/${id}.yaml`).scenario;
      const person: Asker = { person: s.people[0]!.id };
      for (const d of s.diagnostics) {
        const example = d.example ?? d.title;
        expect(labels(s, RUN, example), `${id}: run ${example}`).toContain(`diag ${d.id}`);
        // "restart show …" reads as a look, like "rollout history"
        if (LOOKS.test(example)) continue;
        // the first request is the one led by the change verb ("restart prometheus targets and TSDB status" also asks for a check)
        for (const v of [...verbs, ...s.changeVerbs]) {
          expect(understand(s, RUN, `${v} ${example}`)[0]!.kind, `${id}: run ${v} ${example}`).not.toBe('diagnostic');
          expect(understand(s, person, `${v} ${example}`)[0]!.kind, `${id}: ask ${v} ${example}`).not.toBe('diagnostic');
        }
      }
    }
  }, 60_000);
});

describe('the start event says which matching a session was played with', () => {
  const fraud = loadFixture('scenarios/payment-fraud-dns.yaml').scenario;
  const ran = (verbs: 'engine' | undefined, text: string) => {
    const e = new Engine(fraud, { seed: 1, variant: 'coredns-forwarder' });
    e.apply({ simMs: 0, actor: 'ic', body: { type: 'start', delegation: 'auto', ...(verbs ? { verbs } : {}) } });
    e.apply({ simMs: 10_000, actor: 'ic', body: { type: 'command', text } });
    return e.state.diagnostics.map((d) => d.id);
  };

  it('`engine` (every session played now): `run restart coredns` runs nothing', () => {
    expect(ran('engine', 'run restart coredns')).toEqual([]);
    expect(ran('engine', 'run kubectl -n kube-system logs deploy/coredns')).toEqual(['coredns-logs']);
  });

  it('absent (a recording from before): it runs the diagnostic its patterns catch, as it did then', () => {
    expect(ran(undefined, 'run restart coredns')).toEqual(['coredns-logs']);
  });
});

describe('changeVerbs in the scenario file', () => {
  const raw = loadFixture('scenarios/payment-fraud-dns.yaml').raw as Record<string, unknown>;

  it('takes lowercase words and leaves the engine\'s list alone when left out', () => {
    const r = scenarioFromRaw({ ...raw, changeVerbs: ['cordon', 'fail-over'] });
    expect(r.ok && r.value.scenario.changeVerbs).toEqual(['cordon', 'fail-over']);
    const plain = scenarioFromRaw(raw);
    expect(plain.ok && plain.value.scenario.changeVerbs).toEqual([]);
  });

  it('refuses a phrase or capitals, saying what to write', () => {
    for (const bad of ['fail over', 'Cordon', '']) {
      const r = scenarioFromRaw({ ...raw, changeVerbs: [bad] });
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.problems.map((p) => p.message).join('\n')).toMatch(/one lowercase word/);
    }
  });
});
