/**
 * Raw (R0) books: one entry per order (trading `[ORDER_ID,PRICE,AMOUNT]`) or offer (funding
 * `[OFFER_ID,PERIOD,RATE,AMOUNT]`). Bids are sorted by price descending, asks ascending, equal
 * prices by id ascending; an id index finds an order's current place for replace / delete.
 *
 * @module
 */
import { assertNumbers, SortedBook } from './sorted-book.js';
import type { BookRow, BookRowDecoder } from './types.js';

/** A managed R0 book. */
export class RawOrderBook<T> extends SortedBook<T> {
  readonly #byId = new Map<number, BookRow>();

  /**
   * @param funding `true` for a funding currency raw book (`[OFFER_ID,PERIOD,RATE,AMOUNT]`).
   * @param decode row → user entry (e.g. `models.TradingPairRawBook.decode`).
   */
  constructor(funding: boolean, decode: BookRowDecoder<T>) {
    super({ funding, raw: true }, decode, funding ? 2 : 1);
  }

  /** Number of orders in the book. */
  get size(): number {
    return this.#byId.size;
  }

  /** Apply one update row (`[orderId, price, amount]`; price 0 removes the order). */
  apply(row: BookRow): void {
    assertNumbers(row, 0, this.priceIndex, this.amountIndex);
    const id = row[0];
    const old = this.#byId.get(id);
    if (old !== undefined) {
      this.#removeRow(old);
      this.#byId.delete(id);
    }
    if (row[this.priceIndex] === 0) return;
    const bid = this.isBid(row[this.amountIndex]);
    const side = bid ? this.bidSide : this.askSide;
    side.insert(this.#insertionPoint(side.rows, row[this.priceIndex], id, bid), row);
    this.#byId.set(id, row);
  }

  /** Remove every order. */
  override reset(): void {
    super.reset();
    this.#byId.clear();
  }

  /** First index whose (price, id) sorts at or after (`price`, `id`) on a side. */
  #insertionPoint(rows: readonly BookRow[], price: number, id: number, desc: boolean): number {
    const p = this.priceIndex;
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const mp = rows[mid][p];
      const before = mp === price ? rows[mid][0] < id : mp < price !== desc;
      if (before) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #removeRow(row: BookRow): void {
    const bid = this.isBid(row[this.amountIndex]);
    const side = bid ? this.bidSide : this.askSide;
    const i = this.#insertionPoint(side.rows, row[this.priceIndex], row[0], bid);
    if (side.rows[i] === row) side.removeAt(i);
    else {
      const j = side.rows.indexOf(row);
      if (j >= 0) side.removeAt(j);
    }
  }
}
