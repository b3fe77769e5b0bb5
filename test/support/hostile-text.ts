// Text an attacker would put in a name, a command or an export: every kind of
// terminal sequence that changes more than the characters shown.
const ESC = '\u001b';
const BEL = '\u0007';

/** A payload that retitles the terminal, clears it, writes the clipboard, links and hides text. */
export const HOSTILE = [
  `${ESC}]0;PWNED-TITLE${BEL}`, // OSC: window title
  `${ESC}]52;c;cm0gLXJmIH4K${BEL}`, // OSC 52: clipboard write
  `${ESC}]8;;http://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`, // OSC 8: hyperlink
  `${ESC}[2J${ESC}[H`, // CSI: clear screen, home
  `${ESC}[?1049l`, // CSI: leave the alternate screen
  `${ESC}[31mRED${ESC}[0m`, // SGR
  `\u009b2J`, // C1 CSI
  `\u009d0;C1-TITLE\u009c`, // C1 OSC
  `${ESC}P1$qm${ESC}\\`, // DCS
  `${ESC}_apc${ESC}\\`, // APC
  `${ESC}c`, // full reset
  `\b\b\bXX`, // backspaces over what was printed
  `${BEL}`,
  `${ESC}`, // lone
].join('');

const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;

/** The first raw control character in captured output, with what is around it; null when there is none. */
export function rawControl(captured: string): string | null {
  const m = RAW.exec(captured);
  if (!m) return null;
  return JSON.stringify(captured.slice(Math.max(0, m.index - 40), m.index + 40));
}

/** Ink draws styles with SGR sequences of its own: those are not the payload. */
export function withoutStyles(frame: string): string {
  return frame.replace(/\u001b\[[0-9;]*m/gu, '');
}
