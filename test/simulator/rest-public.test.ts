import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestHandler } from '../../src/simulator/http/handler.js';
import { publicRoutes } from '../../src/simulator/http/routes-public.js';
import { createMarketEngine } from '../../src/simulator/market/engine.js';

/** Real frames from ../shared/samples/rest-public-*.json (copied verbatim so the suite is self-contained). */
const SAMPLE = {
  tickerTrading: [73350, 2.55279457, 73351, 6.36068263, 1003, 0.01386374, 73350, 2638.4314844, 73583, 68643],
  // ws-ticker-funding.json frame 0 payload (the 16-field form the REST ticker shares).
  tickerFunding: [0.0003193369863013699, 0.0002401, 30, 3939629.6177260396, 0.00019012, 2, 307776.1592138799, -0.00005823,
    -0.2344, 0.00019016, 122156333.45260866, 0.00027397, 6.8e-7, null, null, 3441851.73330503],
  tradeTrading: [32179419, 1494853783000, -0.04824433, 1760.2],
  tradeFunding: [133323072, 1574694245478, -258.7458086, 0.0002587, 2],
  bookP: [8744.9, 2, 0.45603413],
  bookR0: [34006738527, 8744.9, 0.25603413],
  bookFundingP: [0.0003301, 30, 1, -3862.874],
  bookFundingR0: [645902785, 30, 0.0003301, -3862.874],
  candle: [1678465320000, 20097, 20114, 20125, 20094, 1.43504645],
  status: [1],
  deriv: ['tAMPF0:USTF0', 1596124822000, null, 0.896, 0.771995, null, 1396531.67460709, null, 1596153600000, 0.0001056, 6, null,
    -0.01381344, null, null, 0.7664, null, null, 246502.09001551, null, null, null, 0.0005, 0.0025],
  derivHist: [1570578776000, null, 8194.95, 8196.95, null, 101120.80328179, null, 1570579200000, 0.00021817, 9379, null, 0, null,
    null, 8192.823333333334, null, null, 5174.01444474, null, null, null, 0.0005, 0.0025],
  liquidation: [['pos', 158793100, 1678465351520, null, 'tAMPF0:USTF0', 1e-8, 1.0093, null, 0, 1, null, 1.0098]],
  fundingStats: [1678467900000, null, null, 0.00000187, 68.88, null, null, 3230660371.4429536, 2988430006.4623938, null, null,
    1447938775.5708046],
  calcAvg: [24187.614862350845, 1.123],
  calcFx: [8668.65],
  confSym: ['ABS', 'ABYSS'],
  confUnit: [['IOT', 'Mi|MegaIOTA']],
  confUndl: ['USTF0', 'UST'],
  confFees: { deriv_perp: { correction_clamp_min: 0.0025, correction_clamp_insurance: 0.0015, correction_slope: 0.2 } },
};

/** The JSON kinds of a value, recursively (`number`, `string`, `null`, arrays of kinds, `object`). */
function kinds(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(kinds);
  if (v === null) return 'null';
  return typeof v;
}

const T0 = 1_700_000_000_000;

async function startServer(seed: number): Promise<{ server: Server; base: string }> {
  const market = createMarketEngine({ seed, clock: () => T0 });
  const rest = createRestHandler({ routes: publicRoutes(market), rateLimit: false });
  const server = createServer((req, res) => rest.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/` };
}

const close = (s: Server): Promise<void> => new Promise((resolve) => s.close(() => resolve()));

describe('REST public endpoints over loopback', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    ({ server, base } = await startServer(21));
  });
  afterAll(() => close(server));

  const get = async (path: string): Promise<{ status: number; body: unknown }> => {
    const r = await fetch(base + path);
    return { status: r.status, body: await r.json() };
  };
  const post = async (path: string, body?: unknown): Promise<{ status: number; body: unknown }> => {
    const r = await fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, body: await r.json() };
  };
  const ok = async (path: string): Promise<unknown[]> => {
    const r = await get(path);
    expect(r.status, path).toBe(200);
    return r.body as unknown[];
  };

  it('platform/status', async () => {
    expect(kinds(await ok('platform/status'))).toEqual(kinds(SAMPLE.status));
  });

  it('ticker and tickers (trading 10 fields, funding 16, symbol first in lists)', async () => {
    expect(kinds(await ok('ticker/tBTCUST'))).toEqual(kinds(SAMPLE.tickerTrading));
    expect(kinds(await ok('ticker/fUSD'))).toEqual(kinds(SAMPLE.tickerFunding));
    const list = (await ok('tickers?symbols=tBTCUSD,fUSD,tNOPE')) as unknown[][];
    expect(list.map((r) => r[0])).toEqual(['tBTCUSD', 'fUSD']);
    expect(kinds(list[0])).toEqual(['string', ...(kinds(SAMPLE.tickerTrading) as string[])]);
    expect(kinds(list[1])).toEqual(['string', ...(kinds(SAMPLE.tickerFunding) as string[])]);
    expect(list[0].slice(1)).toEqual(await ok('ticker/tBTCUSD'));
    const all = (await ok('tickers?symbols=ALL')) as unknown[][];
    expect(all.length).toBeGreaterThanOrEqual(110);
    expect(all.some((r) => r[0] === 'fUSD')).toBe(true);
  });

  it('tickers/hist', async () => {
    const rows = (await ok('tickers/hist?symbols=tBTCUSD,tETHUSD&limit=10')) as unknown[][];
    expect(rows).toHaveLength(10);
    for (const r of rows) {
      expect(r).toHaveLength(13);
      expect(['tBTCUSD', 'tETHUSD']).toContain(r[0]);
      expect(r[1] as number).toBeLessThan(r[3] as number);
    }
    for (let i = 1; i < rows.length; i++) expect(rows[i][12] as number).toBeLessThanOrEqual(rows[i - 1][12] as number);
    expect((await get('tickers/hist?symbols=ALL&limit=251')).body).toEqual(['error', 10020, 'limit: invalid']);
  });

  it('trades/{symbol}/hist', async () => {
    const t = (await ok('trades/tBTCUSD/hist?limit=50')) as unknown[][];
    expect(t).toHaveLength(50);
    for (const r of t) expect(kinds(r)).toEqual(kinds(SAMPLE.tradeTrading));
    for (let i = 1; i < t.length; i++) expect(t[i][1] as number).toBeLessThanOrEqual(t[i - 1][1] as number);
    expect(await ok('trades/tBTCUSD/hist')).toHaveLength(125);
    const f = (await ok('trades/fUSD/hist?limit=5&sort=1')) as unknown[][];
    for (const r of f) expect(kinds(r)).toEqual(kinds(SAMPLE.tradeFunding));
    expect(f[1][1] as number).toBeGreaterThanOrEqual(f[0][1] as number);
    expect((await get('trades/tBTCUSD/hist?limit=10001')).body).toEqual(['error', 10020, 'limit: invalid']);
    expect((await get('trades/tNOPE/hist')).body).toEqual(['error', 10020, 'symbol: invalid']);
  });

  it('book/{symbol}/{precision} (P and R0, trading and funding)', async () => {
    const cases: [string, unknown[]][] = [['book/tETHUST/P2', SAMPLE.bookP], ['book/tETHUST/R0', SAMPLE.bookR0],
      ['book/fUSD/P2', SAMPLE.bookFundingP], ['book/fUSD/R0', SAMPLE.bookFundingR0]];
    for (const [path, sample] of cases) {
      const rows = (await ok(path)) as unknown[][];
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(kinds(r)).toEqual(kinds(sample));
    }
    const p0 = (await ok('book/tBTCUSD/P0?len=100')) as number[][];
    expect(p0).toHaveLength(200);
    expect(p0.slice(0, 100).every((r) => r[2] > 0)).toBe(true);
    expect(p0.slice(100).every((r) => r[2] < 0)).toBe(true);
    expect(p0[0][0]).toBeGreaterThan(p0[1][0]);
    expect(p0[100][0]).toBeLessThan(p0[101][0]);
    expect(await ok('book/BTCUSD/P0?len=1')).toHaveLength(2);
    const bad = await get('book/tBTCUSD/P7');
    expect(bad).toEqual({ status: 500, body: ['error', 10020, 'prec: invalid'] });
    expect((await get('book/tBTCUSD/P0?len=7')).body).toEqual(['error', 10020, 'len: invalid']);
    expect((await get('book/tNOPE/P0')).body).toEqual(['error', 10020, 'symbol: invalid']);
  });

  it('candles/{candle}/{section}', async () => {
    const hist = (await ok('candles/trade:1D:tETHUST/hist')) as unknown[][];
    expect(hist).toHaveLength(100);
    for (const r of hist) expect(kinds(r)).toEqual(kinds(SAMPLE.candle));
    expect(kinds(await ok('candles/trade:1D:tETHUST/last'))).toEqual(kinds(SAMPLE.candle));
    expect(await ok('candles/trade:1m:fUSD:a30:p2:p30/hist?limit=3')).toHaveLength(3);
    expect(await ok('candles/trade:1m:tBTCF0:USTF0/hist?limit=3')).toHaveLength(3);
    expect(await ok(`candles/${encodeURIComponent('trade:5m:tBTCUSD')}/hist?limit=2`)).toHaveLength(2);
    expect((await get('candles/trade:7m:tBTCUSD/hist')).body).toEqual(['error', 10020, 'time_interval: invalid']);
    expect((await get('candles/trade:1m:tNOPE/hist')).body).toEqual(['error', 10020, 'symbol: invalid']);
    expect((await get('candles/trade:1m:tBTCUSD/hist?limit=10001')).body).toEqual(['error', 10020, 'limit: invalid']);
  });

  it('status/deriv, status/deriv/{key}/hist, liquidations/hist, funding/stats', async () => {
    const all = (await ok('status/deriv?keys=ALL')) as unknown[][];
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const r of all) expect(kinds(r)).toEqual(kinds(SAMPLE.deriv));
    expect(((await ok('status/deriv?keys=tBTCF0:USTF0,tNOPE')) as unknown[][]).map((r) => r[0])).toEqual(['tBTCF0:USTF0']);
    expect(await get('status/deriv?keys=tNOPE')).toEqual({ status: 200, body: [] });
    const hist = (await ok('status/deriv/tBTCF0:USTF0/hist?limit=5')) as unknown[][];
    expect(hist).toHaveLength(5);
    for (const r of hist) expect(kinds(r)).toEqual(kinds(SAMPLE.derivHist));
    expect(await ok('status/deriv/tNOPE/hist')).toEqual([]);
    const liq = (await ok('liquidations/hist?limit=3')) as unknown[][];
    expect(liq).toHaveLength(3);
    for (const r of liq) expect(kinds(r)).toEqual(kinds(SAMPLE.liquidation));
    const fs = (await ok('funding/stats/fUSD/hist?limit=4')) as unknown[][];
    expect(fs).toHaveLength(4);
    for (const r of fs) expect(kinds(r)).toEqual(kinds(SAMPLE.fundingStats));
    expect((await get('funding/stats/fUSD/hist?limit=251')).body).toEqual(['error', 10020, 'limit: invalid']);
  });

  it('stats1, rankings, pulse', async () => {
    const hist = (await ok('stats1/pos.size:1m:tBTCUSD:long/hist?limit=5')) as unknown[][];
    expect(hist).toHaveLength(5);
    for (const r of hist) expect(kinds(r)).toEqual(['number', 'number']);
    for (const key of ['funding.size:1m:fUSD', 'credits.size:1m:fUSD', 'credits.size.sym:1m:fUSD:tBTCUSD', 'vol.1d:30m:BFX',
      'vol.7d:30m:BFX', 'vol.30d:30m:BFX', 'vwap:1d:tBTCUSD', 'pos.size:1m:tETHUSD:short']) {
      expect(kinds(await ok(`stats1/${key}/last`)), key).toEqual(['number', 'number']);
    }
    expect((await get('stats1/nope:1m:tBTCUSD/hist')).body).toEqual(['error', 10020, 'key: invalid']);
    const ranks = (await ok('rankings/vol:3h:tBTCUSD/hist?limit=5')) as unknown[][];
    expect(ranks).toHaveLength(5);
    expect(ranks.map((r) => r[3])).toEqual([1, 2, 3, 4, 5]);
    for (const r of ranks) expect(kinds(r)).toEqual(['number', 'null', 'string', 'number', 'null', 'null', 'number', 'null', 'null', 'null']);
    expect(((await ok('rankings/plu_diff:1M:tGLOBAL:USD/last')) as unknown[])[3]).toBe(1);
    const pulse = (await ok('pulse/hist?limit=3')) as unknown[][];
    expect(pulse).toHaveLength(3);
    for (const p of pulse) {
      expect(p).toHaveLength(22);
      expect((p[18] as unknown[][])[0]).toHaveLength(17);
    }
    const profile = (await ok('pulse/profile/Bitfinex')) as unknown[];
    expect(profile).toHaveLength(17);
    expect(profile[3]).toBe('Bitfinex');
    expect((await get('pulse/profile/nobody-here')).body).toEqual(['error', 10020, 'nickname: invalid']);
  });

  it('conf/{keys}', async () => {
    const [pairs, margin, futures, currencies] = (await ok(
      'conf/pub:list:pair:exchange,pub:list:pair:margin,pub:list:pair:futures,pub:list:currency',
    )) as string[][];
    expect(pairs).toContain('BTCUSD');
    expect(pairs).toContain('DOGE:USD');
    expect(pairs.length).toBeGreaterThanOrEqual(100);
    expect(margin).toContain('BTCUSD');
    expect(futures).toContain('BTCF0:USTF0');
    expect(currencies).toContain('BTC');
    for (const p of [...pairs, ...currencies]) expect(typeof p).toBe('string');
    const [sym, label, unit, undl, fees, unknown] = (await ok(
      'conf/pub:map:currency:sym,pub:map:currency:label,pub:map:currency:unit,pub:map:currency:undl,pub:fees,pub:nope',
    )) as unknown[][];
    expect(kinds(sym[0])).toEqual(kinds(SAMPLE.confSym));
    expect(kinds(label[0])).toEqual(['string', 'string']);
    expect(unit).toEqual(SAMPLE.confUnit);
    expect(undl).toContainEqual(SAMPLE.confUndl);
    expect(fees).toEqual(SAMPLE.confFees);
    expect(unknown).toBeNull();
    const [info] = (await ok('conf/pub:info:pair')) as unknown[][][];
    const btc = info.find((r) => r[0] === 'BTCUSD') as [string, unknown[]];
    expect(typeof btc[1][3]).toBe('string');
    expect(typeof btc[1][4]).toBe('string');
  });

  it('POST calc/trade/avg (JSON body or query string) and calc/fx', async () => {
    const avg = await post('calc/trade/avg', { symbol: 'tBTCUSD', amount: 1.123 });
    expect(avg.status).toBe(200);
    expect(kinds(avg.body)).toEqual(kinds(SAMPLE.calcAvg));
    const [price, amount] = avg.body as number[];
    expect(amount).toBe(1.123);
    const ask = ((await ok('book/tBTCUSD/P0?len=1')) as number[][])[1][0];
    expect(price).toBeGreaterThanOrEqual(ask);
    const sell = (await post('calc/trade/avg?symbol=tBTCUSD&amount=-0.5')).body as number[];
    expect(sell[0]).toBeLessThan(price);
    expect(sell[1]).toBe(-0.5);
    const limited = (await post('calc/trade/avg', { symbol: 'tBTCUSD', amount: 1000, price_limit: ask })).body as number[];
    expect(limited[0]).toBeCloseTo(ask, 6);
    expect(limited[1]).toBeLessThan(1000);
    const funding = await post('calc/trade/avg', { symbol: 'fUSD', amount: '-10000', period: 2 });
    expect(kinds(funding.body)).toEqual(['number', 'number']);
    expect((await post('calc/trade/avg', { symbol: 'fUSD', amount: 100 })).body).toEqual(['error', 10020, 'period: invalid']);
    expect((await post('calc/trade/avg', { symbol: 'tNOPE', amount: 1 })).body).toEqual(['error', 10020, 'symbol: invalid']);
    expect((await post('calc/trade/avg', { symbol: 'tBTCUSD' })).body).toEqual(['error', 10020, 'amount: invalid']);
    const fx = await post('calc/fx', { ccy1: 'BTC', ccy2: 'USD' });
    expect(kinds(fx.body)).toEqual(kinds(SAMPLE.calcFx));
    const [rate] = fx.body as number[];
    expect(rate).toBeGreaterThan(((await ok('book/tBTCUSD/P0?len=1')) as number[][])[0][0] - 1);
    const inverse = ((await post('calc/fx', { ccy1: 'USD', ccy2: 'BTC' })).body as number[])[0];
    expect(inverse * rate).toBeCloseTo(1, 3);
    expect((await post('calc/fx', { ccy1: 'BTC', ccy2: 'NOPE' })).body).toEqual(['error', 10020, 'currency: invalid']);
  });

  it('unknown paths answer 404 with the HTML page', async () => {
    const r = await fetch(`${base}nope/path`);
    expect(r.status).toBe(404);
    expect(await r.text()).toContain('Cannot GET /api/v2/nope/path');
    const p = await fetch(`${base}platform/status`, { method: 'POST' });
    expect(p.status).toBe(404);
    expect(await p.text()).toContain('Cannot POST /api/v2/platform/status');
  });

  it('is deterministic for a seed', async () => {
    const paths = ['book/tBTCUSD/R0?len=25', 'trades/fUSD/hist?limit=20', 'candles/trade:1h:tETHUSD/hist?limit=20', 'ticker/tXRPUSD',
      'status/deriv?keys=ALL', 'liquidations/hist'];
    const fetchAll = (b: string): Promise<string[]> => Promise.all(paths.map(async (p) => (await fetch(b + p)).text()));
    const twin = await startServer(21);
    const other = await startServer(22);
    try {
      expect(await fetchAll(twin.base)).toEqual(await fetchAll(base));
      expect(await fetchAll(other.base)).not.toEqual(await fetchAll(base));
    } finally {
      await close(twin.server);
      await close(other.server);
    }
  });
});
