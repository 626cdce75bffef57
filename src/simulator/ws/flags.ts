/**
 * `conf` flags (protocol.md §1.4) and how they shape array frames.
 *
 * @module
 */

/** Flag values of the `conf` event. */
export const WS_FLAGS = {
  /** Decimals as strings (acknowledged, not applied by the simulator). */
  DEC_S: 8,
  /** Times as date strings (acknowledged, not applied by the simulator). */
  TIME_S: 32,
  /** A ms timestamp as the last element of every array frame. */
  TIMESTAMP: 32768,
  /** A per-socket sequence number on every array frame. */
  SEQ_ALL: 65536,
  /** `[CHAN_ID,"cs",CHECKSUM]` frames on book channels. */
  OB_CHECKSUM: 131072,
  /** Book updates as one array of entries per frame. */
  BULK_UPDATES: 536870912,
} as const;

/** True when `flags` has `flag` set (flags go beyond 2^31, so no bitwise operators). */
export function hasFlag(flags: number, flag: number): boolean {
  return Math.floor(flags / flag) % 2 === 1;
}
