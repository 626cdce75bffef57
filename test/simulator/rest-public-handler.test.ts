import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SimHttpError, type SimAccount, type SimExchange, type SimRoute, type VerifyResult } from '../../src/simulator/contracts.js';
import { createRestHandler, type RestHandler, type RestHandlerOptions } from '../../src/simulator/http/handler.js';
import { publicRoutes } from '../../src/simulator/http/routes-public.js';
import { createMarketEngine } from '../../src/simulator/market/engine.js';

const account: SimAccount = {
  userId: 77,
  apiKey: 'key-1',
  caps: {},
  snapshotFrames: () => [],
  subscribe: () => () => undefined,
  input: () => [],
  cancelAllOrders: () => undefined,
};

/** A stub exchange: accepts signature "good", answers 10114 for nonces ≤ the last, records payloads. */
function stubExchange(payloads: string[]): SimExchange {
  let lastNonce = 0;
  return {
    verify(apiKey, nonce, payload, signature): VerifyResult {
      payloads.push(payload);
      if (apiKey !== 'key-1' || signature !== 'good') return { ok: false, code: 10100, msg: 'apikey: invalid' };
      if (Number(nonce) <= lastNonce) return { ok: false, code: 10114, msg: 'nonce: small' };
      lastNonce = Number(nonce);
      return { ok: true, account };
    },
    account: (k) => (k === 'key-1' ? account : undefined),
    settleFunding: () => undefined,
    accounts: () => [account],
  };
}

const testRoutes: SimRoute[] = [
  { method: 'POST', path: 'auth/r/orders/{symbol}', auth: true, handler: (req) => ['by-symbol', req.params.symbol] },
  { method: 'POST', path: 'auth/r/orders/hist', auth: true, handler: () => ['hist'] },
  {
    method: 'POST',
    path: 'auth/r/order/{symbol}:{id}/trades',
    auth: true,
    handler: (req) => [req.account?.userId, req.params.symbol, req.params.id, req.body, req.rawBody],
  },
  { method: 'GET', path: 'boom', handler: () => { throw new Error('kaput'); } },
  { method: 'GET', path: 'teapot', handler: () => { throw new SimHttpError(10001, 'short and stout', 418); } },
  { method: 'GET', path: 'slow', handler: async () => { await new Promise((r) => setTimeout(r, 5)); return ['late']; } },
  { method: 'GET', path: 'a', bucket: 'shared', handler: () => ['a'] },
  { method: 'GET', path: 'b', bucket: 'shared', handler: () => ['b'] },
];

describe('REST handler behaviour', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
  });

  async function start(options: Partial<RestHandlerOptions> = {}): Promise<{ base: string; rest: RestHandler }> {
    const market = createMarketEngine({ seed: 1, clock: () => 1_700_000_000_000 });
    const rest = createRestHandler({ routes: [...publicRoutes(market), ...testRoutes], rateLimit: false, ...options });
    const server = createServer((req, res) => rest.handle(req, res));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/`, rest };
  }

  const json = async (r: Response): Promise<[number, unknown]> => [r.status, await r.json()];

  it('rate limits per route bucket per client: 429 ["error",11010,"ratelimit: error"]', async () => {
    const { base } = await start({ rateLimit: { perMinute: 3 } });
    for (let i = 0; i < 3; i++) expect((await fetch(`${base}platform/status`)).status).toBe(200);
    expect(await json(await fetch(`${base}platform/status`))).toEqual([429, ['error', 11010, 'ratelimit: error']]);
    expect((await fetch(`${base}ticker/tBTCUSD`)).status).toBe(200);
    // Routes sharing a bucket share the budget.
    await fetch(`${base}a`);
    await fetch(`${base}b`);
    await fetch(`${base}a`);
    expect((await fetch(`${base}b`)).status).toBe(429);
  });

  it('the window slides with the clock', async () => {
    let now = 0;
    const { base } = await start({ rateLimit: { perMinute: 1 }, clock: () => now });
    expect((await fetch(`${base}platform/status`)).status).toBe(200);
    expect((await fetch(`${base}platform/status`)).status).toBe(429);
    now += 60_001;
    expect((await fetch(`${base}platform/status`)).status).toBe(200);
  });

  it('defaults to the shared limits table (platform/status 30 a minute, trades 15 across symbols)', async () => {
    const { base } = await start({ rateLimit: undefined });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await fetch(`${base}platform/status`)).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    const trades: number[] = [];
    for (let i = 0; i < 16; i++) trades.push((await fetch(`${base}trades/${i % 2 ? 'tBTCUSD' : 'tETHUSD'}/hist`)).status);
    expect(trades.filter((s) => s === 429)).toHaveLength(1);
    expect(trades[15]).toBe(429);
  });

  it('maintenance: platform/status [0], other public endpoints 20060', async () => {
    const { base, rest } = await start();
    rest.faults.maintenance(true);
    expect(await json(await fetch(`${base}platform/status`))).toEqual([200, [0]]);
    expect(await json(await fetch(`${base}book/tBTCUSD/P0`))).toEqual([500, ['error', 20060, 'maintenance']]);
    rest.faults.maintenance(false);
    expect(await json(await fetch(`${base}platform/status`))).toEqual([200, [1]]);
  });

  it('failNext, rateLimitNext and delay', async () => {
    const { base, rest } = await start();
    rest.faults.failNext(2, 503, { error: 'ERR_RATE_LIMIT' });
    expect(await json(await fetch(`${base}platform/status`))).toEqual([503, { error: 'ERR_RATE_LIMIT' }]);
    expect(await json(await fetch(`${base}ticker/tBTCUSD`))).toEqual([503, { error: 'ERR_RATE_LIMIT' }]);
    expect((await fetch(`${base}platform/status`)).status).toBe(200);
    rest.faults.rateLimitNext(1);
    expect(await json(await fetch(`${base}platform/status`))).toEqual([429, ['error', 11010, 'ratelimit: error']]);
    expect((await fetch(`${base}platform/status`)).status).toBe(200);
    rest.faults.delay(20);
    expect(await json(await fetch(`${base}platform/status`))).toEqual([200, [1]]);
    rest.faults.delay(0);
  });

  it('errors: SimHttpError status, unexpected exceptions → 500 10001, bad JSON body → 10020', async () => {
    const { base } = await start();
    expect(await json(await fetch(`${base}teapot`))).toEqual([418, ['error', 10001, 'short and stout']]);
    const [status, body] = await json(await fetch(`${base}boom`));
    expect(status).toBe(500);
    expect((body as unknown[]).slice(0, 2)).toEqual(['error', 10001]);
    expect(await json(await fetch(`${base}slow`))).toEqual([200, ['late']]);
    const bad = await fetch(`${base}calc/fx`, { method: 'POST', body: '{nope' });
    expect(await json(bad)).toEqual([500, ['error', 10020, 'body: invalid']]);
    expect((await fetch(`${base.replace('/v2/', '/api/v2/')}platform/status`)).status).toBe(200);
    const outside = await fetch(base.replace('/v2/', '/v3/platform/status'));
    expect(outside.status).toBe(404);
  });

  it('auth routes verify key, nonce and signature over "/api/v2/" + path + nonce + raw body', async () => {
    const payloads: string[] = [];
    const { base } = await start({ exchange: stubExchange(payloads) });
    const call = (path: string, headers: Record<string, string>, body?: string): Promise<Response> =>
      fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect(await json(await call('auth/r/orders/hist', {}))).toEqual([500, ['error', 10100, 'apikey: invalid']]);
    const rawBody = '{ "limit" : 5 }';
    const good = await call('auth/r/order/tBTCF0:USTF0:1234/trades', { 'bfx-apikey': 'key-1', 'bfx-nonce': '100', 'bfx-signature': 'good' }, rawBody);
    expect(await json(good)).toEqual([200, [77, 'tBTCF0:USTF0', '1234', { limit: 5 }, rawBody]]);
    expect(payloads.at(-1)).toBe(`/api/v2/auth/r/order/tBTCF0:USTF0:1234/trades100${rawBody}`);
    const replay = await call('auth/r/orders/hist', { 'bfx-apikey': 'key-1', 'bfx-nonce': '100', 'bfx-signature': 'good' });
    expect(await json(replay)).toEqual([500, ['error', 10114, 'nonce: small']]);
    expect(payloads.at(-1)).toBe('/api/v2/auth/r/orders/hist100');
    const badSig = await call('auth/r/orders/hist', { 'bfx-apikey': 'key-1', 'bfx-nonce': '101', 'bfx-signature': 'bad' });
    expect(await json(badSig)).toEqual([500, ['error', 10100, 'apikey: invalid']]);
    // The literal template wins over the parameter; a parameter still matches other values.
    const hist = await call('auth/r/orders/hist', { 'bfx-apikey': 'key-1', 'bfx-nonce': '102', 'bfx-signature': 'good' });
    expect(await json(hist)).toEqual([200, ['hist']]);
    const bySymbol = await call('auth/r/orders/tETHUSD', { 'bfx-apikey': 'key-1', 'bfx-nonce': '103', 'bfx-signature': 'good' });
    expect(await json(bySymbol)).toEqual([200, ['by-symbol', 'tETHUSD']]);
  });

  it('auth routes fail with 10100 when no exchange is configured', async () => {
    const { base } = await start();
    const r = await fetch(`${base}auth/r/orders/hist`, { method: 'POST', headers: { 'bfx-apikey': 'k', 'bfx-nonce': '1', 'bfx-signature': 's' } });
    expect(await json(r)).toEqual([500, ['error', 10100, 'apikey: invalid']]);
  });
});
