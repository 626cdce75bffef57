import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimExchange } from '../../src/simulator/exchange/exchange.js';
import { createRestHandler } from '../../src/simulator/http/handler.js';
import { authRoutes } from '../../src/simulator/http/routes-auth.js';
import { merchantRoutes } from '../../src/simulator/http/routes-merchant.js';
import { createMarketEngine } from '../../src/simulator/market/engine.js';
import { ALICE, sign } from './exchange-fixtures.js';

describe('auth routes over HTTP with the real market engine', () => {
  const market = createMarketEngine({ seed: 7 });
  const exchange = createSimExchange({ accounts: [ALICE], market });
  const handler = createRestHandler({ routes: [...authRoutes(exchange, market), ...merchantRoutes(exchange)], exchange, rateLimit: false });
  let server: Server;
  let base = '';
  let nonce = Date.now() * 1000;

  beforeAll(async () => {
    server = createServer((req, res) => handler.handle(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });

  async function post(path: string, body: unknown, opts: { nonce?: number; secret?: string } = {}) {
    const raw = body === undefined ? '' : JSON.stringify(body);
    const n = String(opts.nonce ?? ++nonce);
    const res = await fetch(`${base}/v2/${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json', 'bfx-apikey': ALICE.apiKey, 'bfx-nonce': n,
        'bfx-signature': sign(opts.secret ?? ALICE.apiSecret, `/api/v2/${path}${n}${raw}`),
      },
      body: raw,
    });
    return { status: res.status, body: (await res.json()) as unknown };
  }

  it('submits a market order and reads it back from history, wallets and trades', async () => {
    const before = (await post('auth/r/wallets', {})).body as unknown[][];
    const btc0 = before.find((w) => w[0] === 'exchange' && w[1] === 'BTC')![2] as number;
    const n = await post('auth/w/order/submit', { type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount: '0.5' });
    expect(n.status).toBe(200);
    const note = n.body as unknown[];
    expect([note[1], note[6]]).toEqual(['on-req', 'SUCCESS']);
    const hist = (await post('auth/r/orders/hist', undefined)).body as unknown[][];
    expect(hist[0]![13]).toMatch(/^EXECUTED @ \d+\([\d.]+\)(: was PARTIALLY FILLED @ \d+\([\d.]+\)(, PARTIALLY FILLED @ \d+\([\d.]+\))*)?$/);
    const trades = (await post('auth/r/trades/tBTCUSD/hist', { limit: 2500 })).body as unknown[][];
    expect(trades.reduce((s, t) => s + (t[4] as number), 0)).toBeCloseTo(0.5, 8);
    const after = (await post('auth/r/wallets', {})).body as unknown[][];
    // The taker fee of an exchange buy is paid in the bought currency.
    expect(after.find((w) => w[0] === 'exchange' && w[1] === 'BTC')![2]).toBeCloseTo(btc0 + 0.5 * (1 - 0.002), 8);
  });

  it('answers Bitfinex errors for bad signature, small nonce, bad params and unknown order', async () => {
    expect(await post('auth/r/wallets', {}, { secret: 'wrong' })).toEqual({ status: 500, body: ['error', 10100, 'apikey: digest invalid'] });
    expect(await post('auth/r/wallets', {}, { nonce: 1 })).toEqual({ status: 500, body: ['error', 10114, 'nonce: small'] });
    expect(await post('auth/r/orders/hist', { limit: 999999 })).toEqual({ status: 500, body: ['error', 10020, 'limit: invalid'] });
    const oc = await post('auth/w/order/cancel', { id: 42 });
    expect(oc.status).toBe(200);
    expect((oc.body as unknown[]).slice(6)).toEqual(['ERROR', 'Order not found.']);
  });

  it('serves the merchant routes, including the double-slash unlinked path', async () => {
    const r = await post('auth/r/ext/pay/settings/convert/list', {});
    expect(r).toEqual({ status: 200, body: [] });
    const u = await post('/auth/r/ext/pay/deposits/unlinked', { ccy: 'BTC' });
    expect(u.status).toBe(200);
    expect(Array.isArray(u.body)).toBe(true);
  });
});
