/**
 * The one sanitiser for text that reaches a terminal. Scenario files, exports,
 * scripts, typed text and trainee names are untrusted: an OSC sequence in a
 * name retitles the examiner's terminal, a CSI one clears it. Everything
 * printed or drawn passes here first. A leaf module: every layer may import it.
 */

// Escape sequences, whole: CSI (ESC [ or C1 0x9B) up to its final byte; OSC,
// DCS, SOS, PM and APC (ESC ] P X ^ _ or their C1 forms) up to BEL or ST, or to
// the end when unterminated; any other ESC with its intermediates and final
// byte; a lone ESC. Each alternative consumes its match greedily with no
// nested repetition, so the scan is linear in the text's length.
const SEQUENCE =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u002f]*[\u0030-\u007e]?/gu;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;
// Invisible characters terminals disagree about. Joined emoji (a family: 👩 ZWJ
// 👩 ZWJ 👧), variation selectors (❤ VS16), skin tones and keycaps take 2
// cells in a terminal that joins them and 4–6 in one that draws each part (xterm,
// tmux, VTE): a panel border after them lands wherever the terminal decides.
// Without them every terminal draws the parts, each at its own width. Tag
// characters (subdivision flags) are invisible too, and bidirectional
// overrides reorder what is shown ("Trojan source" names).
const DISPUTED = /[\u200d\u20e3\ufe0e\ufe0f\u202a-\u202e\u2066-\u2069\u{1f3fb}-\u{1f3ff}\u{e0000}-\u{e007f}]/gu;
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u200d\u20e3\ufe0e\ufe0f\u202a-\u202e\u2066-\u2069\u{1f3fb}-\u{1f3ff}\u{e0000}-\u{e007f}]/u;

export interface SafeOptions {
  /** Keep line breaks (CR LF and CR become LF); otherwise each becomes a space. */
  newlines?: boolean;
}

/** The text with every control character, escape sequence and disputed-width joiner removed; a tab becomes a space. */
export function terminalSafe(text: string, opts: SafeOptions = {}): string {
  if (!ANY_CONTROL.test(text)) return text;
  const s = text.replace(SEQUENCE, '').replace(/\t/gu, ' ');
  const lines = s.replace(/\r\n?/gu, '\n');
  return (opts.newlines ? lines : lines.replace(/\n/gu, ' ')).replace(CONTROLS, '').replace(DISPUTED, '');
}

/**
 * Every string inside a value made safe, sharing what did not change: a view
 * model whose strings were all clean comes back as the same object, so the
 * screen's memoized panels still see unchanged parts as unchanged.
 */
export function terminalSafeDeep<T>(value: T, opts: SafeOptions = { newlines: true }): T {
  return safeValue(value, opts) as T;
}

function safeValue(value: unknown, opts: SafeOptions): unknown {
  if (typeof value === 'string') return terminalSafe(value, opts);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v = safeValue(value[i], opts);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return out ?? value;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  let out: Record<string, unknown> | null = null;
  for (const [k, v0] of Object.entries(value)) {
    const v = safeValue(v0, opts);
    if (v !== v0) (out ??= { ...(value as Record<string, unknown>) })[k] = v;
  }
  return out ?? value;
}
