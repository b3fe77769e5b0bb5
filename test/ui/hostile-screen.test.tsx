import { describe, expect, it } from 'vitest';
import { cellWidth, graphemes } from '../../src/text/cells.js';
import { KEYS, renderApp, waitFor } from './helpers.js';
import { liveSession } from './live.js';
import { HOSTILE, rawControl, withoutStyles } from '../support/hostile-text.js';
import { terminalSafe } from '../../src/text/terminal-safe.js';

// The live screen, drawn by Ink from the view model, as the terminal receives
// it: hostile text in every kind of command reaches it without a raw control
// byte, and wide characters leave every panel border where ASCII leaves it.

const SIZE = { columns: 120, rows: 40 };

function playThrough(texts: (tag: string) => string[]) {
  const { controller } = liveSession();
  controller.start();
  for (let i = 0; i < 100; i++) controller.advance(1000);
  for (const t of texts('x')) {
    controller.submit(t);
    controller.advance(1000);
  }
  return controller;
}

const commands = (text: string) => () => [
  'ack',
  `status ${text} update in 10 min`,
  `note ${text}`,
  `hyp ${text}`,
  `reply sam ${text}`,
  `ask ana run config log ${text}`,
  `rootcause ${text}`,
  `${text}`,
];

/** Cell columns of every border glyph, line by line: what alignment means. */
function borders(frame: string): string[] {
  return frame.split('\n').map((line) => {
    const cols: number[] = [];
    let col = 0;
    for (const g of graphemes(line)) {
      if ('│┃┐┓┘┛┌┏└┗'.includes(g.text)) cols.push(col);
      col += g.width;
    }
    return cols.join(',');
  });
}

describe('the live screen under hostile text', () => {
  it('no raw control byte reaches the screen from commands or typing', async () => {
    const controller = playThrough(commands(HOSTILE));
    const { frame, type, press } = renderApp({ controller, size: SIZE });
    await waitFor(() => frame().includes('ana'), 'the screen');
    expect(rawControl(withoutStyles(frame())), frame()).toBeNull();
    // a sequence goes whole, not just its ESC: no payload shows as text either
    expect(frame()).not.toContain('PWNED');
    // typed (or pasted) into the command line too
    // (Ink reads ESC as the escape key, so typed sequences arrive in pieces: C1 controls and BEL get through whole.)
    await type(`note typed \u009b2J\u009d0;T\u0007 ${HOSTILE.replace(/\u001b/gu, '')} here`);
    await waitFor(() => frame().includes('here▏'), `the typed line in\n${frame()}`);
    expect(rawControl(withoutStyles(frame())), frame()).toBeNull();
    await press(KEYS.enter);
    await waitFor(() => frame().includes('noted'), 'the answer');
    expect(rawControl(withoutStyles(frame())), frame()).toBeNull();
  });

  it.each([
    ['CJK', '障害対応中です決済が失敗しています'],
    ['emoji', '🔥🔥 checkout 👩‍👩‍👧 down 🇯🇵'],
    ['combining', 'cafe\u0301 nai\u0308ve re\u0301sume\u0301 sta\u0301tus'],
  ])('%s text keeps every panel border where ASCII text keeps it', async (_, text) => {
    // word for word as wide as the text the screen shows (the sanitiser draws a joined emoji as its parts)
    const ascii = graphemes(terminalSafe(text))
      .map((g) => (g.text === ' ' ? ' ' : 'x'.repeat(g.width)))
      .join('');
    const plain = renderApp({ controller: playThrough(commands(ascii)), size: SIZE });
    const wide = renderApp({ controller: playThrough(commands(text)), size: SIZE });
    await waitFor(() => plain.frame().includes('ana') && wide.frame().includes('ana'), 'both screens');
    const a = borders(withoutStyles(plain.frame()));
    const b = borders(withoutStyles(wide.frame()));
    expect(b).toEqual(a);
    for (const line of withoutStyles(wide.frame()).split('\n')) expect(cellWidth(line), line).toBeLessThanOrEqual(SIZE.columns);
    expect(wide.frame()).toContain(text.slice(0, 3));
  });
});
