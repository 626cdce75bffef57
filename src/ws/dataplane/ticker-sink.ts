/**
 * Ticker channel sink: every data frame (including the first) is one ticker, trading or funding.
 *
 * @module
 */
import { models } from '../../models/index.js';
import type { ChannelSink, DataPlaneEvents, Subscription } from '../contracts.js';
import type { SinkEmitter } from '../events.js';
import { isFundingSymbol, isRowList, reportUnreadable } from './sink-kit.js';

const { FundingCurrencyTicker, TradingPairTicker } = models;

/** Sink for a `ticker` subscription. */
export function createTickerSink(sub: Subscription, emit: SinkEmitter, events: DataPlaneEvents): ChannelSink {
  const funding = isFundingSymbol(sub.symbol);
  const one = funding
    ? (row: unknown[]) => emit('f_ticker_update', sub, FundingCurrencyTicker.decode(row))
    : (row: unknown[]) => emit('t_ticker_update', sub, TradingPairTicker.decode(row));
  return {
    frame(payload) {
      const data = payload[0];
      if (Array.isArray(data)) {
        // Never nested on the wire; tolerate a list of tickers all the same.
        if (isRowList(data)) for (const row of data) one(row);
        else one(data);
      } else if (data === 'hb') emit('heartbeat', sub);
      else reportUnreadable(events, sub, payload);
    },
    reset() {},
  };
}
