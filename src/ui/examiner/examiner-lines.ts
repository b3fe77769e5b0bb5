import type { ExaminerViewModel, RubricItemView } from '../../view/examiner-model.js';
import type { TeamMemberView } from '../../view/model.js';
import { padEnd, textWidth, truncate, wrapText } from '../text.js';

/** What the examiner's prompt line is collecting. */
export type ExaminerPrompt = { kind: 'note' | 'message' | 'page' | 'rate' | 'verdict' | 'curveball'; text: string } | null;

const PROMPT_LABELS: Record<NonNullable<ExaminerPrompt>['kind'], string> = {
  note: 'note',
  message: 'message (who: text — a stakeholder, a responder or exec) > ',
  curveball: 'curveball (number or id) > ',
  page: 'page text > ',
  rate: 'rate (competency score) > ',
  verdict: 'recommend (strong-hire|hire|no-hire|strong-no-hire: why) > ',
};

export function headerText(evm: ExaminerViewModel, width: number): string {
  const h = evm.header;
  const clock = h.paused ? `⏸ paused ${h.speed}x` : `▶ ${h.speed}x`;
  // [text, priority]: the lowest priority goes first when the line is too long.
  let parts: [string, number][] = [
    ['EXAMINER', 9],
    [`candidate: ${h.trainee}`, 6],
    [h.scenarioId, 3],
    [`variant: ${h.variantId}`, 5],
    [`${h.clock} ${clock}`, 8],
    [`⏱ ${h.timeLeft} left`, 2], // the candidate's own header shows it too
    [h.link, 7],
    [`session ${h.sessionId}`, 1],
  ];
  const line = () => ` ${parts.map((p) => p[0]).join(' · ')}`;
  while (textWidth(line()) > width - 1 && parts.length > 1) {
    const min = Math.min(...parts.map((p) => p[1]));
    parts = parts.filter((p) => p[1] !== min);
  }
  return truncate(line(), width - 1);
}

const MARK: Record<RubricItemView['state'], string> = { met: '✓', partial: '±', open: '·', 'n/a': '–' };

function pts(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function rubricItemLine(item: RubricItemView, width: number): string {
  const score = ` ${pts(item.earned)}/${pts(item.points)}`;
  return `${MARK[item.state]} ${padEnd(truncate(item.title, Math.max(4, width - 2 - textWidth(score))), Math.max(4, width - 2 - textWidth(score)))}${score}`;
}

/** Rubric lines for a panel of `width` inner columns and `lines` rows; two columns when wide enough. */
export function rubricLines(evm: ExaminerViewModel, width: number, lines: number, offset: number): { lines: string[]; hidden: number } {
  const items = evm.rubric.items;
  const cols = width >= 76 ? 2 : 1;
  const colWidth = cols === 2 ? Math.floor((width - 1) / 2) : width;
  const perPage = Math.max(1, lines * cols);
  const start = Math.max(0, Math.min(offset, Math.max(0, items.length - perPage)));
  const shown = items.slice(start, start + perPage);
  const out: string[] = [];
  for (let r = 0; r < lines; r++) {
    const a = shown[r];
    const b = cols === 2 ? shown[r + lines] : undefined;
    if (!a) break;
    const left = rubricItemLine(a, colWidth);
    out.push(b ? `${padEnd(left, colWidth)} ${rubricItemLine(b, colWidth)}` : left);
  }
  return { lines: out, hidden: items.length - shown.length };
}

/** The hidden truth: the scenario, its variant, root cause, the hint ladder, the strong and weak play, then the scenario's notes; `opening`: only the first three. */
export function truthLines(evm: ExaminerViewModel, width: number, lines: number, opening = false): string[] {
  const t = evm.truth;
  const out: string[] = [];
  const para = (label: string, text: string) => {
    for (const l of wrapText(`${label}${text.replace(/\s+/gu, ' ')}`, width, 2)) out.push(l);
  };
  para('scenario: ', evm.header.scenarioId);
  para('variant: ', t.variant);
  para('root cause: ', t.rootCause);
  if (opening) return out;
  const used = evm.hints.filter((h) => h.used !== null).length;
  const next = evm.hints.find((h) => h.used === null);
  para('hints: ', `${used}/${evm.hints.length} used${next ? ` · next (${next.cost} pt): ${next.text}` : ' · ladder empty'}`);
  for (const c of evm.curveballs) out.push(truncate(`${c.used ? '✓' : ' '} c${c.n} ${c.from}: ${c.text.replace(/\s+/gu, ' ')}`, width));
  para('strong play: ', t.strongPlay);
  para('weak play: ', t.weakPlay);
  para('notes: ', t.notes);
  return out.slice(0, lines);
}

/**
 * The candidate's commands and the examiner's events, newest at the bottom;
 * `back` rows scrolled up from the newest. `earlier`/`later` count the rows
 * out of sight above and below.
 */
export function activityLines(evm: ExaminerViewModel, width: number, lines: number, back = 0): { lines: string[]; earlier: number; later: number } {
  const rows: string[] = [];
  for (const a of evm.activity) {
    const who = a.by === 'examiner' ? 'EXAMINER ' : a.by === 'system' ? '· ' : '> ';
    for (const l of wrapText(`${a.time} ${who}${a.text}`, width, 8)) rows.push(l);
  }
  const later = Math.max(0, Math.min(back, rows.length - lines));
  const end = rows.length - later;
  const start = Math.max(0, end - lines);
  return { lines: rows.slice(start, end), earlier: start, later };
}

const PRESENCE: Record<string, string> = { paged: '◌', joining: '⧗', here: '●', busy: '◆' };

/** The responders: who is here, and what each is doing and by when. */
export function teamLines(team: readonly TeamMemberView[], width: number, lines: number): string[] {
  const out: string[] = [];
  for (const m of team) {
    out.push(truncate(`${PRESENCE[m.status] ?? '·'} ${m.name} · ${m.role || m.team} · ${m.status}`, width));
    if (m.task) for (const l of wrapText(`${m.task}${m.due ? ` · ${m.overdue ? '⚠ ' : ''}${m.due}` : ''}`, width - 2, 2)) out.push(`  ${l}`);
  }
  if (out.length <= lines) return out;
  // Too many for the panel: one line each, the task cut short.
  return team.map((m) => truncate(`${PRESENCE[m.status] ?? '·'} ${m.name}: ${m.task ? `${m.task}${m.due ? ` (${m.due})` : ''}` : m.status}`, width)).slice(0, lines);
}

export const EXAMINER_KEYS = '[1] message [2] page [3] exec joins [c] curveball [h] hint [p] pause/resume [+] +10 min [g] give/take clock [n] note [r] rate [v] recommend [s] scorecard [↑↓] rubric [PgUp/PgDn] activity [q] quit';
const AFTER_KEYS = '[n] note [r] rate [v] recommend [x] release debrief [s] scorecard [↑↓] rubric [PgUp/PgDn] activity [q] quit';

/** Rows under the panels for the keys: every key in sight at 80 columns and more. */
export const KEY_ROWS = 2;

/** The keys, broken between keys (never inside one) over KEY_ROWS rows. */
export function keyLines(evm: ExaminerViewModel, width: number): string[] {
  const keys = evm.canInject ? EXAMINER_KEYS : evm.finished ? AFTER_KEYS : `${AFTER_KEYS.replace(' [x] release debrief', '')}  (injections: only while the clock runs)`;
  const groups = keys.match(/\[[^\]]+\][^[]*/gu) ?? [keys];
  const rows: string[] = [''];
  for (const g of groups.map((x) => x.trimEnd())) {
    const row = rows[rows.length - 1]!;
    if (row !== '' && textWidth(` ${row} ${g}`) > width - 1 && rows.length < KEY_ROWS) rows.push(g);
    else rows[rows.length - 1] = row === '' ? g : `${row} ${g}`;
  }
  while (rows.length < KEY_ROWS) rows.push('');
  return rows.map((r) => truncate(` ${r}`, width - 1));
}

export function promptLine(evm: ExaminerViewModel, prompt: ExaminerPrompt, width: number): string {
  const at = evm.header.clock.replace(/^.*\(sim (.*)\)$/u, '$1');
  if (prompt) {
    const label = prompt.kind === 'note' ? `note @${at} > ` : PROMPT_LABELS[prompt.kind];
    const body = `${prompt.text}▏`;
    const room = width - 1 - textWidth(label);
    return label + ([...body].length > room ? `…${[...body].slice(-(room - 1)).join('')}` : body);
  }
  return truncate(` ${evm.message ?? `rubric ${pts(evm.rubric.total)}/${evm.rubric.max} so far · ${evm.notes.length} note(s)`}`, width - 1);
}

/** The scorecard panel: each competency's computed score beside the examiner's, the recommendation and the release. */
export function scorecardLines(evm: ExaminerViewModel, width: number, lines: number): string[] {
  const card = evm.scorecard;
  const name = Math.max(8, Math.min(16, width - 26));
  const row = (a: string, b: string, c: string) => `${padEnd(truncate(a, name), name)} ${padEnd(b, 12)} ${c}`;
  const out = [row('competency', 'computed', 'yours')];
  for (const c of card.competencies) out.push(row(c.id, `${pts(c.computed)}/${pts(c.max)}`, c.rated === null ? '— (r to rate)' : pts(c.rated)));
  out.push(row('total', `${pts(card.total.computed)}/${pts(card.total.max)}`, pts(card.total.final)));
  const r = card.recommendation;
  for (const l of wrapText(`recommendation: ${r ? `${r.verdict}${r.text ? ` — ${r.text}` : ''}` : 'none yet (v)'}`, width, 2)) out.push(l);
  out.push(`notes: ${card.notes.length} · debrief ${card.releasedSec === null ? 'not released' : 'released to the candidate'}`);
  return out.slice(0, lines).map((l) => truncate(l, width));
}
