import type { Key } from 'ink';
import { dispatchKey, type KeyLayer } from '../hooks/use-keypress.js';

/**
 * A pasted or fast-typed run of text ("g12:30", "/rollback") reaches the
 * layers as one string. This layer splits it into single keys and dispatches each to
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
      // Control characters (enter, backspace) arrive as keys of their own already (useKeypress splits them out).
      for (const ch of chars) dispatchKey(rest(), ch, key);
      return true;
    },
  };
}
