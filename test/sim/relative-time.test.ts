import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playText } from '../helpers.js';
import { edit, lint } from '../scenario/lint/helpers.js';

/** Phases due after a flag, and one-off events that fire whether or not a phase is prevented. */
const FIXTURE = 'test/fixtures/time-model.yaml';
const text = readFileSync(FIXTURE, 'utf8');

async function firstUps(script: string) {
  const { session } = await playText(FIXTURE, script);
  const f = session.engine.flags;
  return { escalation: f.firstUp('escalation'), retry: f.firstUp('retry-storm'), cert: f.firstUp('cert-expired'), certNow: f.has('cert-expired'), engine: session.engine };
}

describe('phases relative to a flag (after: FLAG + 10m)', () => {
  it('starts a phase its offset after the flag first held', async () => {
    const r = await firstUps('00:30 ack\n12:00 sev 2\n');
    // onset at 1:00, escalation 9 minutes later
    expect(r.escalation).toBe(600);
  });

  it('never starts a phase whose flag never holds, and lint says why', async () => {
    const never = edit(text, 'after: "onset + 9m"', 'after: "db-down + 1m"');
    const findings = lint(never);
    expect(findings.some((f) => f.path === 'phases.1.after' && /phase escalation never starts: it is due after "db-down", which never holds/.test(f.message))).toBe(false);
    const dir = mkdtempSync(join(tmpdir(), 'time-model-'));
    writeFileSync(join(dir, 'never.yaml'), never);
    const { session } = await playText(join(dir, 'never.yaml'), '00:30 ack\n12:00 sev 2\n');
    expect(session.engine.flags.firstUp('escalation')).toBeUndefined();
    const unreachable = lint(edit(never, 'kind: harmful', 'kind: harmful\n    requires: db-down'));
    expect(unreachable.some((f) => f.path === 'phases.1.after' && /phase escalation never starts: it is due after "db-down", which never holds/.test(f.message))).toBe(true);
  });

  it('refuses an offset that is not a duration, naming the fix', () => {
    const bad = lint(edit(text, 'after: "onset + 9m"', 'after: "onset + soon"'));
    expect(bad.some((f) => f.severity === 'error' && /"soon" in "onset \+ soon" is not a duration; write FLAG \+ 10m/.test(f.message))).toBe(true);
  });
});

describe('one-off events beside the phases', () => {
  it('fire on their own clock while the phase the rollback prevented blocks nothing', async () => {
    const r = await firstUps('00:30 ack\n02:00 do rollback config\n08:00 sev 2\n');
    expect(r.escalation).toBeUndefined();
    // done:rollback at 2:00; the storm two minutes later
    expect(r.retry).toBe(240);
    // the rollback landed before 4:00, so the certificate never expired
    expect(r.cert).toBeUndefined();
  });

  it('fire once and keep their flag up', async () => {
    const r = await firstUps('00:30 ack\n05:00 do rollback config\n08:00 sev 2\n');
    expect(r.cert).toBe(240);
    expect(r.certNow).toBe(true);
    const after = r.engine.flags.log().filter((c) => c.flag === 'cert-expired');
    expect(after).toEqual([{ sec: 240, flag: 'cert-expired', on: true }]);
    // the storm's spike shows on the traffic panel: ×3 at its peak, 10 s after it fired
    expect(r.engine.metricAt('checkout_rps', 430)! / r.engine.metricAt('checkout_rps', 410)!).toBeGreaterThan(2);
  });

  it('lint finds an event that can never fire, and one due after the time limit', () => {
    const never = lint(edit(text, 'after: "done:rollback + 2m"', 'after: "done:rollback + 2m", unless: "variant:bad-config | variant:bad-flag"'));
    expect(never.some((f) => f.path === 'events.0.unless' && f.severity === 'error' && /event retry-storm never fires in any variant: its unless "variant:bad-config \| variant:bad-flag" holds/.test(f.message))).toBe(true);
    const late = lint(edit(text, 'at: "04:00", unless: rolled-back', 'at: "40:00", unless: rolled-back'));
    expect(late.some((f) => f.path === 'events.1.at' && /event cert-expired is due 40:00, after the time limit/.test(f.message))).toBe(true);
    expect(lint(text).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('an event may not share a phase id', () => {
    const clash = lint(edit(text, 'id: retry-storm, after', 'id: onset, after'));
    expect(clash.some((f) => /event onset has the id of a phase/.test(f.message))).toBe(true);
  });
});
