/**
 * Calculated values: position P/L and liquidation price, margin info (`miu` base and sym),
 * funding info (`fiu`), balance info (`bu`) and wallet updates with BALANCE_AVAILABLE filled.
 * Also the `calc` input that asks for them.
 *
 * @module
 */
import type { AccountFrame } from '../contracts.js';
import { available, midPrice, usdValue, type AccountCtx } from './context.js';
import { r8 } from './numbers.js';
import type { PositionRec, WalletRec, WalletType } from './state.js';
import { positionArray, walletArray, type PositionCalc } from './wire.js';

/** Leverage granted on margin pairs (tradable balance = net margin × this). */
export const MARGIN_LEVERAGE = 3.3;

/** P/L, P/L %, liquidation price and leverage of a position at the current mid price. */
export function positionCalc(ctx: AccountCtx, p: PositionRec): PositionCalc {
  const price = midPrice(ctx.market, p.symbol) ?? p.basePrice;
  const pl = r8((price - p.basePrice) * p.amount);
  const notional = Math.abs(p.amount * p.basePrice);
  const plPerc = notional === 0 ? 0 : r8((pl / notional) * 100);
  const lev = p.leverage;
  const priceLiq = p.amount === 0 ? 0 : r8(p.basePrice * (1 - Math.sign(p.amount) / lev));
  return { pl, plPerc, priceLiq, leverage: lev };
}

/** A `wu` frame for a wallet, BALANCE_AVAILABLE filled. */
export function walletUpdate(ctx: AccountCtx, w: WalletRec): AccountFrame {
  return ['wu', walletArray(w, available(ctx, w.type, w.currency))];
}

/** A position frame (`pn`, `pu`, `pc`) with calculated values. */
export function positionFrame(ctx: AccountCtx, type: 'pn' | 'pu' | 'pc', p: PositionRec): AccountFrame {
  return [type, positionArray(p, positionCalc(ctx, p))];
}

/** `[AUM, AUM_NET]`: every wallet valued in USD, net of position P/L. */
export function balanceInfo(ctx: AccountCtx): [number, number] {
  let aum = 0;
  for (const w of ctx.state.wallets.values()) aum += usdValue(ctx.market, w.currency, w.balance);
  let pl = 0;
  for (const p of ctx.state.positions.values()) pl += positionCalc(ctx, p).pl ?? 0;
  return [r8(aum), r8(aum + pl)];
}

function marginTotals(ctx: AccountCtx): { pl: number; balance: number; required: number; gross: number } {
  let balance = 0;
  for (const w of ctx.state.wallets.values()) {
    if (w.type === 'margin') balance += usdValue(ctx.market, w.currency, w.balance);
  }
  let pl = 0;
  let gross = 0;
  for (const p of ctx.state.positions.values()) {
    pl += positionCalc(ctx, p).pl ?? 0;
    gross += Math.abs(p.amount * p.basePrice);
  }
  return { pl, balance, gross, required: gross / MARGIN_LEVERAGE / 2 };
}

/** `["base",[USER_PL,USER_SWAPS,MARGIN_BALANCE,MARGIN_NET,MARGIN_REQUIRED]]`. */
export function marginBase(ctx: AccountCtx): unknown[] {
  const t = marginTotals(ctx);
  return ['base', [r8(t.pl), 0, r8(t.balance), r8(t.balance + t.pl), r8(t.required)]];
}

/** Tradable balance (in quote) for margin orders on `symbol`. */
export function tradableBalance(ctx: AccountCtx): number {
  const t = marginTotals(ctx);
  return Math.max(0, r8((t.balance + t.pl) * MARGIN_LEVERAGE - t.gross));
}

/** `["sym",SYMBOL,[TRADABLE,GROSS,BUY,SELL,null,null,null,null]]`. */
export function marginSym(ctx: AccountCtx, symbol: string): unknown[] {
  const tradable = tradableBalance(ctx);
  const t = marginTotals(ctx);
  const ask = ctx.market.bestAsk(symbol);
  const bid = ctx.market.bestBid(symbol);
  const buy = ask ? r8(tradable / ask) : 0;
  const sell = bid ? r8(tradable / bid) : 0;
  return ['sym', symbol, [tradable, r8(t.balance * MARGIN_LEVERAGE), buy, sell, null, null, null, null]];
}

/** `["sym",fSYMBOL,[YIELD_LOAN,YIELD_LEND,DURATION_LOAN,DURATION_LEND]]`. */
export function fundingInfo(ctx: AccountCtx, symbol: string): unknown[] {
  const avg = (rows: Iterable<{ symbol: string; rate: number; period: number; amount: number }>): [number, number] => {
    let amt = 0;
    let rate = 0;
    let period = 0;
    for (const r of rows) {
      if (r.symbol !== symbol) continue;
      amt += Math.abs(r.amount);
      rate += r.rate * Math.abs(r.amount);
      period += r.period * Math.abs(r.amount);
    }
    return amt === 0 ? [0, 0] : [rate / amt, period / amt];
  };
  const [yieldLoan, durLoan] = avg(ctx.state.loans.values());
  const [yieldLend, durLend] = avg(ctx.state.credits.values());
  return ['sym', symbol, [yieldLoan, yieldLend, durLoan, durLend]];
}

/** The margin-info and balance frames sent after every fill. */
export function accountInfoFrames(ctx: AccountCtx, symbol: string): AccountFrame[] {
  return [['bu', balanceInfo(ctx)], ['miu', marginBase(ctx)], ['miu', marginSym(ctx, symbol)]];
}

const WALLET_TYPES: readonly string[] = ['exchange', 'margin', 'funding'];

/**
 * Frames for one `calc` request item: `margin_base`, `margin_sym_tSYM`, `funding_sym_fSYM`,
 * `position_tSYM`, `wallet_<type>_<CCY>`, `balance`. Unknown items give no frame.
 */
export function calcItemFrames(ctx: AccountCtx, item: string): AccountFrame[] {
  if (item === 'margin_base') return [['miu', marginBase(ctx)]];
  if (item === 'balance') return [['bu', balanceInfo(ctx)]];
  if (item.startsWith('margin_sym_')) {
    const sym = item.slice('margin_sym_'.length);
    return ctx.market.isTradingPair(sym) ? [['miu', marginSym(ctx, sym)]] : [];
  }
  if (item.startsWith('funding_sym_')) {
    const sym = item.slice('funding_sym_'.length);
    return ctx.market.isFundingCurrency(sym) ? [['fiu', fundingInfo(ctx, sym)]] : [];
  }
  if (item.startsWith('position_')) {
    const p = ctx.state.positions.get(item.slice('position_'.length));
    return p ? [positionFrame(ctx, 'pu', p)] : [];
  }
  if (item.startsWith('wallet_')) {
    const [, type, ccy] = item.split('_');
    if (type === undefined || ccy === undefined || !WALLET_TYPES.includes(type)) return [];
    const w = ctx.state.wallets.get(`${type as WalletType}:${ccy}`);
    return w ? [walletUpdate(ctx, w)] : [];
  }
  return [];
}

/** Run a `calc` input payload (`[["margin_base"],["wallet_exchange_USD"],…]`, at most 30 items). */
export function runCalc(ctx: AccountCtx, payload: unknown): void {
  if (!Array.isArray(payload)) return;
  for (const entry of payload.slice(0, 30)) {
    const item = Array.isArray(entry) ? entry[0] : entry;
    if (typeof item === 'string') for (const f of calcItemFrames(ctx, item)) ctx.emit(f);
  }
}
