/**
 * Order inputs — `on`, `ou`, `oc`, `oc_multi`, `ox_multi` — shared by WebSocket inputs and REST
 * write endpoints. Each returns the request notification; model events go to `ctx.emit`.
 *
 * @module
 */
import { available, type AccountCtx } from './context.js';
import { MARGIN_LEVERAGE, tradableBalance, walletUpdate } from './calc.js';
import { asRecord as record, fmt, isRecord, r8, splitPair, toInteger, toNumber } from './numbers.js';
import { baseKind, cancelActiveOrder, executeOrder, reservingWallet } from './order-exec.js';
import { FLAG, parseNewOrder, type NewOrderReq } from './order-parse.js';
import { initTrailing } from './order-triggers.js';
import type { OrderRec } from './state.js';
import { notificationArray, orderArray, partialOrderArray } from './wire.js';

/** Where an input came from. */
export type InputSource = 'rest' | 'ws';

/** Notification MTS: ms on WS and most REST answers; seconds for REST `on-req` (as captured). */
export function notificationMts(ctx: AccountCtx, source: InputSource, type: string): number {
  const now = ctx.now();
  return source === 'rest' && type === 'on-req' ? Math.floor(now / 1000) : now;
}

function side(amount: number): string {
  return amount > 0 ? 'buy' : 'sell';
}

/** Balance check; returns an error text or undefined. */
function balanceError(ctx: AccountCtx, req: NewOrderReq): string | undefined {
  const pair = splitPair(req.symbol);
  if (pair === undefined) return 'Invalid order: symbol invalid';
  const ref = req.price ?? (req.amount > 0 ? ctx.market.bestAsk(req.symbol) : ctx.market.bestBid(req.symbol));
  if (ref === undefined) return undefined;
  const notional = Math.abs(req.amount) * ref;
  const at = `${fmt(req.amount)} ${req.symbol.slice(1)} at ${fmt(ref)}`;
  if (req.type.startsWith('EXCHANGE')) {
    // Buys pay their fee in the bought currency, so a buy needs exactly its notional.
    const need = req.amount > 0 ? notional : -req.amount;
    const have = available(ctx, 'exchange', req.amount > 0 ? pair.quote : pair.base);
    return need > have + 1e-9 ? `Invalid order: not enough exchange balance for ${at}` : undefined;
  }
  const pos = ctx.state.positions.get(req.symbol);
  if ((req.flags & FLAG.REDUCE_ONLY) !== 0 && (pos === undefined || Math.sign(pos.amount) === Math.sign(req.amount))) {
    return 'Invalid order: reduce-only order would open or increase a position';
  }
  const reducing = pos !== undefined && Math.sign(pos.amount) !== Math.sign(req.amount) && Math.abs(req.amount) <= Math.abs(pos.amount);
  if (reducing) return undefined;
  return notional > tradableBalance(ctx) * (req.lev ? req.lev / MARGIN_LEVERAGE : 1) + 1e-9
    ? `Invalid order: not enough tradable balance for ${at}`
    : undefined;
}

/** `on` / `auth/w/order/submit`. */
export function submitOrder(ctx: AccountCtx, payload: unknown, source: InputSource): unknown[] {
  const mts = notificationMts(ctx, source, 'on-req');
  const wrap = (order: unknown[]): unknown => (source === 'rest' ? [order] : order);
  const parsed = parseNewOrder(ctx.market, payload);
  if (!parsed.ok) return notificationArray(mts, 'on-req', wrap(parsed.partial), 'ERROR', parsed.text);
  const req = parsed.req;
  const err = balanceError(ctx, req);
  const pair = splitPair(req.symbol)!;
  if (err !== undefined) {
    const partial = partialOrderArray({ id: 0, gid: req.gid, cid: req.cid, symbol: req.symbol, amount: req.amount, type: req.type, price: req.price ?? null });
    return notificationArray(mts, 'on-req', wrap(partial), 'ERROR', err);
  }
  const now = ctx.now();
  const refPrice = req.price ?? (req.amount > 0 ? ctx.market.bestAsk(req.symbol) : ctx.market.bestBid(req.symbol)) ?? 0;
  const pos = ctx.state.positions.get(req.symbol);
  // Reduce-only never flips the position: the amount is capped at the position's size.
  const amount = (req.flags & FLAG.REDUCE_ONLY) !== 0 && pos !== undefined && !req.type.startsWith('EXCHANGE')
    ? Math.sign(req.amount) * Math.min(Math.abs(req.amount), Math.abs(pos.amount))
    : req.amount;
  const o: OrderRec = {
    id: ctx.ids.next('order'), gid: req.gid, cid: req.cid ?? now, symbol: req.symbol, mtsCreate: now, mtsUpdate: now,
    amount, amountOrig: amount, type: req.type, typePrev: null, mtsTif: req.mtsTif, flags: req.flags,
    status: 'ACTIVE', price: refPrice, priceAvg: 0, priceTrailing: req.priceTrailing, priceAuxLimit: req.priceAuxLimit,
    notify: 0, hidden: (req.flags & FLAG.HIDDEN) !== 0 ? 1 : 0, routing: 'API>BFX', meta: req.meta, lev: req.lev, fills: [],
  };
  if (req.type.endsWith('TRAILING STOP')) initTrailing(o, ctx.market.lastPrice(req.symbol) ?? refPrice);
  const data = orderArray(o);
  executeOrder(ctx, o);
  if (req.priceOcoStop !== undefined && ctx.state.orders.has(o.id)) placeOcoStop(ctx, o, req.priceOcoStop);
  const text = source === 'rest'
    ? 'Submitting 1 orders.'
    : `Submitting ${req.type.toLowerCase()} ${side(req.amount)} order for ${fmt(req.amount)} ${pair.base}.`;
  return notificationArray(mts, 'on-req', wrap(data), 'SUCCESS', text);
}

/** The stop half of an OCO pair: same side and size as the limit, linked so one cancels the other. */
function placeOcoStop(ctx: AccountCtx, limit: OrderRec, stopPrice: number): void {
  const prefix = limit.type.startsWith('EXCHANGE ') ? 'EXCHANGE ' : '';
  const stop: OrderRec = {
    ...limit, id: ctx.ids.next('order'), type: `${prefix}STOP`, price: stopPrice, amount: limit.amount, amountOrig: limit.amount,
    status: 'ACTIVE', priceAvg: 0, fills: [], meta: { ...limit.meta }, ocoId: limit.id,
  };
  limit.ocoId = stop.id;
  executeOrder(ctx, stop);
}

function cidDate(mts: number): string {
  return new Date(mts).toISOString().slice(0, 10);
}

/** Find an active order by `id`, or by `cid` + `cid_date`. */
function findOrder(ctx: AccountCtx, p: Record<string, unknown>): OrderRec | undefined {
  const id = toInteger(p.id);
  if (id !== undefined) return ctx.state.orders.get(id);
  const cid = toInteger(p.cid);
  if (cid === undefined) return undefined;
  const date = typeof p.cid_date === 'string' ? p.cid_date : undefined;
  for (const o of ctx.state.orders.values()) {
    if (o.cid === cid && (date === undefined || cidDate(o.mtsCreate) === date)) return o;
  }
  return undefined;
}

function notFound(ctx: AccountCtx, type: 'oc-req' | 'ou-req', p: Record<string, unknown>): unknown[] {
  const partial = partialOrderArray({ id: toInteger(p.id) ?? null, cid: toInteger(p.cid) ?? null });
  return notificationArray(ctx.now(), type, partial, 'ERROR', 'Order not found.');
}

/** `oc` / `auth/w/order/cancel`: DATA is the order as it was before cancellation. */
export function cancelOrder(ctx: AccountCtx, payload: unknown): unknown[] {
  const p = record(payload);
  const o = findOrder(ctx, p);
  if (o === undefined) return notFound(ctx, 'oc-req', p);
  const data = orderArray(o);
  cancelActiveOrder(ctx, o);
  return notificationArray(ctx.now(), 'oc-req', data, 'SUCCESS', `Submitted for cancellation; waiting for confirmation (ID: ${o.id}).`);
}

/** `ou` / `auth/w/order/update`. */
export function updateOrder(ctx: AccountCtx, payload: unknown): unknown[] {
  const p = record(payload);
  const o = findOrder(ctx, p);
  if (o === undefined) return notFound(ctx, 'ou-req', p);
  const fail = (field: string): unknown[] =>
    notificationArray(ctx.now(), 'ou-req', orderArray(o), 'ERROR', `Invalid order: ${field} invalid`);
  const price = p.price === undefined ? o.price : toNumber(p.price);
  if (price === undefined || price <= 0) return fail('price');
  let amount = o.amount;
  if (p.amount !== undefined) amount = toNumber(p.amount) ?? NaN;
  if (p.delta !== undefined) amount += toNumber(p.delta) ?? NaN;
  amount = r8(amount);
  if (!Number.isFinite(amount) || amount === 0 || Math.sign(amount) !== Math.sign(o.amount)) return fail('amount');
  const filled = o.amountOrig - o.amount;
  o.typePrev = o.type;
  o.price = baseKind(o.type) === 'MARKET' ? o.price : price;
  o.amount = amount;
  o.amountOrig = r8(amount + filled);
  o.flags = toInteger(p.flags) ?? o.flags;
  o.gid = toInteger(p.gid) ?? o.gid;
  o.lev = toInteger(p.lev) ?? o.lev;
  o.priceAuxLimit = toNumber(p.price_aux_limit) ?? o.priceAuxLimit;
  o.priceTrailing = toNumber(p.price_trailing) ?? o.priceTrailing;
  if (isRecord(p.meta)) o.meta = p.meta;
  o.mtsUpdate = ctx.now();
  ctx.emit(['ou', orderArray(o)]);
  const w = reservingWallet(ctx, o);
  if (w) ctx.emit(walletUpdate(ctx, w));
  const data = orderArray(o);
  if (baseKind(o.type) === 'LIMIT') {
    // Re-price on the public book; a price that now crosses takes what it crosses first.
    ctx.market.cancel(o.symbol, o.id);
    executeOrder(ctx, o, true);
  }
  const base = splitPair(o.symbol)?.base ?? o.symbol;
  const text = `Submitting update to ${o.type.toLowerCase()} ${side(o.amount)} order for ${fmt(Math.abs(o.amount))} ${base}.`;
  return notificationArray(ctx.now(), 'ou-req', data, 'SUCCESS', text);
}

/** The active orders an `oc_multi` payload selects (`all`, `id[]`, `gid[]`, `cid[[cid,date]]`). */
function selectMulti(ctx: AccountCtx, p: Record<string, unknown>): OrderRec[] {
  const active = [...ctx.state.orders.values()];
  if (toInteger(p.all) === 1 || p.all === true) return active;
  const ids = Array.isArray(p.id) ? p.id.map(toInteger) : [];
  const gids = Array.isArray(p.gid) ? p.gid.map(toInteger) : [];
  const cids = Array.isArray(p.cid) ? p.cid.filter(Array.isArray) : [];
  return active.filter(
    (o) =>
      ids.includes(o.id) ||
      (o.gid !== null && gids.includes(o.gid)) ||
      cids.some((c) => toInteger(c[0]) === o.cid && (typeof c[1] !== 'string' || c[1] === cidDate(o.mtsCreate))),
  );
}

/** `oc_multi` / `auth/w/order/cancel/multi`: DATA is the array of cancelled orders. */
export function cancelOrderMulti(ctx: AccountCtx, payload: unknown): unknown[] {
  const selected = selectMulti(ctx, record(payload));
  const data = selected.map(orderArray);
  for (const o of selected) cancelActiveOrder(ctx, o);
  return notificationArray(ctx.now(), 'oc_multi-req', data, 'SUCCESS', `Submitting ${selected.length} order cancellations.`);
}

/** Maximum number of operations in one `ox_multi`. */
export const MAX_MULTI_OPS = 75;

/** `ox_multi` / `auth/w/order/multi`: `[[op, payload], …]` (or `{ops: […]}`); DATA = per-op notifications. */
export function orderMulti(ctx: AccountCtx, payload: unknown, source: InputSource): unknown[] {
  const ops: unknown = Array.isArray(payload) ? payload : record(payload).ops;
  if (!Array.isArray(ops) || ops.length === 0 || ops.length > MAX_MULTI_OPS) {
    return notificationArray(ctx.now(), 'ox_multi-req', [], 'ERROR', 'Invalid ops: expected 1 to 75 operations.');
  }
  const results = ops.map((op: unknown) => {
    const [name, body] = Array.isArray(op) ? op : [];
    switch (name) {
      case 'on':
        return submitOrder(ctx, body, source);
      case 'oc':
        return cancelOrder(ctx, body);
      case 'ou':
        return updateOrder(ctx, body);
      case 'oc_multi':
        return cancelOrderMulti(ctx, body);
      default:
        return notificationArray(ctx.now(), `${String(name)}-req`, null, 'ERROR', 'Invalid operation.');
    }
  });
  return notificationArray(ctx.now(), 'ox_multi-req', results, 'SUCCESS', `Submitting ${results.length} order operations.`);
}

/** Cancel every active order (dead-man switch). */
export function cancelAll(ctx: AccountCtx): void {
  for (const o of [...ctx.state.orders.values()]) cancelActiveOrder(ctx, o);
}
