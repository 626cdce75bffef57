/**
 * Helpers every channel sink shares: classifying a payload, reporting a frame the sink cannot
 * read, and the options a sink is created with.
 *
 * @module
 */
import { BfxProtocolError } from '../../errors.js';
import type { ChannelSink, DataPlaneEvents, Subscription } from '../contracts.js';
import type { SinkEmitter } from '../events.js';

/** Options of {@link createChannelSink}. */
export interface ChannelSinkOptions {
  /** Verify `cs` frames against the managed book (books only; needs a book, which is then kept). */
  readonly checksum: boolean;
  /** Keep a managed book for book channels (exposed as `sink.book`). */
  readonly manageBook: boolean;
  /**
   * BULK_UPDATES is on: a list of rows after the snapshot is a batch of updates. Off (default), such
   * a list is an unexpected snapshot: the book is resubscribed instead of merging it.
   */
  readonly bulk?: boolean;
  /**
   * Verify funding-book (`f…`) checksums too (default `true`). The official Node client skips
   * them because the real server's funding book sorting made them unreliable (protocol.md §1.11).
   */
  readonly verifyFunding?: boolean;
}

/** A raw row as parsed from JSON. */
export type Row = unknown[];

/** Whether `data` is a list of rows (a snapshot, a BULK update, or an empty list). */
export function isRowList(data: unknown[]): data is Row[] {
  if (data.length === 0) return true;
  const first = data[0];
  // `typeof` first: a row of plain numbers is often a double array, and handing one of its
  // elements to `Array.isArray` would box it.
  return typeof first === 'object' && Array.isArray(first);
}

const EXCERPT_LENGTH = 120;

/** Report a payload `sub`'s sink could not interpret; the frame is skipped. */
export function reportUnreadable(events: DataPlaneEvents, sub: Subscription, payload: unknown[]): void {
  let text: string;
  try {
    text = JSON.stringify(payload) ?? String(payload);
  } catch {
    text = String(payload);
  }
  events.problem(
    new BfxProtocolError(`Unexpected ${sub.channel} frame on subscription ${sub.subId}`, {
      excerpt: text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text,
    }),
  );
}

/** `true` for a funding symbol or key (`fUSD`, `trade:1m:fUSD:p30`). */
export function isFundingSymbol(symbol: string | undefined): boolean {
  return symbol !== undefined && symbol.startsWith('f');
}

/**
 * A sink for channels whose data frames each carry one row (ticker, status): `one` is called per
 * row; a list of rows (liquidations wrap theirs) gives one call per row; `hb` is a heartbeat.
 */
export function rowSink(sub: Subscription, emit: SinkEmitter, events: DataPlaneEvents, one: (row: Row) => void): ChannelSink {
  return {
    frame(payload) {
      const data = payload[0];
      if (Array.isArray(data)) {
        if (isRowList(data)) for (const row of data) one(row);
        else one(data);
      } else if (data === 'hb') emit('heartbeat', sub);
      else reportUnreadable(events, sub, payload);
    },
    reset() {},
  };
}
