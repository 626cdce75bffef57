/**
 * Executing orders against the simulated book and emitting their events.
 *
 * A new order first takes what it crosses (taker fills), then its remainder rests: limit
 * orders on the public book (visible in P0–P4 and R0 unless HIDDEN), stop orders off the book
 * until their trigger price trades. Resting orders are filled as makers when the market
 * trades into them ({@link makerFill}).
 *
 * Emitted order (deterministic):
 * 1. `on` (ACTIVE, before fills) — only for orders that rest on the book after matching;
 * 2. `te` per fill (FEE null);
 * 3. `ou` (resting, `PARTIALLY FILLED @ …`) or `oc` (`EXECUTED @ …[: was PARTIALLY FILLED @ …]`,
 *    `CANCELED…` for unfilled market/IOC/FOK remainders, `POSTONLY CANCELED`) — when filled or closed;
 * 4. `tu` per fill (FEE filled);
 * 5. `wu` per touched wallet (first-touch order), plus the wallet whose available balance the
 *    resting order reserves;
 * 6. `pn` / `pu` / `pc` for margin and derivatives orders;
 * 7. `bu`, `miu` base, `miu` sym — when something filled.
 *
 * @module
 */
import type { AccountFrame, Fill } from '../contracts.js';
import { wallet, type AccountCtx } from './context.js';
import { accountInfoFrames, positionFrame, walletUpdate } from './calc.js';
import { applyFill, type FillEffect } from './order-fill.js';
import { FLAG } from './order-parse.js';
import { cancelStatus, fillStatus } from './order-status.js';
import { splitPair } from './numbers.js';
import type { OrderRec, WalletRec } from './state.js';
import { orderArray, tradeArray } from './wire.js';

/** Base kind of an order type (`EXCHANGE LIMIT` → `LIMIT`). */
export function baseKind(type: string): string {
  return type.startsWith('EXCHANGE ') ? type.slice('EXCHANGE '.length) : type;
}

/** Stop kinds wait off the book for their trigger. */
export function isStopKind(kind: string): boolean {
  return kind === 'STOP' || kind === 'STOP LIMIT' || kind === 'TRAILING STOP';
}

/** Does a limit at `price` cross the book? */
function crosses(ctx: AccountCtx, o: OrderRec): boolean {
  if (o.amount > 0) {
    const ask = ctx.market.bestAsk(o.symbol);
    return ask !== undefined && ask <= o.price;
  }
  const bid = ctx.market.bestBid(o.symbol);
  return bid !== undefined && bid >= o.price;
}

/** Liquidity on the book within the order's limit (for FOK). */
function liquidityWithin(ctx: AccountCtx, o: OrderRec): number {
  let sum = 0;
  for (const row of ctx.market.bookSnapshot(o.symbol, 'P0', 250)) {
    const [price, , amount] = row as [number, number, number];
    if (o.amount > 0 && amount < 0 && price <= o.price) sum -= amount;
    if (o.amount < 0 && amount > 0 && price >= o.price) sum += amount;
  }
  return sum;
}

/** The wallet an exchange order reserves (quote for buys, base for sells), if any. */
export function reservingWallet(ctx: AccountCtx, o: OrderRec): WalletRec | undefined {
  if (!o.type.startsWith('EXCHANGE')) return undefined;
  const pair = splitPair(o.symbol);
  if (pair === undefined) return undefined;
  return wallet(ctx, 'exchange', o.amount > 0 ? pair.quote : pair.base);
}

function takeFor(ctx: AccountCtx, o: OrderRec): { fills: Fill[]; rests?: boolean; closeAs?: string } {
  const kind = baseKind(o.type);
  const take = (limit?: number): Fill[] => ctx.market.take(o.symbol, o.amount, limit);
  switch (kind) {
    case 'MARKET':
      return { fills: take() };
    case 'IOC':
      return { fills: take(o.price) };
    case 'FOK':
      return liquidityWithin(ctx, o) + 1e-12 >= Math.abs(o.amount)
        ? { fills: take(o.price) }
        : { fills: [], rests: false, closeAs: 'FILLORKILL CANCELED' };
    case 'LIMIT': {
      const cross = crosses(ctx, o);
      if (cross && (o.flags & FLAG.POST_ONLY) !== 0) return { fills: [], rests: false, closeAs: 'POSTONLY CANCELED' };
      return { fills: cross ? take(o.price) : [], rests: true };
    }
    default:
      // STOP, STOP LIMIT, TRAILING STOP wait for their trigger (order-triggers.ts).
      return { fills: [], rests: true };
  }
}

/** Move an order from the active set to history (and off the book). */
export function closeOrder(ctx: AccountCtx, o: OrderRec): void {
  ctx.state.orders.delete(o.id);
  ctx.state.ordersHist.push(o);
  if (baseKind(o.type) === 'LIMIT') ctx.market.cancel(o.symbol, o.id);
}

/** Frames after fills: `wu` per touched wallet, position frames, account info. */
function afterFillFrames(ctx: AccountCtx, o: OrderRec, effects: readonly FillEffect[], hadPosition: boolean, reserve?: WalletRec): AccountFrame[] {
  const frames: AccountFrame[] = [];
  const touched = new Set<WalletRec>(effects.flatMap((e) => e.wallets));
  if (reserve) touched.add(reserve);
  for (const w of touched) frames.push(walletUpdate(ctx, w));
  if (effects.length > 0 && !o.type.startsWith('EXCHANGE')) {
    const p = ctx.state.positions.get(o.symbol);
    const closed = ctx.state.positionsHist[ctx.state.positionsHist.length - 1];
    if (p) frames.push(positionFrame(ctx, hadPosition ? 'pu' : 'pn', p));
    else if (closed && closed.symbol === o.symbol) frames.push(positionFrame(ctx, 'pc', closed));
  }
  if (effects.length > 0) frames.push(...accountInfoFrames(ctx, o.symbol));
  return frames;
}

/** An OCO order filled or triggered: its sibling is cancelled. */
function cancelOcoSibling(ctx: AccountCtx, o: OrderRec): void {
  const other = o.ocoId === undefined ? undefined : ctx.state.orders.get(o.ocoId);
  o.ocoId = undefined;
  if (other === undefined) return;
  other.ocoId = undefined;
  cancelActiveOrder(ctx, other);
}

/**
 * Match an order and emit its events. New orders (`existing` false) are added to the active
 * set when they rest; triggered stops and re-priced limits (`existing` true) already are.
 */
export function executeOrder(ctx: AccountCtx, o: OrderRec, existing = false): void {
  const { fills, rests = false, closeAs } = takeFor(ctx, o);
  const hadPosition = ctx.state.positions.has(o.symbol);
  const effects = fills.filter((f) => f.amount !== 0).map((f) => applyFill(ctx, o, f));
  const remains = o.amount !== 0;
  const frames: AccountFrame[] = [];
  if (rests && remains && !existing) {
    ctx.state.orders.set(o.id, o);
    const before = { ...o, amount: o.amountOrig, status: 'ACTIVE', priceAvg: 0, mtsUpdate: o.mtsCreate };
    frames.push(['on', orderArray(before)]);
  }
  for (const e of effects) frames.push(['te', tradeArray(e.trade, false)]);
  if (rests && remains) {
    if (effects.length > 0) {
      o.status = fillStatus(o.fills, false);
      frames.push(['ou', orderArray(o)]);
    }
  } else {
    o.status = remains ? cancelStatus(o.fills, closeAs) : fillStatus(o.fills, true);
    o.mtsUpdate = ctx.now();
    closeOrder(ctx, o);
    frames.push(['oc', orderArray(o)]);
  }
  for (const e of effects) frames.push(['tu', tradeArray(e.trade, true)]);
  const reserve = rests && remains ? reservingWallet(ctx, o) : undefined;
  frames.push(...afterFillFrames(ctx, o, effects, hadPosition, reserve));
  for (const f of frames) ctx.emit(f);
  if (rests && remains && baseKind(o.type) === 'LIMIT') {
    ctx.market.place(o.symbol, { id: o.id, amount: o.amount, price: o.price, hidden: o.hidden === 1 });
  }
  if (effects.length > 0) cancelOcoSibling(ctx, o);
}

/**
 * A resting order was hit by a taker: apply the maker fill (maker fee) and emit `te`, `ou`
 * (partially filled) or `oc` (executed), `tu`, `wu`, position and account frames.
 */
export function makerFill(ctx: AccountCtx, o: OrderRec, fill: Fill): void {
  const hadPosition = ctx.state.positions.has(o.symbol);
  const effect = applyFill(ctx, o, fill, true);
  const frames: AccountFrame[] = [['te', tradeArray(effect.trade, false)]];
  const done = Math.abs(o.amount) < 1e-9;
  if (done) o.amount = 0;
  o.status = fillStatus(o.fills, done);
  if (done) closeOrder(ctx, o);
  frames.push([done ? 'oc' : 'ou', orderArray(o)], ['tu', tradeArray(effect.trade, true)]);
  frames.push(...afterFillFrames(ctx, o, [effect], hadPosition, done ? undefined : reservingWallet(ctx, o)));
  for (const f of frames) ctx.emit(f);
  cancelOcoSibling(ctx, o);
}

/** Cancel an active order and emit `oc` (then `wu` for the released reservation); its OCO sibling goes too. */
export function cancelActiveOrder(ctx: AccountCtx, o: OrderRec): void {
  o.status = cancelStatus(o.fills);
  o.mtsUpdate = ctx.now();
  closeOrder(ctx, o);
  ctx.emit(['oc', orderArray(o)]);
  const w = reservingWallet(ctx, o);
  if (w) ctx.emit(walletUpdate(ctx, w));
  cancelOcoSibling(ctx, o);
}
