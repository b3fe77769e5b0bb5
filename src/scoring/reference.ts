import { formatClock as clock } from '../scenario/duration.js';
import type { Scenario } from '../scenario/schema.js';
import type { WorldState } from '../sim/world.js';

/**
 * The reference timeline: what a strong IC has done by when, derived from
 * the rubric's time targets (the excellent band of each timed check),
 * anchored at this session's first page and onset, and set against what
 * this IC did. Checks without a time target sit where the rubric implies
 * ("before mitigating", "before resolving"). Pure: (scenario, final world).
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
  status: 'met' | 'late' | 'missed';
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

  const ack = find('ack');
  const refAck = page + (ack?.check.excellentSec ?? 300);
  row(page, 'the first page', 'is paged: the incident clock starts for the IC', null, w.firstPageSec, false);
  if (ack) row(refAck, `≤ ${clock(ack.check.excellentSec)} after the page`, 'acknowledges the page', ack.id, w.ackSec);

  const sev = find('severity');
  const refSev = refAck + (sev?.check.withinSec ?? 300);
  if (sev) row(refSev, `≤ ${clock(sev.check.withinSec)} after acknowledging`, `declares the incident at SEV-${scenario.severity.expected} or higher`, sev.id, w.severityHistory[0]?.sec ?? null);

  const esc = find('escalated');
  if (esc) {
    const got = esc.check.teams.map((t) => w.escalations.find((e) => e.team === t)?.sec ?? null);
    const you = got.some((s) => s === null) ? null : Math.max(...(got as number[]));
    row(refAck + esc.check.withinSec, `≤ ${clock(esc.check.withinSec)} after acknowledging`, `pages ${esc.check.teams.join(' and ')}`, esc.id, you);
  }

  const roles = find('roles');
  if (roles) {
    const got = roles.check.roles.map((r) => w.roles[r]?.sec ?? null);
    row(refSev, 'with the declaration', `names a ${roles.check.roles.join(' and a ')} lead`, roles.id, got.some((s) => s === null) ? null : Math.max(...(got as number[])), false);
  }

  const first = find('first-update');
  const refFirst = refSev + (first?.check.withinSec ?? 600);
  if (first) row(refFirst, `≤ ${clock(first.check.withinSec)} after declaring`, 'posts the first status update: impact, what is being done, when the next one comes', first.id, w.statusUpdates[0]?.sec ?? null);

  const delegated = find('delegated');
  if (delegated) row(refFirst, 'early, once responders join', 'delegates to named responders with time-boxes', delegated.id, w.tasks.find((t) => t.named && t.dueSec !== null)?.assignedSec ?? null, false);

  const mit = find('mitigated');
  const refMit = onset + (mit?.check.excellentSec ?? 1800);
  for (const c of checks) {
    if (c.check.kind !== 'evidence') continue;
    const ids = c.check.any;
    const secs = ids.map((e) => w.evidence[e]).filter((s): s is number => s !== undefined);
    const title = scenario.rubric.find((r) => r.id === c.id)!.title;
    row(refMit, 'before mitigating', lowerFirst(title), c.id, secs.length ? Math.min(...secs) : null);
  }
  const hyp = find('hypothesis-before-mitigation');
  if (hyp) row(refMit, 'before mitigating', 'states a hypothesis', hyp.id, w.hypotheses[0]?.sec ?? null);
  const polled = find('polled');
  if (polled) row(refMit, 'before the risky change', 'polls for strong objections before degrading a safety control', polled.id, w.polls[0]?.sec ?? null);
  if (mit) row(refMit, `≤ ${clock(mit.check.excellentSec)} after onset`, 'stops the user impact (mitigated)', mit.id, w.mitigatedSec);

  const refResolve = Math.max(refMit + 300, Math.round(scenario.examiner.expectedMinutes * 60));
  const cadence = find('update-cadence');
  if (cadence && first) {
    const gap = cadence.check.maxGapSec;
    let prev = refFirst;
    for (let by = refFirst + gap, n = 2; by < refResolve; by += gap, n++) {
      const lo = prev;
      const you = w.statusUpdates.find((u) => u.sec > lo && u.sec <= by)?.sec ?? w.statusUpdates.find((u) => u.sec > by)?.sec ?? null;
      row(by, `≤ ${clock(gap)} after the last one`, `posts status update #${n}`, cadence.id, you);
      prev = by;
    }
  }
  const rc = find('rootcause');
  if (rc) row(refResolve, 'before resolving', 'states the root cause', rc.id, w.rootCause?.sec ?? null, false);
  const resolved = find('resolved-after-fix');
  row(refResolve, `about ${scenario.examiner.expectedMinutes} min into the drill`, 'verifies the fix against exit criteria and resolves', resolved?.id ?? null, w.resolvedSec);
  const pmCheck = find('postmortem-concepts') ?? find('postmortem-quality');
  if (pmCheck) {
    const r = row(refResolve + Math.round(scenario.postmortemMin * 60), `≤ ${scenario.postmortemMin} min after resolving`, 'submits a blameless postmortem with typed, owned, prioritised action items', pmCheck.id, w.postmortem.submittedSec);
    if (w.postmortem.late) r.status = 'late';
  }

  return rows.map((r, i) => ({ r, i })).sort((a, b) => a.r.bySec - b.r.bySec || a.i - b.i).map((x) => x.r);
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
