import { formatClock, parseDuration } from '../scenario/clock-text.js';
import type { Scenario } from '../scenario/schema.js';
import { RECOMMENDATIONS, type EventBody, type Recommendation } from '../sim/events.js';

/**
 * What the examiner types for the scorecard, read into events or refused
 * with what would be accepted. Typed text is untrusted: bounded, and every
 * id checked against the scenario.
 *
 *   note     [@MM:SS] [#rubric-item] text    a moment of the recording, a rubric item
 *   rate     COMPETENCY SCORE                e.g. "diagnosis 14"
 *   verdict  strong-hire|hire|no-hire|strong-no-hire [: why]
 */
export type Parsed<T> = { ok: true; body: T } | { ok: false; why: string };

export const MAX_NOTE_CHARS = 2000;

const listed = (ids: readonly string[]) => (ids.length > 12 ? `${ids.slice(0, 12).join(', ')}, …` : ids.join(', '));

export function parseNote(text: string, scenario: Scenario, nowSec: number): Parsed<Extract<EventBody, { type: 'annotate' }>> {
  let rest = text.trim();
  if (rest.length > MAX_NOTE_CHARS) return { ok: false, why: `a note is at most ${MAX_NOTE_CHARS} characters` };
  let atMs: number | undefined;
  let item: string | undefined;
  for (;;) {
    const m = /^([@#])(\S+)\s*/u.exec(rest);
    if (!m) break;
    if (m[1] === '@') {
      const sec = parseDuration(m[2]!);
      if (sec === null) return { ok: false, why: `@${m[2]}: a moment is @MM:SS or @H:MM:SS of the session` };
      if (sec > nowSec) return { ok: false, why: `@${m[2]} has not happened yet (the session stands at +${formatClock(nowSec)})` };
      atMs = sec * 1000;
    } else {
      const id = m[2]!.toLowerCase();
      if (!scenario.rubric.some((c) => c.id === id)) return { ok: false, why: `#${m[2]} is no rubric item; they are: ${listed(scenario.rubric.map((c) => c.id))}` };
      item = id;
    }
    rest = rest.slice(m[0].length);
  }
  if (rest === '') return { ok: false, why: 'type the note first ([@MM:SS] [#rubric-item] text)' };
  return { ok: true, body: { type: 'annotate', text: rest, ...(item ? { item } : {}), ...(atMs !== undefined ? { atMs } : {}) } };
}

/** `sections`: the score's competencies with what each is worth, as the report shows them. */
export function parseRating(text: string, sections: readonly { id: string; max: number }[]): Parsed<Extract<EventBody, { type: 'rate' }>> {
  const ids = sections.filter((x) => x.max > 0).map((x) => x.id);
  const m = /^\s*([a-z-]+)\s+(\d+(?:\.\d)?)\s*$/iu.exec(text);
  if (!m) return { ok: false, why: `rate as COMPETENCY SCORE, e.g. "${ids[0] ?? 'diagnosis'} 10"; competencies: ${listed(ids)}` };
  const id = m[1]!.toLowerCase();
  if (!ids.includes(id)) return { ok: false, why: `"${m[1]}" is no competency of this scenario; they are: ${listed(ids)}` };
  const max = sections.find((x) => x.id === id)!.max;
  const score = Number(m[2]);
  if (score > max) return { ok: false, why: `${id} is worth at most ${max}` };
  return { ok: true, body: { type: 'rate', competency: id, score } };
}

export function parseRecommendation(text: string): Parsed<Extract<EventBody, { type: 'recommend' }>> {
  const m = /^\s*([a-z][a-z -]*?)\s*(?::\s*(.*))?$/isu.exec(text);
  const verdict = m?.[1]!.toLowerCase().replace(/\s+/gu, '-');
  if (!m || !RECOMMENDATIONS.includes(verdict as Recommendation)) return { ok: false, why: `recommend one of ${RECOMMENDATIONS.join(', ')} (then ": why")` };
  const why = (m[2] ?? '').trim();
  if (why.length > MAX_NOTE_CHARS) return { ok: false, why: `the reason is at most ${MAX_NOTE_CHARS} characters` };
  return { ok: true, body: { type: 'recommend', verdict: verdict as Recommendation, text: why } };
}
