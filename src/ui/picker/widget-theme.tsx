import type { ReactNode } from 'react';
import { defaultTheme, extendTheme, ThemeProvider as WidgetThemeProvider } from '@inkjs/ui';
import { useTheme } from '../theme.js';

/**
 * The @inkjs/ui widgets (badges, status messages, the spinner) follow the
 * app's colour setting: with colour off their colours are taken out, and what
 * they say stays in their text (a badge's word, a status message's icon).
 */
const colourless = extendTheme(defaultTheme, {
  components: {
    Badge: { styles: { container: () => ({}), label: () => ({ bold: true }) } },
    StatusMessage: { styles: { icon: () => ({}) } },
    Spinner: { styles: { frame: () => ({}) } },
  },
});

export function WidgetTheme({ children }: { children: ReactNode }) {
  const { color } = useTheme();
  return <WidgetThemeProvider theme={color ? defaultTheme : colourless}>{children}</WidgetThemeProvider>;
}
