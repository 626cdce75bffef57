/**
 * Applying one fill of an order: the own trade (maker or taker fee from the exchange's
 * schedule; exchange buys pay it in the bought currency, sells and margin/derivatives orders in
 * the quote currency), the wallet changes (exchange wallet for `EXCHANGE …` orders, margin
 * wallet fee and realised P/L otherwise) with ledger entries, and the position change of
 * margin/derivatives orders.
 *
 * @module
 */
import type { Fill } from '../contracts.js';
import { adjustWallet, type AccountCtx } from './context.js';
import { feeRate } from './fees.js';
import { fmt, isDerivPair, r8, splitPair } from './numbers.js';
import type { OrderRec, TradeRec, WalletRec } from './state.js';

/** What one fill changed. */
export interface FillEffect {
  readonly trade: TradeRec;
  readonly wallets: readonly WalletRec[];
}

function tradeMeta(o: OrderRec, t: TradeRec): Record<string, unknown> {
  return {
    reason: 'TRADE', order_id: o.id, order_id_oppo: t.id + 1, trade_price: fmt(t.execPrice),
    trade_amount: fmt(t.execAmount), order_cid: o.cid, order_gid: o.gid,
  };
}

/** Update (or open/close) the position of `symbol` by a fill; realised P/L goes to the margin wallet. */
function applyToPosition(ctx: AccountCtx, o: OrderRec, fill: Fill, quote: string, meta: Record<string, unknown>): WalletRec | undefined {
  const positions = ctx.state.positions;
  const now = ctx.now();
  let p = positions.get(o.symbol);
  if (p === undefined) {
    p = {
      id: ctx.ids.next('position'), symbol: o.symbol, status: 'ACTIVE', amount: 0, basePrice: fill.price,
      marginFunding: 0, marginFundingType: 0, mtsCreate: now, mtsUpdate: now, type: isDerivPair(o.symbol) ? 1 : 0,
      collateral: 0, collateralMin: 0, leverage: o.lev ?? (isDerivPair(o.symbol) ? 10 : 3.3), meta: {},
    };
    positions.set(o.symbol, p);
  }
  let realised: WalletRec | undefined;
  const sameSide = p.amount === 0 || Math.sign(p.amount) === Math.sign(fill.amount);
  if (sameSide) {
    const total = p.amount + fill.amount;
    p.basePrice = r8((p.basePrice * p.amount + fill.price * fill.amount) / total);
    p.amount = r8(total);
  } else {
    const closed = Math.min(Math.abs(fill.amount), Math.abs(p.amount));
    const pl = r8(closed * (fill.price - p.basePrice) * Math.sign(p.amount));
    if (pl !== 0) realised = adjustWallet(ctx, 'margin', quote, pl, `Position closed @ ${fmt(fill.price)}`, meta);
    const total = r8(p.amount + fill.amount);
    if (total !== 0 && Math.sign(total) !== Math.sign(p.amount)) p.basePrice = fill.price;
    p.amount = total;
  }
  p.mtsUpdate = now;
  p.meta = { reason: 'TRADE', order_id: o.id, trade_price: fmt(fill.price), trade_amount: fmt(fill.amount) };
  if (p.type === 1) p.collateral = r8(Math.abs(p.amount * p.basePrice) / p.leverage);
  if (p.amount === 0) {
    p.status = 'CLOSED';
    positions.delete(o.symbol);
    ctx.state.positionsHist.push(p);
  }
  return realised;
}

/** Fee percentage text as Bitfinex prints it (`0.2%`, `0.065%`, `-0.02%`). */
function pct(rate: number): string {
  return `${Number((rate * 100).toFixed(6))}%`;
}

/**
 * Apply one fill to the account; the order's remaining amount and fills are updated too.
 * `maker` fills (a resting order hit by a taker) pay the maker rate, except hidden orders.
 */
export function applyFill(ctx: AccountCtx, o: OrderRec, fill: Fill, maker = false): FillEffect {
  const pair = splitPair(o.symbol) ?? { base: o.symbol.slice(1, 4), quote: o.symbol.slice(4) };
  const notional = fill.amount * fill.price;
  const rate = feeRate(ctx.fees, o.symbol, maker && o.hidden === 0);
  const exchangeBuy = o.type.startsWith('EXCHANGE') && fill.amount > 0;
  const fee = exchangeBuy ? -r8(fill.amount * rate) : -r8(Math.abs(notional) * rate);
  const feeCurrency = exchangeBuy ? pair.base : pair.quote;
  const trade: TradeRec = {
    id: ctx.ids.next('trade'), symbol: o.symbol, mts: ctx.now(), orderId: o.id, execAmount: fill.amount,
    execPrice: fill.price, orderType: o.type, orderPrice: o.price, maker: maker ? 1 : -1, fee, feeCurrency, cid: o.cid,
  };
  ctx.state.trades.push(trade);
  o.fills.push({ price: fill.price, amount: fill.amount });
  const filled = o.fills.reduce((s, f) => s + f.amount, 0);
  o.priceAvg = r8(o.fills.reduce((s, f) => s + f.amount * f.price, 0) / filled);
  o.amount = r8(o.amountOrig - filled);
  o.mtsUpdate = trade.mts;
  const meta = tradeMeta(o, trade);
  const wallets: WalletRec[] = [];
  const feeText = `Trading fees for ${fmt(Math.abs(fill.amount))} ${pair.base} (${o.symbol.slice(1)}) @ ${fmt(fill.price)} on BFX (${pct(rate)})`;
  if (o.type.startsWith('EXCHANGE')) {
    const desc = `Exchange ${fmt(fill.amount)} ${pair.base} for ${pair.quote} @ ${fmt(fill.price)}`;
    const base = adjustWallet(ctx, 'exchange', pair.base, fill.amount, desc, meta);
    const quote = adjustWallet(ctx, 'exchange', pair.quote, -notional, desc, meta);
    if (fee !== 0) adjustWallet(ctx, 'exchange', feeCurrency, fee, feeText, meta);
    wallets.push(base, quote);
  } else {
    const realised = applyToPosition(ctx, o, fill, pair.quote, meta);
    if (realised) wallets.push(realised);
    wallets.push(adjustWallet(ctx, 'margin', pair.quote, fee, feeText, meta));
  }
  return { trade, wallets };
}
