import { memo } from 'react';
import { Text } from 'ink';
import type { DashboardRow, DashboardView } from '../../view/model.js';
import type { DashColumns } from '../layout.js';
import { GAP, sparkline } from '../sparkline.js';
import { fit, padStart, truncate } from '../text.js';
import { dim, paint, useTheme } from '../theme.js';
import { Panel } from './Panel.js';

export const NO_DATA = 'no data';

/**
 * The row as plain columns; "!" marks an alarm so it reads without colour.
 * The panel name is written only where it changes, so rows group under it
 * and the label gets the room.
 */
export function dashboardCells(row: DashboardRow, cols: DashColumns, showPanel = true) {
  return {
    panel: showPanel ? fit(row.panel, cols.panel - 1) + ' ' : ' '.repeat(cols.panel),
    label: fit(row.label, cols.label),
    spark: row.points.length === 0 ? GAP.repeat(cols.spark) : sparkline(row.points, cols.spark, row.alarm),
    value: padStart(truncate(row.noData ? NO_DATA : row.value, cols.value), cols.value),
    mark: row.alarm ? ' !' : '  ',
  };
}

function Row({ row, cols, showPanel }: { row: DashboardRow; cols: DashColumns; showPanel: boolean }) {
  const theme = useTheme();
  const c = dashboardCells(row, cols, showPanel);
  const alarm = paint(theme, row.alarm ? 'red' : undefined);
  const muted = row.noData ? paint(theme, 'gray') : undefined;
  return (
    <Text wrap="truncate">
      <Text dimColor={dim(theme)}>{c.panel}</Text>
      {c.label}{' '}
      <Text color={alarm ?? muted}>{c.spark}</Text>{' '}
      <Text color={alarm ?? muted} bold={row.alarm}>
        {c.value}
        {c.mark}
      </Text>
    </Text>
  );
}

export interface DashboardProps {
  dashboard: DashboardView;
  cols: DashColumns;
  width: number;
  height: number;
  rows: number;
  focused: boolean;
}

/** Sparkline rows, at most `rows` of them, with the drill-down footer last. */
export const Dashboard = memo(function Dashboard({ dashboard, cols, width, height, rows, focused }: DashboardProps) {
  const theme = useTheme();
  const shown = dashboard.rows.slice(0, rows);
  const more = dashboard.rows.length - shown.length;
  const footer = more > 0 ? `+${more} more rows · ${dashboard.footer}` : dashboard.footer;
  return (
    <Panel title={dashboard.title} width={width} height={height} focused={focused}>
      {shown.length === 0 ? <Text dimColor={dim(theme)}>{NO_DATA}</Text> : null}
      {shown.map((row, i) => (
        <Row
          key={`${i}:${row.panel}:${row.label}`}
          row={row}
          cols={cols}
          showPanel={i === 0 || shown[i - 1]?.panel !== row.panel}
        />
      ))}
      <Text wrap="truncate" dimColor={dim(theme)}>
        {footer}
      </Text>
    </Panel>
  );
});
