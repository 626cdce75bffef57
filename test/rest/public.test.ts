/**
 * Every public method against the simulator over real HTTP, one case per method, asserting the
 * decoded values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicApi } from '../../src/rest/index.js';
import { publicEndpoints } from '../../src/rest/index.js';
import type { BfxSimulator } from '../../src/simulator/index.js';
import { startSim } from './helpers.js';

interface Case {
  readonly method: keyof PublicApi;
  readonly run: (api: PublicApi) => Promise<void>;
}
const cases: Case[] = [];
const add = <R>(method: keyof PublicApi, call: (api: PublicApi) => Promise<R>, check: (r: R) => void): void => {
  cases.push({ method, run: async (api) => check(await call(api)) });
};
const num = expect.any(Number);
const str = expect.any(String);

add('conf', (p) => p.conf('pub:list:pair:exchange'), (r) => {
  expect(Array.isArray(r)).toBe(true);
  expect(r).toContain('BTCUSD');
});
add('getPlatformStatus', (p) => p.getPlatformStatus(), (r) => expect(r).toEqual({ status: 1 }));
add('getTickers', (p) => p.getTickers(['tBTCUSD', 'fUSD']), (r) => {
  expect(Object.keys(r).sort()).toEqual(['fUSD', 'tBTCUSD']);
  expect(r.tBTCUSD).toMatchObject({ bid: num, ask: num, lastPrice: num });
  expect(r.fUSD).toMatchObject({ frr: num, bidPeriod: num });
});
add('getTTickers', (p) => p.getTTickers('ALL'), (r) => {
  expect(Object.keys(r).length).toBeGreaterThan(10);
  expect(Object.keys(r).every((k) => k.startsWith('t'))).toBe(true);
  expect(r.tETHUSD.ask).toBeGreaterThan(r.tETHUSD.bid);
});
add('getFTickers', (p) => p.getFTickers('ALL'), (r) => {
  expect(Object.keys(r).every((k) => k.startsWith('f'))).toBe(true);
  expect(r.fUSD).toMatchObject({ frr: num, askSize: num });
});
add('getTTicker', (p) => p.getTTicker('tBTCUSD'), (r) => {
  expect(r).toMatchObject({ bid: num, bidSize: num, ask: num, volume: num, high: num, low: num });
  expect(r.ask).toBeGreaterThan(r.bid);
});
add('getFTicker', (p) => p.getFTicker('fUSD'), (r) => expect(r).toMatchObject({ frr: num, bid: num, askPeriod: num, lastPrice: num }));
add('getTickersHistory', (p) => p.getTickersHistory(['tBTCUSD'], { limit: 3 }), (r) => {
  expect(r).toHaveLength(3);
  expect(r[0]).toMatchObject({ symbol: 'tBTCUSD', bid: num, ask: num, mts: num });
});
add('getTTrades', (p) => p.getTTrades('tBTCUSD', { limit: 5, sort: -1 }), (r) => {
  expect(r).toHaveLength(5);
  expect(r[0]).toEqual({ id: num, mts: num, amount: num, price: num });
  expect(r[0].mts).toBeGreaterThanOrEqual(r[4].mts);
});
add('getFTrades', (p) => p.getFTrades('fUSD', { limit: 2 }), (r) => expect(r[0]).toEqual({ id: num, mts: num, amount: num, rate: num, period: num }));
add('getTBook', (p) => p.getTBook('tBTCUSD', 'P0', { len: 25 }), (r) => {
  expect(r.length).toBeGreaterThan(2);
  expect(r[0]).toEqual({ price: num, count: num, amount: num });
  expect(r.some((l) => l.amount < 0) && r.some((l) => l.amount > 0)).toBe(true);
});
add('getFBook', (p) => p.getFBook('fUSD', 'P1', { len: 1 }), (r) => expect(r[0]).toEqual({ rate: num, period: num, count: num, amount: num }));
add('getTRawBook', (p) => p.getTRawBook('tBTCUSD', { len: 1 }), (r) => expect(r[0]).toEqual({ orderId: num, price: num, amount: num }));
add('getFRawBook', (p) => p.getFRawBook('fUSD'), (r) => expect(r[0]).toEqual({ offerId: num, period: num, rate: num, amount: num }));
add('getStatsHist', (p) => p.getStatsHist('pos.size:1m:tBTCUSD:long', { limit: 2 }), (r) => expect(r).toEqual([{ mts: num, value: num }, { mts: num, value: num }]));
add('getStatsLast', (p) => p.getStatsLast('pos.size:1m:tBTCUSD:long'), (r) => expect(r).toEqual({ mts: num, value: num }));
add('getCandlesHist', (p) => p.getCandlesHist('tBTCUSD', '1h', { limit: 3, sort: 1 }), (r) => {
  expect(r).toHaveLength(3);
  expect(r[0]).toEqual({ mts: num, open: num, close: num, high: num, low: num, volume: num });
  expect(r[1].mts - r[0].mts).toBe(3_600_000);
});
add('getCandlesLast', (p) => p.getCandlesLast('fUSD:a30:p2:p30'), (r) => {
  expect(r).toMatchObject({ mts: num, open: num, close: num });
  expect(r.mts % 60_000).toBe(0);
});
add('getDerivativesStatus', (p) => p.getDerivativesStatus(['tBTCF0:USTF0', 'tETHF0:USTF0']), (r) => {
  expect(Object.keys(r).sort()).toEqual(['tBTCF0:USTF0', 'tETHF0:USTF0']);
  expect(r['tBTCF0:USTF0']).toMatchObject({ mts: num, derivPrice: num, spotPrice: num, markPrice: num });
});
add('getDerivativesStatusHistory', (p) => p.getDerivativesStatusHistory('tBTCF0:USTF0', { limit: 2 }), (r) => {
  expect(r).toHaveLength(2);
  expect(r[0]).toMatchObject({ mts: num, derivPrice: num });
});
add('getLiquidations', (p) => p.getLiquidations({ limit: 2 }), (r) => {
  expect(r.length).toBeGreaterThan(0);
  expect(r[0]).toMatchObject({ posId: num, mts: num, symbol: str, amount: num });
});
add('getSeedCandles', (p) => p.getSeedCandles('tETHUSD', '5m', { limit: 2, sort: 1 }), (r) => expect(r[1].mts - r[0].mts).toBe(300_000));
add('getLeaderboardsHist', (p) => p.getLeaderboardsHist('vol:1w:tBTCUSD', { limit: 2 }), (r) => {
  expect(r).toHaveLength(2);
  expect(r[0]).toMatchObject({ mts: num, username: str, ranking: 1, value: num });
});
add('getLeaderboardsLast', (p) => p.getLeaderboardsLast('vol:1w:tBTCUSD'), (r) => expect(r).toMatchObject({ username: str, ranking: num }));
add('getFundingStats', (p) => p.getFundingStats('fUSD', { limit: 2 }), (r) => expect(r[0]).toMatchObject({ mts: num, frr: num, fundingAmount: num }));
add('getPulseMessageHistory', (p) => p.getPulseMessageHistory({ limit: 2 }), (r) => {
  expect(r).toHaveLength(2);
  expect(r[0]).toMatchObject({ pid: str, mts: num, content: str });
  expect(r[0].profile).toMatchObject({ puid: str, nickname: str });
});
add('getPulseProfileDetails', async (p) => {
  const [msg] = await p.getPulseMessageHistory({ limit: 1 });
  return { nickname: msg.profile?.nickname, profile: await p.getPulseProfileDetails(String(msg.profile?.nickname)) };
}, (r) => expect(r.profile).toMatchObject({ puid: str, nickname: r.nickname }));
add('getTradingMarketAveragePrice', (p) => p.getTradingMarketAveragePrice({ symbol: 'tBTCUSD', amount: 0.5 }), (r) => {
  expect(r.amount).toBe(0.5);
  expect(r.priceAvg).toBeGreaterThan(1000);
});
add('getFundingMarketAveragePrice', (p) => p.getFundingMarketAveragePrice({ symbol: 'fUSD', amount: 100, period: 2 }), (r) => {
  expect(r.amount).toBe(100);
  expect(r.rateAvg).toBeGreaterThan(0);
  expect(r.rateAvg).toBeLessThan(0.01);
});
add('getFxRate', (p) => p.getFxRate('BTC', 'USD'), (r) => expect(r.currentRate).toBeGreaterThan(1000));
add('getVasps', (p) => p.getVasps(), (r) => {
  expect(r.length).toBeGreaterThan(0);
  r.forEach((v) => expect(v).toEqual({ id: expect.stringMatching(/^did:/), name: expect.any(String) }));
});

describe('REST public endpoints against the simulator', () => {
  let sim: BfxSimulator;
  let api: PublicApi;
  beforeAll(async () => {
    const started = await startSim();
    sim = started.sim;
    api = started.rest.public;
  });
  afterAll(() => sim.close());

  it('has a case for every public method', () => {
    expect(cases.map((c) => c.method).sort()).toEqual(Object.keys(publicEndpoints).sort());
    expect(Object.keys(publicEndpoints)).toHaveLength(31);
  });

  it.each(cases.map((c) => [c.method, c] as const))('%s', async (_name, c) => {
    await c.run(api);
  });

  it('trading and funding average price are distinct calls on calc/trade/avg', async () => {
    await expect(api.getTradingMarketAveragePrice({ symbol: 'fUSD', amount: 1 } as never)).rejects.toMatchObject({ argument: 'symbol' });
    await expect(api.getFundingMarketAveragePrice({ symbol: 'fUSD', amount: 1 } as never)).rejects.toMatchObject({ argument: 'period' });
  });
});
