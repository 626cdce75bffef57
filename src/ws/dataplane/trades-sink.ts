/**
 * Trades channel sink: a snapshot (list, newest first), then `te` / `tu` (trading) and `fte` /
 * `ftu` (funding) executions.
 *
 * @module
 */
import { models } from '../../models/index.js';
import type { ChannelSink, DataPlaneEvents, Subscription } from '../contracts.js';
import type { SinkEmitter } from '../events.js';
import { isFundingSymbol, isRowList, reportUnreadable, type Row } from './sink-kit.js';

const { FundingCurrencyTrade, TradingPairTrade } = models;

/** Sink for a `trades` subscription. */
export function createTradesSink(sub: Subscription, emit: SinkEmitter, events: DataPlaneEvents): ChannelSink {
  const snapshot = isFundingSymbol(sub.symbol)
    ? (rows: Row[]) => emit('f_trades_snapshot', sub, FundingCurrencyTrade.decodeListChecked(rows))
    : (rows: Row[]) => emit('t_trades_snapshot', sub, TradingPairTrade.decodeListChecked(rows));
  return {
    frame(payload) {
      const head = payload[0];
      const row = payload[1];
      if (Array.isArray(row)) {
        switch (head) {
          case 'te':
            return emit('t_trade_execution', sub, TradingPairTrade.decodeChecked(row));
          case 'tu':
            return emit('t_trade_execution_update', sub, TradingPairTrade.decodeChecked(row));
          case 'fte':
            return emit('f_trade_execution', sub, FundingCurrencyTrade.decodeChecked(row));
          case 'ftu':
            return emit('f_trade_execution_update', sub, FundingCurrencyTrade.decodeChecked(row));
        }
      } else if (Array.isArray(head) && isRowList(head)) return snapshot(head);
      else if (head === 'hb') return emit('heartbeat', sub);
      reportUnreadable(events, sub, payload);
    },
    reset() {},
  };
}
