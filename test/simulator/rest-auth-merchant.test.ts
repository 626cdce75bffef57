import { describe, expect, it } from 'vitest';
import { SimHttpError } from '../../src/simulator/contracts.js';
import { merchantRoutes } from '../../src/simulator/http/routes-merchant.js';
import { fixture, request } from './exchange-fixtures.js';

function setup() {
  const f = fixture();
  const routes = merchantRoutes(f.exchange);
  const byPath = new Map(routes.map((r) => [r.path, r] as const));
  const call = (path: string, body: Record<string, unknown> = {}) => byPath.get(path)!.handler(request(f.alice, path, body)) as unknown;
  return { ...f, routes, call };
}

const invoiceBody = (orderId: string) => ({
  amount: '25.5', currency: 'USD', orderId, payCurrencies: ['BTC', 'ETH'], duration: 900,
  customerInfo: { nationality: 'DE', residCountry: 'DE', fullName: 'A B', email: 'a@b.c', tosAccepted: true },
  webhook: 'https://example.com/hook', redirectUrl: 'https://example.com/done',
});

describe('merchantRoutes', () => {
  it('defines the 15 endpoints (plus the double-slash variant), all auth: true', () => {
    const { routes } = setup();
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining([
      'auth/w/ext/pay/invoice/create', 'auth/r/ext/pay/invoices', 'auth/r/ext/pay/invoices/paginated',
      'auth/r/ext/pay/invoice/stats/count', 'auth/r/ext/pay/invoice/stats/earning', 'auth/w/ext/pay/invoice/complete',
      'auth/w/ext/pay/invoice/expire', 'auth/r/ext/pay/settings/convert/list', 'auth/w/ext/pay/settings/convert/create',
      'auth/w/ext/pay/settings/convert/remove', 'auth/w/ext/pay/settings/set', 'auth/r/ext/pay/settings/get',
      'auth/r/ext/pay/settings/list', 'auth/r/ext/pay/deposits', 'auth/r/ext/pay/deposits/unlinked',
      '/auth/r/ext/pay/deposits/unlinked',
    ]));
    expect(routes).toHaveLength(16);
    expect(routes.every((r) => r.auth === true && r.method === 'POST')).toBe(true);
  });

  it('creates, lists, pages, completes and expires invoices', () => {
    const { call } = setup();
    const inv = call('auth/w/ext/pay/invoice/create', invoiceBody('o-1')) as Record<string, unknown>;
    expect(inv).toMatchObject({ type: 'ECOMMERCE', amount: 25.5, currency: 'USD', orderId: 'o-1', status: 'CREATED', payCurrencies: ['BTC', 'ETH'] });
    expect(inv.invoices).toHaveLength(2);
    expect((inv.invoices as Record<string, unknown>[])[0]).toMatchObject({ payCurrency: 'BTC', poolCurrency: 'BTC' });
    const second = call('auth/w/ext/pay/invoice/create', invoiceBody('o-2')) as Record<string, unknown>;
    expect(call('auth/r/ext/pay/invoices', { id: inv.id })).toEqual([inv]);
    expect(call('auth/r/ext/pay/invoices', { limit: 1 })).toHaveLength(1);
    const page = call('auth/r/ext/pay/invoices/paginated', { page: 1, pageSize: 1, sort: 'asc', sortField: 't' }) as Record<string, unknown>;
    expect(page).toMatchObject({ page: 1, pageSize: 1, sort: 'asc', sortField: 't', totalPages: 2, totalItems: 2 });
    expect(page.items).toHaveLength(1);
    const done = call('auth/w/ext/pay/invoice/complete', { id: inv.id, payCcy: 'BTC', depositId: 1, ledgerId: 2 }) as Record<string, unknown>;
    expect(done.status).toBe('COMPLETED');
    expect(done.payment).toMatchObject({ currency: 'BTC', status: 'COMPLETED', depositId: 1, ledgerId: 2 });
    expect((call('auth/w/ext/pay/invoice/expire', { id: second.id }) as Record<string, unknown>).status).toBe('EXPIRED');
    const count = call('auth/r/ext/pay/invoice/stats/count', { status: 'COMPLETED', format: 'Y' }) as Record<string, unknown>[];
    expect(count).toEqual([{ time: expect.any(String), count: 1 }]);
    const earning = call('auth/r/ext/pay/invoice/stats/earning', { currency: 'USD', format: 'M' }) as Record<string, unknown>[];
    expect(earning[0]!.count).toBe(25.5);
  });

  it('manages conversions and merchant settings', () => {
    const { call } = setup();
    expect(call('auth/w/ext/pay/settings/convert/create', { baseCcy: 'BTC', convertCcy: 'USD' })).toBe(true);
    expect(call('auth/r/ext/pay/settings/convert/list')).toEqual([{ baseCcy: 'BTC', convertCcy: 'USD', created: expect.any(Number) }]);
    expect(call('auth/w/ext/pay/settings/convert/remove', { baseCcy: 'BTC', convertCcy: 'USD' })).toBe(true);
    expect(call('auth/r/ext/pay/settings/convert/list')).toEqual([]);
    expect(call('auth/w/ext/pay/settings/set', { key: 'bfx_pay_preferred_fiat', val: 'EUR' })).toBe(true);
    expect(call('auth/r/ext/pay/settings/get', { key: 'bfx_pay_preferred_fiat' })).toBe('EUR');
    expect(call('auth/r/ext/pay/settings/list', { keys: [] })).toEqual({ bfx_pay_preferred_fiat: 'EUR' });
  });

  it('lists deposits and unlinked deposits', () => {
    const { call, market } = setup();
    const deposits = call('auth/r/ext/pay/deposits', { from: 0, to: market.now() }) as Record<string, unknown>[];
    expect(deposits[0]).toMatchObject({ type: 'deposit', currency: 'BTC', method: 'BITCOIN' });
    const unlinked = call('auth/r/ext/pay/deposits/unlinked', { ccy: 'BTC' }) as Record<string, unknown>[];
    expect(unlinked[0]).toMatchObject({ currency: 'BTC', status: 'COMPLETED' });
    expect(call('/auth/r/ext/pay/deposits/unlinked', { ccy: 'ETH' })).toEqual([]);
  });

  it('rejects bad parameters with 10020', () => {
    const { call } = setup();
    const bad = (path: string, body: Record<string, unknown>, msg: string) => {
      expect(() => call(path, body)).toThrow(SimHttpError);
      expect(() => call(path, body)).toThrow(msg);
    };
    bad('auth/w/ext/pay/invoice/create', { ...invoiceBody('x'), amount: -1 }, 'amount: invalid');
    bad('auth/w/ext/pay/invoice/create', { ...invoiceBody('x'), payCurrencies: [] }, 'payCurrencies: invalid');
    bad('auth/w/ext/pay/invoice/expire', { id: 'nope' }, 'id: invalid');
    bad('auth/r/ext/pay/settings/get', { key: 'nope' }, 'key: invalid');
    bad('auth/r/ext/pay/invoice/stats/count', { status: 'CREATED', format: 'Q' }, 'format: invalid');
    bad('auth/r/ext/pay/invoices/paginated', { sort: 'up' }, 'sort: invalid');
  });
});
