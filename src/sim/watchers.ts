import { metricValue } from './metrics.js';
import { timesNow } from './handlers/placeholders.js';
import type { WorldEffects } from './world-effects.js';

/**
 * What the world does by itself each sim-second: alerts page when a metric
 * stays over its threshold, scheduled messages arrive, stakeholders ask and
 * the executive swoops in on silence, impact accumulates.
 */
export function checkAlerts(world: WorldEffects, sec: number) {
  const s = world.state;
  for (const alert of world.scenario.alerts) {
    if (!world.holds(alert.when)) continue;
    const metric = world.metric(alert.metric);
    let breached: boolean;
    if (metric) {
      const v = metricValue(metric, world.seed, world.flags, sec, world.knobs.noise, world.scenario);
      breached = v !== null && ((alert.above !== undefined && v > alert.above) || (alert.below !== undefined && v < alert.below));
    } else {
      // a status series: in one of the alert's states
      const state = world.statusAt(alert.metric, sec);
      breached = state !== null && (alert.in ?? []).includes(state);
    }
    const open = s.pages.find((p) => p.id.startsWith(`${alert.id}#`) && p.clearedSec === null);
    if (breached) {
      s.alertBreach[alert.id] ??= sec;
      if (!open && sec - s.alertBreach[alert.id]! >= alert.forSec) {
        const n = s.pages.filter((p) => p.id.startsWith(`${alert.id}#`)).length + 1;
        s.pages.push({ id: `${alert.id}#${n}`, name: alert.name, summary: alert.summary, firedSec: sec, ackedSec: null, clearedSec: null });
        s.firstPageSec ??= sec;
        world.say('page', 'alertmanager', `${alert.severity.toUpperCase()} ${alert.name}: ${alert.summary}`, 'alert');
      }
    } else {
      s.alertBreach[alert.id] = null;
      if (open) {
        open.clearedSec = sec;
        world.say('page', 'alertmanager', `RESOLVED ${alert.name}`, 'good');
      }
    }
  }
}

export function checkMessages(world: WorldEffects, sec: number) {
  for (const m of world.scenario.messages) {
    const from = m.afterFlag === undefined ? 0 : world.flags.since(m.afterFlag);
    if (from === undefined || from + m.at !== sec || !world.holds(m.when)) continue;
    const text = timesNow({ scenario: world.scenario, seed: world.seed, sec }, m.text);
    if (m.channel === 'page') {
      world.state.pages.push({ id: `${m.id}#1`, name: m.from, summary: text, firedSec: sec, ackedSec: null, clearedSec: null });
      world.state.firstPageSec ??= sec;
    }
    world.say(m.channel, m.from, text, m.channel === 'page' ? 'alert' : 'normal');
  }
}

export function checkStakeholders(world: WorldEffects, sec: number) {
  const s = world.state;
  if (!world.incident.hasTag('running')) return;
  for (const st of world.scenario.stakeholders) {
    for (const q of st.questions) {
      if (Math.round(q.at * world.knobs.pressure) !== sec || !world.holds(q.when)) continue;
      s.questions.push({ id: q.id, stakeholder: st.id, text: q.text, askedSec: sec, answeredSec: null, answerCovers: false });
      world.say('stakeholder', `${st.name} (${st.role})`, q.text, 'normal');
    }
  }
  const exec = world.scenario.executive;
  if (exec && s.executiveSec === null && s.onsetSec !== null) {
    const lastUpdate = s.statusUpdates.at(-1)?.sec ?? s.onsetSec;
    if (sec - lastUpdate >= Math.round(exec.silenceSec * world.knobs.pressure)) world.executiveJoins(sec);
  }
}

/**
 * Impact counts the incident's harm: from onset, while the impact has not
 * been stopped. Before onset and while mitigated the metrics sit at their
 * baselines, and a counter that kept adding them would say harm continues
 * after the fix (and show $7 lost before anything broke).
 */
export function accumulateImpact(world: WorldEffects, sec: number) {
  const s = world.state;
  if (!world.incident.hasTag('running')) return;
  // a recording from before this counted every second the incident was open
  if (s.consistent && (world.incident.hasTag('mitigated') || s.onsetSec === null)) return;
  for (const imp of world.scenario.impact) {
    let v = imp.scale;
    for (const id of imp.from) {
      const m = world.metric(id)!;
      v *= metricValue(m, world.seed, world.flags, sec, world.knobs.noise, world.scenario) ?? 0;
    }
    s.impact[imp.id] = (s.impact[imp.id] ?? 0) + Math.max(0, v);
  }
}
