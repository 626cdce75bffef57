/**
 * The simulator as a paper-trading exchange: resting orders rest on the public book and fill as
 * makers when the seeded market trades through them; stops trigger; POST ONLY, FOK, IOC,
 * HIDDEN, OCO and reduce-only behave as Bitfinex documents; fees come from the schedule in the
 * right currency. Real market engine + exchange, an injected clock, ticks driven by the test.
 */
import { describe, expect, it } from 'vitest';
import type { SimAccount } from '../../src/simulator/contracts.js';
import { createSimExchange, exchangeAccount } from '../../src/simulator/exchange/exchange.js';
import { createMarketEngine } from '../../src/simulator/market/engine.js';
import { ALICE, collect, flush } from './exchange-fixtures.js';

const ORDER = { ID: 0, AMOUNT: 6, TYPE: 8, TYPE_PREV: 9, STATUS: 13, PRICE: 16 };
const TRADE = { AMOUNT: 4, PRICE: 5, MAKER: 8, FEE: 9, FEE_CCY: 10 };
const S = 'tBTCUSD';

function world(seed = 3, volatility?: number) {
  let now = 1_700_000_000_000;
  const market = createMarketEngine({ seed, clock: () => now, pairs: [S, 'tETHUSD', 'tBTCF0:USTF0'], volatility });
  const exchange = createSimExchange({ accounts: [ALICE], market });
  const alice = exchange.account(ALICE.apiKey)!;
  const tick = (n: number, symbol = S): void => {
    for (let i = 0; i < n; i++) {
      now += 200;
      market.tick(symbol);
    }
  };
  return { market, exchange, alice, tick, advance: (ms: number) => void (now += ms) };
}

const wallet = (acc: SimAccount, type: string, ccy: string): number =>
  exchangeAccount(acc)!.state.wallets.get(`${type}:${ccy}`)?.balance ?? 0;

/** Ticks until `done()` or `max` ticks; returns the ticks used. */
function until(tick: (n: number) => void, done: () => boolean, max = 2000): number {
  let n = 0;
  while (!done() && n < max) {
    tick(1);
    n++;
  }
  return n;
}

describe('paper trading: resting orders', () => {
  it('a resting bid shows in P0/R0, moves the ticker, and fills as maker (0.1 % in BTC) when the market trades down through it', async () => {
    const { market, alice, tick } = world();
    const sub = collect(alice);
    const bid = market.bestBid(S)!;
    const ask = market.bestAsk(S)!;
    const price = bid + 1 < ask ? bid + 1 : bid;
    const n = alice.input('on', { type: 'EXCHANGE LIMIT', symbol: S, amount: '0.01', price: String(price), cid: 1 }, 'ws');
    const id = (n[4] as unknown[])[ORDER.ID] as number;
    expect(market.bestBid(S)).toBe(price);
    expect(market.ticker(S)[0]).toBe(price);
    expect(market.bookSnapshot(S, 'R0', 1000)).toContainEqual([id, price, 0.01]);
    const level = market.bookSnapshot(S, 'P0', 25).find((r) => r[0] === price) as number[];
    expect(level[2]).toBeGreaterThanOrEqual(0.01);
    await flush();
    expect(sub.types()).toEqual(['on', 'wu']);
    sub.clear();
    const btc0 = wallet(alice, 'exchange', 'BTC');
    const usd0 = wallet(alice, 'exchange', 'USD');
    market.scenario({ kind: 'crash', symbol: S, change: -0.02, steps: 10 });
    const used = until(tick, () => !exchangeAccount(alice)!.state.orders.has(id));
    expect(used).toBeLessThan(2000);
    await flush();
    const types = sub.types();
    // Per fill: te, then ou (partial) or oc (executed), then tu.
    expect(types[0]).toBe('te');
    expect(['ou', 'oc']).toContain(types[1]);
    expect(types[2]).toBe('tu');
    const tes = sub.of('te');
    const tus = sub.of('tu');
    for (const te of tes) {
      expect(te[TRADE.MAKER]).toBe(1);
      expect(te[TRADE.PRICE]).toBe(price);
      expect(te[TRADE.FEE]).toBeNull();
    }
    const filled = tus.reduce((s, t) => s + (t[TRADE.AMOUNT] as number), 0);
    expect(filled).toBeCloseTo(0.01, 10);
    for (const tu of tus) {
      expect(tu[TRADE.FEE_CCY]).toBe('BTC');
      expect(tu[TRADE.FEE]).toBeCloseTo(-(tu[TRADE.AMOUNT] as number) * 0.001, 12);
    }
    const oc = sub.of('oc').at(-1)!;
    expect(oc[ORDER.STATUS]).toMatch(/^EXECUTED @ /);
    expect(wallet(alice, 'exchange', 'BTC')).toBeCloseTo(btc0 + 0.01 * (1 - 0.001), 10);
    expect(wallet(alice, 'exchange', 'USD')).toBeCloseTo(usd0 - 0.01 * price, 6);
    expect(market.bookSnapshot(S, 'R0', 1000).some((r) => r[0] === id)).toBe(false);
  });

  it('a resting ask nibbled by buyers gets ou PARTIALLY FILLED, then oc EXECUTED; a sell pays the maker fee in USD', async () => {
    const { market, alice, tick } = world(11, 0);
    const sub = collect(alice);
    const ask = market.bestAsk(S)!;
    const n = alice.input('on', { type: 'EXCHANGE LIMIT', symbol: S, amount: '-0.5', price: String(ask) }, 'ws');
    const id = (n[4] as unknown[])[ORDER.ID] as number;
    // A still fair price: random buyers nibble at the best ask, then a spike sweeps the rest.
    until(tick, () => exchangeAccount(alice)!.state.orders.get(id)!.fills.length > 0);
    market.scenario({ kind: 'spike', symbol: S, change: 0.03, steps: 40 });
    until(tick, () => !exchangeAccount(alice)!.state.orders.has(id), 5000);
    await flush();
    expect(sub.of('ou').length).toBeGreaterThan(0);
    expect(sub.of('ou')[0]![ORDER.STATUS]).toMatch(/^PARTIALLY FILLED @ /);
    // Fills at one price merge into one status entry, as the matching engine reports them.
    expect(sub.of('oc').at(-1)![ORDER.STATUS]).toBe(`EXECUTED @ ${ask}(-0.5)`);
    expect(sub.of('te').length).toBeGreaterThan(1);
    for (const tu of sub.of('tu')) {
      expect(tu[TRADE.MAKER]).toBe(1);
      expect(tu[TRADE.FEE_CCY]).toBe('USD');
      expect(tu[TRADE.FEE]).toBeCloseTo(-Math.abs((tu[TRADE.AMOUNT] as number) * (tu[TRADE.PRICE] as number)) * 0.001, 8);
    }
  });

  it('a hidden order matches but is in no public book', () => {
    const { market, alice } = world();
    const bid = market.bestBid(S)!;
    const n = alice.input('on', { type: 'EXCHANGE LIMIT', symbol: S, amount: '0.01', price: String(bid - 5), flags: 64 }, 'ws');
    const id = (n[4] as unknown[])[ORDER.ID] as number;
    expect(market.bookSnapshot(S, 'R0', 1000).some((r) => r[0] === id)).toBe(false);
    expect(exchangeAccount(alice)!.state.orders.get(id)?.hidden).toBe(1);
  });
});

describe('paper trading: order types', () => {
  it('POST ONLY is cancelled when it would take', async () => {
    const { market, alice } = world();
    const sub = collect(alice);
    const ask = market.bestAsk(S)!;
    const n = alice.input('on', { type: 'EXCHANGE LIMIT', symbol: S, amount: '0.01', price: String(ask), flags: 4096 }, 'ws');
    expect(n[6]).toBe('SUCCESS');
    await flush();
    expect(sub.types()).toEqual(['oc']);
    expect(sub.of('oc')[0]![ORDER.STATUS]).toBe('POSTONLY CANCELED');
    expect(market.bestAsk(S)).toBe(ask);
  });

  it('a STOP sell triggers when the market trades down to it: ou as MARKET (TYPE_PREV STOP), then taker fills paying USD', async () => {
    const { market, alice, tick } = world();
    const sub = collect(alice);
    const stop = Math.round(market.bestBid(S)! * 0.995);
    const n = alice.input('on', { type: 'EXCHANGE STOP', symbol: S, amount: '-0.01', price: String(stop) }, 'ws');
    const id = (n[4] as unknown[])[ORDER.ID] as number;
    expect(market.bookSnapshot(S, 'R0', 1000).some((r) => r[0] === id)).toBe(false);
    tick(20);
    expect(exchangeAccount(alice)!.state.orders.has(id)).toBe(true);
    market.scenario({ kind: 'crash', symbol: S, change: -0.03, steps: 20 });
    until(tick, () => !exchangeAccount(alice)!.state.orders.has(id));
    await flush();
    const ou = sub.of('ou').find((o) => o[ORDER.TYPE] === 'EXCHANGE MARKET')!;
    expect(ou[ORDER.TYPE_PREV]).toBe('EXCHANGE STOP');
    expect(sub.of('oc').at(-1)![ORDER.STATUS]).toMatch(/^EXECUTED @ /);
    for (const tu of sub.of('tu')) {
      expect(tu[TRADE.MAKER]).toBe(-1);
      expect(tu[TRADE.FEE_CCY]).toBe('USD');
      expect(tu[TRADE.PRICE] as number).toBeLessThanOrEqual(stop);
    }
  });

  it('a TRAILING STOP follows the price up and triggers on the way down', async () => {
    const { market, alice, tick } = world(5);
    const n = alice.input('on', { type: 'EXCHANGE TRAILING STOP', symbol: S, amount: '-0.01', price_trailing: '200' }, 'ws');
    const id = (n[4] as unknown[])[ORDER.ID] as number;
    const o = exchangeAccount(alice)!.state.orders.get(id)!;
    const first = o.price;
    market.scenario({ kind: 'spike', symbol: S, change: 0.01, steps: 20 });
    tick(40);
    expect(o.price).toBeGreaterThan(first);
    market.scenario({ kind: 'crash', symbol: S, change: -0.02, steps: 20 });
    until(tick, () => !exchangeAccount(alice)!.state.orders.has(id));
    expect(o.typePrev).toBe('EXCHANGE TRAILING STOP');
    expect(o.status).toMatch(/^EXECUTED @ /);
  });

  it('FOK is killed when the book cannot fill it all; IOC fills what it can and cancels the rest', async () => {
    const { market, alice } = world();
    const sub = collect(alice);
    const ask = market.bestAsk(S)!;
    alice.input('on', { type: 'EXCHANGE FOK', symbol: S, amount: '1', price: String(ask) }, 'ws');
    alice.input('on', { type: 'EXCHANGE IOC', symbol: S, amount: '1', price: String(ask) }, 'ws');
    await flush();
    const [fok, ioc] = sub.of('oc');
    expect(fok![ORDER.STATUS]).toBe('FILLORKILL CANCELED');
    expect(ioc![ORDER.STATUS]).toMatch(/^CANCELED was: PARTIALLY FILLED @ /);
  });

  it('OCO: a limit and its stop; the stop triggering cancels the limit', async () => {
    const { market, alice, tick } = world();
    const sub = collect(alice);
    const ask = market.bestAsk(S)!;
    const bid = market.bestBid(S)!;
    alice.input('on', { type: 'EXCHANGE LIMIT', symbol: S, amount: '-0.01', price: String(ask + 500), flags: 16384, price_oco_stop: String(Math.round(bid * 0.995)) }, 'ws');
    await flush();
    const ons = sub.of('on');
    expect(ons.map((o) => o[ORDER.TYPE])).toEqual(['EXCHANGE LIMIT', 'EXCHANGE STOP']);
    market.scenario({ kind: 'crash', symbol: S, change: -0.03, steps: 20 });
    until(tick, () => exchangeAccount(alice)!.state.orders.size === 0);
    await flush();
    const limitClosed = sub.of('oc').find((o) => o[ORDER.ID] === ons[0]![ORDER.ID])!;
    expect(limitClosed[ORDER.STATUS]).toBe('CANCELED');
  });

  it('reduce-only is refused without a position and capped at the position size', async () => {
    const { alice } = world();
    const refused = alice.input('on', { type: 'MARKET', symbol: S, amount: '-0.1', flags: 1024 }, 'ws');
    expect(refused[6]).toBe('ERROR');
    expect(refused[7]).toMatch(/reduce-only/);
    alice.input('on', { type: 'MARKET', symbol: S, amount: '0.1' }, 'ws');
    const capped = alice.input('on', { type: 'MARKET', symbol: S, amount: '-0.5', flags: 1024 }, 'ws');
    expect(capped[6]).toBe('SUCCESS');
    expect(exchangeAccount(alice)!.state.positions.has(S)).toBe(false);
  });

  it('derivatives pay the derivatives taker rate (0.065 %) in the quote currency', async () => {
    const { alice } = world();
    const sub = collect(alice);
    alice.input('on', { type: 'MARKET', symbol: 'tBTCF0:USTF0', amount: '0.01', lev: 10 }, 'ws');
    await flush();
    for (const tu of sub.of('tu')) {
      expect(tu[TRADE.FEE_CCY]).toBe('USTF0');
      expect(tu[TRADE.FEE]).toBeCloseTo(-Math.abs((tu[TRADE.AMOUNT] as number) * (tu[TRADE.PRICE] as number)) * 0.00065, 8);
    }
  });
});

describe('paper trading: updates', () => {
  it('ou moves a resting order on the public book, and a crossing price takes at once', async () => {
    const { market, alice } = world();
    const bid = market.bestBid(S)!;
    const n = alice.input('on', { type: 'EXCHANGE LIMIT', symbol: S, amount: '0.01', price: String(bid - 50) }, 'ws');
    const id = (n[4] as unknown[])[ORDER.ID] as number;
    alice.input('ou', { id, price: String(bid - 20) }, 'ws');
    expect(market.bookSnapshot(S, 'R0', 1000)).toContainEqual([id, bid - 20, 0.01]);
    expect(market.bookSnapshot(S, 'R0', 1000).some((r) => r[0] === id && r[1] === bid - 50)).toBe(false);
    const sub = collect(alice);
    alice.input('ou', { id, price: String(market.bestAsk(S)! + 100) }, 'ws');
    await flush();
    expect(exchangeAccount(alice)!.state.orders.has(id)).toBe(false);
    expect(sub.of('tu').every((t) => t[TRADE.MAKER] === -1)).toBe(true);
    expect(sub.of('oc').at(-1)![ORDER.STATUS]).toMatch(/^EXECUTED @ /);
  });
});
