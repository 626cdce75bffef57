/**
 * Book views: what one subscriber of (symbol, precision, len) sees. A view remembers the rows it
 * last handed out and `drain()` sends exactly the difference (deletes first, then upserts),
 * including levels entering or leaving the `len` window, so snapshot + drains always equal the
 * view's state and its checksum.
 *
 * @module
 */

import { bookChecksum } from '../../book/checksum.js';
import type { BookPrecision, BookView } from '../contracts.js';
import type { Level, RawBook } from './raw-book.js';

/** The top `len` levels of each side of `book` at `prec`. */
export function topLevels(book: RawBook, prec: BookPrecision, len: number): { bids: readonly Level[]; asks: readonly Level[] } {
  const all = book.levels(prec);
  return { bids: all.bids.slice(0, len), asks: all.asks.slice(0, len) };
}

/** Snapshot rows (bids best first, then asks best first), as fresh arrays. */
export function snapshotRows(book: RawBook, prec: BookPrecision, len: number): number[][] {
  const { bids, asks } = topLevels(book, prec, len);
  return [...bids, ...asks].map((l) => [...l.row]);
}

function sameRow(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function diffSide(book: RawBook, before: readonly Level[], after: readonly Level[], deletes: number[][], upserts: number[][]): void {
  const prev = new Map<number, Level>();
  for (const l of before) prev.set(l.key, l);
  const next = new Set<number>();
  for (const l of after) next.add(l.key);
  for (const l of before) if (!next.has(l.key)) deletes.push(book.deleteRow(l));
  for (const l of after) {
    const old = prev.get(l.key);
    if (!old || !sameRow(old.row, l.row)) upserts.push([...l.row]);
  }
}

/** Creates a live view; `onClose` is called once when the view is closed. */
export function createBookView(
  symbol: string,
  prec: BookPrecision,
  len: number,
  book: RawBook,
  onClose: () => void,
): BookView {
  let bids: readonly Level[] = [];
  let asks: readonly Level[] = [];
  let version = -1;
  let closed = false;
  const capture = (): void => {
    const top = topLevels(book, prec, len);
    bids = top.bids;
    asks = top.asks;
    version = book.version;
  };
  return {
    symbol,
    prec,
    len,
    snapshot() {
      capture();
      return [...bids, ...asks].map((l) => [...l.row]);
    },
    drain() {
      if (version === book.version) return [];
      const top = topLevels(book, prec, len);
      const deletes: number[][] = [];
      const upserts: number[][] = [];
      diffSide(book, bids, top.bids, deletes, upserts);
      diffSide(book, asks, top.asks, deletes, upserts);
      bids = top.bids;
      asks = top.asks;
      version = book.version;
      return [...deletes, ...upserts];
    },
    checksum() {
      const pair = (l: Level): readonly [number, number] => [l.key, l.amount];
      return bookChecksum(bids.slice(0, 25).map(pair), asks.slice(0, 25).map(pair));
    },
    close() {
      if (closed) return;
      closed = true;
      onClose();
    },
  };
}
