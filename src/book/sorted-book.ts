/**
 * The part of a managed book both kinds share: two sides of wire rows kept best first, the
 * accessors over them and the checksum (via {@link bookChecksum}, with reused buffers so
 * verification allocates nothing but the checksum string).
 *
 * @module
 */
import { BfxProtocolError } from '../errors.js';
import { bookChecksum } from './checksum.js';
import type { BookRow, BookRowDecoder, BookShape, ManagedBook } from './types.js';

const CHECKSUM_DEPTH = 25;

/** Reusable `[key, amount]` pairs for one side of a checksum. */
class PairBuffer {
  readonly pairs: [number, number][] = [];
  readonly #pool: [number, number][] = [];

  /** Fill with the key (index 0) and amount (`amountIndex`) of the first 25 rows. */
  fill(rows: readonly BookRow[], amountIndex: number): void {
    const n = Math.min(rows.length, CHECKSUM_DEPTH);
    this.pairs.length = n;
    for (let i = 0; i < n; i++) {
      const pair = this.#pool[i] ?? (this.#pool[i] = [0, 0]);
      pair[0] = rows[i][0];
      pair[1] = rows[i][amountIndex];
      this.pairs[i] = pair;
    }
  }
}

/** Throws a protocol error unless every listed index of `row` holds a finite number. */
export function assertNumbers(row: BookRow, indexes: readonly number[]): void {
  if (!Array.isArray(row)) throw new BfxProtocolError('Book row is not an array');
  for (const i of indexes) {
    const v = row[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new BfxProtocolError(`Book row [${row.join(',')}] has no number at index ${i}`);
    }
  }
}

/** Base class: sides, accessors, checksum. Subclasses decide how rows are keyed and ordered. */
export abstract class SortedBook<T> implements ManagedBook<T> {
  /** Bid rows, best first. */
  protected readonly bidRows: BookRow[] = [];
  /** Ask rows, best first. */
  protected readonly askRows: BookRow[] = [];
  readonly #decode: BookRowDecoder<T>;
  readonly #amountIndex: number;
  readonly #priceIndex: number;
  readonly #bidBuffer = new PairBuffer();
  readonly #askBuffer = new PairBuffer();

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
    this.#decode = decode;
    this.#priceIndex = priceIndex;
    this.#amountIndex = shape.funding ? 3 : 2;
  }

  /** Index of the signed amount in a row. */
  protected get amountIndex(): number {
    return this.#amountIndex;
  }

  /** Whether a signed amount belongs to the bid side. */
  protected isBid(amount: number): boolean {
    return amount > 0 !== this.shape.funding;
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

  checksum(): number {
    this.#bidBuffer.fill(this.bidRows, this.#amountIndex);
    this.#askBuffer.fill(this.askRows, this.#amountIndex);
    return bookChecksum(this.#bidBuffer.pairs, this.#askBuffer.pairs);
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
    return this.askRows[0][this.#priceIndex] - this.bidRows[0][this.#priceIndex];
  }

  #decodeTop(rows: readonly BookRow[], n: number | undefined): T[] {
    const count = n === undefined ? rows.length : Math.max(0, Math.min(n, rows.length));
    const out = new Array<T>(count);
    for (let i = 0; i < count; i++) out[i] = this.#decode(rows[i]);
    return out;
  }
}
