/**
 * REST position and margin routes: positions (active, history, snapshot, audit), claim,
 * increase, margin info, derivatives collateral and the order-availability calculator.
 *
 * @module
 */
import type { MarketEngine, SimRoute } from '../../contracts.js';
import { marginBase, marginSym, positionCalc, positionFrame, tradableBalance, walletUpdate } from '../calc.js';
import { adjustWallet, available, midPrice } from '../context.js';
import { isDerivPair, r8, splitPair } from '../numbers.js';
import type { PositionRec } from '../state.js';
import { notificationArray, positionArray } from '../wire.js';
import { authRoute, idList, invalid, optNumber, reqNumber, reqString, windowed } from './common.js';
import type { ExchangeAccount } from '../account.js';

function allPositions(acc: ExchangeAccount): PositionRec[] {
  return [...acc.state.positionsHist, ...acc.state.positions.values()];
}

function claim(acc: ExchangeAccount, id: number, amount: number | undefined): unknown[] {
  const ctx = acc.ctx;
  const p = [...acc.state.positions.values()].find((x) => x.id === id);
  if (p === undefined) return notificationArray(ctx.now(), 'pm-req', null, 'ERROR', 'Position not found.');
  const claimed = amount === undefined ? p.amount : Math.sign(p.amount) * Math.min(Math.abs(amount), Math.abs(p.amount));
  const pair = splitPair(p.symbol);
  if (pair && p.type === 0) {
    const desc = `Position claimed @ ${p.basePrice}`;
    ctx.emit(walletUpdate(ctx, adjustWallet(ctx, 'margin', pair.base, claimed, desc)));
    ctx.emit(walletUpdate(ctx, adjustWallet(ctx, 'margin', pair.quote, -claimed * p.basePrice, desc)));
  }
  p.amount = r8(p.amount - claimed);
  p.mtsUpdate = ctx.now();
  if (p.amount === 0) {
    p.status = 'CLOSED';
    acc.state.positions.delete(p.symbol);
    acc.state.positionsHist.push(p);
  }
  ctx.emit(positionFrame(ctx, p.amount === 0 ? 'pc' : 'pu', p));
  const data = positionArray(p, null);
  data[19] = JSON.stringify(p.meta);
  return notificationArray(ctx.now(), 'pm-req', data, 'SUCCESS', 'Position claimed.');
}

function increase(acc: ExchangeAccount, market: MarketEngine, symbol: string, amount: number): unknown[] {
  const ctx = acc.ctx;
  const price = midPrice(market, symbol) ?? 0;
  const now = ctx.now();
  let p = acc.state.positions.get(symbol);
  const isNew = p === undefined;
  if (p === undefined) {
    p = {
      id: ctx.ids.next('position'), symbol, status: 'ACTIVE', amount: 0, basePrice: price, marginFunding: 0,
      marginFundingType: 0, mtsCreate: now, mtsUpdate: now, type: isDerivPair(symbol) ? 1 : 0, collateral: 0,
      collateralMin: 0, leverage: 3.3, meta: {},
    };
    acc.state.positions.set(symbol, p);
  }
  if (p.amount !== 0 && Math.sign(p.amount) !== Math.sign(amount)) {
    return notificationArray(now, 'pmi-req', null, 'ERROR', 'Invalid position increase: direction mismatch.');
  }
  const total = p.amount + amount;
  p.basePrice = r8((p.basePrice * p.amount + price * amount) / total);
  p.amount = r8(total);
  p.mtsUpdate = now;
  ctx.emit(positionFrame(ctx, isNew ? 'pn' : 'pu', p));
  return notificationArray(now, 'pmi-req', [symbol, null, amount, p.basePrice], 'SUCCESS', 'Position increased.');
}

/** The position routes. */
export function positionRoutes(market: MarketEngine): SimRoute[] {
  const pair = (s: string): string => (market.isTradingPair(s) ? s : invalid('symbol'));
  return [
    authRoute('auth/r/positions', 'positions', 'read', (acc) =>
      [...acc.state.positions.values()].map((p) => positionArray(p, positionCalc(acc.ctx, p)))),
    authRoute('auth/r/positions/hist', 'positions', 'read', (acc, req) =>
      windowed(req, allPositions(acc), (p) => p.mtsUpdate, 500, 50).map((p) => positionArray(p, null).slice(0, 14))),
    authRoute('auth/r/positions/snap', 'positions', 'read', (acc, req) =>
      windowed(req, [...acc.state.positions.values()], (p) => p.mtsUpdate, 500, 50).map((p) => positionArray(p, null).slice(0, 14))),
    authRoute('auth/r/positions/audit', 'positions', 'read', (acc, req) => {
      const ids = idList(req, 'ids') ?? idList(req, 'id');
      const rows = allPositions(acc).filter((p) => ids === undefined || ids.includes(p.id));
      return windowed(req, rows, (p) => p.mtsUpdate, 250, 50).map((p) => positionArray(p, null));
    }),
    authRoute('auth/w/position/claim', 'positions', 'write', (acc, req) => claim(acc, reqNumber(req, 'id'), optNumber(req, 'amount'))),
    authRoute('auth/w/position/increase', 'positions', 'write', (acc, req) =>
      increase(acc, market, pair(reqString(req, 'symbol')), reqNumber(req, 'amount'))),
    authRoute('auth/r/position/increase/info', 'positions', 'read', (acc, req) => {
      const symbol = pair(reqString(req, 'symbol'));
      reqNumber(req, 'amount');
      const p = acc.state.positions.get(symbol);
      const tradable = tradableBalance(acc.ctx);
      const price = midPrice(market, symbol) ?? 1;
      const base = splitPair(symbol)?.base ?? '';
      const quote = splitPair(symbol)?.quote ?? '';
      return [
        [Math.round(tradable / price), p?.amount ?? 0, available(acc.ctx, 'margin', base), tradable, tradable, r8(tradable / price), r8(tradable / price)],
        [null, null, null, null],
        [available(acc.ctx, 'funding', quote), null, null],
        [0, 0, quote, quote],
      ];
    }),
    authRoute('auth/r/info/margin/{key}', 'account', 'read', (acc, req) => {
      const key = req.params.key ?? '';
      if (key === 'base') return marginBase(acc.ctx);
      if (key === 'sym_all') return market.symbols.tradingPairs.filter((s) => !isDerivPair(s)).map((s) => marginSym(acc.ctx, s));
      return marginSym(acc.ctx, market.isTradingPair(key) ? key : invalid('key'));
    }),
    authRoute('auth/w/deriv/collateral/set', 'positions', 'write', (acc, req) => {
      const symbol = pair(reqString(req, 'symbol'));
      if (!isDerivPair(symbol)) invalid('symbol');
      const collateral = reqNumber(req, 'collateral');
      if (collateral < 0) invalid('collateral');
      acc.state.collateral.set(symbol, collateral);
      const p = acc.state.positions.get(symbol);
      if (p) {
        p.collateral = collateral;
        acc.ctx.emit(positionFrame(acc.ctx, 'pu', p));
      }
      return [[1]];
    }),
    authRoute('auth/calc/deriv/collateral/limit', 'positions', 'read', (acc, req) => {
      const symbol = pair(reqString(req, 'symbol'));
      const p = acc.state.positions.get(symbol);
      const min = p ? r8(Math.abs(p.amount * p.basePrice) / 100) : 0;
      return [min, r8(min + available(acc.ctx, 'margin', splitPair(symbol)?.quote ?? 'USTF0'))];
    }),
    authRoute('auth/calc/order/avail', 'orders', 'read', (acc, req) => {
      const symbol = reqString(req, 'symbol');
      const type = reqString(req, 'type').toUpperCase();
      const dir = optNumber(req, 'dir') ?? 1;
      if (dir !== 1 && dir !== -1) invalid('dir');
      if (type === 'FUNDING') {
        if (!market.isFundingCurrency(symbol)) invalid('symbol');
        return [available(acc.ctx, 'funding', symbol.slice(1))];
      }
      const parts = market.isTradingPair(symbol) ? splitPair(symbol) : undefined;
      if (parts === undefined) invalid('symbol');
      const price = optNumber(req, 'rate') ?? (dir > 0 ? market.bestAsk(symbol) : market.bestBid(symbol)) ?? 0;
      if (type === 'EXCHANGE') {
        const amount = dir > 0 ? (price > 0 ? available(acc.ctx, 'exchange', parts.quote) / price : 0) : -available(acc.ctx, 'exchange', parts.base);
        return [r8(amount)];
      }
      if (type !== 'MARGIN' && type !== 'DERIV') invalid('type');
      const lev = optNumber(req, 'lev') ?? 1;
      return [price > 0 ? r8((dir * tradableBalance(acc.ctx) * (type === 'DERIV' ? lev : 1)) / price) : 0];
    }),
  ];
}
