/**
 * Seeded pseudo-random numbers for the simulated market: a 32-bit string hash to derive
 * independent streams (one per symbol, per candle key, ...) and the mulberry32 generator.
 *
 * @module
 */

/** A deterministic random source. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** Picks one element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** FNV-1a 32-bit hash of a string mixed with a numeric seed (unsigned). */
export function hashSeed(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The mulberry32 generator seeded with a 32-bit integer. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

/** A generator for the stream named `name` under `seed`. */
export function streamFor(seed: number, name: string): Rng {
  return mulberry32(hashSeed(seed, name));
}
