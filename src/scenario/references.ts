import { commandFlagNames } from './command-flags.js';
import { conditionFlags, type Condition } from './condition.js';
import { counterFlags, testedCounters } from './counters.js';
import { PAGER, personas } from './personas.js';
import type { Scenario } from './schema.js';
import { describeTimeFormats, unknownTimeFormats } from './time-text.js';
import { formatClock } from './clock-text.js';

export interface ReferenceIssue {
  path: (string | number)[];
  message: string;
}

/** The flags a condition may name: phases, variant flags, flags set by actions and objections, and the IC's command acts (escalated:TEAM, joined:PERSON, role:ROLE, status-posted, polled…). */
export function knownFlags(s: Scenario): Set<string> {
  const flags = new Set<string>();
  for (const p of s.phases) flags.add(p.id);
  for (const e of s.events) flags.add(e.id);
  for (const v of s.variants) {
    flags.add(`variant:${v.id}`);
    v.flags.forEach((f) => flags.add(f));
  }
  for (const a of s.actions) {
    a.sets.forEach((f) => flags.add(f));
    a.clears.forEach((f) => flags.add(f));
    flags.add(`done:${a.id}`);
  }
  for (const o of s.objections) o.sets.forEach((f) => flags.add(f));
  for (const p of s.people) p.knows.forEach((k) => k.sets.forEach((f) => flags.add(f)));
  for (const f of commandFlagNames(s)) flags.add(f);
  for (const values of counterFlags(s).values()) values.forEach((f) => flags.add(f));
  return flags;
}

/** Cross-references zod cannot see: ids that must exist, flags that must be defined. */
export function checkReferences(s: Scenario): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const flags = knownFlags(s);
  const metricIds = new Set(s.metrics.map((m) => m.id));
  const panelIds = new Set(s.panels.map((p) => p.id));
  const serviceIds = new Set(s.services.map((x) => x.id));
  const personIds = new Set(s.people.map((p) => p.id));
  const teamIds = new Set(s.teams.map((t) => t.id));
  const evidenceIds = new Set(s.evidence.map((e) => e.id));
  s.diagnostics.forEach((d) => d.outputs.forEach((o) => o.evidence.forEach((e) => evidenceIds.add(e))));
  s.people.forEach((p) => p.knows.forEach((k) => k.evidence.forEach((e) => evidenceIds.add(e))));
  const actionIds = new Set(s.actions.map((a) => a.id));

  const counterIds = new Set(s.counters.map((c) => c.id));
  const cond = (c: Condition | undefined, path: (string | number)[]) => {
    if (!c) return;
    for (const id of testedCounters(c)) {
      if (!counterIds.has(id)) issues.push({ path, message: `unknown counter "${id}": declare it under counters (\`- { id: ${id}, start: 0 }\`)` });
    }
    for (const f of conditionFlags(c)) {
      if (!flags.has(f)) issues.push({ path, message: `unknown flag "${f}": define it as a phase, an event, a variant flag or an action's sets, or use a command flag (escalated:TEAM, joined:PERSON, role:ROLE, status-posted, polled, polled:clear, polled:objected)` });
    }
  };
  const times = (text: string, path: (string | number)[]) => {
    for (const f of unknownTimeFormats(text)) issues.push({ path, message: `unknown time format "{{time:${f}}}"; use one of ${describeTimeFormats()}` });
  };
  const unique = (ids: string[], path: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) issues.push({ path: [path, i, 'id'], message: `duplicate id "${id}"` });
      seen.add(id);
    });
  };
  for (const key of ['services', 'variants', 'phases', 'events', 'counters', 'statuses', 'panels', 'metrics', 'logs', 'alerts', 'messages', 'diagnostics', 'actions', 'evidence', 'people', 'teams', 'stakeholders', 'rubric', 'impact'] as const) {
    unique((s[key] as { id: string }[]).map((x) => x.id), key);
  }
  unique(s.postmortem.concepts.map((c) => c.id), 'postmortem.concepts');

  s.services.forEach((svc, i) =>
    svc.dependsOn.forEach((d, j) => {
      if (!serviceIds.has(d)) issues.push({ path: ['services', i, 'dependsOn', j], message: `unknown service "${d}"` });
    }),
  );
  s.phases.forEach((p, i) => cond(p.unless, ['phases', i, 'unless']));
  (s.clockSegments ?? []).forEach((seg, i, all) => {
    const before = all[i - 1];
    if (before !== undefined && seg.from <= before.from) issues.push({ path: ['clockSegments', i, 'from'], message: `clock segment ${i + 1} starts at ${formatClock(seg.from)}, not after the one before it (${formatClock(before.from)}): list segments in order of from` });
  });
  const phaseIds = new Set(s.phases.map((p) => p.id));
  s.events.forEach((e, i) => {
    if (phaseIds.has(e.id)) issues.push({ path: ['events', i, 'id'], message: `event ${e.id} has the id of a phase: both raise a flag of that name, so give the event its own id` });
    cond(e.unless, ['events', i, 'unless']);
  });
  for (const key of ['phases', 'events'] as const) s[key].forEach((t, i) => cond(t.after?.when, [key, i, 'after']));
  s.metrics.forEach((m, i) => {
    if (!panelIds.has(m.panel)) issues.push({ path: ['metrics', i, 'panel'], message: `unknown panel "${m.panel}"` });
    if (m.service && !serviceIds.has(m.service)) issues.push({ path: ['metrics', i, 'service'], message: `unknown service "${m.service}"` });
    m.effects.forEach((e, j) => {
      cond(e.when, ['metrics', i, 'effects', j, 'when']);
      if (e.per !== undefined && !counterIds.has(e.per)) issues.push({ path: ['metrics', i, 'effects', j, 'per'], message: `unknown counter "${e.per}": declare it under counters` });
    });
  });
  s.logs.forEach((l, i) => {
    times(l.message, ['logs', i, 'message']);
    if (!serviceIds.has(l.service)) issues.push({ path: ['logs', i, 'service'], message: `unknown service "${l.service}"` });
    cond(l.when, ['logs', i, 'when']);
    if ((l.rate === undefined) === (l.once === undefined)) issues.push({ path: ['logs', i], message: `log ${l.id} needs either rate (a stream of lines) or once (a single line), not ${l.rate === undefined ? 'neither' : 'both'}` });
    for (const [k, g] of Object.entries(l.fields))
      if (typeof g === 'object' && 'metric' in g && !metricIds.has(g.metric)) issues.push({ path: ['logs', i, 'fields', k, 'metric'], message: `unknown metric "${g.metric}"` });
  });
  s.statuses.forEach((st, i) => {
    if (metricIds.has(st.id)) issues.push({ path: ['statuses', i, 'id'], message: `"${st.id}" is already a metric's id: alerts name either by it` });
    if (!panelIds.has(st.panel)) issues.push({ path: ['statuses', i, 'panel'], message: `unknown panel "${st.panel}"` });
    if (st.service && !serviceIds.has(st.service)) issues.push({ path: ['statuses', i, 'service'], message: `unknown service "${st.service}"` });
    const names = new Set<string>();
    st.values.forEach((v, j) => {
      if (names.has(v.name)) issues.push({ path: ['statuses', i, 'values', j, 'name'], message: `state "${v.name}" is named twice` });
      names.add(v.name);
      cond(v.when, ['statuses', i, 'values', j, 'when']);
    });
  });
  s.alerts.forEach((a, i) => {
    const status = s.statuses.find((x) => x.id === a.metric);
    if (status) {
      if (a.in === undefined) issues.push({ path: ['alerts', i], message: `alert ${a.id} watches the status series ${a.metric}: say which states fire it with in: [${status.values.find((v) => v.alarm)?.name ?? status.values[0]!.name}]` });
      a.in?.forEach((n, j) => {
        if (!status.values.some((v) => v.name === n)) issues.push({ path: ['alerts', i, 'in', j], message: `status ${a.metric} has no state "${n}" (its states: ${status.values.map((v) => v.name).join(', ')})` });
      });
      if (a.above !== undefined || a.below !== undefined) issues.push({ path: ['alerts', i], message: `alert ${a.id} watches a status series, which has states, not numbers: use in, not above or below` });
      cond(a.when, ['alerts', i, 'when']);
      return;
    }
    if (!metricIds.has(a.metric)) issues.push({ path: ['alerts', i, 'metric'], message: `unknown metric "${a.metric}"` });
    if (a.in !== undefined && metricIds.has(a.metric)) issues.push({ path: ['alerts', i, 'in'], message: `in is for a status series; metric ${a.metric} is a number: use above or below` });
    if (a.above === undefined && a.below === undefined) issues.push({ path: ['alerts', i], message: 'an alert needs above or below' });
    cond(a.when, ['alerts', i, 'when']);
  });
  if (s.executive) {
    for (const m of s.executive.text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g))
      if (m[1] !== 'update-silence') issues.push({ path: ['executive', 'text'], message: `unknown placeholder "{{${m[1]}}}" in the executive's text: it knows {{update-silence}}` });
  }
  s.hints.forEach((h, i) => h.texts.forEach((t, j) => cond(t.when, ['hints', i, 'texts', j, 'when'])));
  s.messages.forEach((m, i) => {
    times(m.text, ['messages', i, 'text']);
    cond(m.when, ['messages', i, 'when']);
    if (m.afterFlag !== undefined && !flags.has(m.afterFlag)) issues.push({ path: ['messages', i, 'afterFlag'], message: `unknown flag "${m.afterFlag}"` });
  });
  const placeholders = (text: string, path: (string | number)[]) => {
    times(text, path);
    for (const m of text.matchAll(/\{\{\s*metric:([a-z0-9][a-z0-9_-]*(?:\.[a-z0-9][a-z0-9_-]*)*)\s*\}\}/g))
      if (!metricIds.has(m[1]!) && !s.statuses.some((st) => st.id === m[1])) issues.push({ path, message: `unknown metric "${m[1]}" in {{metric:…}}` });
    for (const m of text.matchAll(/\{\{\s*counter:([a-z0-9][a-z0-9_-]*)\s*\}\}/g))
      if (!counterIds.has(m[1]!)) issues.push({ path, message: `unknown counter "${m[1]}" in {{counter:…}}` });
  };
  s.diagnostics.forEach((d, i) =>
    d.outputs.forEach((o, j) => {
      cond(o.when, ['diagnostics', i, 'outputs', j, 'when']);
      placeholders(o.text, ['diagnostics', i, 'outputs', j, 'text']);
    }),
  );
  s.actions.forEach((a, i) => {
    placeholders(a.response, ['actions', i, 'response']);
    a.responses.forEach((r, j) => placeholders(r.text, ['actions', i, 'responses', j, 'text']));
    const params = new Set(a.params.map((p) => p.id));
    if (params.size < a.params.length) issues.push({ path: ['actions', i, 'params'], message: 'two params share an id' });
    const paramRefs = (text: string, path: (string | number)[]) => {
      for (const m of text.matchAll(/\{\{\s*param:([a-z0-9][a-z0-9_-]*)\s*\}\}/g))
        if (!params.has(m[1]!)) issues.push({ path, message: `unknown param "${m[1]}" in {{param:…}}: this action's params are ${[...params].join(', ') || 'none'}` });
    };
    paramRefs(a.response, ['actions', i, 'response']);
    a.counters.forEach((ch, j) => {
      if (!counterIds.has(ch.id)) issues.push({ path: ['actions', i, 'counters', j, 'id'], message: `unknown counter "${ch.id}": declare it under counters` });
    });
    a.responses.forEach((r, j) => paramRefs(r.text, ['actions', i, 'responses', j, 'text']));
  });
  s.actions.forEach((a, i) => {
    for (const f of Object.keys(a.lasting)) {
      if (!a.sets.includes(f)) issues.push({ path: ['actions', i, 'lasting', f], message: `"${f}" is not among this action's sets: lasting times only the flags it raises` });
    }
    cond(a.requires, ['actions', i, 'requires']);
    cond(a.harmfulWhen, ['actions', i, 'harmfulWhen']);
    a.responses.forEach((r, j) => cond(r.when, ['actions', i, 'responses', j, 'when']));
  });
  s.evidence.forEach((e, i) => {
    if (e.dash && !panelIds.has(e.dash)) issues.push({ path: ['evidence', i, 'dash'], message: `unknown panel "${e.dash}"` });
    if (!e.dash && !e.logs) issues.push({ path: ['evidence', i], message: 'evidence needs logs or dash (diagnostics name their evidence in outputs)' });
    cond(e.when, ['evidence', i, 'when']);
  });
  s.teams.forEach((t, i) =>
    t.members.forEach((m, j) => {
      if (!personIds.has(m)) issues.push({ path: ['teams', i, 'members', j], message: `unknown person "${m}"` });
    }),
  );
  const targetIds = new Set([...s.diagnostics.map((d) => d.id), ...s.actions.map((a) => a.id)]);
  s.people.forEach((p, i) => {
    if (!teamIds.has(p.team)) issues.push({ path: ['people', i, 'team'], message: `unknown team "${p.team}"` });
    p.can?.forEach((id, j) => {
      if (!targetIds.has(id)) issues.push({ path: ['people', i, 'can', j], message: `unknown diagnostic or action "${id}"` });
    });
    cond(p.lockedOut?.when, ['people', i, 'lockedOut', 'when']);
    p.knows.forEach((k, j) => cond(k.when, ['people', i, 'knows', j, 'when']));
  });
  s.objections.forEach((o, i) => {
    if (!personIds.has(o.from)) issues.push({ path: ['objections', i, 'from'], message: `unknown person "${o.from}"` });
  });
  s.stakeholders.forEach((st, i) => st.questions.forEach((q, j) => cond(q.when, ['stakeholders', i, 'questions', j, 'when'])));
  cond(s.mitigatedWhen, ['mitigatedWhen']);
  cond(s.fixedWhen, ['fixedWhen']);
  s.impact.forEach((imp, i) =>
    imp.from.forEach((m, j) => {
      if (!metricIds.has(m)) issues.push({ path: ['impact', i, 'from', j], message: `unknown metric "${m}"` });
    }),
  );
  const variantIds = new Set(s.variants.map((v) => v.id));
  s.expectations.forEach((e, i) =>
    e.variants?.forEach((v, j) => {
      if (!variantIds.has(v)) issues.push({ path: ['expectations', i, 'variants', j], message: `unknown variant "${v}"` });
    }),
  );
  s.rubric.forEach((r, i) => {
    const c = r.check;
    if (c.kind === 'evidence')
      c.any.forEach((e, j) => {
        if (!evidenceIds.has(e)) issues.push({ path: ['rubric', i, 'check', 'any', j], message: `unknown evidence "${e}"` });
      });
    if (c.kind === 'escalated')
      c.teams.forEach((t, j) => {
        if (!teamIds.has(t)) issues.push({ path: ['rubric', i, 'check', 'teams', j], message: `unknown team "${t}"` });
      });
    if (c.kind === 'polled')
      c.before.forEach((a, j) => {
        if (!actionIds.has(a)) issues.push({ path: ['rubric', i, 'check', 'before', j], message: `unknown action "${a}"` });
      });
    const happening = (h: { action?: string | undefined; flag?: string | undefined }, path: (string | number)[]) => {
      if (h.action !== undefined && !actionIds.has(h.action)) issues.push({ path: [...path, 'action'], message: `unknown action "${h.action}"` });
      if (h.flag !== undefined && !flags.has(h.flag)) issues.push({ path: [...path, 'flag'], message: `unknown flag "${h.flag}": define it as a phase, a variant flag or an action's sets` });
    };
    if (c.kind === 'did') happening(c, ['rubric', i, 'check']);
    if (c.kind === 'before') {
      happening(c.first, ['rubric', i, 'check', 'first']);
      happening(c.then, ['rubric', i, 'check', 'then']);
    }
    if (c.kind === 'reached' || c.kind === 'never') cond(c.when, ['rubric', i, 'check', 'when']);
    if (c.kind === 'mitigated')
      c.harm?.forEach((h, j) => {
        if (!s.impact.some((x) => x.id === h)) issues.push({ path: ['rubric', i, 'check', 'harm', j], message: `unknown impact counter "${h}" (impact: ${s.impact.map((x) => x.id).join(', ') || 'none'})` });
      });
  });
  if (!s.severity.acceptable.includes(s.severity.expected))
    issues.push({ path: ['severity', 'acceptable'], message: 'the expected severity must be acceptable' });
  s.variants.forEach((v, i) => {
    if (v.severity && !v.severity.acceptable.includes(v.severity.expected))
      issues.push({ path: ['variants', i, 'severity', 'acceptable'], message: `variant ${v.id}: the expected severity must be acceptable` });
    const seen = new Set<string>();
    v.concepts?.forEach((c, j) => {
      if (seen.has(c.id)) issues.push({ path: ['variants', i, 'concepts', j, 'id'], message: `variant ${v.id}: concept id "${c.id}" appears twice` });
      seen.add(c.id);
    });
  });
  const speakers = new Set([...personas(s).map((p) => p.id), PAGER]);
  s.examiner.curveballs.forEach((c, i) => {
    if (!speakers.has(c.from)) issues.push({ path: ['examiner', 'curveballs', i, 'from'], message: `curveball ${c.id}: "${c.from}" is nobody in this scenario; from is one of ${[...speakers].join(', ')}` });
  });
  return issues;
}
