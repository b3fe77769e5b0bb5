import { metricValue } from './metrics.js';
import type { Engine } from './engine.js';

/**
 * What the world does by itself each sim-second: alerts page when a metric
 * stays over its threshold, scheduled messages arrive, stakeholders ask and
 * the executive swoops in on silence, impact accumulates.
 */
export function checkAlerts(engine: Engine, sec: number) {
  const s = engine.state;
  for (const alert of engine.scenario.alerts) {
    if (!engine.holds(alert.when)) continue;
    const metric = engine.metric(alert.metric)!;
    const v = metricValue(metric, engine.seed, engine.flags, sec, engine.knobs.noise, engine.scenario);
    const breached = v !== null && ((alert.above !== undefined && v > alert.above) || (alert.below !== undefined && v < alert.below));
    const open = s.pages.find((p) => p.id.startsWith(`${alert.id}#`) && p.clearedSec === null);
    if (breached) {
      s.alertBreach[alert.id] ??= sec;
      if (!open && sec - s.alertBreach[alert.id]! >= alert.forSec) {
        const n = s.pages.filter((p) => p.id.startsWith(`${alert.id}#`)).length + 1;
        s.pages.push({ id: `${alert.id}#${n}`, name: alert.name, summary: alert.summary, firedSec: sec, ackedSec: null, clearedSec: null });
        s.firstPageSec ??= sec;
        engine.say('page', 'alertmanager', `${alert.severity.toUpperCase()} ${alert.name}: ${alert.summary}`, 'alert');
      }
    } else {
      s.alertBreach[alert.id] = null;
      if (open) {
        open.clearedSec = sec;
        engine.say('page', 'alertmanager', `RESOLVED ${alert.name}`, 'good');
      }
    }
  }
}

export function checkMessages(engine: Engine, sec: number) {
  for (const m of engine.scenario.messages) {
    const from = m.afterFlag === undefined ? 0 : engine.flags.since(m.afterFlag);
    if (from === undefined || from + m.at !== sec || !engine.holds(m.when)) continue;
    if (m.channel === 'page') {
      engine.state.pages.push({ id: `${m.id}#1`, name: m.from, summary: m.text, firedSec: sec, ackedSec: null, clearedSec: null });
      engine.state.firstPageSec ??= sec;
    }
    engine.say(m.channel, m.from, m.text, m.channel === 'page' ? 'alert' : 'normal');
  }
}

export function checkStakeholders(engine: Engine, sec: number) {
  const s = engine.state;
  if (!engine.incident.hasTag('running')) return;
  for (const st of engine.scenario.stakeholders) {
    for (const q of st.questions) {
      if (Math.round(q.at * engine.knobs.pressure) !== sec || !engine.holds(q.when)) continue;
      s.questions.push({ id: q.id, stakeholder: st.id, text: q.text, askedSec: sec, answeredSec: null, answerCovers: false });
      engine.say('stakeholder', `${st.name} (${st.role})`, q.text, 'normal');
    }
  }
  const exec = engine.scenario.executive;
  if (exec && s.executiveSec === null && s.onsetSec !== null) {
    const lastUpdate = s.statusUpdates.at(-1)?.sec ?? s.onsetSec;
    if (sec - lastUpdate >= Math.round(exec.silenceSec * engine.knobs.pressure)) engine.executiveJoins(sec);
  }
}

export function accumulateImpact(engine: Engine, sec: number) {
  const s = engine.state;
  if (!engine.incident.hasTag('running')) return;
  for (const imp of engine.scenario.impact) {
    let v = imp.scale;
    for (const id of imp.from) {
      const m = engine.metric(id)!;
      v *= metricValue(m, engine.seed, engine.flags, sec, engine.knobs.noise, engine.scenario) ?? 0;
    }
    s.impact[imp.id] = (s.impact[imp.id] ?? 0) + Math.max(0, v);
  }
}
