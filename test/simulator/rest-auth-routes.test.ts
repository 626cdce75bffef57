import { describe, expect, it } from 'vitest';
import { SimHttpError, type SimRoute } from '../../src/simulator/contracts.js';
import { createSimExchange } from '../../src/simulator/exchange/exchange.js';
import { authRoutes } from '../../src/simulator/http/routes-auth.js';
import { ALICE, fakeMarket, fixture, flush, request } from './exchange-fixtures.js';

/** The Python v3 surface §2.4 as 54 route templates (56 concrete paths: info/margin/{key} serves base, sym_all and tSYM). */
const PY_PATHS = [
  'auth/r/info/user', 'auth/r/logins/hist', 'auth/calc/order/avail', 'auth/r/wallets', 'auth/r/orders', 'auth/r/orders/{symbol}',
  'auth/w/order/submit', 'auth/w/order/update', 'auth/w/order/cancel', 'auth/w/order/cancel/multi', 'auth/r/orders/hist',
  'auth/r/orders/{symbol}/hist', 'auth/r/order/{symbol}:{id}/trades', 'auth/r/trades/hist', 'auth/r/trades/{symbol}/hist',
  'auth/r/ledgers/hist', 'auth/r/ledgers/{currency}/hist', 'auth/r/info/margin/{key}', 'auth/r/positions', 'auth/w/position/claim',
  'auth/w/position/increase', 'auth/r/position/increase/info', 'auth/r/positions/hist', 'auth/r/positions/snap',
  'auth/r/positions/audit', 'auth/w/deriv/collateral/set', 'auth/calc/deriv/collateral/limit', 'auth/r/funding/offers',
  'auth/r/funding/offers/{symbol}', 'auth/w/funding/offer/submit', 'auth/w/funding/offer/cancel', 'auth/w/funding/offer/cancel/all',
  'auth/w/funding/close', 'auth/w/funding/auto', 'auth/w/funding/keep', 'auth/r/funding/offers/hist', 'auth/r/funding/offers/{symbol}/hist',
  'auth/r/funding/loans', 'auth/r/funding/loans/{symbol}', 'auth/r/funding/loans/hist', 'auth/r/funding/loans/{symbol}/hist',
  'auth/r/funding/credits', 'auth/r/funding/credits/{symbol}', 'auth/r/funding/credits/hist', 'auth/r/funding/credits/{symbol}/hist',
  'auth/r/funding/trades/hist', 'auth/r/funding/trades/{symbol}/hist', 'auth/r/info/funding/{key}', 'auth/w/transfer',
  'auth/w/withdraw', 'auth/w/deposit/address', 'auth/w/deposit/invoice', 'auth/r/movements/hist', 'auth/r/movements/{currency}/hist',
];

const EXTRAS = [
  'auth/r/trades/calc', 'auth/r/audit/hist', 'auth/r/permissions', 'auth/r/alerts', 'auth/w/alert/set', 'auth/w/alert/{key}/del',
  'auth/w/alert/del', 'auth/r/settings', 'auth/w/settings/set', 'auth/w/settings/del', 'auth/r/movements/info', 'auth/w/token',
  'auth/r/summary', 'auth/r/wallets/hist', 'auth/w/order/multi',
];

function setup() {
  const f = fixture();
  const routes = authRoutes(f.exchange, f.market);
  const byPath = new Map(routes.map((r) => [r.path, r] as const));
  const call = (path: string, body: Record<string, unknown> = {}, params: Record<string, string> = {}) => {
    const route = byPath.get(path);
    if (!route) throw new Error(`no route ${path}`);
    return route.handler(request(f.alice, path, body, params)) as unknown;
  };
  return { ...f, routes, call };
}

const isNotification = (v: unknown, type: string, status = 'SUCCESS') => {
  expect(Array.isArray(v)).toBe(true);
  const n = v as unknown[];
  expect(n).toHaveLength(8);
  expect(n[1]).toBe(type);
  expect(n[6]).toBe(status);
  return n;
};
const rowsOf = (v: unknown, len: number) => {
  expect(Array.isArray(v)).toBe(true);
  for (const r of v as unknown[][]) expect(r).toHaveLength(len);
  return v as unknown[][];
};

describe('authRoutes', () => {
  it('covers every Python v3 path and the protocol extras, all auth: true POST', () => {
    const { routes } = setup();
    const paths = routes.map((r: SimRoute) => r.path);
    expect(PY_PATHS).toHaveLength(54);
    for (const p of [...PY_PATHS, ...EXTRAS]) expect(paths).toContain(p);
    expect(routes.every((r) => r.auth === true && r.method === 'POST')).toBe(true);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('answers order reads and writes', async () => {
    const { call } = setup();
    const sub = isNotification(call('auth/w/order/submit', { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: '0.1', price: '900' }), 'on-req');
    const order = (sub[4] as unknown[][])[0]!;
    expect(order).toHaveLength(32);
    const id = order[0] as number;
    expect(rowsOf(call('auth/r/orders'), 32)).toHaveLength(1);
    expect(rowsOf(call('auth/r/orders/{symbol}', {}, { symbol: 'tBTCUSD' }), 32)).toHaveLength(1);
    expect(rowsOf(call('auth/r/orders/{symbol}', {}, { symbol: 'tETHUSD' }), 32)).toHaveLength(0);
    expect(call('auth/r/orders', { id: [id + 1] })).toEqual([]);
    isNotification(call('auth/w/order/update', { id, price: 901 }), 'ou-req');
    isNotification(call('auth/w/order/cancel', { id }), 'oc-req');
    isNotification(call('auth/w/order/cancel', { id }), 'oc-req', 'ERROR');
    isNotification(call('auth/w/order/cancel/multi', { all: 1 }), 'oc_multi-req');
    const multi = isNotification(call('auth/w/order/multi', { ops: [['on', { type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount: 0.5 }]] }), 'ox_multi-req');
    expect((multi[4] as unknown[][])[0]![1]).toBe('on-req');
    await flush();
    const hist = rowsOf(call('auth/r/orders/hist'), 32);
    expect(hist.length).toBe(2);
    expect(rowsOf(call('auth/r/orders/{symbol}/hist', { limit: 1 }, { symbol: 'tBTCUSD' }), 32)).toHaveLength(1);
    const trades = rowsOf(call('auth/r/trades/hist'), 12);
    expect(trades).toHaveLength(2);
    rowsOf(call('auth/r/trades/{symbol}/hist', { sort: 1 }, { symbol: 'tBTCUSD' }), 12);
    const mid = trades[0]![3] as number;
    const ot = rowsOf(call('auth/r/order/{symbol}:{id}/trades', {}, { symbol: 'tBTCUSD', id: String(mid) }), 12);
    expect(ot).toHaveLength(2);
    expect(ot[0]![6]).toBeNull();
    const calc = call('auth/r/trades/calc', { symbol: 'tBTCUSD' }) as unknown[];
    expect(calc[0]).toBe(2);
    expect(calc).toHaveLength(12);
  });

  it('answers wallet, ledger and movement routes', async () => {
    const { call } = setup();
    const wallets = rowsOf(call('auth/r/wallets'), 7);
    expect(wallets.map((w) => `${w[0]}:${w[1]}`)).toContain('funding:USD');
    rowsOf(call('auth/r/wallets/hist', { currency: 'USD' }), 7);
    const tf = isNotification(call('auth/w/transfer', { from: 'exchange', to: 'margin', currency: 'USD', currency_to: 'USD', amount: '50' }), 'acc_tf');
    expect(tf[4]).toHaveLength(8);
    expect(tf[7]).toBe('50.0 US Dollar transferred from Exchange to Margin');
    isNotification(call('auth/w/transfer', { from: 'exchange', to: 'margin', currency: 'USD', amount: 1e12 }), 'acc_tf', 'ERROR');
    const ledgers = rowsOf(call('auth/r/ledgers/hist'), 9);
    expect(ledgers.length).toBeGreaterThanOrEqual(2);
    expect(rowsOf(call('auth/r/ledgers/{currency}/hist', {}, { currency: 'BTC' }), 9)).toEqual([]);
    const moves = rowsOf(call('auth/r/movements/hist'), 22);
    expect(moves.length).toBeGreaterThan(0);
    rowsOf(call('auth/r/movements/{currency}/hist', {}, { currency: 'BTC' }), 22);
    expect(call('auth/r/movements/info', { id: moves[0]![0] })).toHaveLength(32);
    const wd = isNotification(call('auth/w/withdraw', { wallet: 'exchange', method: 'bitcoin', amount: '0.1', address: 'addr' }), 'acc_wd-req');
    expect(wd[4]).toHaveLength(9);
    const dep = isNotification(call('auth/w/deposit/address', { wallet: 'exchange', method: 'bitcoin', op_renew: 0 }), 'acc_dep');
    expect((dep[4] as unknown[]).slice(1, 3)).toEqual(['BITCOIN', 'BTC']);
    const inv = call('auth/w/deposit/invoice', { wallet: 'exchange', currency: 'LNX', amount: '0.001' }) as unknown[];
    expect(inv).toHaveLength(5);
    expect(typeof inv[0]).toBe('string');
  });

  it('answers position and margin routes', async () => {
    const { call } = setup();
    isNotification(call('auth/w/order/submit', { type: 'MARKET', symbol: 'tBTCUSD', amount: 0.5 }), 'on-req');
    const positions = rowsOf(call('auth/r/positions'), 20);
    expect(positions).toHaveLength(1);
    const pid = positions[0]![11];
    rowsOf(call('auth/r/positions/hist'), 14);
    rowsOf(call('auth/r/positions/snap'), 14);
    expect(rowsOf(call('auth/r/positions/audit', { ids: [pid] }), 20)).toHaveLength(1);
    const inc = isNotification(call('auth/w/position/increase', { symbol: 'tBTCUSD', amount: 0.1 }), 'pmi-req');
    expect((inc[4] as unknown[])[0]).toBe('tBTCUSD');
    const info = call('auth/r/position/increase/info', { symbol: 'tBTCUSD', amount: 0.1 }) as unknown[];
    expect(info.flat(2)).toHaveLength(18);
    const claim = isNotification(call('auth/w/position/claim', { id: pid }), 'pm-req');
    expect(claim[4]).toHaveLength(20);
    isNotification(call('auth/w/position/claim', { id: 1 }), 'pm-req', 'ERROR');
    const base = call('auth/r/info/margin/{key}', {}, { key: 'base' }) as unknown[];
    expect(base[0]).toBe('base');
    expect(base[1]).toHaveLength(5);
    const sym = call('auth/r/info/margin/{key}', {}, { key: 'tBTCUSD' }) as unknown[];
    expect(sym.slice(0, 2)).toEqual(['sym', 'tBTCUSD']);
    expect(sym[2]).toHaveLength(8);
    const all = call('auth/r/info/margin/{key}', {}, { key: 'sym_all' }) as unknown[][];
    expect(all.map((r) => r[1])).toContain('tETHUSD');
    expect(call('auth/w/deriv/collateral/set', { symbol: 'tBTCF0:USTF0', collateral: 100 })).toEqual([[1]]);
    expect(call('auth/calc/deriv/collateral/limit', { symbol: 'tBTCF0:USTF0' })).toHaveLength(2);
    const avail = call('auth/calc/order/avail', { symbol: 'tBTCUSD', type: 'EXCHANGE', dir: 1, rate: '1000' }) as number[];
    expect(avail[0]).toBeCloseTo(100, 6);
    expect((call('auth/calc/order/avail', { symbol: 'tBTCUSD', type: 'EXCHANGE', dir: -1 }) as number[])[0]).toBe(-10);
    expect(call('auth/calc/order/avail', { symbol: 'fUSD', type: 'FUNDING' })).toEqual([50_000]);
  });

  it('answers funding routes', async () => {
    const { call } = setup();
    const fon = isNotification(call('auth/w/funding/offer/submit', { type: 'LIMIT', symbol: 'fUSD', amount: '200', rate: '0.0003', period: 2 }), 'fon-req');
    const offerId = (fon[4] as unknown[])[0];
    expect(rowsOf(call('auth/r/funding/offers'), 21)).toHaveLength(1);
    expect(rowsOf(call('auth/r/funding/offers/{symbol}', {}, { symbol: 'fBTC' }), 21)).toHaveLength(0);
    isNotification(call('auth/w/funding/offer/cancel', { id: offerId }), 'foc-req');
    expect(rowsOf(call('auth/r/funding/offers/hist'), 21)).toHaveLength(1);
    rowsOf(call('auth/r/funding/offers/{symbol}/hist', {}, { symbol: 'fUSD' }), 21);
    call('auth/w/funding/offer/submit', { type: 'LIMIT', symbol: 'fUSD', amount: 200, rate: 0.0003, period: 2 });
    const all = isNotification(call('auth/w/funding/offer/cancel/all', { currency: 'USD' }), 'foc_all-req');
    expect(all[4]).toBeNull();
    const credits = rowsOf(call('auth/r/funding/credits'), 22);
    const loans = rowsOf(call('auth/r/funding/loans'), 21);
    expect(credits).toHaveLength(1);
    expect(loans).toHaveLength(1);
    rowsOf(call('auth/r/funding/credits/{symbol}', {}, { symbol: 'fUSD' }), 22);
    rowsOf(call('auth/r/funding/loans/{symbol}', {}, { symbol: 'fUSD' }), 21);
    rowsOf(call('auth/r/funding/credits/hist'), 22);
    rowsOf(call('auth/r/funding/credits/{symbol}/hist', {}, { symbol: 'fUSD' }), 22);
    rowsOf(call('auth/r/funding/loans/hist'), 21);
    rowsOf(call('auth/r/funding/loans/{symbol}/hist', {}, { symbol: 'fUSD' }), 21);
    expect(rowsOf(call('auth/r/funding/trades/hist'), 8).length).toBeGreaterThan(0);
    rowsOf(call('auth/r/funding/trades/{symbol}/hist', {}, { symbol: 'fUSD' }), 8);
    const fi = call('auth/r/info/funding/{key}', {}, { key: 'fUSD' }) as unknown[];
    expect(fi.slice(0, 2)).toEqual(['sym', 'fUSD']);
    expect(fi[2]).toHaveLength(4);
    const auto = isNotification(call('auth/w/funding/auto', { status: 1, currency: 'USD', amount: '100', rate: 0.0002, period: 2 }), 'fa-req');
    expect(auto[4]).toEqual(['USD', 2, 0.0002, 100]);
    isNotification(call('auth/w/funding/keep', { type: 'credit', id: [credits[0]![0]], changes: { [String(credits[0]![0])]: 1 } }), 'fk-req');
    isNotification(call('auth/w/funding/close', { id: loans[0]![0] }), 'fcl-req');
    expect(call('auth/r/funding/loans')).toEqual([]);
    isNotification(call('auth/w/funding/close', { id: 1 }), 'fcl-req', 'ERROR');
  });

  it('answers account routes', () => {
    const { call } = setup();
    const user = call('auth/r/info/user') as unknown[];
    expect(user).toHaveLength(55);
    expect(typeof user[0]).toBe('number');
    rowsOf(call('auth/r/logins/hist'), 8);
    rowsOf(call('auth/r/audit/hist'), 7);
    const perms = rowsOf(call('auth/r/permissions'), 3);
    expect(perms).toContainEqual(['orders', 1, 1]);
    expect(call('auth/r/summary')).toHaveLength(10);
    const alert = call('auth/w/alert/set', { type: 'price', symbol: 'tBTCUSD', price: 1000 }) as unknown[];
    expect(alert).toEqual(['price:tBTCUSD:1000', 'price', 'tBTCUSD', 1000, 100]);
    expect(call('auth/r/alerts', { type: 'price' })).toEqual([alert]);
    expect(call('auth/w/alert/{key}/del', {}, { key: 'price:tBTCUSD:1000' })).toEqual([true]);
    expect(call('auth/w/alert/del', { type: 'price', symbol: 'tBTCUSD', price: 1000 })).toEqual([false]);
    expect(call('auth/w/settings/set', { settings: { 'api:a': 1, 'api:b': 'x' } })).toEqual([1]);
    expect(call('auth/r/settings', { keys: ['api:a'] })).toEqual([['api:a', 1]]);
    expect(call('auth/w/settings/del', { keys: ['api:a'] })).toEqual([1]);
    expect(call('auth/r/settings')).toEqual([['api:b', 'x']]);
    const token = call('auth/w/token', { ttl: 60, scope: 'api' }) as string[];
    expect(token[0]).toMatch(/^pub:api:/);
    expect(call('auth/w/token/del', { token: token[0] })).toEqual([1]);
  });

  it('rejects bad parameters with 10020 <field>: invalid', () => {
    const { call } = setup();
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(SimHttpError);
        return [(e as SimHttpError).bfxCode, (e as SimHttpError).message];
      }
      return undefined;
    };
    expect(code(() => call('auth/w/order/submit', { type: 'LIMIT', amount: 1, price: 1 }))).toEqual([10020, 'symbol: invalid']);
    expect(code(() => call('auth/w/order/submit', { type: 'NOPE', symbol: 'tBTCUSD', amount: 1, price: 1 }))).toEqual([10020, 'type: invalid']);
    expect(code(() => call('auth/w/order/submit', { type: 'LIMIT', symbol: 'tBTCUSD', amount: 'x', price: 1 }))).toEqual([10020, 'amount: invalid']);
    expect(code(() => call('auth/r/orders/{symbol}', {}, { symbol: 'hist' }))).toEqual([10020, 'symbol: invalid']);
    expect(code(() => call('auth/r/trades/hist', { limit: 100000 }))).toEqual([10020, 'limit: invalid']);
    expect(code(() => call('auth/w/transfer', { from: 'nowhere', to: 'margin', currency: 'USD', amount: 1 }))).toEqual([10020, 'from: invalid']);
    expect(code(() => call('auth/r/info/margin/{key}', {}, { key: 'nope' }))).toEqual([10020, 'key: invalid']);
    expect(code(() => call('auth/w/funding/offer/cancel', {}))).toEqual([10020, 'id: invalid']);
  });

  it('refuses writes without the write permission with 10001', () => {
    const market = fakeMarket();
    const exchange = createSimExchange({
      market,
      accounts: [{ ...ALICE, caps: { orders: { read: 1, write: 0 }, wallets: { read: 0, write: 0 } } }],
    });
    const routes = new Map(authRoutes(exchange, market).map((r) => [r.path, r] as const));
    const acc = exchange.account(ALICE.apiKey)!;
    const run = (path: string, body: Record<string, unknown> = {}) => () => routes.get(path)!.handler(request(acc, path, body));
    expect(run('auth/r/orders')()).toEqual([]);
    expect(run('auth/w/order/submit', { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 1, price: 1 })).toThrow('api_key: permission invalid');
    expect(run('auth/r/wallets')).toThrow(SimHttpError);
    expect(() => routes.get('auth/r/wallets')!.handler({ ...request(acc, 'auth/r/wallets'), account: undefined })).toThrow('apikey: invalid');
  });
});
