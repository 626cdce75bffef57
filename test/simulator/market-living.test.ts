/**
 * A market that lives: history joins the live book at start, the fair price moves with the
 * configured volatility (deterministically for a seed), and scenarios script a crash, a halt
 * and a message-rate spike.
 */
import { describe, expect, it } from 'vitest';
import type { MarketOptions } from '../../src/simulator/index.js';
import { createMarketEngine } from '../../src/simulator/market/engine.js';

const S = 'tBTCUSD';

function engine(options: MarketOptions = {}) {
  let now = 1_700_000_000_000;
  const market = createMarketEngine({ seed: 1, clock: () => now, pairs: [S], ...options });
  const run = (n: number): number[] => {
    const prices: number[] = [];
    for (let i = 0; i < n; i++) {
      now += 200;
      market.tick(S);
      prices.push(market.lastPrice(S)!);
    }
    return prices;
  };
  return { market, run };
}

describe('a market that lives', () => {
  it('history, candles and ticker join the live book at start', () => {
    const { market } = engine();
    const [bid, ask] = [market.bestBid(S)!, market.bestAsk(S)!];
    const last = market.trades(S, { limit: 1 })[0]![3] as number;
    expect(Math.abs(last - (bid + ask) / 2)).toBeLessThanOrEqual(ask - bid);
    expect(market.ticker(S)[6]).toBe(last);
    const candle = market.candles(`trade:1m:${S}`, { limit: 1 })![0]!;
    expect(candle[2]).toBe(last);
    expect(ask - bid).toBeLessThanOrEqual(2);
  });

  it('moves visibly within a minute at the default volatility, and not at volatility 0', () => {
    const moving = engine().run(300);
    const range = (xs: number[]): number => (Math.max(...xs) - Math.min(...xs)) / Math.min(...xs);
    expect(range(moving)).toBeGreaterThan(0.0005);
    expect(range(moving)).toBeLessThan(0.05);
    const still = engine({ volatility: 0, trends: false, bursts: false }).run(300);
    expect(range(still)).toBeLessThan(0.0005);
  });

  it('is deterministic for a seed, different across seeds', () => {
    expect(engine().run(500)).toEqual(engine().run(500));
    expect(engine({ seed: 2 }).run(500)).not.toEqual(engine().run(500));
  });

  it('scenario: a 10 % crash in 50 steps, then a halt freezes trades and book', () => {
    const { market, run } = engine({ volatility: 0.00005 });
    const p0 = market.lastPrice(S)!;
    market.scenario({ kind: 'crash', symbol: S, change: -0.1, steps: 50 });
    run(60);
    const p1 = market.lastPrice(S)!;
    expect(p1 / p0 - 1).toBeLessThan(-0.08);
    expect(p1 / p0 - 1).toBeGreaterThan(-0.12);
    market.scenario({ kind: 'halt', symbol: S, steps: 100 });
    const book = JSON.stringify(market.bookSnapshot(S, 'R0', 1000));
    const trades = market.trades(S, { limit: 1 });
    run(100);
    expect(JSON.stringify(market.bookSnapshot(S, 'R0', 1000))).toBe(book);
    expect(market.trades(S, { limit: 1 })).toEqual(trades);
    run(5);
    expect(JSON.stringify(market.bookSnapshot(S, 'R0', 1000))).not.toBe(book);
  });

  it('scenario: a message-rate spike multiplies the ticks of the next driver periods', () => {
    const { market } = engine();
    expect(market.nextPeriodTicks()).toBe(1);
    market.scenario({ kind: 'rate', factor: 8, periods: 2 });
    expect([market.nextPeriodTicks(), market.nextPeriodTicks(), market.nextPeriodTicks()]).toEqual([8, 8, 1]);
  });
});
