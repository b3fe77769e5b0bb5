import { afterEach, describe, expect, it } from 'vitest';
import { tempDb } from '../cli/run-cli.js';
import { type ProgramTerminal, SIZES, startProgram } from '../support/terminal.js';

const open: ProgramTerminal[] = [];
afterEach(() => open.splice(0).forEach((t) => t.dispose()));

describe('the console at each designed terminal size', () => {
  for (const [name, size] of Object.entries(SIZES)) {
    it(`${name} (${size.cols}x${size.rows}): every panel and the command line fit, one row spare`, async () => {
      const t = startProgram(['play', 'test/fixtures/mini.yaml', '--db', tempDb(), '--seed', '1'], size);
      open.push(t);
      await t.waitFor(/enter.*start the clock/i);
      t.press('Enter');
      // the whole frame: header, panels, the prompt with its key hints
      const screen = await t.waitFor(/^> ▏ .*q quit$/m);
      const lines = screen.split('\n');
      expect(lines[0]).toMatch(/▶ 1x +no SEV +IC: you/);
      // Below 100 columns the dashboard and the chat take turns at full width (tab switches).
      const panels = size.cols < 100 ? ['Dashboard', 'Logs'] : ['Dashboard', 'Pages & chat', 'Logs'];
      for (const panel of panels) expect(screen).toContain(`┌ ${panel} `);
      // Ink repaints the whole screen when a frame reaches the last row (STACK-NOTES §3.1)
      expect(lines.at(-1)).toBe('');
      t.type('q');
      await t.waitFor(/Quit this session\? y\/n/);
      t.type('y');
      expect(await t.exited()).toEqual({ code: 0, signal: 0 });
      expect(t.alternateScreen).toBe(false);
    });
  }
});
