/**
 * Stop orders off the book: STOP (becomes a market order), STOP LIMIT (becomes a limit at
 * `price_aux_limit`) and TRAILING STOP (its stop follows the best price by `price_trailing`)
 * trigger when a public trade prints at or through their stop price. A triggered order is sent
 * as `ou` with its new type (TYPE_PREV the stop type), then matched like a new order; an OCO
 * sibling is cancelled.
 *
 * @module
 */
import type { AccountCtx } from './context.js';
import { baseKind, cancelActiveOrder, executeOrder, isStopKind } from './order-exec.js';
import { r8 } from './numbers.js';
import type { OrderRec } from './state.js';
import { orderArray } from './wire.js';

/** Sets a new trailing stop's reference and stop price from the last trade. */
export function initTrailing(o: OrderRec, last: number): void {
  o.trailRef = last;
  o.price = r8(o.amount < 0 ? last - o.priceTrailing : last + o.priceTrailing);
}

function follow(o: OrderRec, price: number): void {
  const ref = o.trailRef ?? price;
  const better = o.amount < 0 ? price > ref : price < ref;
  if (!better) return;
  o.trailRef = price;
  o.price = r8(o.amount < 0 ? price - o.priceTrailing : price + o.priceTrailing);
}

/** Sell stops trigger at or below their price, buy stops at or above. */
function reached(o: OrderRec, price: number): boolean {
  return o.amount < 0 ? price <= o.price : price >= o.price;
}

function trigger(ctx: AccountCtx, o: OrderRec): void {
  const prefix = o.type.startsWith('EXCHANGE ') ? 'EXCHANGE ' : '';
  const kind = baseKind(o.type);
  o.typePrev = o.type;
  o.type = `${prefix}${kind === 'STOP LIMIT' ? 'LIMIT' : 'MARKET'}`;
  if (kind === 'STOP LIMIT') o.price = o.priceAuxLimit;
  o.mtsUpdate = ctx.now();
  ctx.emit(['ou', orderArray(o)]);
  const sibling = o.ocoId === undefined ? undefined : ctx.state.orders.get(o.ocoId);
  o.ocoId = undefined;
  if (sibling !== undefined) {
    sibling.ocoId = undefined;
    cancelActiveOrder(ctx, sibling);
  }
  executeOrder(ctx, o, true);
}

/** A public trade printed at `price` on `symbol`: move trailing stops and trigger the stops it reached. */
export function checkTriggers(ctx: AccountCtx, symbol: string, price: number): void {
  for (const o of [...ctx.state.orders.values()]) {
    if (o.symbol !== symbol || !ctx.state.orders.has(o.id)) continue;
    const kind = baseKind(o.type);
    if (!isStopKind(kind)) continue;
    if (kind === 'TRAILING STOP') follow(o, price);
    if (reached(o, price)) trigger(ctx, o);
  }
}
