/**
 * Public market-data routes: platform status, tickers, trades, books, candles.
 *
 * @module
 */

import type { BookPrecision, MarketEngine, SimRoute } from '../../contracts.js';
import { parseCandleKey } from '../../market/candle-key.js';
import { roundSig, tickOf } from '../../market/precision.js';
import { historyParams, invalid, listParam, param } from '../params.js';

const PRECISIONS: readonly string[] = ['P0', 'P1', 'P2', 'P3', 'P4', 'R0'];
const LENS: readonly string[] = ['1', '25', '100', '250'];

/** Canonical symbol or 10020 `symbol: invalid`. */
export function symbolOf(market: MarketEngine, raw: string): string {
  return market.normalizeSymbol(raw) ?? invalid('symbol');
}

/** The REST ticker: trading tickers drop the trailing placeholder (10 fields), funding keep 16. */
export function restTicker(market: MarketEngine, symbol: string): unknown[] {
  const row = market.ticker(symbol);
  return market.isTradingPair(symbol) ? row.slice(0, 10) : row;
}

function tickerSymbols(market: MarketEngine, list: readonly string[] | undefined, withFunding: boolean): string[] {
  if (!list || list.includes('ALL')) {
    return withFunding ? [...market.symbols.tradingPairs, ...market.symbols.fundingCurrencies] : [...market.symbols.tradingPairs];
  }
  const out: string[] = [];
  for (const s of list) {
    const n = market.normalizeSymbol(s);
    if (n && !out.includes(n)) out.push(n);
  }
  return out;
}

function tickersHist(market: MarketEngine, symbols: readonly string[], q: ReturnType<typeof historyParams>): unknown[][] {
  const rows: unknown[][] = [];
  for (const s of symbols) {
    const key = market.isTradingPair(s) ? `trade:1h:${s}` : `trade:1h:${s}:a30:p2:p30`;
    for (const c of market.candles(key, { limit: q.limit, start: q.start, end: q.end, sort: -1 }) ?? []) {
      const close = c[2] as number;
      const step = tickOf(close);
      rows.push([s, roundSig(close - step), null, roundSig(close + step), null, null, null, null, null, null, null, null, c[0]]);
    }
  }
  rows.sort((a, b) => (b[12] as number) - (a[12] as number) || String(a[0]).localeCompare(String(b[0])));
  const page = rows.slice(0, q.limit);
  return q.sort === 1 ? page.reverse() : page;
}

/** Routes: platform/status, tickers, ticker, tickers/hist, trades hist, book, candles. */
export function marketRoutes(market: MarketEngine): SimRoute[] {
  return [
    { method: 'GET', path: 'platform/status', handler: () => [1] },
    {
      method: 'GET',
      path: 'tickers',
      handler: (req) => tickerSymbols(market, listParam(req, 'symbols'), true).map((s) => [s, ...restTicker(market, s)]),
    },
    { method: 'GET', path: 'ticker/{symbol}', handler: (req) => restTicker(market, symbolOf(market, req.params.symbol)) },
    {
      method: 'GET',
      path: 'tickers/hist',
      handler: (req) => tickersHist(market, tickerSymbols(market, listParam(req, 'symbols'), false), historyParams(req, 250, 100)),
    },
    {
      method: 'GET',
      path: 'trades/{symbol}/hist',
      handler: (req) => market.trades(symbolOf(market, req.params.symbol), historyParams(req, 10_000, 125)),
    },
    {
      method: 'GET',
      path: 'book/{symbol}/{prec}',
      handler: (req) => {
        const symbol = symbolOf(market, req.params.symbol);
        if (!PRECISIONS.includes(req.params.prec)) invalid('prec');
        const len = param(req, 'len') ?? '25';
        if (!LENS.includes(len)) invalid('len');
        return market.bookSnapshot(symbol, req.params.prec as BookPrecision, Number(len));
      },
    },
    {
      method: 'GET',
      path: 'candles/{candle}/{section}',
      handler: (req) => {
        const section = req.params.section;
        if (section !== 'hist' && section !== 'last') invalid('section');
        const key = parseCandleKey(req.params.candle, (s) => market.normalizeSymbol(s));
        if (typeof key === 'string') invalid(key);
        const q = historyParams(req, 10_000, 100);
        if (section === 'hist') return market.candles(req.params.candle, q) ?? invalid('key');
        return market.candles(req.params.candle, { end: q.end, limit: 1, sort: -1 })?.[0] ?? [];
      },
    },
  ];
}
