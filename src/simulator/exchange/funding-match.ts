/**
 * Funding like an exchange: offers and bids are matched against the simulated funding book
 * (taker part at once, the remainder rests on the public book and is matched as maker when
 * simulated borrowers or lenders take it), producing funding trades and credits (lent) or
 * loans (borrowed); interest is paid every payout interval and credits close at the end of
 * their period, renewing as an offer when auto-renew is on for the currency.
 *
 * Events of one match: `fte`, `fou` (partially matched) or `foc` (`EXECUTED at …`), `fcn`
 * (lender) or `fln` (borrower), `ftu`, `wu` (funding wallet).
 *
 * @module
 */
import type { AccountFrame, Fill } from '../contracts.js';
import { adjustWallet, wallet, type AccountCtx } from './context.js';
import { walletUpdate } from './calc.js';
import { fmt, r8 } from './numbers.js';
import type { CreditRec, OfferRec } from './state.js';
import { creditArray, fundingTradeArray, offerArray } from './wire.js';

const DAY = 86_400_000;
/** Bound on payouts settled in one call (a clock that jumped years). */
const MAX_PAYOUTS = 10_000;

const pctRate = (rate: number): string => `${(rate * 100).toFixed(4)}%`;

/** `PARTIALLY FILLED at 0.0200% (100.0)` / `EXECUTED at 0.0200% (500.0)`. */
function offerStatus(o: OfferRec, rate: number, done: boolean): string {
  const filled = Math.abs(r8(o.amountOrig - o.amount));
  return `${done ? 'EXECUTED' : 'PARTIALLY FILLED'} at ${pctRate(rate)} (${filled.toFixed(1)})`;
}

/** Apply one matched part of an offer (taker or maker) and emit its events. */
export function fundingFill(ctx: AccountCtx, o: OfferRec, fill: Fill & { readonly period?: number }): void {
  const now = ctx.now();
  const lend = fill.amount > 0;
  const size = Math.abs(fill.amount);
  const ccy = o.symbol.slice(1);
  const trade = { id: ctx.ids.next('trade'), currency: o.symbol, mts: now, offerId: o.id, amount: r8(fill.amount), rate: fill.price, period: o.period };
  ctx.state.fundingTrades.push(trade);
  o.amount = r8(o.amount - fill.amount);
  const done = Math.abs(o.amount) < 1e-9;
  if (done) o.amount = 0;
  o.status = offerStatus(o, fill.price, done);
  o.mtsUpdate = now;
  const c: CreditRec = {
    id: ctx.ids.next('credit'), symbol: o.symbol, side: lend ? 1 : -1, mtsCreate: now, mtsUpdate: now, amount: r8(size),
    flags: 0, status: 'ACTIVE', rateType: 'FIXED', rate: fill.price, period: o.period, mtsOpening: now, mtsLastPayout: now,
    notify: 0, hidden: o.hidden, renew: o.renew, noClose: 0, positionPair: lend ? 'tBTCUSD' : null, matched: true,
  };
  (lend ? ctx.state.credits : ctx.state.loans).set(c.id, c);
  const frames: AccountFrame[] = [['fte', fundingTradeArray(trade)]];
  if (done) {
    ctx.state.offers.delete(o.id);
    ctx.state.offersHist.push(o);
    ctx.market.cancel(o.symbol, o.id);
  }
  frames.push([done ? 'foc' : 'fou', offerArray(o)], [lend ? 'fcn' : 'fln', creditArray(c, lend ? 'credit' : 'loan')]);
  frames.push(['ftu', fundingTradeArray(trade)]);
  if (!lend) adjustWallet(ctx, 'funding', ccy, size, `Margin Funding borrowed ${fmt(size)} ${ccy} on wallet funding`);
  frames.push(walletUpdate(ctx, wallet(ctx, 'funding', ccy)));
  for (const f of frames) ctx.emit(f);
}

/** Match a new offer (already emitted as `fon`): take what crosses, rest the remainder on the public book. */
export function matchOffer(ctx: AccountCtx, o: OfferRec): void {
  const fills = ctx.market.take(o.symbol, o.amount, o.rate);
  for (const f of fills) if (f.amount !== 0 && ctx.state.offers.has(o.id)) fundingFill(ctx, o, f);
  if (ctx.state.offers.has(o.id) && o.amount !== 0) {
    ctx.market.place(o.symbol, { id: o.id, amount: o.amount, price: o.rate, period: o.period, hidden: o.hidden === 1 });
  }
}

function closeMatched(ctx: AccountCtx, c: CreditRec, kind: 'credit' | 'loan', submit: (payload: Record<string, unknown>) => void): void {
  const ccy = c.symbol.slice(1);
  c.status = 'CLOSED (expired)';
  c.mtsUpdate = ctx.now();
  (kind === 'credit' ? ctx.state.credits : ctx.state.loans).delete(c.id);
  (kind === 'credit' ? ctx.state.creditsHist : ctx.state.loansHist).push(c);
  ctx.emit([kind === 'credit' ? 'fcc' : 'flc', creditArray(c, kind)]);
  if (kind === 'loan') adjustWallet(ctx, 'funding', ccy, -c.amount, `Margin Funding repaid ${fmt(c.amount)} ${ccy} on wallet funding`);
  ctx.emit(walletUpdate(ctx, wallet(ctx, 'funding', ccy)));
  const auto = ctx.state.autoRenew.get(ccy);
  if (kind === 'credit' && (c.renew === 1 || auto !== undefined)) {
    const period = typeof auto?.[1] === 'number' && auto[1] >= 2 ? auto[1] : c.period;
    const rate = typeof auto?.[2] === 'number' && auto[2] > 0 ? auto[2] : c.rate;
    submit({ type: 'LIMIT', symbol: c.symbol, amount: c.amount, rate, period, renew: 1 });
  }
}

/**
 * Pay the interest due on matched credits and loans at `now` (one payment per elapsed
 * `payoutMs`; lenders receive it net of the platform's share) and close those whose period has
 * ended; `submit` re-offers renewing credits.
 */
export function settleFunding(ctx: AccountCtx, now: number, payoutMs: number, submit: (payload: Record<string, unknown>) => void): void {
  const step = Math.max(1, payoutMs);
  for (const [map, kind] of [[ctx.state.credits, 'credit'], [ctx.state.loans, 'loan']] as const) {
    for (const c of [...map.values()]) {
      if (c.matched !== true) continue;
      const end = c.mtsOpening + c.period * DAY;
      const ccy = c.symbol.slice(1);
      let paid = 0;
      while (paid < MAX_PAYOUTS && c.mtsLastPayout < end) {
        const span = Math.min(step, end - c.mtsLastPayout);
        if (c.mtsLastPayout + span > now) break;
        const interest = c.amount * c.rate * (span / DAY);
        const amount = c.side === 1 ? r8(interest * (1 - ctx.fees.fundingLender)) : -r8(interest);
        c.mtsLastPayout += span;
        paid++;
        if (amount === 0) continue;
        const text = c.side === 1 ? 'Margin Funding Payment on wallet funding' : 'Margin Funding Charge on wallet funding';
        adjustWallet(ctx, 'funding', ccy, amount, text);
        ctx.emit(walletUpdate(ctx, wallet(ctx, 'funding', ccy)));
      }
      if (now >= end) closeMatched(ctx, c, kind, submit);
    }
  }
}
