/**
 * Enumerations and constants of the Bitfinex protocol: order types and flags, funding offer
 * types, wallet types, and a parser for the order status string (protocol.md §2.4).
 *
 * @module
 */

/** Order types. `EXCHANGE …` trade on the exchange (spot) wallet; the others on margin/derivatives. */
export type OrderType =
  | 'LIMIT'
  | 'EXCHANGE LIMIT'
  | 'MARKET'
  | 'EXCHANGE MARKET'
  | 'STOP'
  | 'EXCHANGE STOP'
  | 'STOP LIMIT'
  | 'EXCHANGE STOP LIMIT'
  | 'TRAILING STOP'
  | 'EXCHANGE TRAILING STOP'
  | 'FOK'
  | 'EXCHANGE FOK'
  | 'IOC'
  | 'EXCHANGE IOC';

/** Every {@link OrderType}, in protocol order. */
export const ORDER_TYPES: readonly OrderType[] = [
  'LIMIT',
  'EXCHANGE LIMIT',
  'MARKET',
  'EXCHANGE MARKET',
  'STOP',
  'EXCHANGE STOP',
  'STOP LIMIT',
  'EXCHANGE STOP LIMIT',
  'TRAILING STOP',
  'EXCHANGE TRAILING STOP',
  'FOK',
  'EXCHANGE FOK',
  'IOC',
  'EXCHANGE IOC',
];

/** Order flags; combine them by adding (`OrderFlag.HIDDEN + OrderFlag.POST_ONLY`). */
export const OrderFlag = {
  /** Hidden order (not shown in the book). */
  HIDDEN: 64,
  /** Close the position (margin). */
  CLOSE: 512,
  /** Only reduce an existing position. */
  REDUCE_ONLY: 1024,
  /** Cancel instead of taking liquidity. */
  POST_ONLY: 4096,
  /** One-cancels-other: also place a stop at `price_oco_stop`. */
  OCO: 16384,
  /** Excludes variable-rate funding offers from matching against this order. */
  NO_VAR_RATES: 524288,
} as const;

/** A value of {@link OrderFlag}. */
export type OrderFlag = (typeof OrderFlag)[keyof typeof OrderFlag];

/** Funding offer types. */
export type FundingOfferType = 'LIMIT' | 'FRRDELTAVAR' | 'FRRDELTAFIX';

/** Every {@link FundingOfferType}. */
export const FUNDING_OFFER_TYPES: readonly FundingOfferType[] = ['LIMIT', 'FRRDELTAVAR', 'FRRDELTAFIX'];

/** Wallet types. */
export type WalletType = 'exchange' | 'margin' | 'funding';

/** Every {@link WalletType}. */
export const WALLET_TYPES: readonly WalletType[] = ['exchange', 'margin', 'funding'];

/** The leading state of an order status string. */
export type OrderState =
  | 'ACTIVE'
  | 'EXECUTED'
  | 'PARTIALLY FILLED'
  | 'CANCELED'
  | 'INSUFFICIENT MARGIN'
  | 'RSN_DUST'
  | 'RSN_PAUSE'
  | (string & {});

/** One fill listed in an order status string (`@ PRICE(AMOUNT)`). */
export interface OrderFill {
  /** Fill price. */
  price: number;
  /** Filled amount (signed). */
  amount: number;
}

/** The parts of an order status string. */
export interface ParsedOrderStatus {
  /** The leading state (the words before ` @`, ` was`, `:` or ` (`). */
  state: OrderState;
  /** Every `@ PRICE(AMOUNT)` fill, in the order the string lists them (latest first). */
  fills: OrderFill[];
  /** A parenthesised note such as `POSCLOSE` in `ACTIVE (note:POSCLOSE)`, else `null`. */
  note: string | null;
}

// `@ PRICE(AMOUNT)`, each number `[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`. A literal, not
// `new RegExp(template)`: bundlers cannot drop a constructed one from an app that never parses a status.
const FILL = /@\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*\(\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*\)/g;
const STATE_END = /\s+@|\s+was\b|:|\s+\(/;
const NOTE = /\(note:\s*([^)]*)\)/;

/**
 * Parse an order status string such as `EXECUTED @ 916.2(0.78): was PARTIALLY FILLED @ 915.9(0.22)`.
 *
 * @param status - the `orderStatus` field of an order.
 * @returns the leading state, the fills and an optional note.
 * @example
 * parseOrderStatus('CANCELED was: PARTIALLY FILLED @ 107.6(-0.2)');
 * // { state: 'CANCELED', fills: [{ price: 107.6, amount: -0.2 }], note: null }
 */
export function parseOrderStatus(status: string): ParsedOrderStatus {
  const state = status.split(STATE_END)[0].trim();
  const fills: OrderFill[] = [];
  for (const m of status.matchAll(FILL)) fills.push({ price: Number(m[1]), amount: Number(m[2]) });
  const note = NOTE.exec(status);
  return { state, fills, note: note ? note[1].trim() : null };
}
