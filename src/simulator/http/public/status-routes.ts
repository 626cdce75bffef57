/**
 * Public status routes: derivatives status (+ history), liquidations, funding statistics.
 *
 * @module
 */

import type { MarketEngine, SimRoute } from '../../contracts.js';
import { hashSeed } from '../../market/prng.js';
import { roundAmount, roundSig } from '../../market/precision.js';
import { historyParams, invalid, listParam } from '../params.js';

function derivKeys(market: MarketEngine, keys: readonly string[] | undefined): string[] {
  if (!keys || keys.includes('ALL')) return [...market.symbols.derivatives];
  return keys.filter((k) => market.symbols.derivatives.includes(k));
}

function derivHist(market: MarketEngine, key: string, q: ReturnType<typeof historyParams>): unknown[][] {
  const template = market.derivStatus(key);
  if (!template) return [];
  return (market.candles(`trade:1m:${key}`, q) ?? []).map((c) => {
    const row = [...template];
    const close = c[2] as number;
    const spot = roundSig(close * (1 - 0.0004 * (hashSeed(7, `${key}:${c[0]}`) / 4294967296 - 0.5)));
    row[0] = c[0];
    row[2] = close;
    row[3] = spot;
    row[14] = roundSig((close + spot) / 2);
    return row;
  });
}

function fundingStats(market: MarketEngine, symbol: string, q: ReturnType<typeof historyParams>): unknown[][] {
  return (market.candles(`trade:1h:${symbol}:a30:p2:p30`, q) ?? []).map((c) => {
    const mts = c[0] as number;
    const u = hashSeed(11, `${symbol}:${mts}`) / 4294967296;
    const amount = roundAmount((c[5] as number) * 40 * (1 + u));
    const used = roundAmount(amount * (0.75 + 0.2 * u));
    return [mts, null, null, roundSig((c[2] as number) * 1.05), roundSig(2 + 40 * u, 4), null, null, amount, used, null, null,
      roundAmount(amount * 0.1 * u)];
  });
}

/** Routes: status/deriv, status/deriv/{key}/hist, liquidations/hist, funding/stats/{symbol}/hist. */
export function statusRoutes(market: MarketEngine): SimRoute[] {
  return [
    {
      method: 'GET',
      path: 'status/deriv',
      handler: (req) => derivKeys(market, listParam(req, 'keys')).map((k) => [k, ...(market.derivStatus(k) ?? [])]),
    },
    {
      method: 'GET',
      path: 'status/deriv/{key}/hist',
      handler: (req) => derivHist(market, req.params.key, historyParams(req, 5000, 100)),
    },
    {
      method: 'GET',
      path: 'liquidations/hist',
      handler: (req) => market.liquidations(historyParams(req, 500, 100)).map((r) => [r]),
    },
    {
      method: 'GET',
      path: 'funding/stats/{symbol}/hist',
      handler: (req) => {
        const symbol = market.normalizeSymbol(req.params.symbol);
        if (!symbol || !market.isFundingCurrency(symbol)) invalid('symbol');
        return fundingStats(market, symbol, historyParams(req, 250, 250));
      },
    },
  ];
}
