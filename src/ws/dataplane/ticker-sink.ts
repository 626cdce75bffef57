/**
 * Ticker channel sink: every data frame (including the first) is one ticker, trading or funding.
 *
 * @module
 */
import { models } from '../../models/index.js';
import type { ChannelSink, DataPlaneEvents, Subscription } from '../contracts.js';
import type { SinkEmitter } from '../events.js';
import { isFundingSymbol, rowSink, type Row } from './sink-kit.js';

const { FundingCurrencyTicker, TradingPairTicker } = models;

/** Sink for a `ticker` subscription. */
export function createTickerSink(sub: Subscription, emit: SinkEmitter, events: DataPlaneEvents): ChannelSink {
  const funding = isFundingSymbol(sub.symbol);
  const one = funding
    ? (row: Row) => emit('f_ticker_update', sub, FundingCurrencyTicker.decodeChecked(row))
    : (row: Row) => emit('t_ticker_update', sub, TradingPairTicker.decodeChecked(row));
  return rowSink(sub, emit, events, one);
}
