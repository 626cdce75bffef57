/**
 * The seeded, deterministic simulated market ({@link MarketEngine}): one {@link SymbolMarket}
 * per symbol, created on first use from the engine seed and the symbol name (so the data of one
 * symbol never depends on which other symbols were used), plus derivatives status and a global
 * liquidation feed. The engine never runs timers: callers advance it with `tick(symbol)`.
 *
 * @module
 */

import { SimHttpError, type BookPrecision, type BookView, type Fill, type MarketEngine, type MarketEvent, type MarketScenario } from '../contracts.js';
import { createBookView, snapshotRows } from './book-view.js';
import { parseCandleKey } from './candle-key.js';
import { selectHistory } from './history.js';
import { LiquidationFeed } from './liquidations.js';
import { DEFAULT_PRICE_PROCESS, type PriceProcessOptions } from './price-process.js';
import { streamFor } from './prng.js';
import { SymbolMarket, type TradeRecord } from './symbol-market.js';
import { buildUniverse, referencePrice, spotOf, splitPair, usdPrice } from './symbols.js';
import { derivRow, tickerRow, type DailyStats } from './stats-rows.js';

/** Options of {@link createMarketEngine}. */
export interface MarketOptions {
  /** Seed of every random stream (default 1). */
  seed?: number;
  /** Trading pairs to offer (default: the built-in universe of ~150 pairs incl. derivatives). */
  pairs?: readonly string[];
  /** Funding currencies to offer (default: 18 currencies). */
  fundingCurrencies?: readonly string[];
  /** Clock in ms (default `Date.now`). */
  clock?: () => number;
  /** Default number of trades returned by `trades()` (the WS snapshot size), default 30. */
  tradeSnapshotSize?: number;
  /** Default number of candles returned by `candles()` (the WS snapshot size), default 240. */
  candleSnapshotSize?: number;
  /** Probability that a tick of a derivative produces a liquidation (default 0.05). */
  liquidationProbability?: number;
  /**
   * Standard deviation of the fair price's log change per market step (default 0.0001: about
   * 0.17 % a minute at 5 steps a second; 0 = a market whose fair price never moves).
   */
  volatility?: number;
  /** Random trend regimes (default true). */
  trends?: boolean;
  /** Random volatility bursts (default true). */
  bursts?: boolean;
}

const symbolInvalid = (): SimHttpError => new SimHttpError(10020, 'symbol: invalid');
const PRECISIONS: ReadonlySet<string> = new Set(['P0', 'P1', 'P2', 'P3', 'P4', 'R0']);

/** Throws 10020 for a precision or length a book cannot have. */
function checkBookParams(prec: string, len: number): void {
  if (!PRECISIONS.has(prec)) throw new SimHttpError(10020, 'prec: invalid');
  if (!Number.isInteger(len) || len < 1) throw new SimHttpError(10020, 'len: invalid');
}

/** Creates the simulated market. */
export function createMarketEngine(options: MarketOptions = {}): MarketEngine {
  const seed = options.seed ?? 1;
  const clock = options.clock ?? Date.now;
  const tradeSnapshotSize = options.tradeSnapshotSize ?? 30;
  const candleSnapshotSize = options.candleSnapshotSize ?? 240;
  const liquidationProbability = options.liquidationProbability ?? 0.05;
  const symbols = buildUniverse(options.pairs, options.fundingCurrencies);
  const trading = new Set(symbols.tradingPairs);
  const funding = new Set(symbols.fundingCurrencies);
  const derivatives = new Set(symbols.derivatives);
  const index = new Map([...symbols.tradingPairs, ...symbols.fundingCurrencies].map((s, i) => [s, i]));
  const markets = new Map<string, SymbolMarket>();
  const listeners = new Set<(event: MarketEvent) => void>();
  const createdAt = clock();
  const process: PriceProcessOptions = {
    volatility: options.volatility ?? DEFAULT_PRICE_PROCESS.volatility,
    trends: options.trends ?? DEFAULT_PRICE_PROCESS.trends,
    bursts: options.bursts ?? DEFAULT_PRICE_PROCESS.bursts,
  };
  let rate = { factor: 1, periods: 0 };
  const liquidations = new LiquidationFeed(streamFor(seed, 'liquidations'), symbols.derivatives, (s) => market(s).lastPrice(), createdAt);

  const emit = (event: MarketEvent): void => {
    for (const l of [...listeners]) {
      try {
        l(event);
      } catch {
        // A failing listener must not break the market or the other listeners.
      }
    }
  };

  const normalizeSymbol = (s: string): string | undefined => {
    if (trading.has(s) || funding.has(s)) return s;
    const t = `t${s}`;
    return trading.has(t) ? t : undefined;
  };

  const unitOf = (symbol: string): number => {
    const ccy = symbol.startsWith('f') ? symbol.slice(1) : splitPair(symbol.slice(1))[0];
    return (symbol.startsWith('f') ? 4000 : 1500) / (usdPrice(ccy) ?? 1);
  };

  function market(symbol: string): SymbolMarket {
    const s = normalizeSymbol(symbol);
    if (!s) throw symbolInvalid();
    let m = markets.get(s);
    if (!m) {
      const ref = referencePrice(s) ?? 1;
      m = new SymbolMarket({ symbol: s, index: index.get(s) ?? 0, seed, ref, unit: unitOf(s), now: createdAt, process });
      markets.set(s, m);
    }
    return m;
  }

  const daily = (m: SymbolMarket): DailyStats => {
    const now = clock();
    const rows = m.candles('1h', undefined, { limit: 25, start: now - 86_400_000, sort: 1 }, now);
    if (rows.length === 0) return { open: m.lastPrice(), high: m.lastPrice(), low: m.lastPrice(), volume: 0 };
    let high = -Infinity;
    let low = Infinity;
    let volume = 0;
    for (const r of rows) {
      high = Math.max(high, r[3]);
      low = Math.min(low, r[4]);
      volume += r[5];
    }
    return { open: rows[0][1], high, low, volume: Math.round(volume * 1e8) / 1e8 };
  };

  const publish = (symbol: string, trades: readonly TradeRecord[], m: SymbolMarket): void => {
    for (const t of trades) {
      emit({ type: 'trade', symbol, row: m.tradeRow(t) });
      if (t.makerOrderId !== undefined) {
        // The maker's side is opposite the taker's.
        emit({ type: 'fill', symbol, orderId: t.makerOrderId, price: t.price, amount: -t.amount, period: t.period, mts: t.mts });
      }
    }
    emit({ type: 'book', symbol });
    if (derivatives.has(symbol) && trades.length > 0) emit({ type: 'status', symbol });
  };

  const maybeLiquidate = (symbol: string): void => {
    if (!derivatives.has(symbol)) return;
    const row = liquidations.maybe(symbol, clock(), liquidationProbability);
    if (row) emit({ type: 'liquidation', row });
  };

  const engine: MarketEngine = {
    symbols,
    now: () => clock(),
    isTradingPair: (s) => trading.has(s),
    isFundingCurrency: (s) => funding.has(s),
    normalizeSymbol,
    ticker: (s) => {
      const m = market(s);
      return tickerRow(m, daily(m));
    },
    trades: (s, query) => {
      const m = market(s);
      return selectHistory(m.trades, (t) => t.mts, query, tradeSnapshotSize).map((t) => m.tradeRow(t));
    },
    bookSnapshot: (s, prec: BookPrecision, len) => {
      checkBookParams(prec, len);
      return snapshotRows(market(s).book, prec, len);
    },
    openBookView: (s, prec: BookPrecision, len): BookView => {
      const sym = normalizeSymbol(s);
      if (!sym) throw symbolInvalid();
      checkBookParams(prec, len);
      return createBookView(sym, prec, len, market(sym).book, () => undefined);
    },
    candles: (key, query) => {
      const k = parseCandleKey(key, normalizeSymbol);
      if (typeof k === 'string') return undefined;
      const window = { limit: query?.limit ?? candleSnapshotSize, start: query?.start, end: query?.end, sort: query?.sort ?? -1 };
      return market(k.symbol).candles(k.tf, k.periods, window, clock());
    },
    derivStatus: (s) => {
      const sym = normalizeSymbol(s);
      if (!sym || !derivatives.has(sym)) return undefined;
      const spot = spotOf(sym, symbols.tradingPairs);
      return derivRow(market(sym), spot ? market(spot) : undefined, clock());
    },
    liquidations: (query) => liquidations.query(query),
    bestBid: (s) => market(s).book.best('bid'),
    bestAsk: (s) => market(s).book.best('ask'),
    take: (s, amount, limitPrice): Fill[] => {
      const m = market(s);
      const trades = m.take(amount, clock(), limitPrice);
      if (trades.length > 0) publish(m.init.symbol, trades, m);
      return trades.map((t) => ({ price: t.price, amount: t.amount }));
    },
    tick: (s) => {
      const m = market(s);
      const trades = m.tick(clock());
      publish(m.init.symbol, trades, m);
      maybeLiquidate(m.init.symbol);
    },
    lastPrice: (s) => (normalizeSymbol(s) === undefined ? undefined : market(s).lastPrice()),
    place: (s, order) => {
      const m = market(s);
      m.placeOwn(order);
      emit({ type: 'book', symbol: m.init.symbol });
      emit({ type: 'quote', symbol: m.init.symbol });
    },
    cancel: (s, id) => {
      const m = market(s);
      const removed = m.removeOwn(id);
      if (removed) {
        emit({ type: 'book', symbol: m.init.symbol });
        emit({ type: 'quote', symbol: m.init.symbol });
      }
      return removed;
    },
    scenario: (sc: MarketScenario) => {
      if (sc.kind === 'rate') {
        rate = { factor: Math.max(1, Math.floor(sc.factor ?? 10)), periods: Math.max(0, Math.floor(sc.periods ?? 50)) };
        return;
      }
      const fair = market(sc.symbol).fair;
      switch (sc.kind) {
        case 'halt':
          if (sc.steps === 0) fair.resume();
          else fair.halt(sc.steps ?? 100);
          return;
        case 'burst':
          fair.startBurst(sc.factor ?? 5, sc.steps ?? 100);
          return;
        default:
          fair.scriptMove(sc.change, sc.steps ?? 20);
      }
    },
    nextPeriodTicks: () => {
      if (rate.periods <= 0) return 1;
      rate.periods--;
      return rate.factor;
    },
    on: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return engine;
}
