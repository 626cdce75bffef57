/**
 * Internal contracts between the simulator's parts: the market engine (public data, books,
 * trades, candles, status), the exchange (accounts, orders, wallets, positions, funding), the
 * REST face and the WebSocket face. One market engine and one exchange feed both faces, so an
 * order placed over REST shows up on the account channel.
 *
 * Wire values are plain JSON arrays exactly as Bitfinex sends them (see
 * ../shared/reference/protocol.md); the model table's `encode` builds them from objects.
 *
 * @module
 */

/** Book precision: aggregated P0–P4 or raw R0. */
export type BookPrecision = 'P0' | 'P1' | 'P2' | 'P3' | 'P4' | 'R0';

/** The symbol universe. */
export interface SimSymbols {
  /** Trading pairs with their `t` prefix: `tBTCUSD`, `tETHBTC`, `tBTCF0:USTF0`, ... */
  readonly tradingPairs: readonly string[];
  /** Funding currencies with their `f` prefix: `fUSD`, `fBTC`, `fUST`, ... */
  readonly fundingCurrencies: readonly string[];
  /** Derivative pairs (a subset of tradingPairs) that have a `deriv:` status key. */
  readonly derivatives: readonly string[];
}

/**
 * A live view of one book (symbol, precision, len) as one subscriber sees it. Snapshot and
 * updates are always consistent: applying `drain()` results to `snapshot()` gives the view's
 * current state, so a client that maintains the book matches every `checksum()`.
 */
export interface BookView {
  readonly symbol: string;
  readonly prec: BookPrecision;
  readonly len: number;
  /** Snapshot rows in wire order (trading P: bids best first then asks best first). Resets the diff base. */
  snapshot(): unknown[][];
  /** Update rows (wire shape, deletes included) since the last snapshot()/drain(). */
  drain(): unknown[][];
  /** The Bitfinex CRC-32 checksum (signed int32) of the view's current state. */
  checksum(): number;
  /** Stop tracking (frees the view). */
  close(): void;
}

/** Market events the WebSocket face listens to. */
export type MarketEvent =
  /** The book of `symbol` changed: book views on it have updates to drain. */
  | { readonly type: 'book'; readonly symbol: string }
  /** A public trade: trading `[ID,MTS,AMOUNT,PRICE]`, funding `[ID,MTS,AMOUNT,RATE,PERIOD]`. */
  | { readonly type: 'trade'; readonly symbol: string; readonly row: unknown[] }
  /** The derivatives status row of `symbol` changed. */
  | { readonly type: 'status'; readonly symbol: string }
  /** A liquidation row `["pos",POS_ID,MTS,_,SYMBOL,AMOUNT,BASE_PRICE,_,IS_MATCH,IS_MARKET_SOLD,_,PRICE]`. */
  | { readonly type: 'liquidation'; readonly row: unknown[] }
  /** The top of the book of `symbol` changed without a trade (an own order placed or cancelled): tickers refresh. */
  | { readonly type: 'quote'; readonly symbol: string }
  /**
   * An own resting order (placed with {@link MarketEngine.place}) was filled as maker. `amount`
   * is the maker's signed fill in the book's sign convention (trading: > 0 bought; funding:
   * > 0 lent). Emitted after the public `trade` event of the same fill.
   */
  | { readonly type: 'fill'; readonly symbol: string; readonly orderId: number; readonly price: number; readonly amount: number; readonly period: number; readonly mts: number };

/** An own order resting on the public book ({@link MarketEngine.place}). */
export interface SimBookOrder {
  /** The order (or funding offer) id; also its id in R0 books. */
  readonly id: number;
  /** Signed amount: trading > 0 bid, < 0 ask; funding > 0 offer, < 0 bid (demand). */
  readonly amount: number;
  /** Price (trading) or daily rate (funding). */
  readonly price: number;
  /** Funding period in days (0 / absent for trading). */
  readonly period?: number;
  /** Hidden orders match but never appear in public books. */
  readonly hidden?: boolean;
}

/**
 * A scripted market event for {@link MarketEngine.scenario}. Steps count market ticks of the
 * symbol (the WebSocket face runs `updatesPerSecond` of them a second), so a scenario plays the
 * same for a seed at any speed.
 */
export type MarketScenario =
  /** The fair price moves by `change` (-0.2 = a 20 % crash, 0.1 = a 10 % spike) over `steps` ticks (default 20). */
  | { readonly kind: 'crash' | 'spike' | 'move'; readonly symbol: string; readonly change: number; readonly steps?: number }
  /** No trades and no book changes for `steps` ticks (default 100); `steps: 0` resumes. */
  | { readonly kind: 'halt'; readonly symbol: string; readonly steps?: number }
  /** Volatility multiplied by `factor` (default 5) for `steps` ticks (default 100). */
  | { readonly kind: 'burst'; readonly symbol: string; readonly factor?: number; readonly steps?: number }
  /** Message rate: every driven symbol ticks `factor` times (default 10) per driver period, for `periods` periods (default 50). */
  | { readonly kind: 'rate'; readonly factor?: number; readonly periods?: number };

/** One fill produced by taking liquidity from the simulated book. */
export interface Fill {
  readonly price: number;
  /** Signed amount filled for the taker (positive = bought). */
  readonly amount: number;
}

/** Options for history-style queries (REST `start`/`end`/`limit`/`sort`). */
export interface HistoryQuery {
  readonly limit?: number;
  readonly start?: number;
  readonly end?: number;
  /** 1 = oldest first, -1 (default) = newest first. */
  readonly sort?: 1 | -1;
}

/** The seeded, deterministic market. */
export interface MarketEngine {
  readonly symbols: SimSymbols;
  /** Simulated "now" in ms (wall clock unless a clock was injected). */
  now(): number;
  isTradingPair(symbol: string): boolean;
  isFundingCurrency(symbol: string): boolean;
  /** Canonical symbol (`BTCUSD` → `tBTCUSD`), or undefined when unknown. */
  normalizeSymbol(symbol: string): string | undefined;
  /** Ticker without symbol: trading 10 fields (+ trailing null), funding 16 fields. */
  ticker(symbol: string): unknown[];
  /** Public trades, newest first unless sort = 1. */
  trades(symbol: string, query?: HistoryQuery): unknown[][];
  /** A book snapshot (REST `book/{symbol}/{prec}`), len levels per side (orders for R0). */
  bookSnapshot(symbol: string, prec: BookPrecision, len: number): unknown[][];
  /** Open a live view for a WebSocket book subscription. */
  openBookView(symbol: string, prec: BookPrecision, len: number): BookView;
  /** Candles for a key like `trade:1m:tBTCUSD` or `trade:1m:fUSD:p30`, newest first unless sort = 1; undefined when the key is invalid. */
  candles(key: string, query?: HistoryQuery): unknown[][] | undefined;
  /** Derivatives status row without the key, or undefined when not a derivative. */
  derivStatus(symbol: string): unknown[] | undefined;
  /** Recent liquidation rows (each `["pos",...]`). */
  liquidations(query?: HistoryQuery): unknown[][];
  /** Best bid/ask of a trading pair (rate for funding). */
  bestBid(symbol: string): number | undefined;
  bestAsk(symbol: string): number | undefined;
  /** Take liquidity for a taker order; limitPrice bounds the fill (undefined = market). Emits trade/book events. */
  take(symbol: string, amount: number, limitPrice?: number): Fill[];
  /** Advance one market step on `symbol`: the fair price moves, passed levels trade, then one random event (order add/cancel/modify or trade). */
  tick(symbol: string): void;
  /** Last public trade price (rate for funding), or undefined for an unknown symbol. */
  lastPrice(symbol: string): number | undefined;
  /** Rest an own order on the book (replacing one with the same id); emits `book` and `quote`. */
  place(symbol: string, order: SimBookOrder): void;
  /** Remove an own resting order; false when it is no longer on the book. Emits `book` and `quote`. */
  cancel(symbol: string, id: number): boolean;
  /** Script a crash, spike, halt, volatility burst or message-rate spike. */
  scenario(scenario: MarketScenario): void;
  /** Ticks per symbol for the next driver period (1 unless a `rate` scenario runs); each call consumes one period. */
  nextPeriodTicks(): number;
  /** Listen to market events; returns an unsubscribe function. */
  on(listener: (event: MarketEvent) => void): () => void;
}

/** Account configuration given to `createBfxSimulator({ accounts })`. */
export interface SimAccountConfig {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly userId?: number;
  readonly email?: string;
  readonly username?: string;
  /** Starting balances; default 10 BTC / 100,000 USD in exchange and margin, 50,000 USD in funding. */
  readonly wallets?: readonly { readonly type: 'exchange' | 'margin' | 'funding'; readonly currency: string; readonly balance: number }[];
  /** Permission caps; default read+write on everything. */
  readonly caps?: Readonly<Record<string, { readonly read: 0 | 1; readonly write: 0 | 1 }>>;
}

/** A channel-0 account frame body: `[TYPE, DATA]` (the WS face prefixes `0` and adds seq numbers). */
export type AccountFrame = readonly [type: string, data: unknown];

/** Result of verifying credentials + nonce + signature. */
export type VerifyResult =
  | { readonly ok: true; readonly account: SimAccount }
  | { readonly ok: false; readonly code: 10100 | 10114; readonly msg: string };

/** Input types accepted on channel 0 (and their REST equivalents). */
export type SimInputType = 'on' | 'ou' | 'oc' | 'oc_multi' | 'ox_multi' | 'fon' | 'foc' | 'calc' | 'n';

/** The in-memory exchange. */
export interface SimExchange {
  /**
   * Verify an API key, a nonce (strictly increasing per key, shared by REST and WS) and an
   * HMAC-SHA384 hex signature over `payload` (REST: `/api/v2/<path><nonce><body>`; WS: authPayload).
   */
  verify(apiKey: string, nonce: string | number, payload: string, signature: string): VerifyResult;
  account(apiKey: string): SimAccount | undefined;
  /** Accounts configured. */
  accounts(): readonly SimAccount[];
  /**
   * Pay the interest due on matched funding credits and loans and close the expired ones (with
   * auto-renew), at the market clock's now. Runs by itself about once a second while the market
   * moves; tests with an injected clock call it after advancing.
   */
  settleFunding(): void;
}

/** One simulated account. */
export interface SimAccount {
  readonly userId: number;
  readonly apiKey: string;
  readonly caps: Readonly<Record<string, { readonly read: 0 | 1; readonly write: 0 | 1 }>>;
  /** Snapshot frames after auth, in the captured order (ps, ws, os, fos, fcs, fls, then wu.../bu/pu...). */
  snapshotFrames(filter?: readonly string[]): AccountFrame[];
  /** Every account event (model events and `n` notifications) as it happens. */
  subscribe(listener: (frame: AccountFrame) => void): () => void;
  /**
   * Run an input (one code path for REST and WS). Returns the request notification
   * `[MTS,TYPE,MESSAGE_ID,null,DATA,CODE,STATUS,TEXT]` (REST returns it as the body; WS sends it
   * as `[0,"n",...]` first), then emits the model events (on/ou/oc, te then tu, wu, pu, bu, miu).
   */
  input(type: SimInputType, payload: unknown, source: 'rest' | 'ws'): unknown[];
  /** Cancel every active order (dead-man switch on socket close). */
  cancelAllOrders(): void;
}

/** A REST request as handlers see it. */
export interface SimRequest {
  readonly method: 'GET' | 'POST';
  /** Path after `/v2/`, without query string: `auth/r/orders/tBTCUSD/hist`. */
  readonly path: string;
  /** Path parameters from the route template. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** Parsed JSON body (POST), `{}` when empty. */
  readonly body: Record<string, unknown>;
  /** The literal body received (the signature covers exactly these bytes). */
  readonly rawBody: string;
  /** The authenticated account (routes with `auth: true`). */
  readonly account?: SimAccount;
}

/** A REST route: `path` is a template like `book/{symbol}/{prec}` or `auth/r/order/{symbol}:{id}/trades`. */
export interface SimRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly auth?: boolean;
  /** Rate-limit bucket name (defaults to the path template). */
  readonly bucket?: string;
  handler(req: SimRequest): unknown | Promise<unknown>;
}

/** Thrown by handlers to answer `["error", code, msg]` with an HTTP status (500 by default). */
export class SimHttpError extends Error {
  constructor(
    readonly bfxCode: number,
    message: string,
    readonly status = 500,
  ) {
    super(message);
  }
}
