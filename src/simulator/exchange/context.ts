/**
 * The context every account operation runs in: the account's state, the shared market, the
 * clock, the id source and the frame sink. Also the wallet primitives (balance changes with
 * ledger entries, reserved and available balances) that orders, funding and transfers share.
 *
 * @module
 */
import type { AccountFrame, MarketEngine } from '../contracts.js';
import type { SimFeeSchedule } from './fees.js';
import { r8, splitPair } from './numbers.js';
import type { Serial } from './serial.js';
import type { AccountState, WalletRec, WalletType } from './state.js';

/** Increasing ids, one counter per kind, shared by every account of an exchange. */
export interface IdSource {
  next(kind: 'order' | 'trade' | 'position' | 'offer' | 'credit' | 'ledger' | 'movement' | 'misc'): number;
}

/** Create an {@link IdSource} (order ids start at 1e9, trades 4e8, the rest at small bases). */
export function createIdSource(): IdSource {
  const counters: Record<string, number> = {
    order: 1_000_000_000, trade: 400_000_000, position: 140_000_000, offer: 41_000_000,
    credit: 26_000_000, ledger: 2_500_000_000, movement: 13_000_000, misc: 1_000,
  };
  return { next: (kind) => ++counters[kind] };
}

/** What an account operation needs. */
export interface AccountCtx {
  readonly state: AccountState;
  readonly market: MarketEngine;
  readonly ids: IdSource;
  /** Milliseconds. */
  now(): number;
  /** Queue a frame for subscribers (delivered after the current input returns). */
  emit(frame: AccountFrame): void;
  /** The exchange's fee schedule. */
  readonly fees: SimFeeSchedule;
  /** The exchange's serial executor (inputs and market reactions never interleave). */
  readonly serial: Serial;
}

/** The key of a wallet in {@link AccountState.wallets}. */
export function walletKey(type: WalletType, currency: string): string {
  return `${type}:${currency}`;
}

/** The wallet of `type`/`currency`, created empty when missing. */
export function wallet(ctx: AccountCtx, type: WalletType, currency: string): WalletRec {
  const key = walletKey(type, currency);
  let w = ctx.state.wallets.get(key);
  if (w === undefined) {
    w = { type, currency, balance: 0, unsettledInterest: 0, description: null, meta: null };
    ctx.state.wallets.set(key, w);
  }
  return w;
}

/** Change a wallet balance, recording a ledger entry. Returns the wallet. */
export function adjustWallet(
  ctx: AccountCtx,
  type: WalletType,
  currency: string,
  amount: number,
  description: string,
  meta: Record<string, unknown> | null = null,
): WalletRec {
  const w = wallet(ctx, type, currency);
  w.balance = r8(w.balance + amount);
  w.description = description;
  w.meta = meta;
  ctx.state.ledgers.push({
    id: ctx.ids.next('ledger'), currency, wallet: type, mts: ctx.now(), amount: r8(amount), balance: w.balance,
    description: `${description} on wallet ${type}`,
  });
  return w;
}

/** Balance held by active exchange orders and funding offers on a wallet. */
export function reserved(ctx: AccountCtx, type: WalletType, currency: string): number {
  let sum = 0;
  if (type === 'exchange') {
    for (const o of ctx.state.orders.values()) {
      if (!o.type.startsWith('EXCHANGE')) continue;
      // The stop half of an OCO pair shares the limit half's reservation.
      if (o.ocoId !== undefined && o.type.endsWith(' STOP')) continue;
      const pair = splitPair(o.symbol);
      if (pair === undefined) continue;
      if (o.amount > 0 && pair.quote === currency) sum += o.amount * o.price;
      if (o.amount < 0 && pair.base === currency) sum += -o.amount;
    }
  }
  if (type === 'funding') {
    for (const f of ctx.state.offers.values()) {
      if (f.amount > 0 && f.symbol.slice(1) === currency) sum += f.amount;
    }
    // Lent funds stay in the balance but are not available until the credit closes.
    for (const c of ctx.state.credits.values()) {
      if (c.side === 1 && c.symbol.slice(1) === currency && c.matched === true) sum += c.amount;
    }
  }
  return r8(sum);
}

/** Balance available for new orders / offers / transfers. */
export function available(ctx: AccountCtx, type: WalletType, currency: string): number {
  const w = ctx.state.wallets.get(walletKey(type, currency));
  return w === undefined ? 0 : r8(w.balance - reserved(ctx, type, currency));
}

/** Mid price of `symbol` from the market (undefined when the book is empty or unknown). */
export function midPrice(market: MarketEngine, symbol: string): number | undefined {
  if (!market.isTradingPair(symbol)) return undefined;
  const bid = market.bestBid(symbol);
  const ask = market.bestAsk(symbol);
  if (bid !== undefined && ask !== undefined) return (bid + ask) / 2;
  return bid ?? ask;
}

const USD_LIKE = new Set(['USD', 'UST', 'USTF0', 'USDC', 'TESTUSD', 'TESTUSDTF0']);

/** Value of `amount` of `currency` in USD (0 when no price is known). */
export function usdValue(market: MarketEngine, currency: string, amount: number): number {
  if (amount === 0) return 0;
  if (USD_LIKE.has(currency)) return amount;
  const base = currency.endsWith('F0') ? currency.slice(0, -2) : currency;
  for (const sym of [`t${base}USD`, `t${base}:USD`, `t${base}UST`, `t${base}:UST`]) {
    const p = midPrice(market, sym);
    if (p !== undefined) return amount * p;
  }
  return 0;
}
