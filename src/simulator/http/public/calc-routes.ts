/**
 * Public calculation routes: `POST calc/trade/avg` (walks the book) and `POST calc/fx`.
 *
 * @module
 */

import type { MarketEngine, SimRoute } from '../../contracts.js';
import { roundSig } from '../../market/precision.js';
import { pairName, usdPrice } from '../../market/symbols.js';
import { invalid, numberParam, param } from '../params.js';
import { symbolOf } from './market-routes.js';

/** Average price (rate) and filled amount for a taker of `amount` on the current book. */
function tradeAvg(market: MarketEngine, symbol: string, amount: number, limit: number | undefined, period: number | undefined): [number, number] {
  const funding = market.isFundingCurrency(symbol);
  const rows = market.bookSnapshot(symbol, 'R0', 250);
  // The taker consumes resting orders whose amounts carry the opposite sign, best first.
  let side = rows.filter((r) => Math.sign(r[r.length - 1] as number) === -Math.sign(amount));
  if (funding && period !== undefined && side.some((r) => r[1] === period)) side = side.filter((r) => r[1] === period);
  const consumesAsks = funding ? amount < 0 : amount > 0;
  let left = Math.abs(amount);
  let cost = 0;
  let filled = 0;
  for (const r of side) {
    if (left <= 0) break;
    const price = (funding ? r[2] : r[1]) as number;
    if (limit !== undefined && (consumesAsks ? price > limit : price < limit)) break;
    const take = Math.min(left, Math.abs(r[r.length - 1] as number));
    cost += take * price;
    filled += take;
    left -= take;
  }
  if (filled === 0) return [0, 0];
  return [cost / filled, Math.sign(amount) * Math.round(filled * 1e8) / 1e8];
}

function midOf(market: MarketEngine, symbol: string): number | undefined {
  const bid = market.bestBid(symbol);
  const ask = market.bestAsk(symbol);
  return bid !== undefined && ask !== undefined ? (bid + ask) / 2 : undefined;
}

/** Exchange rate of ccy1 in ccy2: a direct pair, its inverse, or the USD reference prices. */
function fxRate(market: MarketEngine, ccy1: string, ccy2: string): number {
  if (ccy1 === ccy2) return 1;
  const direct = market.normalizeSymbol(`t${pairName(ccy1, ccy2)}`);
  const directMid = direct ? midOf(market, direct) : undefined;
  if (directMid !== undefined) return roundSig(directMid);
  const inverse = market.normalizeSymbol(`t${pairName(ccy2, ccy1)}`);
  const inverseMid = inverse ? midOf(market, inverse) : undefined;
  if (inverseMid !== undefined) return roundSig(1 / inverseMid);
  const a = usdPrice(ccy1);
  const b = usdPrice(ccy2);
  if (a === undefined || b === undefined) invalid('currency');
  return roundSig(a / b);
}

/** Routes: calc/trade/avg, calc/fx. */
export function calcRoutes(market: MarketEngine): SimRoute[] {
  return [
    {
      method: 'POST',
      path: 'calc/trade/avg',
      handler: (req) => {
        const symbol = symbolOf(market, param(req, 'symbol') ?? '');
        const amount = numberParam(req, 'amount');
        if (amount === undefined || amount === 0) invalid('amount');
        if (market.isFundingCurrency(symbol)) {
          const period = numberParam(req, 'period');
          if (period === undefined || !Number.isInteger(period) || period < 2 || period > 120) invalid('period');
          return tradeAvg(market, symbol, amount, numberParam(req, 'rate_limit'), period);
        }
        return tradeAvg(market, symbol, amount, numberParam(req, 'price_limit'), undefined);
      },
    },
    {
      method: 'POST',
      path: 'calc/fx',
      handler: (req) => {
        const ccy1 = param(req, 'ccy1');
        const ccy2 = param(req, 'ccy2');
        if (!ccy1) invalid('ccy1');
        if (!ccy2) invalid('ccy2');
        return [fxRate(market, ccy1.toUpperCase(), ccy2.toUpperCase())];
      },
    },
  ];
}
