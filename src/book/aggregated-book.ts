/**
 * Aggregated (P0–P4) books: one level per price (trading `[PRICE,COUNT,AMOUNT]`) or per rate
 * (funding `[RATE,PERIOD,COUNT,AMOUNT]`, keyed on the rate like the official clients), each side
 * a sorted array searched by bisection: bids by key descending, asks ascending.
 *
 * @module
 */
import type { BookSide } from './book-side.js';
import { assertNumbers, SortedBook } from './sorted-book.js';
import type { BookRow, BookRowDecoder } from './types.js';

/**
 * Index of `key` in `rows` (sorted on `row[0]`, descending when `desc`), or `-(insertion point) - 1`.
 */
function search(rows: readonly BookRow[], key: number, desc: boolean): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = rows[mid][0];
    if (k === key) return mid;
    if (k < key !== desc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -lo - 1;
}

/** Remove the level `key` from `side`; whether it was there. */
function remove(side: BookSide, key: number, desc: boolean): boolean {
  if (side.length === 0) return false;
  const i = search(side.rows, key, desc);
  if (i < 0) return false;
  side.removeAt(i);
  return true;
}

/** A managed P0–P4 book. */
export class AggregatedBook<T> extends SortedBook<T> {
  readonly #countIndex: number;

  /**
   * @param funding `true` for a funding currency book (`[RATE,PERIOD,COUNT,AMOUNT]`).
   * @param decode row → user entry (e.g. `models.TradingPairBook.decode`).
   */
  constructor(funding: boolean, decode: BookRowDecoder<T>) {
    super({ funding, raw: false }, decode, 0);
    this.#countIndex = funding ? 2 : 1;
  }

  /** Apply one update row (`[price, count, amount]`; count 0 removes the level). */
  apply(row: BookRow): void {
    assertNumbers(row, 0, this.#countIndex, this.amountIndex);
    const key = row[0];
    const bid = this.isBid(row[this.amountIndex]);
    const side = bid ? this.bidSide : this.askSide;
    const other = bid ? this.askSide : this.bidSide;
    if (row[this.#countIndex] === 0) {
      if (!remove(side, key, bid)) remove(other, key, !bid);
      return;
    }
    const i = search(side.rows, key, bid);
    if (i >= 0) side.replace(i, row);
    else side.insert(-i - 1, row);
    // The level can only sit on the other side if it crosses that side's best (rare): skip the
    // search otherwise.
    if (other.length > 0 && (bid ? other.rows[0][0] <= key : other.rows[0][0] >= key)) remove(other, key, !bid);
  }
}
