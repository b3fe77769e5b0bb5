import { formatClock as clock } from '../scenario/clock-text.js';
import type { Scenario } from '../scenario/schema.js';
import type { WorldState } from '../sim/world.js';

/**
 * The reference timeline: what a strong IC has done by when, derived from
 * the rubric's time targets (the excellent band of each banded check, the
 * limit of the others), each counted the way its checkpoint counts it (from
 * this session's first page, onset, acknowledgement or declaration), and set
 * against what this IC did. Checks without a time target sit where the
 * rubric implies ("before mitigating", "before resolving"). Pure:
 * (scenario, final world).
 */
export interface ReferenceRow {
  /** Sim second by which a strong IC has done it. */
  bySec: number;
  /** How the target reads ("≤ 3:00 after the page", "before mitigating"). */
  target: string;
  what: string;
  checkpoint: string | null;
  /** When this IC did it, or null. */
  youSec: number | null;
  /** Met, late, never, or done but not as the rubric asks (resolved before the fix). */
  status: 'met' | 'late' | 'missed' | 'wrong';
  note?: string;
}

export function referenceTimeline(scenario: Scenario, w: WorldState): ReferenceRow[] {
  const page = w.firstPageSec ?? w.onsetSec ?? 0;
  const onset = w.onsetSec ?? page;
  const checks = scenario.rubric.map((c) => ({ id: c.id, check: c.check }));
  const find = <K extends (typeof checks)[number]['check']['kind']>(kind: K) =>
    checks.find((c) => c.check.kind === kind) as { id: string; check: Extract<(typeof checks)[number]['check'], { kind: K }> } | undefined;

  const rows: ReferenceRow[] = [];
  const row = (bySec: number, target: string, what: string, checkpoint: string | null, youSec: number | null, timed = true): ReferenceRow => {
    const r: ReferenceRow = { bySec, target, what, checkpoint, youSec, status: youSec === null ? 'missed' : !timed || youSec <= bySec ? 'met' : 'late' };
    rows.push(r);
    return r;
  };

  // Each deadline is counted the way its checkpoint counts it: from the first
  // page, from your acknowledgement or declaration, from the onset. So a row
  // marked late is a point the score took off, and vice versa.
  const ack = find('ack');
  const ackAt = w.ackSec ?? page + (ack?.check.excellentSec ?? 300);
  row(page, 'the first page', 'is paged: the incident clock starts for the IC', null, w.firstPageSec, false);
  if (ack) row(page + ack.check.excellentSec, `≤ ${clock(ack.check.excellentSec)} after the page`, 'acknowledges the page', ack.id, w.ackSec);

  const sev = find('severity');
  const sevAt = w.severityHistory[0]?.sec ?? ackAt + (sev?.check.withinSec ?? 300);
  if (sev) row(ackAt + sev.check.withinSec, `≤ ${clock(sev.check.withinSec)} after acknowledging`, `declares the incident at SEV-${scenario.severity.expected} or higher`, sev.id, w.severityHistory[0]?.sec ?? null);

  const esc = find('escalated');
  if (esc) {
    const got = esc.check.teams.map((t) => w.escalations.find((e) => e.team === t)?.sec ?? null);
    const you = got.some((s) => s === null) ? null : Math.max(...(got as number[]));
    row(ackAt + esc.check.withinSec, `≤ ${clock(esc.check.withinSec)} after acknowledging`, `pages ${esc.check.teams.join(' and ')}`, esc.id, you);
  }

  const roles = find('roles');
  if (roles) {
    const got = roles.check.roles.map((r) => w.roles[r]?.sec ?? null);
    const leads = roles.check.roles.map((r) => `${/^[aeiou]/i.test(r) ? 'an' : 'a'} ${r} lead`).join(' and ');
    row(sevAt, 'with the declaration', `names ${leads}`, roles.id, got.some((s) => s === null) ? null : Math.max(...(got as number[])), false);
  }

  const first = find('first-update');
  const firstAt = w.statusUpdates[0]?.sec ?? sevAt + (first?.check.withinSec ?? 600);
  if (first) row(sevAt + first.check.withinSec, `≤ ${clock(first.check.withinSec)} after declaring`, 'posts the first status update: impact, what is being done, when the next one comes', first.id, w.statusUpdates[0]?.sec ?? null);

  const delegated = find('delegated');
  if (delegated) row(firstAt, 'once responders join', 'delegates to named responders with time-boxes', delegated.id, w.tasks.find((t) => t.named && t.dueSec !== null)?.assignedSec ?? null, false);

  const mit = find('mitigated');
  const mitAt = w.mitigatedSec ?? onset + (mit?.check.excellentSec ?? 1800);
  for (const c of checks) {
    if (c.check.kind !== 'evidence') continue;
    const secs = c.check.any.map((e) => w.evidence[e]).filter((s): s is number => s !== undefined);
    const title = scenario.rubric.find((r) => r.id === c.id)!.title;
    row(mitAt, 'before mitigating', lowerFirst(title), c.id, secs.length ? Math.min(...secs) : null, false);
  }
  const hyp = find('hypothesis-before-mitigation');
  if (hyp) row(mitAt, 'before mitigating', 'states a hypothesis', hyp.id, w.hypotheses[0]?.sec ?? null);
  const polled = find('polled');
  if (polled) {
    const risky = w.actions.filter((a) => polled.check.before.includes(a.id)).sort((a, b) => a.sec - b.sec)[0];
    row(risky?.sec ?? mitAt, 'before the risky change', 'polls for strong objections before degrading a safety control', polled.id, w.polls[0]?.sec ?? null, risky !== undefined);
  }
  if (mit) row(onset + mit.check.excellentSec, `≤ ${clock(mit.check.excellentSec)} after onset`, 'stops the user impact (mitigated)', mit.id, w.mitigatedSec);

  const refResolve = Math.max(onset + (mit?.check.excellentSec ?? 1800) + 300, Math.round(scenario.examiner.expectedMinutes * 60));
  const cadence = find('update-cadence');
  if (cadence && w.statusUpdates.length > 0) {
    const gap = cadence.check.maxGapSec;
    const end = w.resolvedSec ?? refResolve;
    let prev = firstAt;
    for (let n = 2; prev + gap < end && n < 50; n++) {
      const by = prev + gap;
      const from = prev;
      const you = w.statusUpdates.find((u) => u.sec > from)?.sec ?? null;
      row(by, `≤ ${clock(gap)} after the previous update`, `posts status update #${n}`, cadence.id, you);
      if (you === null) break;
      prev = you;
    }
  }
  const resolveAt = w.resolvedSec ?? refResolve;
  const rc = find('rootcause');
  if (rc) row(resolveAt, 'before resolving', 'states the root cause', rc.id, w.rootCause?.sec ?? null, false);
  const resolved = find('resolved-after-fix');
  const res = row(resolveAt, `once the fix is verified (about ${scenario.examiner.expectedMinutes} min into a strong drill)`, 'verifies the fix against exit criteria and resolves', resolved?.id ?? null, w.resolvedSec, false);
  if (w.resolvedSec !== null && !w.resolvedWhileFixed) Object.assign(res, { status: 'wrong', note: 'before the fault was fixed' });
  const pmCheck = find('postmortem-concepts') ?? find('postmortem-quality');
  if (pmCheck) {
    const r = row((w.resolvedSec ?? refResolve) + Math.round(scenario.postmortemMin * 60), `≤ ${scenario.postmortemMin} min after resolving`, 'submits the postmortem: blameless, with typed, owned, prioritised action items', pmCheck.id, w.postmortem.submittedSec);
    if (w.postmortem.late) Object.assign(r, { status: 'late', note: 'time ran out: submitted as it stood' });
  }

  return rows.map((r, i) => ({ r, i })).sort((a, b) => a.r.bySec - b.r.bySec || a.i - b.i).map((x) => x.r);
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
