/**
 * Channel sinks: what the frame router hands each public channel's payloads to. A sink decodes
 * with the model table, tells snapshots from updates, keeps the managed book and verifies its
 * checksum, and emits the typed {@link PublicChannelEvents}.
 *
 * @module
 */
import type { ManagedBook } from '../../book/index.js';
import type {
  FundingCurrencyBook,
  FundingCurrencyRawBook,
  TradingPairBook,
  TradingPairRawBook,
} from '../../models/index.js';
import type { ChannelSink, DataPlaneEvents, Subscription } from '../contracts.js';
import type { SinkEmitter } from '../events.js';
import { createBookSink } from './book-sink.js';
import { createCandlesSink } from './candles-sink.js';
import type { ChannelSinkOptions } from './sink-kit.js';
import { createStatusSink } from './status-sink.js';
import { createTickerSink } from './ticker-sink.js';
import { createTradesSink } from './trades-sink.js';

export type { ChannelSinkOptions } from './sink-kit.js';

/** An entry of any managed book. */
export type BookEntry = TradingPairBook | FundingCurrencyBook | TradingPairRawBook | FundingCurrencyRawBook;

/** A channel sink; book sinks also expose their managed book. */
export type ManagedChannelSink = ChannelSink & { readonly book?: ManagedBook<BookEntry> };

/**
 * Create the sink of one public subscription.
 *
 * @param sub the subscription (its channel, symbol and precision choose the decoding)
 * @param emit where typed events go (the handle's and the global listeners)
 * @param events the control plane (resync on checksum mismatch, problems with frames)
 * @param options checksum verification and managed book (book channels only)
 */
export function createChannelSink(
  sub: Subscription,
  emit: SinkEmitter,
  events: DataPlaneEvents,
  options: ChannelSinkOptions,
): ManagedChannelSink {
  switch (sub.channel) {
    case 'ticker':
      return createTickerSink(sub, emit, events);
    case 'trades':
      return createTradesSink(sub, emit, events);
    case 'book':
      return createBookSink(sub, emit, events, options);
    case 'candles':
      return createCandlesSink(sub, emit, events);
    case 'status':
      return createStatusSink(sub, emit, events);
  }
}
