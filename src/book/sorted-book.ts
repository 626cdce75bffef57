/**
 * The part of a managed book both kinds share: two sides of wire rows kept best first, the
 * accessors over them and the OB checksum.
 *
 * @module
 */
import { BfxProtocolError } from '../errors.js';
import { crc32 } from './checksum.js';
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
  /** Bid rows, best first. */
  protected readonly bidRows: BookRow[] = [];
  /** Ask rows, best first. */
  protected readonly askRows: BookRow[] = [];
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
    return this.bidRows.length;
  }

  get askCount(): number {
    return this.askRows.length;
  }

  abstract apply(row: BookRow): void;

  applySnapshot(rows: readonly BookRow[]): void {
    this.reset();
    for (let i = 0; i < rows.length; i++) this.apply(rows[i]);
  }

  reset(): void {
    this.bidRows.length = 0;
    this.askRows.length = 0;
  }

  /**
   * Same value as `bookChecksum` of `src/book/checksum.ts` over the top 25 `[key, amount]` pairs
   * per side, built by direct concatenation (no pair arrays, no `join`): this runs on every `cs`
   * frame.
   */
  checksum(): number {
    const bids = this.bidRows;
    const asks = this.askRows;
    const a = this.amountIndex;
    const nb = Math.min(bids.length, CHECKSUM_DEPTH);
    const na = Math.min(asks.length, CHECKSUM_DEPTH);
    const n = Math.max(nb, na);
    let text = '';
    for (let i = 0; i < n; i++) {
      if (i < nb) text += (text === '' ? '' : ':') + bids[i][0] + ':' + bids[i][a];
      if (i < na) text += (text === '' ? '' : ':') + asks[i][0] + ':' + asks[i][a];
    }
    return crc32(text);
  }

  bids(n?: number): T[] {
    return this.#decodeTop(this.bidRows, n);
  }

  asks(n?: number): T[] {
    return this.#decodeTop(this.askRows, n);
  }

  bestBid(): T | undefined {
    return this.bidRows.length === 0 ? undefined : this.#decode(this.bidRows[0]);
  }

  bestAsk(): T | undefined {
    return this.askRows.length === 0 ? undefined : this.#decode(this.askRows[0]);
  }

  spread(): number | undefined {
    if (this.bidRows.length === 0 || this.askRows.length === 0) return undefined;
    return this.askRows[0][this.priceIndex] - this.bidRows[0][this.priceIndex];
  }

  #decodeTop(rows: readonly BookRow[], n: number | undefined): T[] {
    const count = n === undefined ? rows.length : Math.max(0, Math.min(n, rows.length));
    const out = new Array<T>(count);
    for (let i = 0; i < count; i++) out[i] = this.#decode(rows[i]);
    return out;
  }
}
