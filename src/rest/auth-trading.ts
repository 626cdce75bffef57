/**
 * Authenticated trading endpoints: orders, trades, positions, margin and derivatives collateral
 * (python-v3-surface.md §2.4, protocol.md §3.7). All signed POSTs with snake_case body keys.
 *
 * @module
 */
import {
  models,
  type BalanceAvailable,
  type BaseMarginInfo,
  type DerivativePositionCollateral,
  type DerivativePositionCollateralLimits,
  type Notification,
  type Order,
  type OrderTrade,
  type Position,
  type PositionAudit,
  type PositionClaim,
  type PositionHistory,
  type PositionIncrease,
  type PositionIncreaseInfo,
  type PositionSnapshot,
  type SymbolMarginInfo,
  type Trade,
} from '../models/index.js';
import type { OrderType } from '../models/enums.js';
import { createCidSource } from '../ws/account/cid.js';
import { arrayOf, boolean, decimal, orderType, positiveInteger, record, text, tradingSymbol } from './checks.js';
import { list, notification, one } from './decode.js';
import { defineEndpoint, HISTORY_PARAMS, SORTED_HISTORY_PARAMS } from './endpoint.js';
import type { Decimal, HistoryParams, SortedHistoryParams } from './types.js';
import { invalidArgument, validateRequired } from './validate.js';

/** Signed POST defaults shared by the authenticated tables. */
export const SIGNED = { method: 'POST', auth: true, keys: 'snake' } as const;

/** Parameters of `submitOrder`. */
export interface SubmitOrderParams {
  /** Order type (`EXCHANGE LIMIT`, `LIMIT`, `MARKET`, ...; see `ORDER_TYPES`). */
  readonly type: OrderType;
  /** Trading pair (`tBTCUSD`). */
  readonly symbol: string;
  /** Signed amount: positive buys, negative sells. */
  readonly amount: Decimal;
  /** Limit price (required except for market orders). */
  readonly price?: Decimal;
  /** Leverage (derivatives), 1 to 100. */
  readonly lev?: number;
  /** Trailing price distance (TRAILING STOP orders). */
  readonly priceTrailing?: Decimal;
  /** Auxiliary limit price (STOP LIMIT orders). */
  readonly priceAuxLimit?: Decimal;
  /** Stop price of the OCO pair. */
  readonly priceOcoStop?: Decimal;
  /** Group id. */
  readonly gid?: number;
  /** Client order id (generated when absent, so an order whose outcome is unknown can be found by it). */
  readonly cid?: number;
  /** Sum of `OrderFlag` values. */
  readonly flags?: number;
  /** Time in force, `YYYY-MM-DD HH:mm:ss` (UTC). */
  readonly tif?: string;
  /** Free-form metadata (`aff_code`, `make_visible`, ...). */
  readonly meta?: Readonly<Record<string, unknown>>;
}

/** Parameters of `updateOrder`. */
export interface UpdateOrderParams {
  /** Order id. */
  readonly id: number;
  /** New amount. */
  readonly amount?: Decimal;
  /** New price. */
  readonly price?: Decimal;
  /** Client order id (with `cidDate`). */
  readonly cid?: number;
  /** `YYYY-MM-DD`. */
  readonly cidDate?: string;
  /** Group id. */
  readonly gid?: number;
  /** Order flags, summed (see `OrderFlag`). */
  readonly flags?: number;
  /** Leverage (derivatives), 1 to 100. */
  readonly lev?: number;
  /** Change of amount (added to the current amount). */
  readonly delta?: Decimal;
  /** Auxiliary limit price (STOP LIMIT orders). */
  readonly priceAuxLimit?: Decimal;
  /** Trailing price distance (TRAILING STOP orders). */
  readonly priceTrailing?: Decimal;
  /** Time in force: the order is cancelled at this time (`YYYY-MM-DD HH:MM:SS` or a `Date`). */
  readonly tif?: string;
  /** Free-form metadata (`aff_code`, `make_visible`, ...). */
  readonly meta?: Readonly<Record<string, unknown>>;
}

/** Parameters of `cancelOrder`: `id`, or `cid` with `cidDate`. */
export interface CancelOrderParams {
  /** Order id. */
  readonly id?: number;
  /** Client order id (with `cidDate`). */
  readonly cid?: number;
  /** UTC date of the client order id (`YYYY-MM-DD`). */
  readonly cidDate?: string;
}

/** Parameters of `cancelOrderMulti`. */
export interface CancelOrderMultiParams {
  /** Cancel these order ids. */
  readonly id?: readonly number[];
  /** `[cid, 'YYYY-MM-DD']` pairs. */
  readonly cid?: readonly (readonly [number, string])[];
  /** Cancel every order of these group ids. */
  readonly gid?: readonly number[];
  /** Cancel every order. */
  readonly all?: boolean;
}

/** One operation of `orderMultiOp` (at most 75). */
export type OrderMultiOp =
  | readonly ['on', SubmitOrderParams | Readonly<Record<string, unknown>>]
  | readonly ['ou', UpdateOrderParams | Readonly<Record<string, unknown>>]
  | readonly ['oc', CancelOrderParams | Readonly<Record<string, unknown>>]
  | readonly ['oc_multi', CancelOrderMultiParams | Readonly<Record<string, unknown>>];

/** Parameters of `getBalanceAvailableForOrdersOrOffers`. */
export interface BalanceAvailableParams {
  /** Trading pair (`tBTCUSD`) or funding currency (`fUSD`). */
  readonly symbol: string;
  /** `EXCHANGE`, `MARGIN`, `DERIV` or `FUNDING`. */
  readonly type: string;
  /** 1 buy, -1 sell. */
  readonly dir?: 1 | -1;
  /** Price to compute at (default: last price). */
  readonly rate?: Decimal;
  /** Leverage (derivatives). */
  readonly lev?: Decimal;
}

/** Client order ids of REST orders (unique and increasing in this process). */
const nextCid = createCidSource();
const isMarket = (type: unknown): boolean => typeof type === 'string' && type.endsWith('MARKET');
const ids = arrayOf(positiveInteger);
const cancelRefine = (p: Readonly<Record<string, unknown>>): void => {
  if (p.id === undefined && p.cid === undefined) validateRequired(undefined, 'id');
  if (p.cid !== undefined && p.cidDate === undefined) validateRequired(undefined, 'cidDate');
};
const multiOps = (v: unknown, n: string): void => {
  if (!Array.isArray(v) || v.length === 0 || v.length > 75) invalidArgument(n, 'an array of 1 to 75 operations', v);
  v.forEach((op, i) => {
    if (!Array.isArray(op) || !['on', 'ou', 'oc', 'oc_multi'].includes(op[0]) || typeof op[1] !== 'object' || op[1] === null) {
      invalidArgument(`${n}[${i}]`, '["on" | "ou" | "oc" | "oc_multi", { ...params }]', op);
    }
  });
};
const balanceAvailable = defineEndpoint<[params: BalanceAvailableParams], BalanceAvailable>({
  ...SIGNED, path: 'auth/calc/order/avail', args: ['*'], params: ['dir'], required: ['symbol', 'type'], check: { symbol: tradingSymbol, type: text, rate: decimal, lev: decimal },
  decode: one(models.BalanceAvailable),
});

/** The authenticated trading endpoint table. */
export const authTradingEndpoints = {
  /** `auth/calc/order/avail`: balance available for an order or offer. */
  getBalanceAvailableForOrdersOrOffers: balanceAvailable,
  /** Same entry as `getBalanceAvailableForOrdersOrOffers` (Bitfinex docs name). */
  getOrderAvailableBalance: balanceAvailable,
  /** `auth/r/orders[/{symbol}]`: active orders. */
  getOrders: defineEndpoint<[params?: {
    /** Trading pair; all when omitted. */
    readonly symbol?: string;
    /** Restrict to these ids. */
    readonly ids?: readonly number[];
  }], Order[]>({
    ...SIGNED, path: 'auth/r/orders{/symbol}', args: ['*'], rename: { ids: 'id' }, check: { symbol: tradingSymbol, ids }, decode: list(models.Order),
  }),
  /** `auth/w/order/submit`: `on-req` notification with the new order. */
  submitOrder: defineEndpoint<[params: SubmitOrderParams], Notification<Order | null>>({
    ...SIGNED, path: 'auth/w/order/submit', args: ['*'], required: ['type', 'symbol', 'amount'],
    params: ['lev', 'gid', 'flags', 'tif'], generate: { cid: nextCid },
    check: { type: orderType, symbol: tradingSymbol, amount: decimal, cid: positiveInteger, price: decimal, priceTrailing: decimal, priceAuxLimit: decimal, priceOcoStop: decimal, meta: record },
    refine: (p) => (isMarket(p.type) ? undefined : validateRequired(p.price, 'price')),
    decode: notification(models.Order),
  }),
  /** `auth/w/order/update`: `ou-req` notification. */
  updateOrder: defineEndpoint<[params: UpdateOrderParams], Notification<Order | null>>({
    ...SIGNED, path: 'auth/w/order/update', args: ['*'], required: ['id'], params: ['cid', 'cidDate', 'gid', 'flags', 'lev', 'tif'],
    check: { id: positiveInteger, amount: decimal, price: decimal, delta: decimal, priceAuxLimit: decimal, priceTrailing: decimal, meta: record },
    decode: notification(models.Order),
  }),
  /** `auth/w/order/cancel`: `oc-req` notification. */
  cancelOrder: defineEndpoint<[params: CancelOrderParams], Notification<Order | null>>({
    ...SIGNED, path: 'auth/w/order/cancel', args: ['*'], params: ['cid', 'cidDate'], check: { id: positiveInteger }, refine: cancelRefine, decode: notification(models.Order),
  }),
  /** `auth/w/order/cancel/multi`: `oc_multi-req` notification with the cancelled orders. */
  cancelOrderMulti: defineEndpoint<[params: CancelOrderMultiParams], Notification<Order[]>>({
    ...SIGNED, path: 'auth/w/order/cancel/multi', args: ['*'], params: ['cid'], check: { id: ids, gid: ids, all: boolean },
    refine: (p) => (p.id ?? p.cid ?? p.gid ?? p.all) === undefined ? validateRequired(undefined, 'id, cid, gid or all') : undefined,
    decode: notification(models.Order, { list: true }),
  }),
  /** `auth/w/order/multi`: several order operations at once (`ox_multi-req`; data left raw). */
  orderMultiOp: defineEndpoint<[ops: readonly OrderMultiOp[]], Notification<unknown>>({
    ...SIGNED, path: 'auth/w/order/multi', args: ['ops'], required: ['ops'], check: { ops: multiOps }, decode: notification(),
  }),
  /** `auth/r/orders[/{symbol}]/hist`: closed orders. */
  getOrdersHistory: defineEndpoint<[params?: HistoryParams & {
    /** Trading pair; all when omitted. */
    readonly symbol?: string;
    /** Restrict to these ids. */
    readonly ids?: readonly number[];
  }], Order[]>({
    ...SIGNED, path: 'auth/r/orders{/symbol}/hist', args: ['*'], params: HISTORY_PARAMS, rename: { ids: 'id' }, check: { symbol: tradingSymbol, ids }, decode: list(models.Order),
  }),
  /** `auth/r/order/{symbol}:{id}/trades`. */
  getOrderTrades: defineEndpoint<[symbol: string, id: number], OrderTrade[]>({
    ...SIGNED, path: 'auth/r/order/{symbol}:{id}/trades', args: ['symbol', 'id'], check: { symbol: tradingSymbol, id: positiveInteger },
    decode: list(models.OrderTrade),
  }),
  /** `auth/r/trades[/{symbol}]/hist`. */
  getTradesHistory: defineEndpoint<[params?: SortedHistoryParams & {
    /** Trading pair; all when omitted. */
    readonly symbol?: string;
  }], Trade[]>({
    ...SIGNED, path: 'auth/r/trades{/symbol}/hist', args: ['*'], params: SORTED_HISTORY_PARAMS, check: { symbol: tradingSymbol }, decode: list(models.Trade),
  }),
  /** `auth/r/info/margin/base`. */
  getBaseMarginInfo: defineEndpoint<[], BaseMarginInfo>({ ...SIGNED, path: 'auth/r/info/margin/base', args: [], decode: one(models.BaseMarginInfo) }),
  /** `auth/r/info/margin/{symbol}`. */
  getSymbolMarginInfo: defineEndpoint<[symbol: string], SymbolMarginInfo>({
    ...SIGNED, path: 'auth/r/info/margin/{symbol}', args: ['symbol'], check: { symbol: tradingSymbol }, decode: one(models.SymbolMarginInfo),
  }),
  /** `auth/r/info/margin/sym_all`. */
  getAllSymbolsMarginInfo: defineEndpoint<[], SymbolMarginInfo[]>({
    ...SIGNED, path: 'auth/r/info/margin/sym_all', args: [], decode: list(models.SymbolMarginInfo),
  }),
  /** `auth/r/positions`: open positions. */
  getPositions: defineEndpoint<[], Position[]>({ ...SIGNED, path: 'auth/r/positions', args: [], decode: list(models.Position) }),
  /** `auth/w/position/claim`: `pm-req` notification. */
  claimPosition: defineEndpoint<[id: number, amount?: Decimal], Notification<PositionClaim | null>>({
    ...SIGNED, path: 'auth/w/position/claim', args: ['id', 'amount'], required: ['id'], check: { id: positiveInteger, amount: decimal },
    decode: notification(models.PositionClaim),
  }),
  /** `auth/w/position/increase`: `pmi-req` notification. */
  increasePosition: defineEndpoint<[symbol: string, amount: Decimal], Notification<PositionIncrease | null>>({
    ...SIGNED, path: 'auth/w/position/increase', args: ['symbol', 'amount'], required: ['symbol', 'amount'], check: { symbol: tradingSymbol, amount: decimal },
    decode: notification(models.PositionIncrease),
  }),
  /** `auth/r/position/increase/info`. */
  getIncreasePositionInfo: defineEndpoint<[symbol: string, amount: Decimal], PositionIncreaseInfo>({
    ...SIGNED, path: 'auth/r/position/increase/info', args: ['symbol', 'amount'], required: ['symbol', 'amount'], check: { symbol: tradingSymbol, amount: decimal },
    decode: one(models.PositionIncreaseInfo),
  }),
  /** `auth/r/positions/hist`. */
  getPositionsHistory: defineEndpoint<[params?: HistoryParams], PositionHistory[]>({
    ...SIGNED, path: 'auth/r/positions/hist', args: ['*'], params: HISTORY_PARAMS,  decode: list(models.PositionHistory),
  }),
  /** `auth/r/positions/snap`. */
  getPositionsSnapshot: defineEndpoint<[params?: HistoryParams], PositionSnapshot[]>({
    ...SIGNED, path: 'auth/r/positions/snap', args: ['*'], params: HISTORY_PARAMS,  decode: list(models.PositionSnapshot),
  }),
  /** `auth/r/positions/audit` (body key `ids`). */
  getPositionsAudit: defineEndpoint<[params?: HistoryParams & {
    /** Restrict to these position ids. */
    readonly ids?: readonly number[];
  }], PositionAudit[]>({
    ...SIGNED, path: 'auth/r/positions/audit', args: ['*'], params: HISTORY_PARAMS, check: { ids }, decode: list(models.PositionAudit),
  }),
  /** `auth/w/deriv/collateral/set`: `{ status: 1 }` on success. */
  setDerivativePositionCollateral: defineEndpoint<[symbol: string, collateral: Decimal], DerivativePositionCollateral>({
    ...SIGNED, path: 'auth/w/deriv/collateral/set', args: ['symbol', 'collateral'], required: ['symbol', 'collateral'],
    check: { symbol: tradingSymbol, collateral: decimal }, decode: one(models.DerivativePositionCollateral),
  }),
  /** `auth/calc/deriv/collateral/limit`. */
  getDerivativePositionCollateralLimits: defineEndpoint<[symbol: string], DerivativePositionCollateralLimits>({
    ...SIGNED, path: 'auth/calc/deriv/collateral/limit', args: ['symbol'], required: ['symbol'], check: { symbol: tradingSymbol },
    decode: one(models.DerivativePositionCollateralLimits),
  }),
} as const;
