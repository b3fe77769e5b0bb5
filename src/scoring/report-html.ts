import { wallHm } from '../scenario/clock-frame.js';
import type { Scenario } from '../scenario/schema.js';
import type { WorldState } from '../sim/world.js';
import { CRITERIA, type ItemJudgement } from './action-items.js';
import { chartData, chartX, decisionGroups, DECISION_KINDS, renderChartSvg, type MetricSampler } from './chart.js';
import { referenceTimeline } from './reference.js';
import { clock, coachRows, COACH_NONE, conceptLine, conceptPlain, DRILL_NOTICE, harmRows, refCell, timingRows, youCell } from './report-common.js';
import { referenceFor } from './reference-run.js';
import { outcomeLine } from './outcome.js';
import { PM_SECTIONS } from '../scenario/vocabulary.js';
import type { ReportMeta, Score } from './types.js';
import { scorecardHtml } from './report-scorecard.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { scenarioForVariant } from '../scenario/variant-view.js';

/**
 * The HTML report: one self-contained file (inline CSS, an inline SVG chart,
 * no scripts, nothing fetched). A pure function of (scenario, world, score,
 * meta) plus the signal source the chart samples — the session's engine.
 */

// Control characters go too: the page may be printed to a terminal (`report --format html`).
export const esc = (s: string) => terminalSafe(s, { newlines: true }).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const CSS = `
:root { --fg:#1d2330; --muted:#5c6577; --bg:#fbfbfd; --card:#fff; --line:#dde1ea; --good:#1d7a46; --mid:#a86b00; --bad:#b3261e; --accent:#2e5aac; }
* { box-sizing: border-box; }
body { overflow-wrap: anywhere; margin:0; font:15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color:var(--fg); background:var(--bg); }
main { max-width: 1080px; margin: 0 auto; padding: 0 20px 48px; }
.drill-banner { background: repeating-linear-gradient(135deg, #ffd54a 0 18px, #1d2330 18px 36px); padding: 6px; }
.drill-banner p { margin:0; background:#ffd54a; color:#1d2330; text-align:center; font-weight:700; letter-spacing:.06em; padding:6px; text-transform:uppercase; }
h1 { font-size: 26px; margin: 24px 0 4px; }
h2 { font-size: 19px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 18px 0 6px; }
.meta { color: var(--muted); margin: 0 0 8px; }
.meta code { font-size: 13px; }
section.card { background: var(--card); border:1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin: 12px 0; }
.total { font-size: 44px; font-weight: 800; line-height: 1; }
.total small { font-size: 20px; color: var(--muted); font-weight: 600; }
.sections { display:grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 8px 18px; margin-top: 12px; }
.bar { height: 8px; background: #eceff5; border-radius: 4px; overflow: hidden; }
.bar span { display:block; height:100%; background: var(--accent); }
.sec-name { display:flex; justify-content:space-between; font-size: 14px; }
ul.reasons { list-style: none; padding: 0; margin: 0; }
ul.reasons li { padding: 3px 0 3px 22px; position: relative; }
ul.reasons li::before { position:absolute; left:0; font-weight:700; }
li.plus::before { content:"+"; color: var(--good); }
li.part::before { content:"±"; color: var(--mid); }
li.minus::before { content:"−"; color: var(--bad); }
li.na::before { content:"·"; color: var(--mid); }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; }
.timings { display:grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px; }
.timing { border:1px solid var(--line); border-radius: 6px; padding: 8px 10px; background: var(--card); }
.timing b { display:block; font-size: 22px; }
.timing span { color: var(--muted); font-size: 12.5px; }
.chart { display:block; background: var(--card); border:1px solid var(--line); border-radius: 8px; }
.chart text { font: 11px system-ui, sans-serif; fill: var(--muted); }
.chart .panel-bg { fill: #f6f7fb; }
.chart .panel-label { fill: var(--fg); font-weight: 600; }
.chart .grid { stroke: #e6e9f0; }
.chart .series { fill: none; stroke: var(--accent); stroke-width: 1.8; }
.chart .threshold { stroke: var(--bad); stroke-dasharray: 5 4; stroke-width: 1.2; }
.chart .milestone line { stroke: #1d2330; stroke-width: 1; stroke-dasharray: 2 3; }
.chart .milestone text { fill: #1d2330; font-weight: 600; }
.chart .decision line { stroke: #7b61c9; stroke-width: 1; opacity: .55; }
.chart .decision circle { fill: #7b61c9; }
.chart .decision.kind-action line, .chart .decision.kind-diagnostic line { stroke: #d9822b; }
.chart .decision.kind-action circle, .chart .decision.kind-diagnostic circle { fill: #d9822b; }
.chart .decision.kind-status circle { fill: #2e8b57; }
.chart .decision-badge { fill: #fff; stroke: #7b61c9; stroke-width: 1.4; }
.chart .decision-label { fill: #3d2a8a; font-weight: 700; font-size: 11px; }
.legend { color: var(--muted); font-size: 13px; margin: 6px 0 0; }
ol.decision-labels { font-size: 13px; margin: 8px 0 0; padding-left: 2.4em; columns: 2 360px; column-gap: 28px; }
ol.decision-labels li { break-inside: avoid; margin: 0 0 3px; }
ol.decision-labels li::marker { color: #3d2a8a; font-weight: 700; }
.table-wrap { max-width: 100%; overflow-x: auto; -webkit-overflow-scrolling: touch; }
table.harm th[scope=row] { color: var(--fg); }
.legend i { display:inline-block; width: 10px; height: 10px; border-radius: 50%; margin: 0 4px 0 12px; vertical-align: -1px; }
.band { display:inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 700; color:#fff; }
.band-good { background: var(--good); } .band-ok { background: var(--mid); } .band-vague { background: #6b7280; } .band-blameful, .band-harmful { background: var(--bad); }
.crit { font-size: 12px; color: var(--muted); white-space: nowrap; }
.crit .y { color: var(--good); } .crit .h { color: var(--mid); } .crit .n { color: var(--bad); }
.late { border-left: 4px solid var(--bad); background: #fff3f2; padding: 8px 12px; border-radius: 4px; }
.status-met { color: var(--good); font-weight: 600; } .status-late { color: var(--mid); font-weight: 600; } .status-missed, .status-wrong { color: var(--bad); font-weight: 600; }
table.reference td:first-child, table.reference td:last-child, table.timeline td:first-child { white-space: nowrap; }
.kind { font-size: 12px; color: var(--muted); white-space: nowrap; }
blockquote { margin: 8px 0; padding: 8px 14px; border-left: 4px solid var(--line); background: var(--card); white-space: pre-line; }
footer { color: var(--muted); font-size: 13px; margin-top: 36px; }
@media (max-width: 600px) {
  main { padding: 0 10px 32px; }
  h1 { font-size: 21px; }
  .total { font-size: 36px; }
  .sections, .timings { grid-template-columns: 1fr; }
  th, td { padding: 5px 4px; }
  table { font-size: 13px; }
  .crit { white-space: normal; }
  table.reference td:first-child, table.reference td:last-child, table.timeline td:first-child { white-space: normal; }
}
@media print { .drill-banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

function reasonClass(r: string): string {
  return r.startsWith('+') ? 'plus' : r.startsWith('±') ? 'part' : r.startsWith('·') ? 'na' : 'minus';
}

const CRIT_LABEL: Record<(typeof CRITERIA)[number], string> = { action: 'action', system: 'system', change: 'change', bounded: 'bounded', owner: 'owner', priority: 'priority', type: 'type' };

function itemRow(scenario: Scenario, j: ItemJudgement, i: number): string {
  const crits = CRITERIA.map((c) => {
    const v = j.criteria[c];
    return `<span class="${v >= 1 ? 'y' : v > 0 ? 'h' : 'n'}">${v >= 1 ? '✓' : v > 0 ? '½' : '✗'} ${CRIT_LABEL[c]}</span>`;
  }).join(' ');
  return `<tr class="item band-row-${j.band}">
<td>${i + 1}</td>
<td><b>${esc(j.item.type)} ${esc(j.item.priority)}</b><br><span class="kind">${esc(j.item.owner)}</span></td>
<td>${esc(j.item.text)}<div class="crit">${crits}</div></td>
<td>${esc(conceptLine(scenario, j))}</td>
<td><span class="band band-${j.band}">${j.band}</span><br><span class="kind">${Math.round(j.quality * 100)}%</span></td>
<td>${j.notes.map(esc).join('<br>')}${j.better.length ? `<br><b>Better:</b> ${j.better.map(esc).join('; ')}` : '<br><b>Better:</b> nothing to add'}</td>
</tr>`;
}

/** The HTML report. `signals` is the session's engine (or anything that samples its metrics). */
export function renderHtml(scenario: Scenario, world: WorldState, score: Score, meta: ReportMeta, signals: MetricSampler): string {
  scenario = scenarioForVariant(scenario, world.variant);
  const hm = (sec: number) => wallHm(scenario, sec);
  const ref = referenceFor(scenario, world);
  const o: string[] = [];
  o.push('<!doctype html>');
  o.push('<html lang="en"><head><meta charset="utf-8">');
  o.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  o.push(`<meta name="firedrill-drill" content="training">`);
  o.push(`<title>Training drill report — ${esc(scenario.title)} — score ${score.total}/${score.max}</title>`);
  o.push(`<style>${CSS}</style></head><body>`);
  o.push(`<div class="drill-banner" role="note"><p>Training drill — simulated incident, not a real one</p></div>`);
  o.push('<main>');
  o.push(`<h1>Training drill report: ${esc(scenario.title)}</h1>`);
  o.push(`<p class="meta">${esc(DRILL_NOTICE)}</p>`);
  o.push(
    `<p class="meta">Scenario <code>${esc(scenario.id)}</code> · session <code>${esc(meta.sessionId)}</code> · seed ${meta.seed} · ${esc(meta.difficulty)} · trainee ${esc(meta.trainee)} · ${esc(meta.mode)} · started ${esc(meta.startedAt)} · outcome ${esc(outcomeLine(scenario, world))}${meta.chainVerified === null ? '' : ` · recording ${meta.chainVerified ? 'verified' : '<b>BROKEN — the recording was altered</b>'}${meta.signing ? ` (${esc(meta.signing)})` : ''}`}</p>`,
  );

  // Score and every reason.
  o.push('<h2 id="score">Score</h2>');
  o.push('<section class="card">');
  o.push(`<div class="total" data-total="${score.total}">${score.total}<small>/${score.max}</small></div>`);
  o.push('<div class="sections">');
  for (const s of score.sections) {
    const pct = s.max > 0 ? Math.max(0, Math.min(100, (s.score / s.max) * 100)) : 0;
    o.push(`<div><div class="sec-name"><span>${esc(s.id)}</span><b>${s.score}/${s.max}</b></div><div class="bar"><span style="width:${pct.toFixed(1)}%"></span></div></div>`);
  }
  o.push('</div></section>');
  o.push('<h3>Why, point by point</h3>');
  for (const s of score.sections) {
    o.push(`<section class="card reasons" data-section="${esc(s.id)}"><h3>${esc(s.id)} ${s.score}/${s.max}</h3><ul class="reasons">`);
    for (const r of s.reasons) o.push(`<li class="${reasonClass(r)}">${esc(r.replace(/^[+±−·]\s*/, ''))}</li>`);
    o.push('</ul></section>');
  }

  // Timings.
  if (meta.scorecard) o.push(...scorecardHtml(scenario, meta.scorecard, esc));
  o.push('<h2 id="timings">Timings</h2>');
  o.push('<div class="timings">');
  for (const r of timingRows(scenario, score)) o.push(`<div class="timing" data-timing="${r.id}">${esc(r.label)}<b>${esc(r.value)}</b><span>${esc(r.detail)}</span></div>`);
  o.push('</div>');

  // Harm, beside the reference play's.
  o.push('<h2 id="harm">Harm: you and the reference play</h2>');
  o.push('<p class="meta">What the simulated incident cost in this session, beside what it cost when the scenario’s reference play ran the same variant and seed.</p>');
  o.push('<div class="table-wrap"><table class="harm"><thead><tr><th></th><th>You</th><th>Strong IC (reference)</th></tr></thead><tbody>');
  for (const h of harmRows(scenario, world, score, ref)) o.push(`<tr data-harm="${esc(h.id)}"><th scope="row">${esc(h.label)}</th><td>${esc(h.you)}</td><td class="strong-ic">${esc(h.reference ?? '—')}</td></tr>`);
  o.push('</tbody></table></div>');

  // Chart.
  const data = chartData(scenario, world, signals);
  o.push('<h2 id="chart">Key metrics and your decisions</h2>');
  o.push(renderChartSvg(scenario, data));
  o.push(
    `<p class="legend">Each vertical marker is one of your commands; the numbered badges under the chart name them (close ones share a number).<i style="background:#7b61c9"></i>command/decision<i style="background:#2e8b57"></i>status update<i style="background:#d9822b"></i>change or hands-on work<i style="background:#b3261e;border-radius:0;height:2px"></i>alert threshold · dotted lines: onset, first page, mitigated, resolved, postmortem.</p>`,
  );
  o.push('<ol class="decision-labels">');
  for (const g of decisionGroups(data.decisions, chartX(data))) {
    const what = g.items.map((d) => `<span class="kind-${d.kind}">${esc(DECISION_KINDS[d.kind])}: ${esc(d.text)}</span>`).join(' · ');
    o.push(`<li value="${g.n}" data-group="${g.n}"><b>${hm(g.items[0]!.sec)}${g.items.length > 1 && g.items.at(-1)!.sec !== g.items[0]!.sec ? `–${hm(g.items.at(-1)!.sec)}` : ''}</b> ${what}</li>`);
  }
  o.push('</ol>');

  // Postmortem.
  o.push('<h2 id="postmortem">Postmortem</h2>');
  const pm = world.postmortem;
  if (pm.startedSec === null) o.push('<p><i>No postmortem was written.</i></p>');
  else {
    if (score.postmortem.late)
      o.push(
        `<p class="late" data-late="true"><b>Late / partial:</b> the postmortem time ran out and it was submitted with what was written.${score.postmortem.missingFields.length ? ` Never written: ${esc(score.postmortem.missingFields.join(', '))}.` : ''}</p>`,
      );
    o.push('<section class="card">');
    for (const { key: k, label } of PM_SECTIONS) if (pm.fields[k]) o.push(`<p><b>${label}.</b> ${esc(pm.fields[k])}</p>`);
    o.push(`<p class="meta">Written in ${clock(score.timings.postmortemS)} of ${clock(score.timings.postmortemAllowedS)}.</p>`);
    o.push('</section>');
    o.push('<h3>Action items, judged</h3>');
    if (score.items.length === 0) o.push('<p><i>None.</i></p>');
    else {
      o.push('<div class="table-wrap"><table class="items"><thead><tr><th>#</th><th>Type</th><th>Item</th><th>Concept met</th><th>Quality</th><th>Why, and what would make it better</th></tr></thead><tbody>');
      score.items.forEach((j, i) => o.push(itemRow(scenario, j, i)));
      o.push('</tbody></table></div>');
    }
    const missing = scenario.postmortem.concepts.filter((c) => !score.postmortem.conceptsMet.includes(c.id));
    if (missing.length) o.push(`<p class="meta">No item addressed: ${missing.map((c) => esc(conceptPlain(c))).join('; ')}.</p>`);
  }

  // The IC's timeline.
  o.push('<h2 id="timeline">Your timeline</h2>');
  o.push('<div class="table-wrap"><table class="timeline"><thead><tr><th>Time</th><th>Kind</th><th>What you did</th></tr></thead><tbody>');
  for (const e of world.timeline) o.push(`<tr data-sec="${e.sec}"><td>${hm(e.sec)}</td><td class="kind">${esc(DECISION_KINDS[e.kind])}</td><td>${esc(e.text)}</td></tr>`);
  o.push('</tbody></table></div>');
  if (world.coach) {
    o.push('<h2 id="coach">Coach nudges</h2>');
    const nudges = coachRows(world);
    if (nudges.length === 0) o.push(`<p><i>${esc(COACH_NONE)}</i></p>`);
    else {
      o.push('<ul class="coach">');
      for (const n of nudges) o.push(`<li data-sec="${n.sec}" data-rule="${esc(n.rule)}">${hm(n.sec)} ${esc(n.text)}</li>`);
      o.push('</ul>');
    }
  }
  const examinerNotes = world.notes.filter((n) => n.by === 'examiner');
  if (meta.revealTruth && examinerNotes.length) {
    o.push('<h3>Examiner notes</h3><ul>');
    for (const n of examinerNotes) o.push(`<li>${hm(n.sec)} ${esc(n.text)}</li>`);
    o.push('</ul>');
  }

  // Reference.
  o.push('<h2 id="reference">What a strong IC does</h2>');
  o.push(
    `<p class="meta">${
      ref
        ? 'The scenario’s reference play, run through the same engine with this session’s variant and seed, step by step beside what you did. “By” is the rubric’s deadline, counted from the first page and the onset; a tick needs the step done well (the right severity, the right root cause, a blameless postmortem) as well as in time.'
        : 'This scenario has no reference play for this variant: the rubric’s deadlines only, counted from the first page and the onset. A tick needs the step done well as well as in time.'
    }</p>`,
  );
  o.push('<div class="table-wrap"><table class="reference"><thead><tr><th>By</th><th>Target</th><th>Step</th><th>Strong IC (reference)</th><th>You</th></tr></thead><tbody>');
  for (const r of referenceTimeline(scenario, world, score, ref)) {
    o.push(
      `<tr data-status="${r.status}"><td>${hm(r.bySec)}</td><td class="kind">${esc(r.target)}</td><td>${esc(r.what)}</td><td class="strong-ic"${r.refSec === null ? '' : ` data-sec="${r.refSec}"`}>${esc(refCell(r, hm, ref !== null))}</td><td class="status-${r.status}">${esc(youCell(r, hm))}</td></tr>`,
    );
  }
  o.push('</tbody></table></div>');
  // the examiner's description of strong play can name the fault: debrief only
  if (meta.revealTruth) o.push(`<blockquote class="strong-play">${esc(scenario.examiner.strongPlay.trim())}</blockquote>`);

  if (meta.revealTruth) {
    const v = scenario.variants.find((x) => x.id === world.variant);
    if (v) {
      o.push('<h2 id="debrief">Debrief</h2>');
      o.push(`<p><b>What broke (${esc(v.title)}).</b> ${esc(v.rootCause.trim())}</p>`);
      o.push(`<blockquote>${esc(scenario.examiner.notes.trim())}</blockquote>`);
    }
  }
  o.push(`<footer>firedrill — ${esc(DRILL_NOTICE)} Scenario times are the drill’s own clock.</footer>`);
  o.push('</main></body></html>');
  return o.join('\n');
}
