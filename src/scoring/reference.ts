import { formatClock as clock } from '../scenario/clock-text.js';
import { wallHm } from '../scenario/clock-frame.js';
import type { Scenario } from '../scenario/schema.js';
import type { WorldState } from '../sim/world.js';
import type { ReferenceRun, Score } from './types.js';
import { harmfulActions } from '../sim/harmful.js';
import { scenarioForVariant } from '../scenario/variant-view.js';

/**
 * The comparison with a strong IC: for each step the rubric asks for, when
 * the scenario's reference play (run through the engine: reference-run.ts)
 * did it, when this IC did it, and whether this IC's step met the bar, in
 * quality as well as timing. "By" deadlines count from the first page and
 * the onset (and, where a deadline follows another, from that deadline), so
 * nothing the trainee does moves them. Pure: (scenario, world, score, run).
 */
export interface ReferenceRow {
  /** Sim second by which a strong IC has done it (fixed for the session: never moved by this IC's actions). */
  bySec: number;
  /** How the target reads ("≤ 3:00 after the page", "before mitigating"). */
  target: string;
  what: string;
  checkpoint: string | null;
  /** When the reference play did it in this session's variant and seed (null: it did not, or there is no reference play). */
  refSec: number | null;
  /** What the reference play did, where the time alone does not say it (its severity, its update count). */
  refNote?: string;
  /** When this IC did it, or null (never, or a row about the whole session: its note says what was done). */
  youSec: number | null;
  /** Met; late; never; or done but not as a strong IC does it (too low a severity, a wrong root cause, a blameful postmortem). */
  status: 'met' | 'late' | 'missed' | 'wrong';
  note?: string;
}

type Status = ReferenceRow['status'];
type Checks = Scenario['rubric'][number]['check'];

/** What one world (the trainee's or the reference play's) did for each step. */
function did(scenario: Scenario, w: WorldState, score: Score | null) {
  const checks = scenario.rubric;
  const find = <K extends Checks['kind']>(kind: K) => checks.find((c) => c.check.kind === kind) as { id: string; title: string; check: Extract<Checks, { kind: K }> } | undefined;
  const teamsAt = (teams: string[]) => {
    const got = teams.map((t) => w.escalations.find((e) => e.team === t)?.sec ?? null);
    return got.some((s) => s === null) ? null : Math.max(...(got as number[]));
  };
  const rolesAt = (roles: string[]) => {
    const got = roles.map((r) => w.roles[r]?.sec ?? null);
    return got.some((s) => s === null) ? null : Math.max(...(got as number[]));
  };
  const sev = w.severityHistory[0] ?? null;
  // The longest silence the cadence check sees, counted as it counts it.
  const end = w.resolvedSec ?? (w.outcome === 'timed-out' ? w.timeLimitSec : w.sec);
  const times = [w.ackSec ?? w.firstPageSec ?? w.onsetSec ?? 0, ...w.statusUpdates.map((u) => u.sec).filter((s) => s <= end), end];
  let longestGap = 0;
  for (let i = 1; i < times.length; i++) longestGap = Math.max(longestGap, times[i]! - times[i - 1]!);
  const fraction = (id: string | undefined) => {
    const c = id === undefined ? undefined : score?.checkpoints.find((x) => x.id === id);
    return c && c.points > 0 ? c.earned / c.points : null;
  };
  return {
    find,
    fraction,
    sev,
    sevOk: sev !== null && (scenario.severity.acceptable.includes(sev.level) || sev.level < scenario.severity.expected),
    teamsAt,
    rolesAt,
    updates: w.statusUpdates.length,
    longestGap,
    harmful: harmfulActions(w),
    blameful: score?.items.filter((i) => i.blameful).length ?? 0,
  };
}

export function referenceTimeline(scenario: Scenario, w: WorldState, score: Score | null = null, ref: ReferenceRun | null = null): ReferenceRow[] {
  scenario = scenarioForVariant(scenario, w.variant);
  const you = did(scenario, w, score);
  const rw = ref?.world ?? null;
  const them = ref ? did(scenario, ref.world, ref.score) : null;
  const { find } = you;
  const page = w.firstPageSec ?? w.onsetSec ?? 0;
  const onset = w.onsetSec ?? page;

  const rows: ReferenceRow[] = [];
  /** A row; `timed` rows are late past `bySec`; `wrong` overrides both. */
  const row = (r: Omit<ReferenceRow, 'status'> & { timed?: boolean; wrong?: string | null }): ReferenceRow => {
    const { timed = true, wrong = null, ...rest } = r;
    const status: Status = rest.youSec === null ? 'missed' : wrong ? 'wrong' : !timed || rest.youSec <= rest.bySec ? 'met' : 'late';
    const out: ReferenceRow = { ...rest, status };
    if (wrong && rest.youSec !== null) out.note = wrong;
    if (out.refNote === undefined) delete out.refNote;
    if (out.note === undefined) delete out.note;
    rows.push(out);
    return out;
  };

  row({ bySec: page, target: 'the first page', what: 'is paged: the incident clock starts for the IC', checkpoint: null, refSec: rw?.firstPageSec ?? null, youSec: w.firstPageSec, timed: false });

  const ack = find('ack');
  const ackBy = page + (ack?.check.excellentSec ?? 300);
  if (ack) row({ bySec: ackBy, target: `≤ ${clock(ack.check.excellentSec)} after the page`, what: 'acknowledges the page', checkpoint: ack.id, refSec: rw?.ackSec ?? null, youSec: w.ackSec });

  const sev = find('severity');
  const sevBy = ackBy + (sev?.check.withinSec ?? 300);
  if (sev) {
    const low = you.sev && !you.sevOk ? `declared SEV-${you.sev.level}, too low: this incident is SEV-${scenario.severity.expected}` : null;
    row({
      bySec: sevBy,
      target: `≤ ${clock(sev.check.withinSec)} after a prompt acknowledgement`,
      what: `declares the incident at SEV-${scenario.severity.expected} or higher`,
      checkpoint: sev.id,
      refSec: them?.sev?.sec ?? null,
      ...(them?.sev ? { refNote: `SEV-${them.sev.level}` } : {}),
      youSec: you.sev?.sec ?? null,
      wrong: low,
    });
  }

  const esc = find('escalated');
  if (esc) row({ bySec: ackBy + esc.check.withinSec, target: `≤ ${clock(esc.check.withinSec)} after a prompt acknowledgement`, what: `pages ${esc.check.teams.join(' and ')}`, checkpoint: esc.id, refSec: them?.teamsAt(esc.check.teams) ?? null, youSec: you.teamsAt(esc.check.teams) });

  const roles = find('roles');
  if (roles) {
    const leads = roles.check.roles.map((r) => `${/^[aeiou]/i.test(r) ? 'an' : 'a'} ${r} lead`).join(' and ');
    row({ bySec: sevBy, target: 'with the declaration', what: `names ${leads}`, checkpoint: roles.id, refSec: them?.rolesAt(roles.check.roles) ?? null, youSec: you.rolesAt(roles.check.roles), timed: false });
  }

  const first = find('first-update');
  const firstBy = sevBy + (first?.check.withinSec ?? 600);
  if (first) row({ bySec: firstBy, target: `≤ ${clock(first.check.withinSec)} after a prompt declaration`, what: 'posts the first status update: impact, what is being done, when the next one comes', checkpoint: first.id, refSec: rw?.statusUpdates[0]?.sec ?? null, youSec: w.statusUpdates[0]?.sec ?? null });

  const delegated = find('delegated');
  const delegatedAt = (x: WorldState) => x.tasks.find((t) => t.named && t.dueSec !== null)?.assignedSec ?? null;
  if (delegated) row({ bySec: firstBy, target: 'once responders join', what: 'delegates to named responders with time-boxes', checkpoint: delegated.id, refSec: rw ? delegatedAt(rw) : null, youSec: delegatedAt(w), timed: false });

  const mit = find('mitigated');
  const mitBy = onset + (mit?.check.excellentSec ?? 1800);
  // "Before mitigating" is judged against this IC's own mitigation (the rubric's rule); the row sits at the fixed deadline.
  const beforeOwn = (sec: number | null) => (sec !== null && w.mitigatedSec !== null && sec > w.mitigatedSec ? 'only after mitigating' : null);
  for (const c of scenario.rubric) {
    if (c.check.kind !== 'evidence') continue;
    const ids = c.check.any;
    const seen = (x: WorldState) => {
      const secs = ids.map((e) => x.evidence[e]).filter((s): s is number => s !== undefined);
      return secs.length ? Math.min(...secs) : null;
    };
    const youSec = seen(w);
    row({ bySec: mitBy, target: 'before mitigating', what: lowerFirst(c.title), checkpoint: c.id, refSec: rw ? seen(rw) : null, youSec, timed: false, wrong: beforeOwn(youSec) });
  }
  const hyp = find('hypothesis-before-mitigation');
  if (hyp) {
    const youSec = w.hypotheses[0]?.sec ?? null;
    row({ bySec: mitBy, target: 'before mitigating', what: 'states a hypothesis', checkpoint: hyp.id, refSec: rw?.hypotheses[0]?.sec ?? null, youSec, timed: false, wrong: beforeOwn(youSec) });
  }
  const polled = find('polled');
  if (polled) {
    const riskyOf = (x: WorldState) => x.actions.filter((a) => polled.check.before.includes(a.id)).sort((a, b) => a.sec - b.sec)[0];
    const risky = riskyOf(w);
    const unpolled = risky && !w.polls.some((p) => p.sec <= risky.sec) ? 'made the risky change without polling first' : null;
    row({ bySec: mitBy, target: 'before the risky change', what: 'polls for strong objections before degrading a safety control', checkpoint: polled.id, refSec: rw?.polls[0]?.sec ?? null, youSec: w.polls[0]?.sec ?? (unpolled ? risky!.sec : null), timed: false, wrong: unpolled });
  }
  if (mit) row({ bySec: mitBy, target: `≤ ${clock(mit.check.excellentSec)} after onset`, what: 'stops the user impact (mitigated)', checkpoint: mit.id, refSec: rw?.mitigatedSec ?? null, youSec: w.mitigatedSec });
  const noHarm = find('no-harmful');
  if (noHarm) {
    const harmText = (h: { id: string; sec: number }[]) => (h.length === 0 ? 'none' : `harmful: ${h.map((a) => `${scenario.actions.find((x) => x.id === a.id)?.title ?? a.id} at ${wallHm(scenario, a.sec)}`).join('; ')}`);
    const r = row({ bySec: mitBy, target: 'throughout', what: 'makes no harmful change', checkpoint: noHarm.id, refSec: null, ...(them ? { refNote: harmText(them.harmful) } : {}), youSec: null });
    // A row about the whole session, not one moment: the verdict and what was done.
    Object.assign(r, { status: you.harmful.length ? 'wrong' : 'met', note: harmText(you.harmful) });
  }

  const resolveBy = rw?.resolvedSec ?? Math.max(mitBy + 300, Math.round(scenario.examiner.expectedMinutes * 60));
  const cadence = find('update-cadence');
  if (cadence) {
    const gap = cadence.check.maxGapSec;
    const r = row({
      bySec: resolveBy,
      target: `an update at least every ${clock(gap)} until resolved`,
      what: 'keeps stakeholders updated on a cadence',
      checkpoint: cadence.id,
      refSec: null,
      ...(them ? { refNote: `${them.updates} update(s), longest silence ${clock(them.longestGap)}` } : {}),
      youSec: null,
    });
    if (you.updates > 0) Object.assign(r, { status: you.longestGap <= gap ? 'met' : 'late', note: `${you.updates} update(s), longest silence ${clock(you.longestGap)}` });
  }
  const rc = find('rootcause');
  if (rc) {
    const f = you.fraction(rc.id);
    row({ bySec: resolveBy, target: 'before resolving', what: 'states the root cause', checkpoint: rc.id, refSec: rw?.rootCause?.sec ?? null, youSec: w.rootCause?.sec ?? null, timed: false, wrong: f !== null && f < 1 ? 'misses what broke' : null });
  }
  const resolved = find('resolved-after-fix');
  row({
    bySec: resolveBy,
    target: rw?.resolvedSec != null ? 'once the fix is verified' : `once the fix is verified (about ${scenario.examiner.expectedMinutes} min into a strong drill)`,
    what: 'verifies the fix against exit criteria and resolves',
    checkpoint: resolved?.id ?? null,
    refSec: rw?.resolvedSec ?? null,
    youSec: w.resolvedSec,
    timed: false,
    wrong: w.resolvedSec !== null && !w.resolvedWhileFixed ? 'declared resolved with the fault still active' : null,
  });
  const pmCheck = find('postmortem-concepts') ?? find('postmortem-quality');
  if (pmCheck) {
    const r = row({
      bySec: resolveBy + Math.round(scenario.postmortemMin * 60),
      target: `≤ ${scenario.postmortemMin} min after resolving`,
      what: 'submits the postmortem: blameless, with typed, owned, prioritised action items',
      checkpoint: pmCheck.id,
      refSec: rw?.postmortem.submittedSec ?? null,
      youSec: w.postmortem.submittedSec,
      // Its own countdown decides lateness (below), not this fixed deadline.
      timed: false,
      wrong: you.blameful ? `${you.blameful} blameful action item(s)` : null,
    });
    if (r.status === 'met' && w.postmortem.late) Object.assign(r, { status: 'late', note: 'time ran out: submitted as it stood' });
  }

  return rows.map((r, i) => ({ r, i })).sort((a, b) => a.r.bySec - b.r.bySec || a.i - b.i).map((x) => x.r);
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
