/**
 * The part of a managed book both kinds share: two sides of wire rows kept best first, the
 * accessors over them and the OB checksum.
 *
 * @module
 */
import { BfxProtocolError } from '../errors.js';
import { BookSide } from './book-side.js';
import { CHECKSUM_SEED, checksumSegment, finishChecksum, foldSegment } from './checksum.js';
import type { BookRow, BookRowDecoder, BookShape, ManagedBook } from './types.js';

const CHECKSUM_DEPTH = 25;

/** Throws a protocol error unless `row` is an array with numbers at indexes `a`, `b` and `c`. */
export function assertNumbers(row: BookRow, a: number, b: number, c: number): void {
  if (!Array.isArray(row) || typeof row[a] !== 'number' || typeof row[b] !== 'number' || typeof row[c] !== 'number') {
    throw new BfxProtocolError(`Book row ${JSON.stringify(row)} does not hold numbers at ${a}, ${b} and ${c}`);
  }
}

/** Base class: sides, accessors, checksum. Subclasses decide how rows are keyed and ordered. */
export abstract class SortedBook<T> implements ManagedBook<T> {
  /** Bid side, best first. */
  protected readonly bidSide = new BookSide();
  /** Ask side, best first. */
  protected readonly askSide = new BookSide();
  /** Index of the signed amount in a row (3 for funding books, 2 for trading books). */
  protected readonly amountIndex: number;
  /** Index of the price (rate) in a row. */
  protected readonly priceIndex: number;
  readonly #funding: boolean;
  readonly #decode: BookRowDecoder<T>;

  /**
   * @param shape funding / raw
   * @param decode row → user entry
   * @param priceIndex where the price (rate) sits in a row
   */
  protected constructor(
    readonly shape: BookShape,
    decode: BookRowDecoder<T>,
    priceIndex: number,
  ) {
    this.#funding = shape.funding;
    this.#decode = decode;
    this.priceIndex = priceIndex;
    this.amountIndex = shape.funding ? 3 : 2;
  }

  /** Whether a signed amount belongs to the bid side. */
  protected isBid(amount: number): boolean {
    return amount > 0 !== this.#funding;
  }

  get bidCount(): number {
    return this.bidSide.length;
  }

  get askCount(): number {
    return this.askSide.length;
  }

  abstract apply(row: BookRow): void;

  applySnapshot(rows: readonly BookRow[]): void {
    this.reset();
    for (let i = 0; i < rows.length; i++) this.apply(rows[i]);
  }

  reset(): void {
    this.bidSide.clear();
    this.askSide.clear();
  }

  /**
   * Same value as `bookChecksum` of `src/book/checksum.ts` over the top 25 `[key, amount]` pairs
   * per side, without building the text: each row's `:key:amount` segment is formatted and CRC'd
   * once and cached next to the row (see `BookSide`), and this folds the 50 cached segments. Runs
   * on every `cs` frame.
   */
  checksum(): number {
    const bids = this.bidSide;
    const asks = this.askSide;
    const nb = Math.min(bids.length, CHECKSUM_DEPTH);
    const na = Math.min(asks.length, CHECKSUM_DEPTH);
    const n = Math.max(nb, na);
    if (n === 0) return 0;
    const a = this.amountIndex;
    const bidSegments = bids.segments;
    const askSegments = asks.segments;
    let state = CHECKSUM_SEED;
    for (let i = 0; i < n; i++) {
      if (i < nb) {
        let segment = bidSegments[i];
        if (segment < 0) {
          const row = bids.rows[i];
          segment = bidSegments[i] = checksumSegment(row[0], row[a]);
        }
        state = foldSegment(state, segment);
      }
      if (i < na) {
        let segment = askSegments[i];
        if (segment < 0) {
          const row = asks.rows[i];
          segment = askSegments[i] = checksumSegment(row[0], row[a]);
        }
        state = foldSegment(state, segment);
      }
    }
    return finishChecksum(state);
  }

  snapshotRows(): BookRow[] {
    return [...this.bidSide.rows, ...this.askSide.rows].map((row) => [...row]);
  }

  bids(n?: number): T[] {
    return this.#decodeTop(this.bidSide.rows, n);
  }

  asks(n?: number): T[] {
    return this.#decodeTop(this.askSide.rows, n);
  }

  bestBid(): T | undefined {
    const rows = this.bidSide.rows;
    return rows.length === 0 ? undefined : this.#decode(rows[0]);
  }

  bestAsk(): T | undefined {
    const rows = this.askSide.rows;
    return rows.length === 0 ? undefined : this.#decode(rows[0]);
  }

  spread(): number | undefined {
    const bids = this.bidSide.rows;
    const asks = this.askSide.rows;
    if (bids.length === 0 || asks.length === 0) return undefined;
    const ask = asks[0][this.priceIndex];
    const bid = bids[0][this.priceIndex];
    // Rounded to the prices' own decimals: 95000.2 - 95000.1 is 0.1, not 0.1000000000003638.
    return Number((ask - bid).toFixed(Math.max(decimalsOf(ask), decimalsOf(bid))));
  }

  #decodeTop(rows: readonly BookRow[], n: number | undefined): T[] {
    const count = n === undefined ? rows.length : Math.max(0, Math.min(n, rows.length));
    const out = new Array<T>(count);
    for (let i = 0; i < count; i++) out[i] = this.#decode(rows[i]);
    return out;
  }
}

/** Decimal places of a price as written (`95000.25` → 2; exponent forms count their digits), at most 15. */
function decimalsOf(x: number): number {
  const text = String(x);
  const e = text.indexOf('e-');
  if (e >= 0) return Math.min(15, Number(text.slice(e + 2)) + Math.max(0, e - text.indexOf('.') - 1));
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(15, text.length - dot - 1);
}
