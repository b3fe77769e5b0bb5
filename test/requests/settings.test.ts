import { describe, expect, it } from 'vitest';
import { loadFixture, playText } from '../helpers.js';
import { bindParams } from '../../src/sim/requests/params.js';
import { scenarioFromRaw } from '../../src/scenario/validate.js';

// Numbers and units in a request are applied as asked, or the responder says
// why not: never the runbook's numbers in their place.

const action = (scenario: string, id: string) => loadFixture(`scenarios/${scenario}.yaml`).scenario.actions.find((a) => a.id === id)!;
const OPENING = '00:20 ack\n00:30 sev 2\n00:40 escalate api\n';
const noor = async (lines: string) => (await playText('scenarios/tokenize-latency-apm.yaml', `${OPENING}${lines}`)).session.engine.state;
const said = (s: Awaited<ReturnType<typeof noor>>) => s.feed.filter((f) => f.from.startsWith('Noor Haddad')).map((f) => f.text);

describe('a request\'s numbers set the change\'s settings', () => {
  it('binds by the words beside the numbers, by unit and order otherwise, converting units', () => {
    const timeouts = action('tokenize-latency-apm', 'tokenize-timeouts');
    expect(bindParams(timeouts, 'set 2 s / 10 s timeouts on the VaultPoint client')).toEqual({ values: { open: 2, read: 10 } });
    expect(bindParams(timeouts, 'set timeouts, 10 s read and 2 s open')).toEqual({ values: { open: 2, read: 10 } });
    expect(bindParams(timeouts, 'read 10s, open 500ms')).toEqual({ values: { open: 0.5, read: 10 } });
    expect(bindParams(timeouts, 'lower the tokenizer read timeout to 3 seconds')).toEqual({ values: { open: 1, read: 3 } });
    expect(bindParams(timeouts, 'set the timeouts as the runbook says')).toEqual({ values: { open: 1, read: 3 } });
    // "from X to Y": X is how it is now
    expect(bindParams(action('menu-telemetry-partition', 'lower-export-timeout'), "lower menu-api's OTLP exporter timeout from 10 s to 100 ms")).toEqual({ values: { timeout: 100 } });
  });

  it('a number beyond a bound, or one the change has no setting for, is a problem that says why', () => {
    const timeouts = action('tokenize-latency-apm', 'tokenize-timeouts');
    expect(bindParams(timeouts, 'set the read timeout to 2 min')).toEqual({ problem: "I can't set the read timeout to 120 s: the most is 30 s — the gateway gives up on a request after 30 s, so a longer read timeout would never fire" });
    expect(bindParams(action('visits-slow-query', 'cache-visits'), 'cache it for 0.5 s')).toEqual({ problem: "I can't set the TTL to 0.5 s: the least is 1 s" });
    expect(bindParams(timeouts, 'set timeouts with 3 threads')).toMatchObject({ problem: expect.stringMatching(/^3 threads is not a setting of this change/) });
  });

  it('2 s / 10 s is read back, applied and reported as 2 s / 10 s, never the runbook\'s 1 s / 3 s', async () => {
    const s = await noor('03:00 ask noor set 2 s / 10 s timeouts on the VaultPoint client\n03:30 go\n');
    expect(s.readBacks[0]).toMatchObject({ actionId: 'tokenize-timeouts', values: { open: 2, read: 10 }, state: 'confirmed' });
    const done = said(s).find((t) => t.startsWith('Done: Set short timeouts'))!;
    expect(done).toContain('(open timeout 2 s, read timeout 10 s)');
    expect(done).toContain('TOKENIZER_OPEN_TIMEOUT=2, TOKENIZER_READ_TIMEOUT=10');
    expect(done).toContain('give up after 10 s');
    expect(done).not.toMatch(/TIMEOUT=1\b|TIMEOUT=3\b|after 3 s/);
  });

  it('an out-of-bounds number gets the reason and a question, no read-back and no change', async () => {
    const s = await noor('03:00 ask noor add the tokenize bulkhead: at most 8 threads per worker\n03:30 go\n');
    expect(s.readBacks).toEqual([]);
    expect(s.actions).toEqual([]);
    expect(said(s)).toContain("I can't set the VaultPoint calls per worker to 8 threads: the most is 4 threads — a Puma worker has 5 threads, so a cap of 5 or more would not keep any free for the other routes. What should I use?");
  });

  it('a change without settings says the numbers do not apply rather than seeming to take them', async () => {
    const s = await noor('03:00 ask noor roll back payments-api to the build from 3 h ago\n');
    const readBack = said(s).find((t) => t.startsWith("I'll "));
    expect(readBack).toMatch(/\(it has no setting for 3 h: it goes as the runbook has it\) — go\?$/);
    expect(said(s).some((t) => /as asked/.test(t))).toBe(false);
  });

  it('the IC\'s own do applies the numbers, or refuses with the reason', async () => {
    const played = async (line: string) => (await playText('scenarios/visits-slow-query.yaml', `00:20 ack\n${line}`)).session.engine.state;
    const cached = await played('01:00 do cache the visits list per center with a 5 min TTL\n');
    expect(cached.actions.map((a) => a.id)).toEqual(['cache-visits']);
    expect(cached.feed.some((f) => f.from.startsWith('$ ') && /with a 300 s TTL/.test(f.text))).toBe(true);
    const refused = await played('01:00 do cache the visits list per center with a 2 h TTL\n');
    expect(refused.actions).toEqual([]);
    expect(refused.lastAnswer).toMatchObject({ ok: false, text: expect.stringMatching(/^I can't set the TTL to 7200 s: the most is 3600 s — .*; nothing was changed$/) });
  });
});

describe('params in the scenario format', () => {
  const withTimeouts = (change: (a: Record<string, unknown>) => void) => {
    const raw = structuredClone(loadFixture('scenarios/tokenize-latency-apm.yaml').raw) as { actions: Record<string, unknown>[] };
    change(raw.actions.find((a) => a.id === 'tokenize-timeouts')!);
    const r = scenarioFromRaw(raw);
    return r.ok ? [] : r.problems.map((p) => p.message);
  };

  it('refuses a {{param:ID}} the action does not declare, and a default outside its bounds', () => {
    expect(withTimeouts(() => {})).toEqual([]);
    expect(withTimeouts((a) => (a.response = 'set to {{param:connect}} s'))).toEqual([expect.stringMatching(/unknown param "connect" in \{\{param:…\}\}: this action's params are open, read/)]);
    expect(withTimeouts((a) => ((a.params as { default: number }[])[1]!.default = 60))).toEqual([expect.stringMatching(/default must lie between min and max/)]);
  });
});

describe('counts', () => {
  it('"scale to 12" and "to 12 replicas" set the count; "from 6 to 12" is read as the target', () => {
    const scale = action('payment-fraud-dns', 'scale-app');
    expect(bindParams(scale, 'scale payment-processor to 12 replicas')).toEqual({ values: { replicas: 12 } });
    expect(bindParams(scale, 'scale payment-processor to 12.')).toEqual({ values: { replicas: 12 } });
    expect(bindParams(action('tokenize-latency-apm', 'scale-pods'), 'scale payments-api from 8 pods to 20 pods')).toEqual({ values: { pods: 20 } });
    expect(bindParams(scale, 'scale payment-processor to 4 replicas')).toEqual({ problem: "I can't set the replicas to 4 replicas: the least is 7 replicas — it runs 6 now, so that would not add any" });
    expect(bindParams(action('tokenize-latency-apm', 'tokenize-timeouts'), 'set the read timeout to 3')).toMatchObject({ problem: expect.stringMatching(/^3 with no unit is not a setting of this change/) });
  });
});
