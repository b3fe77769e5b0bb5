import { createContext, useContext, type ReactNode } from 'react';
import type { LogLineView, Tone } from '../view/model.js';

/**
 * Colour is a second channel, never the only one: alarms carry "!", log levels
 * their word, alert messages a "!" marker, focus a heavier border. With colour
 * off every helper returns undefined, so Ink emits no colour codes at all.
 */
export interface Theme {
  color: boolean;
}

export const ThemeContext = createContext<Theme>({ color: true });

export function ThemeProvider({ color, children }: { color: boolean; children: ReactNode }) {
  return <ThemeContext.Provider value={{ color }}>{children}</ThemeContext.Provider>;
}

export function useTheme(): Theme {
  return useContext(ThemeContext);
}

/** NO_COLOR (any non-empty value, per no-color.org) or --no-color turn colour off. */
export function colorFromEnv(
  env: Record<string, string | undefined> = process.env,
  argv: readonly string[] = process.argv,
): boolean {
  if (argv.includes('--no-color')) return false;
  const noColor = env['NO_COLOR'];
  return noColor === undefined || noColor === '';
}

export type ColorName = 'red' | 'green' | 'yellow' | 'cyan' | 'gray' | 'magenta';

/** The colour, or undefined when colour is off. */
export function paint(theme: Theme, name: ColorName | undefined): ColorName | undefined {
  return theme.color ? name : undefined;
}

/** dim is an SGR style, not a colour, but NO_COLOR users get plain text. */
export function dim(theme: Theme): boolean {
  return theme.color;
}

export function toneColor(theme: Theme, tone: Tone): ColorName | undefined {
  switch (tone) {
    case 'alert':
      return paint(theme, 'red');
    case 'good':
      return paint(theme, 'green');
    case 'muted':
      return paint(theme, 'gray');
    default:
      return undefined;
  }
}

/** One column in front of a line saying what its colour says. */
export function toneMark(tone: Tone): string {
  if (tone === 'alert') return '!';
  if (tone === 'good') return '✓';
  return ' ';
}

export function levelColor(theme: Theme, level: LogLineView['level']): ColorName | undefined {
  switch (level) {
    case 'ERROR':
      return paint(theme, 'red');
    case 'WARN':
      return paint(theme, 'yellow');
    case 'DEBUG':
      return paint(theme, 'gray');
    default:
      return undefined;
  }
}

export function severityColor(theme: Theme, level: number | null): ColorName | undefined {
  if (level === null) return paint(theme, 'gray');
  if (level <= 2) return paint(theme, 'red');
  if (level === 3) return paint(theme, 'yellow');
  return undefined;
}

export function focusColor(theme: Theme, focused: boolean): ColorName | undefined {
  return focused ? paint(theme, 'cyan') : undefined;
}

export function answerColor(theme: Theme, ok: boolean): ColorName | undefined {
  return paint(theme, ok ? 'green' : 'red');
}
