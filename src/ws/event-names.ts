/**
 * Every WebSocket event name at runtime (the type system's list, checked complete by `satisfies`),
 * the events each channel's handle can hear, and the door check of `on(...)`: an unknown name or a
 * missing listener is a `BfxArgumentError`, not a listener that silently never fires.
 *
 * @module
 */
import { BfxArgumentError } from '../errors.js';
import type { Channel } from './contracts.js';
import type { BfxWsEventName } from './events.js';

const ALL = {
  open: true, authenticated: true, subscribed: true, unsubscribed: true, disconnection: true, reconnection: true,
  connection_restored: true, error: true, heartbeat: true, checksum: true, checksum_mismatch: true, maintenance: true,
  t_ticker_update: true, f_ticker_update: true, t_trades_snapshot: true, f_trades_snapshot: true, t_trade_execution: true,
  t_trade_execution_update: true, f_trade_execution: true, f_trade_execution_update: true, t_book_snapshot: true,
  t_book_update: true, f_book_snapshot: true, f_book_update: true, t_raw_book_snapshot: true, t_raw_book_update: true,
  f_raw_book_snapshot: true, f_raw_book_update: true, candles_snapshot: true, candles_update: true,
  derivatives_status_update: true, liquidation_feed_update: true,
  order_snapshot: true, order_new: true, order_update: true, order_cancel: true, position_snapshot: true, position_new: true,
  position_update: true, position_close: true, wallet_snapshot: true, wallet_update: true, balance_update: true,
  base_margin_info: true, symbol_margin_info: true, funding_info_update: true, funding_offer_snapshot: true,
  funding_offer_new: true, funding_offer_update: true, funding_offer_cancel: true, funding_credit_snapshot: true,
  funding_credit_new: true, funding_credit_update: true, funding_credit_close: true, funding_loan_snapshot: true,
  funding_loan_new: true, funding_loan_update: true, funding_loan_close: true, trade_execution: true,
  trade_execution_update: true, funding_trade_execution: true, funding_trade_execution_update: true, notification: true,
  'on-req-notification': true, 'ou-req-notification': true, 'oc-req-notification': true, 'oc_multi-req-notification': true,
  'ox_multi-req-notification': true, 'fon-req-notification': true, 'foc-req-notification': true,
} as const satisfies Record<BfxWsEventName, true>;

/** Every event name. */
export const WS_EVENT_NAMES: ReadonlySet<string> = new Set(Object.keys(ALL));

/** The data events of each channel. */
export const CHANNEL_EVENTS = {
  /** Ticker events. */
  ticker: ['t_ticker_update', 'f_ticker_update'],
  /** Trades events. */
  trades: ['t_trades_snapshot', 'f_trades_snapshot', 't_trade_execution', 't_trade_execution_update', 'f_trade_execution', 'f_trade_execution_update'],
  /** Book events (aggregated and raw, checksums). */
  book: ['t_book_snapshot', 't_book_update', 'f_book_snapshot', 'f_book_update', 't_raw_book_snapshot', 't_raw_book_update', 'f_raw_book_snapshot', 'f_raw_book_update', 'checksum', 'checksum_mismatch'],
  /** Candle events. */
  candles: ['candles_snapshot', 'candles_update'],
  /** Status events (derivatives, liquidations). */
  status: ['derivatives_status_update', 'liquidation_feed_update'],
} as const satisfies Record<Channel, readonly BfxWsEventName[]>;

/** What every handle can hear besides its channel's data. */
export const HANDLE_LIFECYCLE_EVENTS = ['subscribed', 'unsubscribed', 'heartbeat', 'error'] as const;

const handleSets = new Map<Channel, ReadonlySet<string>>(
  (Object.keys(CHANNEL_EVENTS) as Channel[]).map((c) => [c, new Set<string>([...CHANNEL_EVENTS[c], ...HANDLE_LIFECYCLE_EVENTS])]),
);

/**
 * Check `on(...events, listener)` arguments: at least one event, each a known name (of `allowed`,
 * when given), and a function last. Returns the names and the listener.
 *
 * @throws {BfxArgumentError} naming the mistake and the accepted values.
 */
export function checkListen(args: readonly unknown[], channel?: Channel): { events: string[]; listener: (...a: never[]) => unknown } {
  const listener = args[args.length - 1];
  const events = args.slice(0, -1);
  if (typeof listener !== 'function') {
    throw new BfxArgumentError(`on(...events, listener): the last argument must be the listener function, got ${typeof listener}`, 'listener');
  }
  if (events.length === 0) throw new BfxArgumentError('on(...events, listener): name at least one event', 'event');
  const allowed = channel === undefined ? WS_EVENT_NAMES : (handleSets.get(channel) ?? WS_EVENT_NAMES);
  for (const name of events) {
    if (typeof name === 'string' && allowed.has(name)) continue;
    const where = channel === undefined ? '' : ` on a ${channel} subscription`;
    const hint = channel === undefined ? 'see BfxWsEvents' : `one of ${[...allowed].join(', ')}`;
    throw new BfxArgumentError(`Unknown event ${JSON.stringify(name)}${where}: expected ${hint}`, 'event');
  }
  return { events: events as string[], listener: listener as (...a: never[]) => unknown };
}
