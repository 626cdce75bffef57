/**
 * Every merchant (Bitfinex Pay) method against the simulator over real HTTP, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MerchantApi } from '../../src/rest/index.js';
import { merchantEndpoints } from '../../src/rest/index.js';
import type { BfxSimulator } from '../../src/simulator/index.js';
import { startSim } from './helpers.js';

const state = { invoiceId: '', secondId: '' };
interface Case {
  readonly method: keyof MerchantApi;
  readonly run: (api: MerchantApi) => Promise<void>;
}
const cases: Case[] = [];
const add = <R>(method: keyof MerchantApi, call: (api: MerchantApi) => Promise<R>, check: (r: R) => void): void => {
  cases.push({ method, run: async (api) => check(await call(api)) });
};
const customerInfo = {
  nationality: 'DE', residCountry: 'GB', residCity: 'London', residZipCode: 'WC2H 7NA',
  residStreet: '5-6 Leicester Square', fullName: 'John Doe', email: 'john@example.com',
};
const year = new Date().toISOString().slice(0, 4);

add('submitInvoice', async (m) => {
  const inv = await m.submitInvoice({ amount: 10, currency: 'USD', orderId: 'order-1', customerInfo, payCurrencies: ['BTC', 'ETH'], duration: 86_399 });
  state.invoiceId = inv.id;
  state.secondId = (await m.submitInvoice({ amount: 5, currency: 'USD', orderId: 'order-2', customerInfo, payCurrencies: ['BTC'] })).id;
  return inv;
}, (r) => {
  expect(r).toMatchObject({ id: expect.any(String), amount: 10, currency: 'USD', orderId: 'order-1', status: 'CREATED', payCurrencies: ['BTC', 'ETH'] });
  expect(r.invoices.map((i) => i.payCurrency).sort()).toEqual(['BTC', 'ETH']);
});
add('getInvoices', (m) => m.getInvoices({ limit: 10 }), (r) => expect(r.map((i) => i.id).sort()).toEqual([state.invoiceId, state.secondId].sort()));
add('getInvoicesPaginated', (m) => m.getInvoicesPaginated({ pageSize: 1, sortField: 'amount', sort: 'desc' }), (r) => {
  expect(r).toMatchObject({ page: 1, pageSize: 1, totalItems: 2, totalPages: 2, sort: 'desc', sortField: 'amount' });
  expect(r.items[0].id).toBe(state.invoiceId);
});
add('completeInvoice', (m) => m.completeInvoice({ id: state.invoiceId, payCurrency: 'BTC', depositId: 1 }), (r) => {
  expect(r).toMatchObject({ id: state.invoiceId, status: 'COMPLETED' });
  expect(r.payment).toMatchObject({ currency: 'BTC', depositId: 1 });
});
add('expireInvoice', (m) => m.expireInvoice(state.secondId), (r) => expect(r).toMatchObject({ id: state.secondId, status: 'EXPIRED' }));
add('getInvoiceCountStats', (m) => m.getInvoiceCountStats('COMPLETED', 'Y'), (r) => expect(r).toEqual([{ time: year, count: 1 }]));
add('getInvoiceEarningStats', (m) => m.getInvoiceEarningStats('USD', 'Y'), (r) => expect(r).toEqual([{ time: year, count: 10 }]));
add('addCurrencyConversion', (m) => m.addCurrencyConversion('BTC', 'USD'), (r) => expect(r).toBe(true));
add('getCurrencyConversionList', (m) => m.getCurrencyConversionList(), (r) =>
  expect(r).toEqual([{ baseCcy: 'BTC', convertCcy: 'USD', created: expect.any(Number) }]));
add('removeCurrencyConversion', async (m) => ({ ok: await m.removeCurrencyConversion('BTC', 'USD'), left: await m.getCurrencyConversionList() }), (r) =>
  expect(r).toEqual({ ok: true, left: [] }));
add('setMerchantSettings', (m) => m.setMerchantSettings('bfx_pay_preferred_fiat', 'EUR'), (r) => expect(r).toBe(true));
add('getMerchantSettings', (m) => m.getMerchantSettings('bfx_pay_preferred_fiat'), (r) => expect(r).toBe('EUR'));
add('listMerchantSettings', (m) => m.listMerchantSettings(), (r) => expect(r).toEqual({ bfx_pay_preferred_fiat: 'EUR' }));
add('getDeposits', (m) => m.getDeposits({ from: 1, to: Date.now() + 60_000, ccy: 'BTC' }), (r) => {
  expect(r.length).toBeGreaterThan(0);
  expect(r[0]).toMatchObject({ id: expect.any(Number), currency: 'BTC', txid: expect.any(String) });
});
add('getUnlinkedDeposits', (m) => m.getUnlinkedDeposits({ ccy: 'BTC' }), (r) => {
  expect(r).toHaveLength(1);
  expect(r[0]).toMatchObject({ currency: 'BTC', amount: 0.002, status: 'COMPLETED' });
});

describe('REST merchant endpoints against the simulator', () => {
  let sim: BfxSimulator;
  let api: MerchantApi;
  beforeAll(async () => {
    const started = await startSim();
    sim = started.sim;
    api = started.rest.merchant;
  });
  afterAll(() => sim.close());

  it('has a case for every merchant method', () => {
    expect(cases.map((c) => c.method).sort()).toEqual(Object.keys(merchantEndpoints).sort());
    expect(Object.keys(merchantEndpoints)).toHaveLength(15);
  });

  for (const c of cases) it(c.method, () => c.run(api));
});
