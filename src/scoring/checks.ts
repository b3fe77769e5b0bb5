import { formatClock } from '../scenario/clock-text.js';
import type { Check, Scenario } from '../scenario/schema.js';
import { PM_FIELDS } from '../scenario/vocabulary.js';
import { coversAll } from '../scenario/covers.js';
import type { WorldState } from '../sim/world.js';
import { judgeSet, type ItemJudgement } from './action-items.js';
import { blameOf } from './item-blame.js';
import { tag } from './nlp.js';
import { answerAddresses, judgeRootCause } from './meaning.js';
import { decidedSec, judgeMitigation } from './mitigation.js';
import { conceptPlain } from './report-common.js';
import { countedUpdates, normalisedUpdate, silenceTheExecutiveWouldHaveBroken } from './status-updates.js';
import type { CheckResult } from './types.js';
import { harmfulActions } from '../sim/harmful.js';
import { notApplicable, notYet, r } from './check-result.js';
import { judgeBefore, judgeDid, judgeNever, judgeReached } from './happened-checks.js';

/** One pure function per rubric check kind: (scenario, final world) → fraction earned + why. */

export interface CheckContext {
  scenario: Scenario;
  world: WorldState;
  items: ItemJudgement[];
}

const at = (sec: number) => formatClock(sec);

function band(elapsed: number | null, excellent: number, acceptable: number, what: string): CheckResult {
  if (elapsed === null) return r(0, `never ${what}`);
  if (elapsed <= excellent) return r(1, `${what} after ${at(elapsed)} (target ≤ ${at(excellent)})`);
  if (elapsed <= acceptable) return r(0.5, `${what} after ${at(elapsed)}: acceptable, a strong IC does it within ${at(excellent)}`);
  return r(0.15, `${what} after ${at(elapsed)}: late (acceptable ≤ ${at(acceptable)})`);
}

/** Where a clock starts for the IC: the first page, else the fault onset. */
function detectedSec(w: WorldState): number {
  return w.firstPageSec ?? w.onsetSec ?? 0;
}

export function evaluate(check: Check, ctx: CheckContext): CheckResult {
  const { scenario, world: w } = ctx;
  switch (check.kind) {
    case 'ack':
      return band(w.ackSec === null ? null : Math.max(0, w.ackSec - detectedSec(w)), check.excellentSec, check.acceptableSec, 'acknowledged the page');
    case 'severity': {
      const first = w.severityHistory[0];
      if (!first) return r(0, 'never declared a severity');
      const from = w.ackSec ?? detectedSec(w);
      const elapsed = Math.max(0, first.sec - from);
      const ok = scenario.severity.acceptable.includes(first.level) || first.level < scenario.severity.expected;
      const flips = w.severityHistory.filter((h) => h.sec - first.sec <= 300).length;
      let f = elapsed <= check.withinSec ? 1 : 0.5;
      const notes = [`declared SEV-${first.level} ${at(elapsed)} after acknowledging`];
      if (!ok) {
        f *= 0.4;
        notes.push(`too low: this incident is SEV-${scenario.severity.expected} (when unsure, err high)`);
      }
      if (flips >= 3) {
        f -= 0.25;
        notes.push('changed severity repeatedly: do not litigate severity during the incident');
      }
      if (elapsed > check.withinSec) notes.push(`declare within ${at(check.withinSec)}`);
      return r(f, notes.join('; '));
    }
    case 'first-update': {
      const first = countedUpdates(scenario, w).counted[0];
      if (!first) return r(0, w.statusUpdates.length ? 'no status update said anything about the incident' : 'no status update was ever posted');
      const from = w.severityHistory[0]?.sec ?? w.ackSec ?? detectedSec(w);
      const elapsed = Math.max(0, first.sec - from);
      return elapsed <= check.withinSec ? r(1, `first update ${at(elapsed)} after declaring`) : r(0.5, `first update ${at(elapsed)} after declaring (target ≤ ${at(check.withinSec)})`);
    }
    case 'update-cadence': {
      // Repeats and updates that say nothing about the incident do not fill a silence.
      const { counted, repeats } = countedUpdates(scenario, w);
      if (counted.length === 0) return r(0, w.statusUpdates.length ? 'stakeholders heard nothing about the incident' : 'stakeholders heard nothing');
      const end = w.resolvedSec ?? (w.outcome === 'timed-out' ? w.timeLimitSec : w.sec);
      const times = [w.ackSec ?? detectedSec(w), ...counted.map((u) => u.sec).filter((s) => s <= end), end];
      let maxGap = 0;
      let gapAt = 0;
      for (let i = 1; i < times.length; i++) if (times[i]! - times[i - 1]! > maxGap) [maxGap, gapAt] = [times[i]! - times[i - 1]!, times[i - 1]!];
      const promises = counted.filter((u) => u.promiseSec !== null && u.promiseSec < end);
      const broken = promises.filter((u) => !counted.some((v) => v.sec > u.sec && v.sec <= u.promiseSec! + 120));
      let f = maxGap <= check.maxGapSec ? 1 : maxGap <= check.maxGapSec * 1.5 ? 0.5 : 0.1;
      f -= 0.25 * broken.length;
      const notes = [maxGap <= check.maxGapSec ? `longest silence ${at(maxGap)} (≤ ${at(check.maxGapSec)})` : `no update between ${at(gapAt)} and ${at(gapAt + maxGap)} (expected every ≤ ${at(check.maxGapSec)})`];
      if (promises.length === 0) notes.push('no update promised the next one');
      for (const b of broken) notes.push(`promised an update by ${at(b.promiseSec!)} and missed it`);
      if (repeats) notes.push(`${repeats} repeated update(s) counted once`);
      if (w.executiveSec !== null) notes.push(`the executive swooped in at ${at(w.executiveSec)}`);
      return r(f, notes.join('; '));
    }
    case 'status-content': {
      if (w.statusUpdates.length === 0) return r(0, 'no status updates to judge');
      const { counted, repeats, empty, falseClaims } = countedUpdates(scenario, w);
      const judged = counted.length + empty;
      const wrong = new Set(falseClaims.map((c) => c.sec));
      const good = counted.filter((u) => !wrong.has(u.sec) && coversAll(u.text, check.mentions));
      const promised = counted.filter((u) => u.promiseSec !== null).length;
      let f = (judged ? (good.length / judged) * 0.7 : 0) + (promised > 0 ? 0.3 : 0);
      const notes = [`${good.length} of ${judged} distinct update(s) stated the impact and what is being done; ${promised} promised the next update`];
      if (repeats) notes.push(`${repeats} repeat(s) of an earlier update counted once`);
      if (empty) notes.push(`${empty} update(s) said nothing about the incident`);
      for (const c of falseClaims) {
        f -= 0.5;
        notes.push(`the update at ${at(c.sec)} claimed recovery while ${c.why} ("${c.text.length > 80 ? `${c.text.slice(0, 77)}…` : c.text}")`);
      }
      return r(f, notes.join('; '));
    }
    case 'evidence': {
      const got = check.any.filter((e) => w.evidence[e] !== undefined).sort((a, b) => w.evidence[a]! - w.evidence[b]!);
      const title = (id: string) => scenario.evidence.find((e) => e.id === id)?.title ?? id;
      return got.length > 0 ? r(1, `saw ${title(got[0]!)} at ${at(w.evidence[got[0]!]!)}`) : r(0, `never saw ${check.any.map(title).join(' or ')}`);
    }
    case 'hypothesis-before-mitigation': {
      const limit = w.mitigatedSec ?? w.sec;
      const h = w.hypotheses.find((x) => x.sec <= limit);
      return h ? r(1, `stated hypothesis "${h.text}" at ${at(h.sec)}`) : r(0, 'no hypothesis stated before mitigating (`hyp TEXT`)');
    }
    case 'mitigated': {
      const m = judgeMitigation(scenario, check, w);
      return r(m.fraction, m.reason);
    }
    case 'no-harmful': {
      const harmful = harmfulActions(w);
      if (harmful.length === 0) return w.actions.length === 0 ? notApplicable('no change was made, so there was nothing to judge') : r(1, `${w.actions.length} change(s) made, none of them harmful`);
      const lessons = harmful.map((h) => {
        const a = scenario.actions.find((x) => x.id === h.id)!;
        return `${a.title} at ${at(h.sec)}${a.lesson ? ` (${a.lesson})` : ''}`;
      });
      // Any harmful change loses the whole check: it never pays more than making no change at all.
      return r(0, `harmful: ${lessons.join('; ')}`);
    }
    case 'rootcause': {
      if (!w.rootCause) return r(0, 'no root cause stated (`rootcause TEXT`)');
      const j = judgeRootCause(scenario, w.variant, w.rootCause.text);
      if (j.fraction >= 1) return r(1, `root cause stated at ${at(w.rootCause.sec)}${j.met < j.of ? ` (names ${j.met} of its ${j.of} parts, enough to say what broke)` : ''}`);
      return r(j.fraction, `the stated root cause ("${w.rootCause.text}") misses what broke: it names ${j.met} of its ${j.of} parts${j.otherCause ? ', and describes a different cause' : ''}`);
    }
    case 'resolved-after-fix':
      if (w.resolvedSec === null) return r(0, w.outcome === 'timed-out' ? 'the incident timed out unresolved' : 'never resolved');
      return w.resolvedWhileFixed ? r(1, `resolved at ${at(w.resolvedSec)} after the fault was fixed`) : r(0, `declared resolved at ${at(w.resolvedSec)} while the underlying fault was still there`);
    case 'escalated': {
      const from = w.ackSec ?? detectedSec(w);
      const missing = check.teams.filter((t) => !w.escalations.some((e) => e.team === t));
      if (missing.length === check.teams.length) return r(0, `never paged ${check.teams.join(', ')}`);
      const late = check.teams.filter((t) => w.escalations.some((e) => e.team === t && e.sec - from > check.withinSec));
      const f = (check.teams.length - missing.length - late.length * 0.5) / check.teams.length;
      return r(f, [missing.length ? `never paged ${missing.join(', ')}` : '', late.length ? `paged ${late.join(', ')} late` : '', !missing.length && !late.length ? `paged ${check.teams.join(', ')} in time` : ''].filter(Boolean).join('; '));
    }
    case 'delegated': {
      // The same request to the same person, asked again, is one task.
      const seen = new Set<string>();
      const tasks = w.tasks.filter((t) => {
        const key = `${t.who} ${normalisedUpdate(t.text)}`;
        return seen.has(key) ? false : (seen.add(key), true);
      });
      const repeats = w.tasks.length - tasks.length;
      const good = tasks.filter((t) => t.named && t.dueSec !== null);
      const weak = tasks.filter((t) => !t.named || t.dueSec === null);
      const again = repeats ? `; ${repeats} repeated request(s) counted once` : '';
      if (good.length >= check.minTasks) return r(weak.length === 0 ? 1 : 0.8, `${good.length} task(s) had a named owner and a time-box${weak.length ? `; ${weak.length} lacked a name or a time-box` : ''}${again}`);
      if (tasks.length > 0) return r(0.4, `${tasks.length} task(s) delegated, but ${good.length ? `only ${good.length} with` : 'without'} a named owner and a time-box (${check.minTasks} expected)${again}`);
      return r(0, 'never delegated a task (`ask WHO TASK in Nm`)');
    }
    case 'followed-up': {
      const expired = w.tasks.filter((t) => t.expiredSec !== null);
      if (expired.length === 0) {
        const boxed = w.tasks.filter((t) => t.dueSec !== null);
        if (boxed.length === 0) return r(0, 'no task had a time-box to follow up on');
        return boxed.every((t) => t.reportedSec !== null) ? r(1, 'every report came back inside its time-box') : notYet('no time-box has run out yet');
      }
      const kept = expired.filter((t) => t.followedUpSec !== null && t.followedUpSec - t.expiredSec! <= 300);
      const missed = expired.filter((t) => !kept.includes(t)).map((t) => `${t.who} (due ${at(t.dueSec!)})`);
      return r(kept.length / expired.length, missed.length === 0 ? `followed up on every expired time-box` : `did not follow up on ${missed.join(', ')} when the time-box ran out`);
    }
    case 'hands-off': {
      if (w.handsOn.length === 0) {
        const joined = Object.values(w.responders).some((p) => p.joinedSec !== null);
        return joined ? r(1, 'commanded: left hands-on work to responders once they joined') : notApplicable('no responder ever joined, so there was no one to leave hands-on work to');
      }
      return r(w.handsOn.length === 1 ? 0.5 : 0, `did hands-on work while responders were present: ${w.handsOn.map((h) => `"${h.text}" at ${at(h.sec)}`).join(', ')}`);
    }
    case 'polled': {
      const first = w.actions.filter((a) => check.before.includes(a.id)).sort((a, b) => decidedSec(w, a) - decidedSec(w, b))[0];
      if (!first) return w.mitigatedSec !== null ? notApplicable('mitigated without the risky change that needed a poll') : r(0, 'never reached the risky decision, so never polled for it');
      // The poll must come before the change was decided (asked for), not merely before it landed.
      const p = w.polls.find((x) => x.sec <= decidedSec(w, first));
      const title = scenario.actions.find((a) => a.id === first.id)!.title;
      return p ? r(1, `polled for objections at ${at(p.sec)} before "${title}"`) : r(0, `"${title}" at ${at(first.sec)} without polling for strong objections`);
    }
    case 'roles': {
      const got = check.roles.filter((role) => w.roles[role] !== undefined);
      return r(got.length / check.roles.length, got.length === check.roles.length ? `assigned ${got.join(', ')}` : `never assigned ${check.roles.filter((x) => !got.includes(x)).join(', ')}`);
    }
    case 'questions-answered': {
      // Updates that said nothing kept the executive away in the simulation; the silence still counts as their unanswered question.
      const silence = silenceTheExecutiveWouldHaveBroken(scenario, w);
      if (w.questions.length === 0 && !silence) return notApplicable('no stakeholder questions came up');
      const covers = (q: (typeof w.questions)[number]) => scenario.stakeholders.find((x) => x.id === q.stakeholder)?.questions.find((x) => x.id === q.id)?.covers ?? [];
      const replies = distinctReplies(w);
      // Any reply to the asker after the question may answer it; a reply repeated word for word answers nothing new.
      const addressed = (q: (typeof w.questions)[number]) => replies.some((x) => x.who === q.stakeholder && x.sec >= q.askedSec && answerAddresses(scenario, covers(q), x.text));
      const scores: number[] = w.questions.map((q) => (q.answeredSec === null ? 0 : addressed(q) ? 1 : 0.5));
      const open = w.questions.filter((q) => q.answeredSec === null).map((q) => q.stakeholder);
      const thin = w.questions.filter((q) => q.answeredSec !== null && !addressed(q)).map((q) => q.stakeholder);
      const parts = [`answered ${w.questions.length - open.length} of ${w.questions.length} questions`];
      if (open.length) parts.push(`left ${[...new Set(open)].join(', ')} waiting`);
      if (thin.length) parts.push(`answers to ${[...new Set(thin)].join(', ')} missed what they asked`);
      if (silence) {
        scores.push(0);
        parts.push(`stakeholders heard nothing about the incident from ${at(silence.fromSec)} to ${at(silence.toSec)} (updates that said nothing or repeated one do not count): the executive would have stepped in`);
      }
      return r(scores.reduce((a, b) => a + b, 0) / scores.length, parts.join('; '));
    }
    case 'postmortem-concepts': {
      const concepts = scenario.postmortem.concepts;
      const met = new Set(ctx.items.flatMap((i) => i.concepts));
      const total = concepts.reduce((a, c) => a + c.points, 0);
      const blameful = ctx.items.filter((i) => i.blameful).length;
      // A postmortem that blames people earns no concept, whatever else it says.
      const got = blameful ? 0 : concepts.filter((c) => met.has(c.id)).reduce((a, c) => a + c.points, 0);
      const missing = concepts.filter((c) => !met.has(c.id)).map(conceptPlain);
      const notes = [`${blameful ? 0 : met.size} of ${concepts.length} follow-ups this incident needs were met`];
      if (blameful) notes.push(`${blameful} blameful item(s): a postmortem that blames people earns no credit for its other items`);
      if (missing.length) notes.push(`no item ${missing.length === 1 ? 'addresses' : 'addresses these'}: ${missing.join('; ')}`);
      const unearned = ctx.items.filter((i) => i.concepts.length === 0 && i.duplicateOf === null && i.band !== 'good' && i.band !== 'ok').length;
      if (unearned) notes.push(`${unearned} item(s) earned nothing (vague, blameful or harmful)`);
      const copied = ctx.items.filter((i) => i.copied !== null).length;
      if (copied) notes.push(`${copied} item(s) copied the briefing's or the follow-ups' own words and earned nothing`);
      if (w.postmortem.late) notes.push('judged as written when the postmortem time ran out');
      return r(got / total, notes.join('; '));
    }
    case 'postmortem-quality': {
      const pm = w.postmortem;
      if (pm.startedSec === null && pm.actions.length === 0) return r(0, 'no postmortem written');
      // Vague items and repeats add nothing; blameful and harmful items cost.
      const counted = ctx.items.filter((i) => i.duplicateOf === null && !i.vague && !i.blameful && !i.harmful);
      const avg = counted.length ? counted.reduce((a, i) => a + i.quality, 0) / counted.length : 0;
      const fields = ['summary', 'rootcause', 'impact'].filter((f) => (pm.fields[f] ?? '').trim().length > 10).length / 3;
      const notes = [
        counted.length ? `${counted.length} substantive item(s) average ${Math.round(avg * 100)}% quality` : 'no substantive action items',
        `${Math.round(fields * 3)}/3 of summary, root cause and impact written`,
      ];
      let f = avg * 0.7 + fields * 0.3;
      const vague = ctx.items.filter((i) => i.vague && !i.blameful).length;
      if (vague) notes.push(`${vague} vague item(s) add nothing`);
      const dups = ctx.items.filter((i) => i.duplicateOf !== null).length;
      if (dups) notes.push(`${dups} repeated item(s) add nothing`);
      const blame = ctx.items.filter((i) => i.blameful).length;
      const harmful = ctx.items.filter((i) => i.harmful && !i.blameful).length;
      if (harmful) {
        f -= 0.15 * harmful;
        notes.push(`${harmful} harmful item(s) (−${15 * harmful}%)`);
      }
      const narrativeBlame = narrativeBlameOf(scenario, pm.fields);
      if (narrativeBlame) {
        f -= 0.15;
        notes.push(`the write-up blames people (${narrativeBlame}) (−15%)`);
      }
      const set = judgeSet(scenario, ctx.items, { customersHarmed: Object.values(w.impact).some((v) => v > 0) });
      f -= set.penalty;
      notes.push(...set.notes);
      if (pm.late) {
        f *= 0.7;
        const missing = missingFields(pm.fields);
        notes.push(`late/partial: the postmortem time ran out and it was submitted as it stood (×0.7)${missing.length ? `; never written: ${missing.join(', ')}` : ''}`);
      }
      // Blame puts the whole postmortem section below an empty one: negative, whatever else was written.
      if (blame) {
        notes.push(`${blame} blameful item(s): the postmortem scores below an empty one (${-25 * Math.min(blame, 4)}%)`);
        return { fraction: -0.25 * Math.min(blame, 4), reason: notes.join('; ') };
      }
      return r(f, notes.join('; '));
    }
    case 'did':
      return judgeDid(scenario, w, check);
    case 'before':
      return judgeBefore(scenario, w, check);
    case 'reached':
      return judgeReached(scenario, w, check);
    case 'never':
      return judgeNever(scenario, w, check);
  }
}

/** Replies in order, each text once per person it went to. */
function distinctReplies(w: WorldState): WorldState['replies'] {
  const seen = new Set<string>();
  return w.replies.filter((x) => {
    const key = `${x.who} ${normalisedUpdate(x.text)}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

export function missingFields(fields: Record<string, string>): string[] {
  return PM_FIELDS.filter((f) => !(fields[f] ?? '').trim());
}

/** Blame in the narrative ("human error: Marco's change"), quoted. */
export function narrativeBlameOf(scenario: Scenario, fields: Record<string, string>): string | null {
  const people = scenario.people.flatMap((p) => [p.id, ...p.name.split(/\s+/)]).map((n) => n.toLowerCase());
  for (const f of ['rootcause', 'factors', 'summary', 'impact'] as const) {
    for (const sentence of (fields[f] ?? '').split(/(?<=[.!?;])\s+/).filter((x) => x.trim())) {
      const hit = blameOf(sentence, tag(sentence), null, people);
      if (hit) return `${f}: ${hit}`;
    }
  }
  return null;
}
