/**
 * How long one command may be. Typed text, script lines and examiner
 * messages are untrusted: a megabyte pasted into `status` must be refused
 * with a message, not recorded and re-wrapped on every frame.
 */
export const MAX_COMMAND_BYTES = 4096;

function bytes(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
}

/** Why the text is refused as a command (too long), or null when its length is fine. */
export function commandTooLong(text: string): string | null {
  // A UTF-8 character is at most 4 bytes: shorter strings need no count.
  if (text.length * 4 <= MAX_COMMAND_BYTES) return null;
  const n = Buffer.byteLength(text, 'utf8');
  if (n <= MAX_COMMAND_BYTES) return null;
  return `a command is at most 4 KB (${bytes(MAX_COMMAND_BYTES)} bytes); this one is ${bytes(n)} bytes, so it was not recorded`;
}
