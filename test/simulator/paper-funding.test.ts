/**
 * Funding like an exchange: an offer rests on the public funding book, simulated borrowers take
 * it, and it turns into a credit with the real event sequence; interest is paid net of the
 * platform's share and the credit closes at the end of its period, renewing with auto-renew.
 */
import { describe, expect, it } from 'vitest';
import { createSimExchange, exchangeAccount } from '../../src/simulator/exchange/exchange.js';
import { createMarketEngine } from '../../src/simulator/market/engine.js';
import { ALICE, collect, flush } from './exchange-fixtures.js';

const F = 'fUSD';
const DAY = 86_400_000;

function world() {
  let now = 1_700_000_000_000;
  const market = createMarketEngine({ seed: 4, clock: () => now, pairs: ['tBTCUSD'], fundingCurrencies: [F] });
  const exchange = createSimExchange({ accounts: [ALICE], market });
  const alice = exchange.account(ALICE.apiKey)!;
  const tick = (): void => {
    now += 200;
    market.tick(F);
  };
  return { market, exchange, alice, tick, advance: (ms: number) => void (now += ms) };
}

describe('paper funding', () => {
  it('a funding offer at the best offer rate is matched by simulated demand into a credit (fon, fte, fou/foc, fcn, ftu, wu)', async () => {
    const { market, exchange, alice, tick, advance } = world();
    const state = exchangeAccount(alice)!.state;
    const sub = collect(alice);
    const rate = market.bestAsk(F)!;
    const n = alice.input('fon', { type: 'LIMIT', symbol: F, amount: '200', rate: String(rate), period: 2 }, 'ws');
    expect(n[6]).toBe('SUCCESS');
    const id = (n[4] as unknown[])[0] as number;
    expect(market.bookSnapshot(F, 'R0', 1000)).toContainEqual([id, 2, rate, 200]);
    await flush();
    expect(sub.types()).toEqual(['fon', 'wu']);
    sub.clear();
    let ticks = 0;
    while (state.offers.has(id) && ticks++ < 5000) tick();
    expect(state.offers.has(id)).toBe(false);
    await flush();
    const types = sub.types();
    expect(types.slice(0, 5)).toEqual(['fte', types[1], 'fcn', 'ftu', 'wu']);
    expect(['fou', 'foc']).toContain(types[1]);
    const foc = sub.of('foc')[0]!;
    expect(foc[10]).toMatch(/^EXECUTED at \d+\.\d{4}% \(200\.0\)$/);
    const lent = sub.of('fte').reduce((s, t) => s + (t[4] as number), 0);
    expect(lent).toBeCloseTo(200, 8);
    const credits = [...state.credits.values()].filter((c) => c.matched);
    expect(credits.reduce((s, c) => s + c.amount, 0)).toBeCloseTo(200, 8);
    for (const c of credits) {
      expect(c.side).toBe(1);
      expect(c.rate).toBe(rate);
    }
    const fcn = sub.of('fcn')[0]!;
    expect(fcn).toHaveLength(22);
    expect(fcn[7]).toBe('ACTIVE');

    // A day later: interest paid net of 15 %; after the 2-day period the credit closes.
    const balance0 = state.wallets.get('funding:USD')!.balance;
    sub.clear();
    advance(DAY);
    exchange.settleFunding();
    const paid = state.wallets.get('funding:USD')!.balance - balance0;
    expect(paid).toBeCloseTo(200 * rate * 0.85, 6);
    advance(DAY);
    exchange.settleFunding();
    await flush();
    expect(sub.types()).toContain('fcc');
    expect([...state.credits.values()].some((c) => c.matched)).toBe(false);
  });

  it('an offer below the best demand rate takes at once; auto-renew re-offers when the credit ends', async () => {
    const { market, exchange, alice, advance } = world();
    const state = exchangeAccount(alice)!.state;
    state.autoRenew.set('USD', ['USD', 2, 0, 0]);
    const sub = collect(alice);
    const demand = market.bestBid(F)!;
    alice.input('fon', { type: 'LIMIT', symbol: F, amount: '150', rate: String(demand), period: 2 }, 'ws');
    await flush();
    expect(sub.types().slice(0, 3)).toEqual(['fon', 'wu', 'fte']);
    expect(sub.of('fte')[0]![5]).toBe(demand);
    advance(3 * DAY);
    exchange.settleFunding();
    await flush();
    expect(sub.types()).toContain('fcc');
    expect(sub.of('fon')).toHaveLength(2);
  });
});
