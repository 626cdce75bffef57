/**
 * The managed order book interface shared by aggregated (P0–P4) and raw (R0) books, for trading
 * pairs and funding currencies.
 *
 * @module
 */

/** One wire row of a book (`[PRICE,COUNT,AMOUNT]`, `[RATE,PERIOD,COUNT,AMOUNT]`, `[ID,PRICE,AMOUNT]`, `[ID,PERIOD,RATE,AMOUNT]`). */
export type BookRow = readonly number[];

/** Turns a wire row into the typed entry handed to users. */
export type BookRowDecoder<T> = (row: BookRow) => T;

/** Which book a {@link ManagedBook} keeps. */
export interface BookShape {
  /** `true` for funding books (`f…` symbols): negative amounts are bids. */
  readonly funding: boolean;
  /** `true` for raw (R0) books, keyed by order / offer id. */
  readonly raw: boolean;
}

/**
 * A local copy of an order book kept from a snapshot and updates, best first on each side.
 *
 * - Aggregated books (P0–P4) hold one level per price (trading) or rate (funding); a row with
 *   COUNT 0 deletes the level.
 * - Raw books (R0) hold one entry per order / offer id, sorted by price (rate) then id ascending;
 *   a row with PRICE (RATE) 0 deletes the order.
 * - Trading bids have positive amounts; funding bids (demand) have negative amounts.
 */
export interface ManagedBook<T = unknown> {
  /** The book's shape. */
  readonly shape: BookShape;
  /** Number of bid entries. */
  readonly bidCount: number;
  /** Number of ask entries. */
  readonly askCount: number;
  /** Replace the whole book with a snapshot's rows. */
  applySnapshot(rows: readonly BookRow[]): void;
  /** The book as snapshot wire rows: bids best first, then asks best first (copies). */
  snapshotRows(): BookRow[];
  /** Apply one update row (upsert or delete). */
  apply(row: BookRow): void;
  /** Empty the book. */
  reset(): void;
  /** The Bitfinex OB_CHECKSUM of the top 25 entries per side (signed 32-bit). */
  checksum(): number;
  /** The best `n` bids (all when `n` is omitted), best first. */
  bids(n?: number): T[];
  /** The best `n` asks (all when `n` is omitted), best first. */
  asks(n?: number): T[];
  /** The best bid, if any. */
  bestBid(): T | undefined;
  /** The best ask, if any. */
  bestAsk(): T | undefined;
  /** Best ask price (rate) minus best bid price (rate); `undefined` when a side is empty. */
  spread(): number | undefined;
}
