/**
 * Argument validation: the exported validators, and every bad call rejected with a
 * BfxArgumentError naming the argument before a single request is sent (counted on a stub).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BfxArgumentError } from '../../src/errors.js';
import {
  createRestClient,
  validateBookLength,
  validateCandleKey,
  validatePrecision,
  validateSymbol,
  validateTimeframe,
  type RestClient,
} from '../../src/rest/index.js';
import { API_SECRET, dumpError, rejectionOf, seenErrors, startStub, type Stub } from './helpers.js';

describe('validators', () => {
  it('symbols: t/f prefix, uppercase, colon pairs', () => {
    for (const ok of ['tBTCUSD', 'tBTCF0:USTF0', 'tDOGE:USD', 'fUSD', 'fUST']) expect(validateSymbol(ok)).toBe(ok);
    for (const bad of ['BTCUSD', 'tbtcusd', 'tBTC', 'fusd', 'tBTC/USD', '', 'xBTCUSD', 'tBTCUSD:']) {
      expect(() => validateSymbol(bad)).toThrow(BfxArgumentError);
    }
    expect(() => validateSymbol('fUSD', 'trading')).toThrow(/trading pair/);
    expect(() => validateSymbol('tBTCUSD', 'funding', 'currency')).toThrow(expect.objectContaining({ argument: 'currency' }));
  });

  it('precision, length, timeframe, candle key', () => {
    expect(validatePrecision('P4')).toBe('P4');
    expect(validatePrecision('R0')).toBe('R0');
    expect(() => validatePrecision('R0', false)).toThrow(BfxArgumentError);
    expect(() => validatePrecision('P5')).toThrow(/P0, P1/);
    expect([1, 25, 100, 250, '25'].map((l) => validateBookLength(l))).toEqual([1, 25, 100, 250, 25]);
    expect(() => validateBookLength(50)).toThrow(/len/);
    expect(validateTimeframe('7D')).toBe('7D');
    expect(() => validateTimeframe('2h')).toThrow(/timeframe/);
    for (const ok of ['trade:1m:tBTCUSD', 'trade:1D:tBTCF0:USTF0', 'trade:1m:fUSD:p30', 'trade:1h:fUSD:a30:p2:p30']) expect(validateCandleKey(ok)).toBe(ok);
    for (const bad of ['trade:1m', 'candle:1m:tBTCUSD', 'trade:2m:tBTCUSD', 'trade:1m:fUSD', 'trade:1m:fUSD:a30:p30:p2', 'trade:1m:fUSD:p200']) {
      expect(() => validateCandleKey(bad)).toThrow(BfxArgumentError);
    }
  });
});

describe('validation happens before any request', () => {
  let stub: Stub;
  let rest: RestClient;
  beforeAll(async () => {
    stub = await startStub();
    rest = createRestClient({ restHost: stub.url, apiKey: 'validation-key', apiSecret: API_SECRET });
  });
  afterAll(() => stub.close());

  const bad: [string, string, (r: RestClient) => Promise<unknown>][] = [
    ['ticker symbol without prefix', 'symbol', (r) => r.public.getTTicker('BTCUSD')],
    ['funding ticker with a trading symbol', 'symbol', (r) => r.public.getFTicker('tBTCUSD')],
    ['book precision', 'precision', (r) => r.public.getTBook('tBTCUSD', 'P9' as never)],
    ['raw precision on the aggregated book', 'precision', (r) => r.public.getTBook('tBTCUSD', 'R0' as never)],
    ['book length', 'len', (r) => r.public.getTBook('tBTCUSD', 'P0', { len: 30 as never })],
    ['candle timeframe', 'tf', (r) => r.public.getCandlesHist('tBTCUSD', '2h' as never)],
    ['candle funding symbol without period', 'symbol', (r) => r.public.getCandlesLast('fUSD')],
    ['sort', 'sort', (r) => r.public.getTTrades('tBTCUSD', { sort: 0 as never })],
    ['limit', 'limit', (r) => r.public.getTTrades('tBTCUSD', { limit: 0 })],
    ['limit not an integer', 'limit', (r) => r.public.getLiquidations({ limit: 2.5 })],
    ['start', 'start', (r) => r.public.getStatsHist('pos.size:1m:tBTCUSD:long', { start: -1 })],
    ['tickers list', 'symbols', (r) => r.public.getTickers([])],
    ['tickers entry', 'symbols[1]', (r) => r.public.getTickers(['tBTCUSD', 'btc'])],
    ['funding period', 'period', (r) => r.public.getFundingMarketAveragePrice({ symbol: 'fUSD', amount: 1, period: 1 })],
    ['fx currency', 'ccy2', (r) => r.public.getFxRate('BTC', '')],
    ['order type', 'type', (r) => r.auth.submitOrder({ type: 'LIMT' as never, symbol: 'tBTCUSD', amount: 1, price: 1 })],
    ['order price of a limit order', 'price', (r) => r.auth.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 1 })],
    ['order amount', 'amount', (r) => r.auth.submitOrder({ type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount: Number.NaN })],
    ['order amount in exponent string', 'amount', (r) => r.auth.submitOrder({ type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount: '1e-5' })],
    ['update without id', 'id', (r) => r.auth.updateOrder({} as never)],
    ['cancel without id or cid', 'id', (r) => r.auth.cancelOrder({})],
    ['cancel by cid without date', 'cidDate', (r) => r.auth.cancelOrder({ cid: 5 })],
    ['cancel multi without selection', 'id, cid, gid or all', (r) => r.auth.cancelOrderMulti({})],
    ['multi op kind', 'ops[0]', (r) => r.auth.orderMultiOp([['xx' as never, {}]])],
    ['order trades id', 'id', (r) => r.auth.getOrderTrades('tBTCUSD', -3)],
    ['funding offer type', 'type', (r) => r.auth.submitFundingOffer({ type: 'FRR' as never, symbol: 'fUSD', amount: 1, rate: 0, period: 2 })],
    ['funding offer symbol', 'symbol', (r) => r.auth.submitFundingOffer({ type: 'LIMIT', symbol: 'tUSD', amount: 1, rate: 0, period: 2 })],
    ['transfer wallet', 'to', (r) => r.auth.transferBetweenWallets({ from: 'exchange', to: 'savings' as never, currency: 'USD', currencyTo: 'USD', amount: 1 })],
    ['keep funding type', 'type', (r) => r.auth.toggleKeepFunding({ type: 'offer' as never })],
    ['settings keys', 'keys', (r) => r.auth.getSettings('api:x' as never)],
    ['object argument', 'argument 1', (r) => r.auth.getOrders(5 as never)],
    ['merchant stats format', 'format', (r) => r.merchant.getInvoiceCountStats('COMPLETED', 'X' as never)],
    ['merchant pagination sort', 'sort', (r) => r.merchant.getInvoicesPaginated({ sort: 1 as never })],
    ['merchant invoice customer', 'customerInfo', (r) => r.merchant.submitInvoice({ amount: 1, currency: 'USD', orderId: 'o', payCurrencies: ['BTC'] } as never)],
  ];

  it.each(bad)('%s → BfxArgumentError(%s)', async (_what, argument, call) => {
    const err = await rejectionOf(call(rest));
    expect(err).toBeInstanceOf(BfxArgumentError);
    expect(err).toMatchObject({ code: 'ERR_BFX_INVALID_ARGUMENT', argument });
    expect((err as Error).message).toContain(argument.split('[')[0]);
  });

  it('sent zero requests for all of them, and no error holds the secret', () => {
    expect(stub.requests).toHaveLength(0);
    expect(seenErrors.length).toBe(bad.length);
    for (const err of seenErrors) expect(dumpError(err)).not.toContain(API_SECRET);
  });

  it('a valid call does reach the stub (the counter works)', async () => {
    await rest.public.getTTrades('tBTCUSD', { limit: 1 });
    expect(stub.requests).toHaveLength(1);
  });
});
