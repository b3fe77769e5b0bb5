import type { Status } from '../scenario/schema.js';
import type { DashboardRow } from './model.js';

/**
 * A status series as a dashboard row: its state's name as the value, a step
 * line over the window (the first state at the top, the last at the bottom,
 * since states are written most urgent first), alarmed in an alarm state.
 */
export function statusRow(st: Status, states: readonly (string | null)[], now: string | null, where: { panel: string; drill: string }): DashboardRow {
  const n = st.values.length;
  const level = (name: string | null) => {
    const i = st.values.findIndex((v) => v.name === name);
    return i === -1 ? null : n - 1 - i;
  };
  const alarms = st.values.filter((v) => v.alarm).map((v) => v.name);
  return {
    panel: where.panel,
    panelId: st.panel,
    label: st.label,
    scale: { min: 0, max: n - 1, text: [...st.values].reverse().map((v) => v.name).join('/') },
    threshold: alarms.length > 0 ? alarms.join(' or ') : null,
    drill: where.drill,
    points: states.map(level),
    value: now ?? 'no data',
    alarm: now !== null && alarms.includes(now),
    noData: now === null,
  };
}

/** Status rows placed after the last row of their panel (at the end when the panel has no metric shown), so panels stay together. */
export function withStatusRows(rows: readonly DashboardRow[], statusRows: readonly DashboardRow[]): DashboardRow[] {
  const out = [...rows];
  for (const r of statusRows) {
    let at = -1;
    out.forEach((x, i) => {
      if (x.panelId === r.panelId) at = i;
    });
    if (at === -1) out.push(r);
    else out.splice(at + 1, 0, r);
  }
  return out;
}
