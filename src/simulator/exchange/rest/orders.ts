/**
 * REST order routes: active orders, history, own trades, submit / update / cancel / multi.
 * Write routes return the notification of the shared input path (`account.input`).
 *
 * @module
 */
import type { MarketEngine, SimRequest, SimRoute } from '../../contracts.js';
import { isMarketType, ORDER_TYPES } from '../order-parse.js';
import { r8 } from '../numbers.js';
import type { OrderRec } from '../state.js';
import { orderArray, orderTradeArray, tradeArray } from '../wire.js';
import { authRoute, idList, invalid, optNumber, reqNumber, reqString, windowed, withVariant } from './common.js';

/** The `{symbol}` path parameter, validated as a trading pair. */
export function tradingSymbol(market: MarketEngine, req: SimRequest): string | undefined {
  const s = req.params.symbol;
  if (s === undefined) return undefined;
  if (!market.isTradingPair(s)) invalid('symbol');
  return s;
}

function validateSubmit(market: MarketEngine, req: SimRequest): void {
  const type = reqString(req, 'type');
  if (!ORDER_TYPES.includes(type)) invalid('type');
  if (!market.isTradingPair(reqString(req, 'symbol'))) invalid('symbol');
  if (reqNumber(req, 'amount') === 0) invalid('amount');
  const price = optNumber(req, 'price');
  if (!isMarketType(type) && (price === undefined || price <= 0)) invalid('price');
}

function filterOrders(req: SimRequest, market: MarketEngine, rows: readonly OrderRec[]): OrderRec[] {
  const symbol = tradingSymbol(market, req);
  const ids = idList(req, 'id');
  return rows.filter((o) => (symbol === undefined || o.symbol === symbol) && (ids === undefined || ids.includes(o.id)));
}

/** The order routes. */
export function orderRoutes(market: MarketEngine): SimRoute[] {
  return [
    ...withVariant(['auth/r/orders', 'auth/r/orders/{symbol}'], 'orders', 'read', (acc, req) =>
      filterOrders(req, market, [...acc.state.orders.values()]).map(orderArray)),
    ...withVariant(['auth/r/orders/hist', 'auth/r/orders/{symbol}/hist'], 'history', 'read', (acc, req) =>
      windowed(req, filterOrders(req, market, acc.state.ordersHist), (o) => o.mtsUpdate).map(orderArray)),
    authRoute('auth/r/order/{symbol}:{id}/trades', 'history', 'read', (acc, req) => {
      const symbol = tradingSymbol(market, req);
      const id = Number(req.params.id);
      if (!Number.isSafeInteger(id)) invalid('id');
      return acc.state.trades.filter((t) => t.orderId === id && t.symbol === symbol).map(orderTradeArray);
    }),
    ...withVariant(['auth/r/trades/hist', 'auth/r/trades/{symbol}/hist'], 'history', 'read', (acc, req) => {
      const symbol = tradingSymbol(market, req);
      const rows = acc.state.trades.filter((t) => symbol === undefined || t.symbol === symbol);
      return windowed(req, rows, (t) => t.mts).map((t) => tradeArray(t, true));
    }),
    // Weighted averages of own trades, shaped like bfx-api-node-models' WeightedAverages:
    // [COUNT, BUY_SPENT, BUY_AMOUNT, _, SELL_SPENT, SELL_AMOUNT, _, BUY_PRICE, SELL_PRICE, _, FIRST_MTS, LAST_MTS].
    authRoute('auth/r/trades/calc', 'history', 'read', (acc, req) => {
      const symbol = reqString(req, 'symbol');
      if (!market.isTradingPair(symbol)) invalid('symbol');
      const rows = windowed(req, acc.state.trades.filter((t) => t.symbol === symbol), (t) => t.mts, 2500, 2500);
      const side = (sign: number): [number, number, number] => {
        const picked = rows.filter((t) => Math.sign(t.execAmount) === sign);
        const amount = picked.reduce((s, t) => s + t.execAmount, 0);
        const spent = picked.reduce((s, t) => s + t.execAmount * t.execPrice, 0);
        return [r8(spent), r8(amount), amount === 0 ? 0 : r8(spent / amount)];
      };
      const [bs, ba, bp] = side(1);
      const [ss, sa, sp] = side(-1);
      const mts = rows.map((t) => t.mts);
      return [rows.length, bs, ba, null, ss, sa, null, bp, sp, null, mts.length ? Math.min(...mts) : null, mts.length ? Math.max(...mts) : null];
    }),
    authRoute('auth/w/order/submit', 'orders', 'write', (acc, req) => {
      validateSubmit(market, req);
      return acc.input('on', req.body, 'rest');
    }),
    authRoute('auth/w/order/update', 'orders', 'write', (acc, req) => {
      if (optNumber(req, 'id') === undefined && optNumber(req, 'cid') === undefined) invalid('id');
      return acc.input('ou', req.body, 'rest');
    }),
    authRoute('auth/w/order/cancel', 'orders', 'write', (acc, req) => {
      if (optNumber(req, 'id') === undefined && optNumber(req, 'cid') === undefined) invalid('id');
      return acc.input('oc', req.body, 'rest');
    }),
    authRoute('auth/w/order/cancel/multi', 'orders', 'write', (acc, req) => {
      const b = req.body;
      if (b.all === undefined && b.id === undefined && b.gid === undefined && b.cid === undefined) invalid('id');
      return acc.input('oc_multi', req.body, 'rest');
    }),
    authRoute('auth/w/order/multi', 'orders', 'write', (acc, req) => {
      const ops = req.body.ops;
      if (!Array.isArray(ops) || ops.length === 0 || ops.length > 75) invalid('ops');
      return acc.input('ox_multi', ops, 'rest');
    }),
  ];
}
