import { useCallback, useRef } from 'react';
import { useInput, useStdin, type Key } from 'ink';
import { splitKeys } from './split-keys.js';

/**
 * One input dispatcher for the whole app. Ink hands every key to every active
 * useInput; here a key walks an ordered list of layers instead (modal first,
 * then the command line, then global keys) and stops at the first layer that
 * takes it. A modal layer takes every key, so nothing leaks to what is behind it.
 */
export interface KeyLayer {
  id: string;
  active: boolean;
  /** Swallows every key while active, handled or not. */
  modal?: boolean;
  /** True when the key was used. */
  handle: (input: string, key: Key) => boolean;
}

/** The id of the layer that took the key, if any. */
export function dispatchKey(layers: readonly KeyLayer[], input: string, key: Key): string | undefined {
  for (const layer of layers) {
    if (!layer.active) continue;
    const used = layer.handle(input, key);
    if (used || layer.modal) return layer.id;
  }
  return undefined;
}

/**
 * `getLayers` is called per key so layers read live state (refs), not the
 * state of the last render: a burst of keys in one chunk sees each earlier
 * key's effect. The handler given to useInput is stable, because Ink 6
 * re-subscribes whenever it changes.
 */
export function useKeypress(getLayers: () => readonly KeyLayer[]): void {
  const { isRawModeSupported } = useStdin();
  const latest = useRef(getLayers);
  latest.current = getLayers;
  const onInput = useCallback((input: string, key: Key) => {
    for (const [i, k] of splitKeys(input, key)) dispatchKey(latest.current(), i, k);
  }, []);
  // isRawModeSupported is stdin.isTTY at runtime: undefined, not false, on a pipe.
  useInput(onInput, { isActive: isRawModeSupported === true });
}
