/**
 * What goes on the wire, observed by a loopback stub: URLs with exactly one slash, query strings,
 * JSON bodies (absent values dropped, booleans 1/0, no exponent notation), signature headers.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRestClient, type RestClient } from '../../src/rest/index.js';
import { encodeQuery, plainDecimal } from '../../src/rest/encode.js';
import { API_KEY, API_SECRET, startStub, type Stub } from './helpers.js';

const notification = JSON.stringify([1717587431, 'on-req', null, null, [[1, null, 2, 'tBTCUSD']], null, 'SUCCESS', 'ok']);

describe('REST wire format', () => {
  let stub: Stub;
  let rest: RestClient;
  beforeAll(async () => {
    stub = await startStub();
    rest = createRestClient({ restHost: `${stub.url}/`, apiKey: 'wire-key', apiSecret: API_SECRET });
  });
  beforeEach(() => {
    stub.requests.length = 0;
    stub.answer = () => ({ body: '[]' });
  });
  afterAll(() => stub.close());

  it('public GET: one slash, query without absent params, no auth headers', async () => {
    await rest.public.getTTrades('tBTCUSD', { limit: 10, start: undefined, sort: 1 });
    const [req] = stub.requests;
    expect(req.method).toBe('GET');
    expect(req.url).toBe('/v2/trades/tBTCUSD/hist?limit=10&sort=1');
    expect(req.headers['bfx-signature']).toBeUndefined();
  });

  it('request options come after the method arguments and never reach the wire', async () => {
    const ctrl = new AbortController();
    await rest.public.getTBook('tBTCUSD', 'P1', { len: 25 }, { signal: ctrl.signal, timeoutMs: 5_000 });
    await rest.public.getTBook('tBTCUSD', 'P2', undefined, { timeoutMs: 5_000 });
    await rest.auth.getWallets({ timeoutMs: 5_000 });
    expect(stub.requests.map((r) => [r.url, r.body])).toEqual([
      ['/v2/book/tBTCUSD/P1?len=25', ''],
      ['/v2/book/tBTCUSD/P2', ''],
      ['/v2/auth/r/wallets', '{}'],
    ]);
  });

  it('path segments keep colons; lists are comma-joined', async () => {
    await rest.public.getCandlesHist('fUSD:a30:p2:p30', '1D');
    await rest.public.getTickers(['tBTCUSD', 'fUSD']);
    await rest.public.getDerivativesStatus('ALL');
    expect(stub.requests.map((r) => r.url)).toEqual([
      '/v2/candles/trade:1D:fUSD:a30:p2:p30/hist',
      '/v2/tickers?symbols=tBTCUSD%2CfUSD',
      '/v2/status/deriv?keys=ALL',
    ]);
  });

  it('public calc POSTs send distinct JSON bodies on calc/trade/avg', async () => {
    stub.answer = () => ({ body: '[1, 2]' });
    await rest.public.getTradingMarketAveragePrice({ symbol: 'tBTCUSD', amount: 1.5, priceLimit: 1e-7 });
    await rest.public.getFundingMarketAveragePrice({ symbol: 'fUSD', amount: '100', period: 30, rateLimit: 0.0002 });
    const [t, f] = stub.requests;
    expect([t.method, t.url, f.url]).toEqual(['POST', '/v2/calc/trade/avg', '/v2/calc/trade/avg']);
    expect(JSON.parse(t.body)).toEqual({ symbol: 'tBTCUSD', amount: 1.5, price_limit: '0.0000001' });
    expect(JSON.parse(f.body)).toEqual({ symbol: 'fUSD', amount: '100', period: 30, rate_limit: 0.0002 });
    expect(t.headers['bfx-signature']).toBeUndefined();
  });

  it('authenticated POST: snake_case body, booleans 1/0, signature over /api/v2/ + path + nonce + body', async () => {
    stub.answer = () => ({ body: notification });
    await rest.auth.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.5, price: 100, priceAuxLimit: undefined, priceOcoStop: 99, meta: { aff_code: 'x' } });
    await rest.auth.getDepositAddress({ wallet: 'exchange', method: 'bitcoin', opRenew: true });
    const [order, deposit] = stub.requests;
    expect(order.url).toBe('/v2/auth/w/order/submit');
    // A cid is generated when absent (so an order whose outcome is unknown can be looked up).
    expect(order.body).toMatch(/^\{"type":"EXCHANGE LIMIT","symbol":"tBTCUSD","amount":0.5,"price":100,"price_oco_stop":99,"meta":\{"aff_code":"x"\},"cid":\d+\}$/);
    expect(JSON.parse(deposit.body)).toEqual({ wallet: 'exchange', method: 'bitcoin', op_renew: 1 });
    for (const req of [order, deposit]) {
      const nonce = String(req.headers['bfx-nonce']);
      const path = req.url.slice('/v2/'.length);
      const expected = createHmac('sha384', API_SECRET).update(`/api/v2/${path}${nonce}${req.body}`).digest('hex');
      expect(req.headers['bfx-apikey']).toBe('wire-key');
      expect(req.headers['bfx-signature']).toBe(expected);
      expect(req.headers['content-type']).toBe('application/json');
    }
    expect(Number(deposit.headers['bfx-nonce'])).toBeGreaterThan(Number(order.headers['bfx-nonce']));
  });

  it('renamed and optional path segments: ids → id, {/symbol}, merchant camelCase keys without double slash', async () => {
    stub.answer = () => ({ body: '[]' });
    await rest.auth.getOrders({ ids: [1, 2] });
    await rest.auth.getOrdersHistory({ symbol: 'tBTCF0:USTF0', limit: 5 });
    await rest.auth.getLedgers();
    await rest.merchant.getUnlinkedDeposits({ ccy: 'BTC', start: 1 });
    stub.answer = () => ({ body: '{}' });
    await rest.merchant.getInvoicesPaginated();
    const [orders, hist, ledgers, unlinked, pages] = stub.requests;
    expect([orders.url, JSON.parse(orders.body)]).toEqual(['/v2/auth/r/orders', { id: [1, 2] }]);
    expect([hist.url, JSON.parse(hist.body)]).toEqual(['/v2/auth/r/orders/tBTCF0:USTF0/hist', { limit: 5 }]);
    expect([ledgers.url, ledgers.body]).toEqual(['/v2/auth/r/ledgers/hist', '{}']);
    expect([unlinked.url, JSON.parse(unlinked.body)]).toEqual(['/v2/auth/r/ext/pay/deposits/unlinked', { ccy: 'BTC', start: 1 }]);
    expect(JSON.parse(pages.body)).toEqual({ page: 1, pageSize: 10, sort: 'asc', sortField: 't' });
    expect(stub.requests.every((r) => !r.url.includes('//'))).toBe(true);
  });

  it('write endpoints decode typed notifications', async () => {
    stub.answer = () => ({ body: notification });
    const n = await rest.auth.submitOrder({ type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount: 1 });
    expect(n).toMatchObject({ mts: 1717587431, type: 'on-req', status: 'SUCCESS', text: 'ok', data: { id: 1, symbol: 'tBTCUSD' } });
  });

  it('plainDecimal never uses exponent notation', () => {
    expect([1e-7, 6.8e-7, 1.5e21, -2.5e-10, 0.001, 123].map(plainDecimal)).toEqual([
      '0.0000001', '0.00000068', '1500000000000000000000', '-0.00000000025', '0.001', '123',
    ]);
    expect(encodeQuery({ a: undefined, b: true, c: [1, 2], d: 'x' })).toBe('?b=1&c=1%2C2&d=x');
  });

  it('uses the given API key for signing and its shared nonce source', async () => {
    const other = createRestClient({ restHost: stub.url, apiKey: API_KEY, apiSecret: API_SECRET });
    await other.auth.getWallets();
    expect(stub.requests[0].headers['bfx-apikey']).toBe(API_KEY);
  });
});
