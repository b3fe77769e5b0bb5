import { wallHm } from '../scenario/clock-frame.js';
import type { Scenario } from '../scenario/schema.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { DRILL_NOTICE, recordingLine } from './report-common.js';
import { RECOMMENDATION_WORDS, type Scorecard, type ScorecardNote } from './scorecard.js';
import type { ReportMeta } from './types.js';

/**
 * The scorecard's parts of `report --examiner` (Markdown and HTML; the JSON
 * report carries the Scorecard object), and the candidate's report of an
 * interview whose debrief the examiner has not released: who, when, and
 * that the rest waits, with no score, notes or truth in it.
 */

const pts = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function noteWhere(scenario: Scenario, n: ScorecardNote): string {
  const hm = (sec: number) => wallHm(scenario, sec);
  const at = n.atSec !== null && n.atSec !== n.sec ? `${hm(n.atSec)} (written ${hm(n.sec)})` : hm(n.sec);
  return n.item ? `${at} · on "${n.item.title}"` : at;
}

export function scorecardMarkdown(scenario: Scenario, card: Scorecard): string[] {
  const out = ['## Scorecard (examiner only)', ''];
  out.push('| Competency | Computed | Examiner | Counts |');
  out.push('|---|---|---|---|');
  for (const c of card.competencies) {
    out.push(`| ${c.id} | ${pts(c.computed)}/${pts(c.max)} | ${c.rated === null ? '—' : `${pts(c.rated)}/${pts(c.max)}`} | ${pts(c.final)} |`);
  }
  out.push(`| **total** | ${pts(card.total.computed)}/${pts(card.total.max)} | | **${pts(card.total.final)}/${pts(card.total.max)}** |`);
  out.push('');
  const r = card.recommendation;
  out.push(`**Recommendation:** ${r ? `${RECOMMENDATION_WORDS[r.verdict]}${r.text ? ` — ${r.text}` : ''}` : '_none recorded_'}`);
  out.push('');
  out.push(`**Debrief:** ${card.releasedSec === null ? 'not released to the candidate' : `released to the candidate at ${wallHm(scenario, card.releasedSec)}`}`);
  if (card.notes.length > 0) {
    out.push('', '### Notes by moment and rubric item', '');
    for (const n of card.notes) out.push(`- ${noteWhere(scenario, n)}: ${n.text}`);
  }
  out.push('');
  return out;
}

export function scorecardHtml(scenario: Scenario, card: Scorecard, esc: (s: string) => string): string[] {
  const o = ['<h2 id="scorecard">Scorecard (examiner only)</h2>', '<table class="scorecard"><tr><th>Competency</th><th>Computed</th><th>Examiner</th><th>Counts</th></tr>'];
  for (const c of card.competencies) {
    o.push(`<tr data-competency="${esc(c.id)}"><td>${esc(c.id)}</td><td>${pts(c.computed)}/${pts(c.max)}</td><td>${c.rated === null ? '—' : `${pts(c.rated)}/${pts(c.max)}`}</td><td>${pts(c.final)}</td></tr>`);
  }
  o.push(`<tr><td><b>total</b></td><td>${pts(card.total.computed)}/${pts(card.total.max)}</td><td></td><td><b>${pts(card.total.final)}/${pts(card.total.max)}</b></td></tr></table>`);
  const r = card.recommendation;
  o.push(`<p data-recommendation="${r ? esc(r.verdict) : ''}"><b>Recommendation:</b> ${r ? `${esc(RECOMMENDATION_WORDS[r.verdict])}${r.text ? ` — ${esc(r.text)}` : ''}` : '<i>none recorded</i>'}</p>`);
  o.push(`<p><b>Debrief:</b> ${card.releasedSec === null ? 'not released to the candidate' : `released to the candidate at ${esc(wallHm(scenario, card.releasedSec))}`}</p>`);
  if (card.notes.length > 0) {
    o.push('<ul class="scorecard-notes">');
    for (const n of card.notes) o.push(`<li>${esc(noteWhere(scenario, n))}: ${esc(n.text)}</li>`);
    o.push('</ul>');
  }
  return o;
}

export const HELD_NOTICE = 'Your examiner has not released the debrief yet: the score, their notes and what broke come once they do.';

/** The candidate's report of an interview before the release: nothing scored, noted or hidden in it. */
export function heldReport(scenario: Scenario, meta: ReportMeta, format: 'md' | 'html' | 'json', esc: (s: string) => string): string {
  if (format === 'json') {
    return JSON.stringify(
      {
        drill: true,
        notice: DRILL_NOTICE,
        format: 'firedrill-report/1',
        held: HELD_NOTICE,
        session: { id: meta.sessionId, trainee: meta.trainee, mode: meta.mode, difficulty: meta.difficulty, startedAt: meta.startedAt },
        scenario: { id: scenario.id, title: scenario.title },
        recording: { chainVerified: meta.chainVerified, signing: meta.signing ?? null },
      },
      null,
      2,
    );
  }
  const recording = recordingLine(meta);
  const lines = [`Scenario: ${scenario.title}`, `Session: ${meta.sessionId} · trainee: ${meta.trainee} · mode: ${meta.mode} · started ${meta.startedAt}`, ...(recording ? [recording] : [])];
  if (format === 'html') {
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Training drill report — ${esc(scenario.title)}</title></head><body><h1>Training drill report: ${esc(scenario.title)}</h1><p>${esc(DRILL_NOTICE)}</p>${lines.map((l) => `<p>${esc(l)}</p>`).join('')}<p class="held"><b>${esc(HELD_NOTICE)}</b></p></body></html>`;
  }
  // Printed to terminals: the trainee's name is untrusted text.
  return terminalSafe([`# DRILL · ${scenario.id} · ${meta.difficulty}`, '', `> ${DRILL_NOTICE}`, '', ...lines.map((l) => `- ${l}`), '', `**${HELD_NOTICE}**`, ''].join('\n'), { newlines: true });
}
