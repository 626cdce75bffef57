/**
 * REST funding routes: offers, credits, loans (active and history), funding trades, funding
 * info, and the write routes (offer submit/cancel/cancel-all, close, auto-renew, keep).
 *
 * @module
 */
import type { MarketEngine, SimRequest, SimRoute } from '../../contracts.js';
import type { ExchangeAccount } from '../account.js';
import { fundingInfo } from '../calc.js';
import { cancelAllOffers, closeFunding, OFFER_TYPES } from '../funding.js';
import type { CreditRec } from '../state.js';
import { creditArray, fundingTradeArray, notificationArray, offerArray } from '../wire.js';
import { authRoute, invalid, optNumber, optString, reqNumber, reqString, windowed, withVariant } from './common.js';

function fundingSymbol(market: MarketEngine, req: SimRequest): string | undefined {
  const s = req.params.symbol;
  if (s === undefined) return undefined;
  if (!market.isFundingCurrency(s)) invalid('symbol');
  return s;
}

function bySymbol<T extends { symbol: string }>(rows: Iterable<T>, symbol: string | undefined): T[] {
  return [...rows].filter((r) => symbol === undefined || r.symbol === symbol);
}

function creditRoutes(market: MarketEngine, kind: 'credit' | 'loan'): SimRoute[] {
  const base = kind === 'credit' ? 'auth/r/funding/credits' : 'auth/r/funding/loans';
  const active = (acc: ExchangeAccount): Map<number, CreditRec> => (kind === 'credit' ? acc.state.credits : acc.state.loans);
  const hist = (acc: ExchangeAccount): CreditRec[] => (kind === 'credit' ? acc.state.creditsHist : acc.state.loansHist);
  return [
    ...withVariant([base, `${base}/{symbol}`], 'funding', 'read', (acc, req) =>
      bySymbol(active(acc).values(), fundingSymbol(market, req)).map((c) => creditArray(c, kind))),
    ...withVariant([`${base}/hist`, `${base}/{symbol}/hist`], 'funding', 'read', (acc, req) => {
      const rows = bySymbol([...hist(acc), ...active(acc).values()], fundingSymbol(market, req));
      return windowed(req, rows, (c) => c.mtsUpdate, 500, 25).map((c) => creditArray(c, kind));
    }),
  ];
}

/** The funding routes. */
export function fundingRoutes(market: MarketEngine): SimRoute[] {
  return [
    ...withVariant(['auth/r/funding/offers', 'auth/r/funding/offers/{symbol}'], 'funding', 'read', (acc, req) =>
      bySymbol(acc.state.offers.values(), fundingSymbol(market, req)).map(offerArray)),
    ...withVariant(['auth/r/funding/offers/hist', 'auth/r/funding/offers/{symbol}/hist'], 'funding', 'read', (acc, req) =>
      windowed(req, bySymbol(acc.state.offersHist, fundingSymbol(market, req)), (o) => o.mtsUpdate, 500, 25).map(offerArray)),
    ...creditRoutes(market, 'credit'),
    ...creditRoutes(market, 'loan'),
    ...withVariant(['auth/r/funding/trades/hist', 'auth/r/funding/trades/{symbol}/hist'], 'funding', 'read', (acc, req) => {
      const symbol = fundingSymbol(market, req);
      const rows = acc.state.fundingTrades.filter((t) => symbol === undefined || t.currency === symbol);
      return windowed(req, rows, (t) => t.mts, 1000, 25).map(fundingTradeArray);
    }),
    authRoute('auth/r/info/funding/{key}', 'funding', 'read', (acc, req) => {
      const key = req.params.key ?? '';
      return fundingInfo(acc.ctx, market.isFundingCurrency(key) ? key : invalid('key'));
    }),
    authRoute('auth/w/funding/offer/submit', 'funding', 'write', (acc, req) => {
      if (!OFFER_TYPES.includes(reqString(req, 'type'))) invalid('type');
      if (!market.isFundingCurrency(reqString(req, 'symbol'))) invalid('symbol');
      reqNumber(req, 'amount');
      reqNumber(req, 'rate');
      reqNumber(req, 'period');
      return acc.input('fon', req.body, 'rest');
    }),
    authRoute('auth/w/funding/offer/cancel', 'funding', 'write', (acc, req) => {
      reqNumber(req, 'id');
      return acc.input('foc', req.body, 'rest');
    }),
    authRoute('auth/w/funding/offer/cancel/all', 'funding', 'write', (acc, req) => {
      const currency = optString(req, 'currency');
      if (currency !== undefined && !market.isFundingCurrency(`f${currency}`)) invalid('currency');
      return cancelAllOffers(acc.ctx, currency);
    }),
    authRoute('auth/w/funding/close', 'funding', 'write', (acc, req) => {
      const id = reqNumber(req, 'id');
      return closeFunding(acc.ctx, id) ?? notificationArray(acc.ctx.now(), 'fcl-req', null, 'ERROR', 'Funding not found.');
    }),
    authRoute('auth/w/funding/auto', 'funding', 'write', (acc, req) => {
      const status = reqNumber(req, 'status');
      const currency = reqString(req, 'currency');
      if (!market.isFundingCurrency(`f${currency}`)) invalid('currency');
      const row = [currency, optNumber(req, 'period') ?? 2, optNumber(req, 'rate') ?? 0, optNumber(req, 'amount') ?? 0];
      if (status) acc.state.autoRenew.set(currency, row);
      else acc.state.autoRenew.delete(currency);
      return notificationArray(acc.ctx.now(), 'fa-req', row, 'SUCCESS', status ? 'Auto-renew enabled.' : 'Auto-renew disabled.');
    }),
    authRoute('auth/w/funding/keep', 'funding', 'write', (acc, req) => {
      const type = reqString(req, 'type');
      if (type !== 'credit' && type !== 'loan') invalid('type');
      const map = type === 'credit' ? acc.state.credits : acc.state.loans;
      const changes = req.body.changes;
      if (changes !== undefined && (typeof changes !== 'object' || changes === null || Array.isArray(changes))) invalid('changes');
      for (const [id, v] of Object.entries((changes ?? {}) as Record<string, unknown>)) {
        const c = map.get(Number(id));
        if (c) c.noClose = v === 1 || v === '1' ? 1 : 0;
      }
      return notificationArray(acc.ctx.now(), 'fk-req', null, 'SUCCESS', 'Keep funding updated.');
    }),
  ];
}
