/**
 * Applying one fill of an order: the own trade (fee -0.2% taker, in the quote currency), the
 * wallet changes (exchange wallet for `EXCHANGE …` orders, margin wallet fee and realised P/L
 * otherwise) with ledger entries, and the position change of margin/derivatives orders.
 *
 * @module
 */
import type { Fill } from '../contracts.js';
import { adjustWallet, type AccountCtx } from './context.js';
import { fmt, isDerivPair, r8, splitPair } from './numbers.js';
import type { OrderRec, TradeRec, WalletRec } from './state.js';

/** Taker fee rate (negative = paid). */
export const TAKER_FEE = -0.002;

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

/** Apply one fill to the account; the order's remaining amount and fills are updated too. */
export function applyFill(ctx: AccountCtx, o: OrderRec, fill: Fill): FillEffect {
  const pair = splitPair(o.symbol) ?? { base: o.symbol.slice(1, 4), quote: o.symbol.slice(4) };
  const notional = fill.amount * fill.price;
  const fee = r8(Math.abs(notional) * TAKER_FEE);
  const trade: TradeRec = {
    id: ctx.ids.next('trade'), symbol: o.symbol, mts: ctx.now(), orderId: o.id, execAmount: fill.amount,
    execPrice: fill.price, orderType: o.type, orderPrice: o.price, maker: -1, fee, feeCurrency: pair.quote, cid: o.cid,
  };
  ctx.state.trades.push(trade);
  o.fills.push({ price: fill.price, amount: fill.amount });
  const filled = o.fills.reduce((s, f) => s + f.amount, 0);
  o.priceAvg = r8(o.fills.reduce((s, f) => s + f.amount * f.price, 0) / filled);
  o.amount = r8(o.amountOrig - filled);
  o.mtsUpdate = trade.mts;
  const meta = tradeMeta(o, trade);
  const wallets: WalletRec[] = [];
  const feeText = `Trading fees for ${fmt(Math.abs(fill.amount))} ${pair.base} (${o.symbol.slice(1)}) @ ${fmt(fill.price)} on BFX (0.2%)`;
  if (o.type.startsWith('EXCHANGE')) {
    const desc = `Exchange ${fmt(fill.amount)} ${pair.base} for ${pair.quote} @ ${fmt(fill.price)}`;
    wallets.push(adjustWallet(ctx, 'exchange', pair.base, fill.amount, desc, meta));
    adjustWallet(ctx, 'exchange', pair.quote, -notional, desc, meta);
    wallets.push(adjustWallet(ctx, 'exchange', pair.quote, fee, feeText, meta));
  } else {
    const realised = applyToPosition(ctx, o, fill, pair.quote, meta);
    if (realised) wallets.push(realised);
    wallets.push(adjustWallet(ctx, 'margin', pair.quote, fee, feeText, meta));
  }
  return { trade, wallets };
}
