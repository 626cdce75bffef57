/**
 * Funding inputs: offers (`fon` / `foc`, cancel-all), closing credits and loans, auto-renew and
 * keep. Offers are matched against the simulated funding book (funding-match.ts); lending
 * reserves the funding wallet.
 *
 * @module
 */
import { available, wallet, type AccountCtx } from './context.js';
import { walletUpdate } from './calc.js';
import { matchOffer } from './funding-match.js';
import { asRecord as record, fmt, toInteger, toNumber } from './numbers.js';
import type { CreditRec, OfferRec } from './state.js';
import { creditArray, notificationArray, offerArray } from './wire.js';

/** Funding offer types. */
export const OFFER_TYPES: readonly string[] = ['LIMIT', 'FRRDELTAVAR', 'FRRDELTAFIX'];
/** Minimum offer amount (in USD-like currencies). */
export const MIN_OFFER_USD = 150;

/** Offer echoed by an error `fon-req`. */
function partialOffer(symbol: unknown, amount: number | undefined, rate: number | undefined, period: number | undefined): unknown[] {
  const o = new Array<unknown>(21).fill(null);
  o[1] = typeof symbol === 'string' ? symbol : null;
  o[4] = amount ?? null;
  o[14] = rate ?? null;
  o[15] = period ?? null;
  return o;
}

/** `fon` / `auth/w/funding/offer/submit`. */
export function submitOffer(ctx: AccountCtx, payload: unknown): unknown[] {
  const p = record(payload);
  const type = typeof p.type === 'string' ? p.type : 'LIMIT';
  const symbol = typeof p.symbol === 'string' ? p.symbol : undefined;
  const amount = toNumber(p.amount);
  const rate = toNumber(p.rate);
  const period = toInteger(p.period);
  const fail = (text: string): unknown[] =>
    notificationArray(ctx.now(), 'fon-req', partialOffer(symbol, amount, rate, period), 'ERROR', text);
  if (!OFFER_TYPES.includes(type)) return fail('Invalid offer: type invalid');
  if (symbol === undefined || !ctx.market.isFundingCurrency(symbol)) return fail('Invalid offer: symbol invalid');
  if (amount === undefined || amount === 0) return fail('Invalid offer: amount invalid');
  if (rate === undefined || rate < 0) return fail('Invalid offer: rate invalid');
  if (period === undefined || period < 2 || period > 120) return fail('Invalid offer: period invalid');
  const ccy = symbol.slice(1);
  if (['USD', 'UST', 'EUR'].includes(ccy) && Math.abs(amount) < MIN_OFFER_USD) {
    return fail(`Invalid offer: incorrect amount, minimum is ${MIN_OFFER_USD}.0 dollar or equivalent in ${ccy}`);
  }
  if (amount > 0 && amount > available(ctx, 'funding', ccy) + 1e-9) {
    return fail(`Invalid offer: not enough balance in funding wallet for ${fmt(amount)} ${ccy}`);
  }
  const now = ctx.now();
  const offer: OfferRec = {
    id: ctx.ids.next('offer'), symbol, mtsCreate: now, mtsUpdate: now, amount, amountOrig: amount, type,
    flags: toInteger(p.flags) ?? 0, status: 'ACTIVE', rate, period, notify: 0, hidden: toInteger(p.hidden) === 1 ? 1 : 0,
    renew: toInteger(p.renew) === 1 ? 1 : 0,
  };
  const data = offerArray(offer);
  ctx.state.offers.set(offer.id, offer);
  ctx.emit(['fon', data]);
  ctx.emit(walletUpdate(ctx, wallet(ctx, 'funding', ccy)));
  matchOffer(ctx, offer);
  const what = amount > 0 ? 'offer' : 'bid';
  const text = `Submitting funding ${what} of ${Math.abs(amount).toFixed(1)} ${ccy} at ${(rate * 100).toFixed(4)} for ${period} days.`;
  return notificationArray(now, 'fon-req', data, 'SUCCESS', text);
}

function cancelActiveOffer(ctx: AccountCtx, o: OfferRec): void {
  o.status = 'CANCELED';
  o.mtsUpdate = ctx.now();
  ctx.state.offers.delete(o.id);
  ctx.state.offersHist.push(o);
  ctx.market.cancel(o.symbol, o.id);
  ctx.emit(['foc', offerArray(o)]);
  ctx.emit(walletUpdate(ctx, wallet(ctx, 'funding', o.symbol.slice(1))));
}

/** `foc` / `auth/w/funding/offer/cancel`. */
export function cancelOffer(ctx: AccountCtx, payload: unknown): unknown[] {
  const id = toInteger(record(payload).id);
  const o = id === undefined ? undefined : ctx.state.offers.get(id);
  if (o === undefined) {
    const partial = new Array<unknown>(21).fill(null);
    partial[0] = id ?? null;
    return notificationArray(ctx.now(), 'foc-req', partial, 'ERROR', 'Offer not found.');
  }
  const data = offerArray(o);
  cancelActiveOffer(ctx, o);
  return notificationArray(ctx.now(), 'foc-req', data, 'SUCCESS', `Submitted for cancellation; waiting for confirmation (ID: ${o.id}).`);
}

/** `auth/w/funding/offer/cancel/all` (optional `currency`, e.g. `USD`). */
export function cancelAllOffers(ctx: AccountCtx, currency: string | undefined): unknown[] {
  const selected = [...ctx.state.offers.values()].filter((o) => currency === undefined || o.symbol === `f${currency}`);
  for (const o of selected) cancelActiveOffer(ctx, o);
  return notificationArray(ctx.now(), 'foc_all-req', null, 'SUCCESS', `Submitting ${selected.length} funding offer cancellations.`);
}

/** `auth/w/funding/close`: close a credit or loan by id; `undefined` when not found. */
export function closeFunding(ctx: AccountCtx, id: number): unknown[] | undefined {
  const close = (map: Map<number, CreditRec>, hist: CreditRec[], kind: 'credit' | 'loan'): unknown[] | undefined => {
    const c = map.get(id);
    if (c === undefined) return undefined;
    c.status = 'CLOSED';
    c.mtsUpdate = ctx.now();
    map.delete(id);
    hist.push(c);
    ctx.emit([kind === 'credit' ? 'fcc' : 'flc', creditArray(c, kind)]);
    return notificationArray(ctx.now(), 'fcl-req', null, 'SUCCESS', `Submitted for close (ID: ${id}).`);
  };
  return close(ctx.state.credits, ctx.state.creditsHist, 'credit') ?? close(ctx.state.loans, ctx.state.loansHist, 'loan');
}

/** Seed one credit and one loan so those endpoints and snapshots are non-empty. */
export function seedFunding(ctx: AccountCtx): void {
  const now = ctx.now();
  const base = (symbol: string, side: 1 | -1, amount: number): CreditRec => ({
    id: ctx.ids.next('credit'), symbol, side, mtsCreate: now - 86_400_000, mtsUpdate: now, amount, flags: 0,
    status: 'ACTIVE', rateType: 'FIXED', rate: 0.0002, period: 7, mtsOpening: now - 86_400_000,
    mtsLastPayout: now - 3_600_000, notify: 0, hidden: 0, renew: 0, noClose: 0, positionPair: null,
  });
  const credit = { ...base('fUSD', 1, 350), positionPair: 'tBTCUSD' };
  const loan = base('fUSD', -1, 820);
  ctx.state.credits.set(credit.id, credit);
  ctx.state.loans.set(loan.id, loan);
  ctx.state.fundingTrades.push({ id: ctx.ids.next('trade'), currency: 'fUSD', mts: now - 86_400_000, offerId: ctx.ids.next('offer'), amount: -820, rate: 0.0002, period: 7 });
}
