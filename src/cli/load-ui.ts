/**
 * Imports the Ink UI with the global `fetch` hidden. yoga-layout (Ink's
 * layout engine) loads its WebAssembly from a data: URL and, when `fetch`
 * exists, fetches it: in Node 20 that first use of `fetch` loads undici,
 * about 20 ms of the time to the first frame. Without `fetch` it decodes the
 * same bytes directly. The property is put back as it was (Node defines it
 * as a lazy getter; reading the descriptor does not trigger it).
 */
export async function importWithoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const had = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!had || !had.configurable) return load();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true, enumerable: had.enumerable ?? false });
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', had);
  }
}
