/**
 * Book channel sink (P0–P4 and R0, trading and funding): the first data frame after subscribe or
 * reset is the snapshot; later frames are single-row updates or, with BULK_UPDATES, lists of rows
 * (one update event per row). The managed book (when kept) is updated before listeners run, and
 * `cs` frames are checked against it: a mismatch emits `checksum_mismatch` and asks the control
 * plane for a resync, after which checks pause until the next snapshot.
 *
 * @module
 */
import { createManagedBook, type BookRow, type ManagedBook } from '../../book/index.js';
import { ChecksumError } from '../../errors.js';
import { models } from '../../models/index.js';
import type { BookEntry } from './sinks.js';
import type { ChannelSink, DataPlaneEvents, Subscription } from '../contracts.js';
import type { SinkEmitter } from '../events.js';
import { isFundingSymbol, isRowList, reportUnreadable, type ChannelSinkOptions, type Row } from './sink-kit.js';

const { FundingCurrencyBook, FundingCurrencyRawBook, TradingPairBook, TradingPairRawBook } = models;

/** How one of the four book kinds decodes rows and which events it emits. */
interface BookKind<T> {
  readonly decode: (row: readonly unknown[]) => T;
  /** The same decode without the check, for the managed book (rows reach it checked already). */
  readonly bookDecode: (row: readonly unknown[]) => T;
  snapshot(entries: T[]): void;
  update(entry: T): void;
}

/** A book sink and its managed book. */
export interface BookSink<T> extends ChannelSink {
  /** The managed book, when `manageBook` or `checksum` is on. */
  readonly book?: ManagedBook<T>;
}

function bookSink<T>(
  sub: Subscription,
  emit: SinkEmitter,
  events: DataPlaneEvents,
  options: ChannelSinkOptions,
  kind: BookKind<T>,
): BookSink<T> {
  const shape = { funding: isFundingSymbol(sub.symbol), raw: sub.prec === 'R0' };
  const book = options.manageBook || options.checksum ? createManagedBook(shape, kind.bookDecode) : undefined;
  const verify = options.checksum && book !== undefined && (!shape.funding || options.verifyFunding !== false);
  let snapshotSeen = false;
  let stale = false;

  const update = (row: Row): void => {
    // Decode (and check) first: a malformed row never reaches the book.
    const entry = kind.decode(row);
    book?.apply(row as unknown as BookRow);
    kind.update(entry);
  };
  const snapshot = (rows: Row[]): void => {
    // Decode (and check) every row first: a malformed snapshot never reaches the book.
    const entries = new Array<T>(rows.length);
    for (let i = 0; i < rows.length; i++) entries[i] = kind.decode(rows[i]);
    snapshotSeen = true;
    stale = false;
    book?.applySnapshot(rows as unknown as BookRow[]);
    kind.snapshot(entries);
  };
  const checksum = (value: number): void => {
    emit('checksum', sub, value);
    if (!verify || !snapshotSeen || stale) return;
    const local = book.checksum();
    if (local === value) return;
    stale = true;
    emit('checksum_mismatch', sub, new ChecksumError(sub.subId, value, local));
    events.resync(sub.subId, 'checksum');
  };

  /** A list of rows after the snapshot without BULK_UPDATES: never merged; the book is fetched afresh. */
  const unexpectedSnapshot = (payload: unknown[]): void => {
    if (stale) return;
    stale = true;
    reportUnreadable(events, sub, payload);
    events.resync(sub.subId, 'snapshot');
  };

  const sink: BookSink<T> = {
    frame(payload) {
      const data = payload[0];
      if (Array.isArray(data)) {
        // A single row (numbers) is by far the most common frame: tell it apart without the
        // generic list check.
        if (typeof data[0] === 'number' || !isRowList(data)) update(data);
        else if (!snapshotSeen) snapshot(data);
        else if (options.bulk) for (let i = 0; i < data.length; i++) update(data[i]);
        else unexpectedSnapshot(payload);
      } else if (data === 'cs' && typeof payload[1] === 'number') checksum(payload[1]);
      else if (data === 'hb') emit('heartbeat', sub);
      else reportUnreadable(events, sub, payload);
    },
    reset() {
      snapshotSeen = false;
      stale = false;
      book?.reset();
    },
  };
  return book === undefined ? sink : Object.assign(sink, { book });
}

/** Sink for a `book` subscription (kind chosen by symbol prefix and precision). */
export function createBookSink(
  sub: Subscription,
  emit: SinkEmitter,
  events: DataPlaneEvents,
  options: ChannelSinkOptions,
): BookSink<BookEntry> {
  const funding = isFundingSymbol(sub.symbol);
  if (sub.prec === 'R0') {
    return funding
      ? bookSink(sub, emit, events, options, {
          decode: FundingCurrencyRawBook.decodeChecked,
          bookDecode: FundingCurrencyRawBook.decode,
          snapshot: (entries) => emit('f_raw_book_snapshot', sub, entries),
          update: (entry) => emit('f_raw_book_update', sub, entry),
        })
      : bookSink(sub, emit, events, options, {
          decode: TradingPairRawBook.decodeChecked,
          bookDecode: TradingPairRawBook.decode,
          snapshot: (entries) => emit('t_raw_book_snapshot', sub, entries),
          update: (entry) => emit('t_raw_book_update', sub, entry),
        });
  }
  return funding
    ? bookSink(sub, emit, events, options, {
        decode: FundingCurrencyBook.decodeChecked,
          bookDecode: FundingCurrencyBook.decode,
        snapshot: (entries) => emit('f_book_snapshot', sub, entries),
        update: (entry) => emit('f_book_update', sub, entry),
      })
    : bookSink(sub, emit, events, options, {
        decode: TradingPairBook.decodeChecked,
          bookDecode: TradingPairBook.decode,
        snapshot: (entries) => emit('t_book_snapshot', sub, entries),
        update: (entry) => emit('t_book_update', sub, entry),
      });
}
