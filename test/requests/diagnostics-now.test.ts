import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { play, playText } from '../helpers.js';

// Diagnostics show the world as it is now: once a responder says a fix is
// done, the same check shows the fixed world, never the output from before
// it (the same SERVFAIL with the same query id). A change that lands later
// is "under way" until it has.

interface Case {
  scenario: string;
  variant: string;
  fix: string;
  diagnostic: string;
  /** What is typed after `run` (the diagnostic's example when it has one). */
  run?: string;
  before: RegExp;
  after: RegExp;
}

const CASES: Case[] = [
  { scenario: 'payment-fraud-dns', variant: 'coredns-forwarder', fix: 'fix-forwarder', diagnostic: 'dig-fraud', run: 'dig fraud-api.internal.corp from a payment-processor pod', before: /status: SERVFAIL, id: 61930/, after: /status: NOERROR/ },
  { scenario: 'lost-orders-broker', variant: 'push-cert-expired', fix: 'renew-push-cert', diagnostic: 'push-provider', before: /handshake failures 7,412/, after: /handshake failures 0/ },
  { scenario: 'menu-telemetry-partition', variant: 'password-rotation', fix: 'sync-secret', diagnostic: 'secrets', before: /status SecretSynced \(v41\)/, after: /force-synced \(v42\)/ },
  { scenario: 'tokenize-latency-apm', variant: 'egress-exhausted', fix: 'pause-webhooks', diagnostic: 'egress-proxy', before: /Available number of file descriptors: 0/, after: /310 of 16384 file descriptors in use/ },
  { scenario: 'visits-slow-query', variant: 'n-plus-one', fix: 'eager-load', diagnostic: 'query-count', before: /1000 visits: 2,003 SQL queries/, after: /1,000 visits: 4 SQL queries/ },
  { scenario: 'k8s-observability-blindspot', variant: 'v1-workers-apiservice', fix: 'ms-port', diagnostic: 'apiservice', before: /False \(FailedDiscoveryCheck\)/, after: /metrics-server   True/ },
];

const clock = (sec: number) => `${String(Math.floor(sec / 60)).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')}`;
const secOf = (line: string) => Number(line.slice(0, 2)) * 60 + Number(line.slice(3, 5));

describe('after a fix, the same diagnostic shows the fixed world', () => {
  for (const c of CASES)
    it(`${c.scenario} (${c.variant}): ${c.diagnostic} after ${c.fix}`, async () => {
      const scriptPath = `test/scripts/${c.scenario}${c.scenario === 'payment-fraud-dns' ? '' : `.${c.variant}`}.strong.txt`;
      const first = (await play(`scenarios/${c.scenario}.yaml`, scriptPath, 1, { variant: c.variant })).session.engine;
      const action = first.scenario.actions.find((a) => a.id === c.fix)!;
      const d = first.scenario.diagnostics.find((x) => x.id === c.diagnostic)!;
      const task = first.state.tasks.find((t) => t.kind === 'action' && t.targetId === c.fix)!;
      const done = first.state.feed.find((f) => f.text.startsWith(`Done: ${action.title}`))!;
      const run = c.run ?? d.example!;
      // a change that lands later is "under way" first, and "done" only once the world shows it
      if (action.delaySec > 0) expect(first.state.feed.find((f) => f.text.startsWith(`Under way: ${action.title}`))?.sec).toBe(done.sec - action.delaySec);
      // the same opening, then the check asked of the fixer and run by the IC: once when the fix was asked for, once when it is done
      const lines = readFileSync(scriptPath, 'utf8').split('\n').filter((l) => /^\d\d:\d\d /.test(l));
      const upTo = (sec: number) => lines.filter((l) => secOf(l) < sec).join('\n');
      const check = async (sec: number) => {
        const text = `${upTo(sec)}\n${clock(sec)} ask ${task.who} run ${run}\n${clock(sec)} run ${run}\n`;
        const s = (await playText(`scenarios/${c.scenario}.yaml`, text, 1, c.variant)).session.engine.state;
        const reported = s.feed.find((f) => f.sec >= sec && f.text.startsWith(`${d.title}: `))!;
        const ran = s.feed.find((f) => f.sec >= sec && f.from === `$ ${run}`)!;
        return [reported.text.slice(d.title.length + 2), ran.text];
      };
      const before = await check(task.assignedSec);
      const after = await check(done.sec);
      for (const out of before) expect(out).toMatch(c.before);
      // the responder's report and the IC's own run alike
      for (const out of after) {
        expect(out).toMatch(c.after);
        expect(out).not.toMatch(c.before);
      }
    }, 60_000);
});
