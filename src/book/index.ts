/**
 * Managed order books: aggregated P0–P4 and raw R0, for trading pairs and funding currencies.
 *
 * @module
 */
import { AggregatedBook } from './aggregated-book.js';
import { RawOrderBook } from './raw-order-book.js';
import type { BookRowDecoder, BookShape, ManagedBook } from './types.js';

export { AggregatedBook } from './aggregated-book.js';
export { RawOrderBook } from './raw-order-book.js';
export type { BookRow, BookRowDecoder, BookShape, ManagedBook } from './types.js';

/** A managed book of the given shape whose accessors return `decode(row)`. */
export function createManagedBook<T>(shape: BookShape, decode: BookRowDecoder<T>): ManagedBook<T> {
  return shape.raw ? new RawOrderBook(shape.funding, decode) : new AggregatedBook(shape.funding, decode);
}
