import { describe, expect, it } from 'vitest';
import type { MarketEvent } from '../../src/simulator/contracts.js';
import { createMarketEngine } from '../../src/simulator/market/engine.js';

const T0 = 1_700_000_000_000;

function engineAt(seed: number): { market: ReturnType<typeof createMarketEngine>; advance: (ms: number) => void } {
  let now = T0;
  const market = createMarketEngine({ seed, clock: () => now });
  return { market, advance: (ms) => (now += ms) };
}

function run(seed: number, symbol: string, ticks: number): ReturnType<typeof createMarketEngine> {
  const { market, advance } = engineAt(seed);
  for (let i = 0; i < ticks; i++) {
    advance(250);
    market.tick(symbol);
  }
  return market;
}

const isFiveSigFigs = (x: number): boolean => Number(x.toPrecision(5)) === x;

describe('market engine: universe', () => {
  const { market } = engineAt(1);

  it('offers 100+ trading pairs, 10+ funding currencies and perpetuals', () => {
    const { tradingPairs, fundingCurrencies, derivatives } = market.symbols;
    expect(tradingPairs.length).toBeGreaterThanOrEqual(100);
    expect(new Set(tradingPairs).size).toBe(tradingPairs.length);
    expect(fundingCurrencies.length).toBeGreaterThanOrEqual(10);
    for (const s of ['tBTCUSD', 'tETHUSD', 'tETHBTC', 'tLTCUSD', 'tXRPUSD', 'tSOLUSD', 'tBTCUST', 'tBTCEUR', 'tDOGE:USD']) {
      expect(tradingPairs).toContain(s);
    }
    for (const f of ['fUSD', 'fBTC', 'fETH', 'fUST', 'fEUR']) expect(fundingCurrencies).toContain(f);
    expect(derivatives).toContain('tBTCF0:USTF0');
    expect(derivatives).toContain('tETHF0:USTF0');
    for (const d of derivatives) expect(market.isTradingPair(d)).toBe(true);
  });

  it('names pairs with a colon exactly when a side has more than 3 characters', () => {
    for (const p of market.symbols.tradingPairs) {
      const body = p.slice(1);
      if (body.includes(':')) expect(body.split(':').some((s) => s.length > 3)).toBe(true);
      else expect(body).toMatch(/^[A-Z]{6}$/);
    }
  });

  it('normalizes symbols and refuses unknown ones', () => {
    expect(market.normalizeSymbol('BTCUSD')).toBe('tBTCUSD');
    expect(market.normalizeSymbol('tBTCUSD')).toBe('tBTCUSD');
    expect(market.normalizeSymbol('BTCF0:USTF0')).toBe('tBTCF0:USTF0');
    expect(market.normalizeSymbol('fUSD')).toBe('fUSD');
    expect(market.normalizeSymbol('tNOPEUSD')).toBeUndefined();
    expect(market.normalizeSymbol('btcusd')).toBeUndefined();
    expect(market.normalizeSymbol('fNOPE')).toBeUndefined();
    expect(market.isTradingPair('fUSD')).toBe(false);
    expect(market.isFundingCurrency('fUSD')).toBe(true);
    expect(() => market.ticker('tNOPEUSD')).toThrow(/symbol: invalid/);
    expect(() => market.openBookView('tNOPEUSD', 'P0', 25)).toThrow(/symbol: invalid/);
    expect(() => market.openBookView('tBTCUSD', 'P9' as 'P0', 25)).toThrow(/prec: invalid/);
    expect(() => market.bookSnapshot('tBTCUSD', 'P0', 0)).toThrow(/len: invalid/);
  });

  it('honours a restricted universe', () => {
    const small = createMarketEngine({ pairs: ['tBTCUSD', 'BTCF0:USTF0'], fundingCurrencies: ['USD'] });
    expect(small.symbols.tradingPairs).toEqual(['tBTCUSD', 'tBTCF0:USTF0']);
    expect(small.symbols.fundingCurrencies).toEqual(['fUSD']);
    expect(small.symbols.derivatives).toEqual(['tBTCF0:USTF0']);
    expect(small.normalizeSymbol('tETHUSD')).toBeUndefined();
  });
});

describe('market engine: determinism', () => {
  const state = (m: ReturnType<typeof createMarketEngine>, s: string): unknown => ({
    book: m.bookSnapshot(s, 'R0', 250),
    trades: m.trades(s, { limit: 200 }),
    ticker: m.ticker(s),
    candles: m.candles(`trade:1m:${s}`, { limit: 50 }),
  });

  it('same seed and clock give the same market', () => {
    expect(state(run(42, 'tBTCUSD', 500), 'tBTCUSD')).toEqual(state(run(42, 'tBTCUSD', 500), 'tBTCUSD'));
    expect(state(run(42, 'fUSD', 500), 'fUSD')).toEqual(state(run(42, 'fUSD', 500), 'fUSD'));
  });

  it('another seed gives another market', () => {
    expect(state(run(42, 'tBTCUSD', 10), 'tBTCUSD')).not.toEqual(state(run(43, 'tBTCUSD', 10), 'tBTCUSD'));
  });

  it("a symbol's data does not depend on the other symbols used", () => {
    const a = engineAt(7);
    a.market.tick('tETHUSD');
    a.market.ticker('fUSD');
    const b = engineAt(7);
    expect(a.market.bookSnapshot('tBTCUSD', 'R0', 100)).toEqual(b.market.bookSnapshot('tBTCUSD', 'R0', 100));
  });
});

describe('market engine: data', () => {
  it('prices have 5 significant digits and the book never crosses', () => {
    const m = run(3, 'tETHUSD', 2000);
    const rows = m.bookSnapshot('tETHUSD', 'P0', 250);
    for (const r of rows) expect(isFiveSigFigs(r[0] as number)).toBe(true);
    expect(m.bestBid('tETHUSD')!).toBeLessThan(m.bestAsk('tETHUSD')!);
    expect(m.bestBid('fUSD')!).toBeLessThan(m.bestAsk('fUSD')!);
  });

  it('aggregates P1–P4 at 4/3/2/1 significant digits with counts and sums', () => {
    const m = run(4, 'tBTCUSD', 300);
    const raw = m.bookSnapshot('tBTCUSD', 'R0', 250);
    const rawBidTotal = raw.filter((r) => (r[2] as number) > 0).reduce((s, r) => s + (r[2] as number), 0);
    const sigs = { P1: 4, P2: 3, P3: 2, P4: 1 } as const;
    for (const [prec, sf] of Object.entries(sigs)) {
      const rows = m.bookSnapshot('tBTCUSD', prec as 'P1', 250);
      for (const r of rows) expect(Number((r[0] as number).toPrecision(sf))).toBe(r[0]);
      const counts = rows.reduce((s, r) => s + (r[1] as number), 0);
      expect(counts).toBe(m.bookSnapshot('tBTCUSD', 'P0', 10_000).reduce((s, r) => s + (r[1] as number), 0));
    }
    const p4 = m.bookSnapshot('tBTCUSD', 'P4', 250);
    const p4BidTotal = p4.filter((r) => (r[2] as number) > 0).reduce((s, r) => s + (r[2] as number), 0);
    // Every raw order is inside some P4 level, and the view is not truncated at len 250 for raw orders ≤ 250.
    expect(p4BidTotal).toBeGreaterThanOrEqual(rawBidTotal - 1e-6);
  });

  it('trades have increasing ids, ms timestamps and the wire shapes', () => {
    const { market, advance } = engineAt(5);
    const events: MarketEvent[] = [];
    market.on((e) => events.push(e));
    for (let i = 0; i < 400; i++) {
      advance(100);
      market.tick('tBTCUSD');
      market.tick('fUSD');
    }
    const asc = market.trades('tBTCUSD', { limit: 10_000, sort: 1, start: T0 - 3_600_000 });
    for (let i = 1; i < asc.length; i++) {
      expect(asc[i][0] as number).toBeGreaterThan(asc[i - 1][0] as number);
      expect(asc[i][1] as number).toBeGreaterThanOrEqual(asc[i - 1][1] as number);
    }
    expect(market.trades('tBTCUSD')).toHaveLength(30);
    const newest = market.trades('tBTCUSD', { limit: 5 });
    expect(newest.map((t) => t[0])).toEqual(asc.slice(-5).reverse().map((t) => t[0]));
    for (const t of market.trades('fUSD', { limit: 50 })) {
      expect(t).toHaveLength(5);
      expect(Number.isInteger(t[4])).toBe(true);
    }
    const trades = events.filter((e) => e.type === 'trade');
    expect(trades.length).toBeGreaterThan(20);
    const last = trades.filter((e) => e.type === 'trade' && e.symbol === 'tBTCUSD').at(-1);
    expect(last && last.type === 'trade' ? last.row : undefined).toEqual(newest[0]);
    // A trade is always followed by the book event of its symbol.
    const i = events.findIndex((e) => e.type === 'trade');
    const next = events.slice(i).find((e) => e.type !== 'trade');
    expect(next).toEqual({ type: 'book', symbol: (events[i] as { symbol: string }).symbol });
  });

  it('take() consumes the book best first, bounded by the limit, and emits trade then book', () => {
    const { market } = engineAt(6);
    const events: MarketEvent[] = [];
    const off = market.on((e) => events.push(e));
    const ask = market.bestAsk('tBTCUSD')!;
    const fills = market.take('tBTCUSD', 2);
    expect(fills.reduce((s, f) => s + f.amount, 0)).toBeCloseTo(2, 8);
    for (let i = 1; i < fills.length; i++) expect(fills[i].price).toBeGreaterThanOrEqual(fills[i - 1].price);
    expect(fills[0].price).toBe(ask);
    expect(market.bestAsk('tBTCUSD')!).toBeGreaterThan(ask);
    expect(events.map((e) => e.type)).toEqual([...fills.map(() => 'trade'), 'book']);
    off();
    const bid = market.bestBid('tBTCUSD')!;
    const limited = market.take('tBTCUSD', -1000, bid);
    for (const f of limited) {
      expect(f.price).toBe(bid);
      expect(f.amount).toBeLessThan(0);
    }
    expect(market.bestBid('tBTCUSD')!).toBeLessThan(bid);
    expect(events.filter((e) => e.type === 'trade')).toHaveLength(fills.length);
    // Funding: lending (amount > 0) takes the bids (negative amounts), fills carry the taker sign.
    const fundingFills = market.take('fUSD', 5000);
    expect(fundingFills.length).toBeGreaterThan(0);
    for (const f of fundingFills) expect(f.amount).toBeGreaterThan(0);
  });

  it('candles aggregate the trades (open, close, high, low, volume)', () => {
    const { market, advance } = engineAt(8);
    for (let i = 0; i < 3000; i++) {
      advance(90);
      market.tick('tETHUSD');
    }
    const candles = market.candles('trade:1m:tETHUSD', { limit: 4 })!;
    const trades = market.trades('tETHUSD', { limit: 10_000, start: candles[3][0] as number, sort: 1 });
    for (const c of candles) {
      const inside = trades.filter((t) => (t[1] as number) >= (c[0] as number) && (t[1] as number) < (c[0] as number) + 60_000);
      const prices = inside.map((t) => t[3] as number);
      expect(c[1]).toBe(prices[0]);
      expect(c[2]).toBe(prices.at(-1));
      expect(c[3]).toBe(Math.max(...prices));
      expect(c[4]).toBe(Math.min(...prices));
      expect(c[5] as number).toBeCloseTo(inside.reduce((s, t) => s + Math.abs(t[2] as number), 0), 6);
    }
  });

  it('serves every timeframe and candle key form, newest first, and refuses bad keys', () => {
    const { market } = engineAt(9);
    for (const tf of ['1m', '5m', '15m', '30m', '1h', '3h', '6h', '12h', '1D', '1W', '7D', '14D', '1M']) {
      const rows = market.candles(`trade:${tf}:tBTCUSD`, { limit: 20 })!;
      expect(rows).toHaveLength(20);
      for (let i = 1; i < rows.length; i++) expect(rows[i][0] as number).toBeLessThan(rows[i - 1][0] as number);
      for (const r of rows) {
        expect(r).toHaveLength(6);
        expect(r[3] as number).toBeGreaterThanOrEqual(Math.max(r[1] as number, r[2] as number));
        expect(r[4] as number).toBeLessThanOrEqual(Math.min(r[1] as number, r[2] as number));
      }
    }
    const month = market.candles('trade:1M:tBTCUSD', { limit: 3 })!;
    for (const r of month) expect(new Date(r[0] as number).getUTCDate()).toBe(1);
    const week = market.candles('trade:1W:tBTCUSD', { limit: 3 })!;
    for (const r of week) expect(new Date(r[0] as number).getUTCDay()).toBe(1);
    expect(market.candles('trade:1m:tBTCUSD')).toHaveLength(240);
    const asc = market.candles('trade:1h:tBTCUSD', { limit: 5, sort: 1 })!;
    expect(asc.map((r) => r[0])).toEqual(market.candles('trade:1h:tBTCUSD', { limit: 5 })!.map((r) => r[0]).reverse());
    expect(market.candles('trade:1h:fUSD:p30', { limit: 5 })!.length).toBeGreaterThan(0);
    expect(market.candles('trade:1h:fUSD:a30:p2:p30', { limit: 5 })).toHaveLength(5);
    for (const bad of ['trade:7m:tBTCUSD', 'trade:1m:tNOPE', 'candle:1m:tBTCUSD', 'trade:1m:fUSD', 'trade:1m:fUSD:p1',
      'trade:1m:fUSD:a20:p2:p30', 'trade:1m:fUSD:a30:p30:p2', 'trade:1m']) {
      expect(market.candles(bad)).toBeUndefined();
    }
  });

  it('tickers, derivatives status and liquidations have the wire shapes', () => {
    const m = run(10, 'tBTCF0:USTF0', 3000);
    const t = m.ticker('tBTCUSD');
    expect(t).toHaveLength(11);
    expect(t[10]).toBeNull();
    expect(t[0]).toBe(m.bestBid('tBTCUSD'));
    expect(t[2]).toBe(m.bestAsk('tBTCUSD'));
    expect(t[8] as number).toBeGreaterThanOrEqual(t[9] as number);
    const f = m.ticker('fUSD');
    expect(f).toHaveLength(16);
    expect(f.slice(13, 15)).toEqual([null, null]);
    const d = m.derivStatus('tBTCF0:USTF0')!;
    expect(d).toHaveLength(23);
    expect(d[21]).toBe(0.0005);
    expect(m.derivStatus('tBTCUSD')).toBeUndefined();
    const liq = m.liquidations({ limit: 10 });
    expect(liq.length).toBe(10);
    for (const r of liq) {
      expect(r).toHaveLength(12);
      expect(r[0]).toBe('pos');
      expect(m.symbols.derivatives).toContain(r[4]);
    }
    for (let i = 1; i < liq.length; i++) expect(liq[i][2] as number).toBeLessThanOrEqual(liq[i - 1][2] as number);
  });

  it('derivative ticks emit liquidations (configurable rate) that join the feed', () => {
    let now = T0;
    const market = createMarketEngine({ seed: 13, clock: () => now, liquidationProbability: 1 });
    const events: MarketEvent[] = [];
    market.on((e) => events.push(e));
    now += 1000;
    market.tick('tETHF0:USTF0');
    const liq = events.find((e) => e.type === 'liquidation');
    expect(liq && liq.type === 'liquidation' ? liq.row : undefined).toEqual(market.liquidations({ limit: 1 })[0]);
    expect(market.liquidations({ limit: 1 })[0][4]).toBe('tETHF0:USTF0');
    const quiet = createMarketEngine({ seed: 13, clock: () => now, liquidationProbability: 0 });
    const none: MarketEvent[] = [];
    quiet.on((e) => none.push(e));
    for (let i = 0; i < 200; i++) quiet.tick('tETHF0:USTF0');
    expect(none.some((e) => e.type === 'liquidation')).toBe(false);
    expect(none.some((e) => e.type === 'status')).toBe(true);
  });

  it('isolates a throwing listener and unsubscribes', () => {
    const { market } = engineAt(12);
    const seen: string[] = [];
    market.on(() => {
      throw new Error('boom');
    });
    const off = market.on((e) => seen.push(e.type));
    market.tick('tBTCUSD');
    expect(seen).toContain('book');
    off();
    const n = seen.length;
    market.tick('tBTCUSD');
    expect(seen).toHaveLength(n);
  });
});
