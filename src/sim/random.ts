import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * Random-access randomness: the numbers for (seed, stream, second) come from a
 * generator seeded by a hash of the three, so any window of any stream can be
 * regenerated without drawing everything before it, and adding a stream never
 * shifts another one.
 */
function fnv1a(text: string, h = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ (b + 0x9e3779b9 + (a << 6) + (a >>> 2)), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export interface Draw {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  gauss(): number;
}

// Hashing the stream name dominated drawAt when logs and metrics are generated
// for every second; the names are few (one per metric and log template), so
// remember their hashes. Bounded in case a caller invents names freely.
const streamHashes = new Map<string, number>();

function streamHash(stream: string): number {
  let h = streamHashes.get(stream);
  if (h === undefined) {
    if (streamHashes.size >= 4096) streamHashes.clear();
    h = fnv1a(stream);
    streamHashes.set(stream, h);
  }
  return h;
}

export function streamSeed(seed: number, stream: string): number {
  return mix(seed >>> 0, streamHash(stream));
}

/** One draw sequence; a class rather than closures, so creating one is cheap. */
class SeededDraw implements Draw {
  private readonly rng: ReturnType<typeof xoroshiro128plus>;

  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }

  next(): number {
    return uniformFloat64(this.rng);
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  gauss(): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

export function drawAt(seed: number, stream: string, second: number, slot = 0): Draw {
  return new SeededDraw(mix(mix(streamSeed(seed, stream), second >>> 0), slot >>> 0) | 0);
}

/** Picks an item by weight with a seed-fixed draw (variants). */
export function weightedPick<T extends { weight: number }>(seed: number, stream: string, items: readonly T[]): T {
  const total = items.reduce((sum, it) => sum + it.weight, 0);
  let r = drawAt(seed, stream, 0).next() * total;
  for (const it of items) {
    r -= it.weight;
    if (r < 0) return it;
  }
  return items[items.length - 1]!;
}
