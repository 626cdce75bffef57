/**
 * Client order ids. Bitfinex's `cid` is an integer of at most 45 bits, unique per UTC day (it is
 * paired with `cid_date`). The source counts milliseconds from the wall clock and never repeats:
 * when two orders are created in the same millisecond (or the clock steps back) it returns the
 * previous value + 1.
 *
 * @module
 */

/** The largest `cid` Bitfinex accepts (2^45 - 1). */
export const MAX_CID = 2 ** 45 - 1;

/** A unique, increasing `cid` generator. `now` is injectable for tests. */
export function createCidSource(now: () => number = Date.now): () => number {
  let last = 0;
  return () => {
    const candidate = Math.floor(now()) % MAX_CID;
    last = candidate > last ? candidate : last + 1;
    return last;
  };
}

/** The `YYYY-MM-DD` (UTC) date Bitfinex pairs with a `cid` created at `mts`. */
export function cidDate(mts: number): string {
  return new Date(mts).toISOString().slice(0, 10);
}
