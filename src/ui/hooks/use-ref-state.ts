import { useCallback, useReducer, useRef } from 'react';

/**
 * State that key handlers can read back immediately. Several keys can arrive
 * in one stdin chunk and run before React re-renders; with useState each
 * would see the stale value of the last render. Here the ref is updated at
 * once and a re-render is requested.
 */
export function useRefState<T>(initial: T | (() => T)): [T, () => T, (update: T | ((prev: T) => T)) => void] {
  const ref = useRef<T | undefined>(undefined);
  if (ref.current === undefined) {
    ref.current = typeof initial === 'function' ? (initial as () => T)() : initial;
  }
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const get = useCallback(() => ref.current as T, []);
  const set = useCallback((update: T | ((prev: T) => T)) => {
    const prev = ref.current as T;
    const next = typeof update === 'function' ? (update as (p: T) => T)(prev) : update;
    if (Object.is(prev, next)) return;
    ref.current = next;
    rerender();
  }, []);
  return [ref.current, get, set];
}
