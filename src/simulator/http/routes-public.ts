/**
 * Every public REST endpoint of Bitfinex v2, served from the simulated market.
 *
 * @module
 */

import type { MarketEngine, SimRoute } from '../contracts.js';
import { calcRoutes } from './public/calc-routes.js';
import { confValue } from './public/conf-data.js';
import { marketRoutes } from './public/market-routes.js';
import { statsRoutes } from './public/stats-routes.js';
import { statusRoutes } from './public/status-routes.js';

/**
 * The public routes: platform/status, tickers, ticker, tickers/hist, trades, book, stats1,
 * candles, status/deriv (+hist), liquidations, rankings, pulse, funding stats, conf and the two
 * calc POSTs.
 */
export function publicRoutes(market: MarketEngine): SimRoute[] {
  return [
    ...marketRoutes(market),
    ...statusRoutes(market),
    ...statsRoutes(market),
    ...calcRoutes(market),
    {
      method: 'GET',
      path: 'conf/{keys}',
      handler: (req) => req.params.keys.split(',').map((k) => confValue(market, k.trim())),
    },
  ];
}
