/**
 * Authenticated trading endpoints: orders, trades, positions, margin and derivatives collateral
 * (python-v3-surface.md §2.4, protocol.md §3.7). All signed POSTs with snake_case body keys.
 *
 * @module
 */
import { signed } from './definers.js';
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
import { list, notification, one } from './decode.js';
import type { Decimal, HistoryParams, SortedHistoryParams } from './types.js';
import { invalidArgument, validateRequired } from './validate.js';

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
const balanceAvailable = signed<[params: BalanceAvailableParams], BalanceAvailable>('auth/calc/order/avail symbol!:trading type!:text dir rate:decimal lev:decimal', ['*'], one(models.BalanceAvailable));

/** The authenticated trading endpoint table. */
export const authTradingEndpoints = {
  /** `auth/calc/order/avail`: balance available for an order or offer. */
  getBalanceAvailableForOrdersOrOffers: balanceAvailable,
  /** Same entry as `getBalanceAvailableForOrdersOrOffers` (Bitfinex docs name). */
  getOrderAvailableBalance: balanceAvailable,
  /** `auth/r/orders[/{symbol}]`: active orders. */
  getOrders: signed<[params?: {
    /** Trading pair; all when omitted. */
    readonly symbol?: string;
    /** Restrict to these ids. */
    readonly ids?: readonly number[];
  }], Order[]>('auth/r/orders{/symbol} symbol:trading ids:ids>id', ['*'], list(models.Order)),
  /** `auth/w/order/submit`: `on-req` notification with the new order. */
  submitOrder: signed<[params: SubmitOrderParams], Notification<Order | null>>('auth/w/order/submit type!:orderType symbol!:trading amount!:decimal lev gid flags tif cid:int price:decimal priceTrailing:decimal priceAuxLimit:decimal priceOcoStop:decimal meta:record', ['*'], notification(models.Order), { generate: { cid: nextCid }, refine: (p) => (isMarket(p.type) ? undefined : validateRequired(p.price, 'price')) }),
  /** `auth/w/order/update`: `ou-req` notification. */
  updateOrder: signed<[params: UpdateOrderParams], Notification<Order | null>>('auth/w/order/update id!:int cid cidDate gid flags lev tif amount:decimal price:decimal delta:decimal priceAuxLimit:decimal priceTrailing:decimal meta:record', ['*'], notification(models.Order)),
  /** `auth/w/order/cancel`: `oc-req` notification. */
  cancelOrder: signed<[params: CancelOrderParams], Notification<Order | null>>('auth/w/order/cancel cid cidDate id:int', ['*'], notification(models.Order), { refine: cancelRefine }),
  /** `auth/w/order/cancel/multi`: `oc_multi-req` notification with the cancelled orders. */
  cancelOrderMulti: signed<[params: CancelOrderMultiParams], Notification<Order[]>>('auth/w/order/cancel/multi cid id:ids gid:ids all:bool', ['*'], notification(models.Order, { list: true }), { refine: (p) => (p.id ?? p.cid ?? p.gid ?? p.all) === undefined ? validateRequired(undefined, 'id, cid, gid or all') : undefined }),
  /** `auth/w/order/multi`: several order operations at once (`ox_multi-req`; data left raw). */
  orderMultiOp: signed<[ops: readonly OrderMultiOp[]], Notification<unknown>>('auth/w/order/multi ops!:ops', ['ops'], notification(), { checks: { ops: multiOps } }),
  /** `auth/r/orders[/{symbol}]/hist`: closed orders. */
  getOrdersHistory: signed<[params?: HistoryParams & {
    /** Trading pair; all when omitted. */
    readonly symbol?: string;
    /** Restrict to these ids. */
    readonly ids?: readonly number[];
  }], Order[]>('auth/r/orders{/symbol}/hist start end limit symbol:trading ids:ids>id', ['*'], list(models.Order)),
  /** `auth/r/order/{symbol}:{id}/trades`. */
  getOrderTrades: signed<[symbol: string, id: number], OrderTrade[]>('auth/r/order/{symbol}:{id}/trades symbol:trading id:int', ['symbol', 'id'], list(models.OrderTrade)),
  /** `auth/r/trades[/{symbol}]/hist`. */
  getTradesHistory: signed<[params?: SortedHistoryParams & {
    /** Trading pair; all when omitted. */
    readonly symbol?: string;
  }], Trade[]>('auth/r/trades{/symbol}/hist start end limit sort symbol:trading', ['*'], list(models.Trade)),
  /** `auth/r/info/margin/base`. */
  getBaseMarginInfo: signed<[], BaseMarginInfo>('auth/r/info/margin/base', [], one(models.BaseMarginInfo)),
  /** `auth/r/info/margin/{symbol}`. */
  getSymbolMarginInfo: signed<[symbol: string], SymbolMarginInfo>('auth/r/info/margin/{symbol} symbol:trading', ['symbol'], one(models.SymbolMarginInfo)),
  /** `auth/r/info/margin/sym_all`. */
  getAllSymbolsMarginInfo: signed<[], SymbolMarginInfo[]>('auth/r/info/margin/sym_all', [], list(models.SymbolMarginInfo)),
  /** `auth/r/positions`: open positions. */
  getPositions: signed<[], Position[]>('auth/r/positions', [], list(models.Position)),
  /** `auth/w/position/claim`: `pm-req` notification. */
  claimPosition: signed<[id: number, amount?: Decimal], Notification<PositionClaim | null>>('auth/w/position/claim id!:int amount:decimal', ['id', 'amount'], notification(models.PositionClaim)),
  /** `auth/w/position/increase`: `pmi-req` notification. */
  increasePosition: signed<[symbol: string, amount: Decimal], Notification<PositionIncrease | null>>('auth/w/position/increase symbol!:trading amount!:decimal', ['symbol', 'amount'], notification(models.PositionIncrease)),
  /** `auth/r/position/increase/info`. */
  getIncreasePositionInfo: signed<[symbol: string, amount: Decimal], PositionIncreaseInfo>('auth/r/position/increase/info symbol!:trading amount!:decimal', ['symbol', 'amount'], one(models.PositionIncreaseInfo)),
  /** `auth/r/positions/hist`. */
  getPositionsHistory: signed<[params?: HistoryParams], PositionHistory[]>('auth/r/positions/hist start end limit', ['*'], list(models.PositionHistory)),
  /** `auth/r/positions/snap`. */
  getPositionsSnapshot: signed<[params?: HistoryParams], PositionSnapshot[]>('auth/r/positions/snap start end limit', ['*'], list(models.PositionSnapshot)),
  /** `auth/r/positions/audit` (body key `ids`). */
  getPositionsAudit: signed<[params?: HistoryParams & {
    /** Restrict to these position ids. */
    readonly ids?: readonly number[];
  }], PositionAudit[]>('auth/r/positions/audit start end limit ids:ids', ['*'], list(models.PositionAudit)),
  /** `auth/w/deriv/collateral/set`: `{ status: 1 }` on success. */
  setDerivativePositionCollateral: signed<[symbol: string, collateral: Decimal], DerivativePositionCollateral>('auth/w/deriv/collateral/set symbol!:trading collateral!:decimal', ['symbol', 'collateral'], one(models.DerivativePositionCollateral)),
  /** `auth/calc/deriv/collateral/limit`. */
  getDerivativePositionCollateralLimits: signed<[symbol: string], DerivativePositionCollateralLimits>('auth/calc/deriv/collateral/limit symbol!:trading', ['symbol'], one(models.DerivativePositionCollateralLimits)),
} as const;
