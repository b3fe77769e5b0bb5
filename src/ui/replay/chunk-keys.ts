import type { Key } from 'ink';
import { dispatchKey, type KeyLayer } from '../hooks/use-keypress.js';

/**
 * A pasted or fast-typed chunk ("g12:30\r", "/rollback") reaches useInput as
 * one string. This layer splits it into single keys and dispatches each to
 * the layers as they stand after the key before (a prompt opened by the
 * first character takes the rest).
 */
export function chunkLayer(rest: () => readonly KeyLayer[]): KeyLayer {
  return {
    id: 'chunk',
    active: true,
    handle: (input: string, key: Key) => {
      const chars = [...input];
      if (chars.length <= 1 || key.ctrl || key.meta || input.startsWith('\u001B')) return false;
      for (const ch of chars) {
        const enter = ch === '\r' || ch === '\n';
        dispatchKey(rest(), enter ? '' : ch, { ...key, return: enter, backspace: ch === '\u007F' || ch === '\b' });
      }
      return true;
    },
  };
}
