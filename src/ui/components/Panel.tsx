import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { focusColor, useTheme } from '../theme.js';
import { textWidth, truncate } from '../text.js';

/**
 * A bordered box with its title drawn into the top border (Ink 6 boxes have no
 * titles). The focused panel gets a heavy border and a "▸" before its title,
 * plus colour when colour is on.
 */
export interface PanelProps {
  title: string;
  /** Drawn at the right end of the top border. */
  right?: string;
  width: number;
  /** Total height, borders included. */
  height: number;
  focused?: boolean;
  children?: ReactNode;
}

const LIGHT = { tl: '┌', h: '─', tr: '┐' };
const HEAVY = { tl: '┏', h: '━', tr: '┓' };

export function topBorder(title: string, right: string | undefined, width: number, focused: boolean): string {
  const g = focused ? HEAVY : LIGHT;
  const inner = Math.max(0, width - 2);
  const rightPart = right ? ` ${right} ` : '';
  const titleRoom = inner - textWidth(rightPart) - 1;
  const shownRight = titleRoom >= 8 ? rightPart : '';
  const label = focused ? ` ▸ ${title} ` : ` ${title} `;
  const shownTitle = truncate(label, Math.max(0, inner - textWidth(shownRight) - 1));
  const fill = Math.max(0, inner - textWidth(shownTitle) - textWidth(shownRight));
  return g.tl + shownTitle + g.h.repeat(fill) + shownRight + g.tr;
}

export function Panel({ title, right, width, height, focused = false, children }: PanelProps) {
  const theme = useTheme();
  const color = focusColor(theme, focused);
  return (
    <Box flexDirection="column" width={width} height={height} flexShrink={0}>
      <Text wrap="truncate" color={color} bold={focused}>
        {topBorder(title, right, width, focused)}
      </Text>
      {/* Keyed on focus: Ink 6 re-applies a changed borderStyle to all four
          edges and forgets borderTop={false}, so the box is remounted instead. */}
      <Box
        key={focused ? 'focused' : 'plain'}
        flexDirection="column"
        width={width}
        height={Math.max(1, height - 1)}
        borderStyle={focused ? 'bold' : 'single'}
        borderTop={false}
        borderColor={color}
      >
        {children}
      </Box>
    </Box>
  );
}
