// The inputs the figures share: the big scenario, a strong commander's
// script for it, and realistic command texts for synthetic long sessions.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile, type LoadedScenario } from '../src/scenario/load.js';
import { parseScript, type ScriptLine } from '../src/session/script.js';
import type { BenchContext } from './harness.js';

export const BENCH_SCENARIO = 'payment-fraud-dns';

export function benchScenario(ctx: BenchContext): Promise<LoadedScenario> {
  return ctx.once('scenario', () => {
    const file = join(ctx.root, 'scenarios', `${BENCH_SCENARIO}.yaml`);
    const r = loadScenarioFile(file);
    if (!r.ok) throw new Error(`cannot load ${file}: ${r.problems[0]?.message ?? 'invalid'}`);
    return r.value;
  });
}

/**
 * Used when the repository's test scripts are not there (an installed
 * package): the shape of a decisive commander's session, abridged.
 */
const FALLBACK_SCRIPT = `
03:20 ack
03:30 sev 2
03:40 escalate payments
03:45 escalate platform
04:05 status SEV-2: most card payments are failing since about 21:02; payments and platform on-call paged. Next update by 21:15.
04:40 logs service=payment-processor level=error
05:00 dash dependencies
05:15 hyp fraud-api.internal.corp does not resolve from payment-processor
05:50 role ops Priya
05:55 ask priya run what changed, deploys and infra/DNS changes in 2m
08:05 ask marco run dig fraud-api.internal.corp from a payment-processor pod in 2m
08:15 poll move the fraud check to fallback rules until fraud-api resolves again; any strong objections?
08:45 ask priya do enable fallback rules for the fraud check in 3m
11:30 ask priya do pin fraud-api.internal.corp to 10.20.8.41 with hostAliases in 5m
13:00 status SEV-2 update: payments are going through again on fallback fraud rules. Next update by 21:25.
14:50 ask marco do restore the deleted fraud-api DNS record in 5m
25:00 rootcause fraud-api.internal.corp stopped resolving in DNS from payment-processor
33:10 resolve
33:30 postmortem
34:00 pm summary Card payments failed for 9 minutes because fraud-api.internal.corp stopped resolving.
36:00 pm action detect P1 payments Add a blackbox DNS probe for fraud-api.internal.corp; page when it fails for 2 minutes
39:00 pm submit
`;

export function strongScript(ctx: BenchContext): Promise<ScriptLine[]> {
  return ctx.once('strong-script', () => {
    const file = join(ctx.root, 'test', 'scripts', `${BENCH_SCENARIO}.strong.txt`);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : FALLBACK_SCRIPT;
    const r = parseScript(text, file);
    if (!r.ok) throw new Error(r.errors[0]);
    return r.lines;
  });
}

const CLOSING = /^(resolve|postmortem|pm\s|quit)/i;

/** Command texts a commander types while the incident is open (no closing verbs). */
export async function workingCommands(ctx: BenchContext): Promise<string[]> {
  const lines = await strongScript(ctx);
  const texts = lines.map((l) => l.text).filter((t) => !CLOSING.test(t));
  texts.push('note checking the payment success rate again', 'dash endpoints', 'logs clear', 'followup priya', 'help ask', 'sev banana');
  return texts;
}

/** Postmortem action items of every type and priority, for long closing phases. */
export const PM_ACTIONS = [
  'pm action detect P1 payments Add a blackbox DNS probe for fraud-api.internal.corp; page when it fails for 2 minutes',
  'pm action prevent P0 platform Gate Terraform plans that delete a DNS record queried in the last 7 days',
  'pm action mitigate P1 payments Ship a fraud_check_mode fallback with Risk-approved limits and a 2 s timeout',
  'pm action process P2 payments Add DNS and infra changes to the payments runbook size-up checklist',
  'pm action repair P0 payments Reconcile every payment and refund attempt between 21:02 and 21:30',
  'pm action detect P2 @sre Alert on the payment success SLO burn rate over 1h and 5m windows',
];
