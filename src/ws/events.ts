/**
 * Every WebSocket event a user can listen to, with its listener signature: connection-level events,
 * public channel events (listener gets the {@link Subscription} first, then the decoded data) and
 * the authenticated account events (from `./account/events.ts`).
 *
 * @module
 */
import type { BfxError, ChecksumError } from '../errors.js';
import type {
  Candle,
  DerivativesStatus,
  FundingCurrencyBook,
  FundingCurrencyRawBook,
  FundingCurrencyTicker,
  FundingCurrencyTrade,
  Liquidation,
  TradingPairBook,
  TradingPairRawBook,
  TradingPairTicker,
  TradingPairTrade,
} from '../models/index.js';
import type { AccountEvents, AuthInfo } from './account/events.js';
import type { Subscription } from './contracts.js';

export type { AccountEvents, AuthInfo } from './account/events.js';

/** Connection-level events. */
export interface ConnectionEvents {
  /** The socket(s) are open (after every connect and reconnect). */
  open(): void;
  /** Authentication succeeded. */
  authenticated(info: AuthInfo): void;
  /** A subscription was acknowledged by the server (also after each resubscribe). */
  subscribed(sub: Subscription): void;
  /** A subscription ended. */
  unsubscribed(sub: Subscription): void;
  /**
   * An open socket was lost (once per loss, with the close code and reason), or the client closed
   * (once, after `close(code, reason)`, with the code and reason given). Failed reconnect attempts
   * do not fire it: they are logged, and each attempt's outcome is on `connection_restored`.
   */
  disconnection(code: number, reason: string): void;
  /**
   * The client is whole again after an outage: once per outage, when the last socket lost in it is
   * back, with the most attempts any of them needed and the downtime since the first loss.
   */
  reconnection(attempts: number, downtimeMs: number): void;
  /** Per-socket detail: connection `index` is back after `attempts` tries and `downtimeMs` down. */
  connection_restored(index: number, attempts: number, downtimeMs: number): void;
  /** Something went wrong (protocol, listener, subscription, checksum, sequence...). */
  error(error: BfxError): void;
  /** A heartbeat on a public channel (`sub`) or on the account channel (`null`). */
  heartbeat(sub: Subscription | null): void;
  /** A book checksum frame (`cs`), the server's signed 32-bit value. */
  checksum(sub: Subscription, value: number): void;
  /** The local book disagreed with the server's checksum; the channel is resubscribed. */
  checksum_mismatch(sub: Subscription, error: ChecksumError): void;
  /** Maintenance started (`true`, info 20060) or ended (`false`, info 20061). */
  maintenance(active: boolean): void;
}

/** Public channel events: `(subscription, data)`. */
export interface PublicChannelEvents {
  /** Trading ticker (every frame, including the first). */
  t_ticker_update(sub: Subscription, ticker: TradingPairTicker): void;
  /** Funding ticker (every frame, including the first). */
  f_ticker_update(sub: Subscription, ticker: FundingCurrencyTicker): void;
  /** Trading trades snapshot (newest first). */
  t_trades_snapshot(sub: Subscription, trades: TradingPairTrade[]): void;
  /** Funding trades snapshot (newest first). */
  f_trades_snapshot(sub: Subscription, trades: FundingCurrencyTrade[]): void;
  /** Trading trade executed (`te`). */
  t_trade_execution(sub: Subscription, trade: TradingPairTrade): void;
  /** Trading trade update (`tu`). */
  t_trade_execution_update(sub: Subscription, trade: TradingPairTrade): void;
  /** Funding trade executed (`fte`). */
  f_trade_execution(sub: Subscription, trade: FundingCurrencyTrade): void;
  /** Funding trade update (`ftu`). */
  f_trade_execution_update(sub: Subscription, trade: FundingCurrencyTrade): void;
  /** Aggregated (P0–P4) trading book snapshot. */
  t_book_snapshot(sub: Subscription, levels: TradingPairBook[]): void;
  /** One aggregated trading book level (once per entry with BULK_UPDATES). */
  t_book_update(sub: Subscription, level: TradingPairBook): void;
  /** Aggregated funding book snapshot. */
  f_book_snapshot(sub: Subscription, levels: FundingCurrencyBook[]): void;
  /** One aggregated funding book level. */
  f_book_update(sub: Subscription, level: FundingCurrencyBook): void;
  /** Raw (R0) trading book snapshot. */
  t_raw_book_snapshot(sub: Subscription, orders: TradingPairRawBook[]): void;
  /** One raw trading book order. */
  t_raw_book_update(sub: Subscription, order: TradingPairRawBook): void;
  /** Raw (R0) funding book snapshot. */
  f_raw_book_snapshot(sub: Subscription, offers: FundingCurrencyRawBook[]): void;
  /** One raw funding book offer. */
  f_raw_book_update(sub: Subscription, offer: FundingCurrencyRawBook): void;
  /** Candles snapshot (newest first). */
  candles_snapshot(sub: Subscription, candles: Candle[]): void;
  /** One candle (update of the current one, or a new one). */
  candles_update(sub: Subscription, candle: Candle): void;
  /** Derivatives status (`deriv:` keys). */
  derivatives_status_update(sub: Subscription, status: DerivativesStatus): void;
  /** One liquidation (`liq:global`; one event per row of a frame). */
  liquidation_feed_update(sub: Subscription, liquidation: Liquidation): void;
}

/** Every WebSocket event. */
export type BfxWsEvents = ConnectionEvents & PublicChannelEvents & AccountEvents;

/** Name of any WebSocket event. */
export type BfxWsEventName = keyof BfxWsEvents;

/** Name of a public channel event. */
export type PublicChannelEventName = keyof PublicChannelEvents;

/** What a sink emits through: one typed event to the handle's and the global listeners. */
export type SinkEmitter = <K extends BfxWsEventName>(event: K, ...args: Parameters<BfxWsEvents[K]>) => void;

/**
 * The listener of one or several events: its arguments are what any of them can deliver (for
 * `'t_ticker_update' | 'f_ticker_update'`: the subscription and a trading or funding ticker). It may
 * be `async`: a rejection is reported on `error`.
 */
export type ListenerOf<K extends BfxWsEventName> = (first: ArgOf<K, 0>, second: ArgOf<K, 1>, third: ArgOf<K, 2>) => unknown;

/** Argument `I` of event `K`'s listener (a union over the events of `K`; `undefined` where an event has fewer). */
export type ArgOf<K extends BfxWsEventName, I extends number> = K extends unknown
  ? Parameters<BfxWsEvents[K]> extends { [i in I]: infer X }
    ? X
    : undefined
  : never;
