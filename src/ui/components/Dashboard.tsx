import { memo } from 'react';
import { Text } from 'ink';
import type { DashboardRow, DashboardView } from '../../view/model.js';
import type { DashColumns } from '../layout.js';
import { GAP, sparkline } from '../sparkline.js';
import { abbreviate, padEnd, padStart, truncate } from '../text.js';
import { dim, paint, useTheme } from '../theme.js';
import { FixedLine, type Seg } from './FixedLine.js';
import { Panel } from './Panel.js';

export const NO_DATA = 'no data';

/**
 * The row as plain columns; "!" marks an alarm so it reads without colour.
 * The panel name is written only where it changes, so rows group under it
 * and the label gets the room.
 */
export function dashboardCells(row: DashboardRow, cols: DashColumns, showPanel = true, selected = false) {
  // The selected row is marked in the panel column, so it reads without colour or inverse.
  const mark = selected ? '▸' : '';
  const room = cols.panel - 1 - mark.length;
  const panel = mark + (showPanel ? padEnd(abbreviate(row.panel, room), room) : ' '.repeat(room)) + ' ';
  return {
    panel,
    label: padEnd(abbreviate(row.label, cols.label), cols.label),
    spark: row.points.length === 0 ? GAP.repeat(cols.spark) : sparkline(row.points, cols.spark, row.alarm, row.scale),
    value: padStart(truncate(row.noData ? NO_DATA : row.value, cols.value), cols.value),
    mark: row.alarm ? ' !' : '  ',
  };
}

function Row({ row, cols, width, showPanel, selected }: { row: DashboardRow; cols: DashColumns; width: number; showPanel: boolean; selected: boolean }) {
  const theme = useTheme();
  const c = dashboardCells(row, cols, showPanel, selected);
  const alarm = paint(theme, row.alarm ? 'red' : undefined);
  const muted = row.noData ? paint(theme, 'gray') : undefined;
  const segs: Seg[] = [
    { text: c.panel, dim: !selected && dim(theme), bold: selected, color: selected ? paint(theme, 'cyan') : undefined },
    { text: c.label, inverse: selected && theme.color, bold: selected },
    { text: ' ' },
    { text: c.spark, color: alarm ?? muted },
    { text: ' ' },
    { text: c.value + c.mark, color: alarm ?? muted, bold: row.alarm },
  ];
  return <FixedLine segs={segs} width={width} />;
}

export interface DashboardProps {
  dashboard: DashboardView;
  cols: DashColumns;
  width: number;
  height: number;
  rows: number;
  focused: boolean;
  /** The row ↑↓ picked while the dashboard has focus (enter opens it, d drills into it). */
  selected?: number | null;
  /** Drawn at the right of the top border (a small terminal's "chat: 2 new"). */
  note?: string | undefined;
}

/** Which rows fit: the first `rows`, or a window that keeps the selected row in view. */
export function dashboardWindow(total: number, rows: number, selected: number | null): { start: number; end: number } {
  if (total <= rows || selected === null) return { start: 0, end: Math.min(total, rows) };
  const start = Math.max(0, Math.min(selected - rows + 1, total - rows));
  return { start, end: start + rows };
}

/** The footer while a row is selected: its axis, its threshold and what enter does. */
export function selectedFooter(row: DashboardRow): string {
  const parts = [`axis ${row.scale.text}`];
  if (row.threshold) parts.push(`alarm ${row.threshold}`);
  parts.push(`d: ${row.drill}`);
  return parts.join(' · ');
}

/** Sparkline rows, at most `rows` of them, with the drill-down footer last. */
export const Dashboard = memo(function Dashboard({ dashboard, cols, width, height, rows, focused, selected = null, note }: DashboardProps) {
  const theme = useTheme();
  const sel = focused && selected !== null && dashboard.rows.length > 0 ? Math.min(selected, dashboard.rows.length - 1) : null;
  const { start, end } = dashboardWindow(dashboard.rows.length, rows, sel);
  const shown = dashboard.rows.slice(start, end);
  const more = dashboard.rows.length - shown.length;
  const selRow = sel === null ? undefined : dashboard.rows[sel];
  const footer = selRow
    ? selectedFooter(selRow)
    : more > 0
      ? `+${more} more rows · ${dashboard.footer}`
      : dashboard.footer;
  return (
    <Panel title={dashboard.title} right={note} width={width} height={height} focused={focused}>
      {shown.length === 0 ? <Text dimColor={dim(theme)}>{NO_DATA}</Text> : null}
      {shown.map((row, i) => (
        <Row
          key={`${start + i}:${row.panel}:${row.label}`}
          row={row}
          cols={cols}
          width={width - 2}
          showPanel={i === 0 || shown[i - 1]?.panel !== row.panel}
          selected={sel === start + i}
        />
      ))}
      <Text wrap="truncate" dimColor={dim(theme)}>
        {footer}
      </Text>
    </Panel>
  );
});
