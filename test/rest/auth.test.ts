/**
 * Every authenticated method against the simulator over real HTTP (signed requests verified by
 * the simulator's exchange), one case per method, run in order so that writes feed later reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthApi } from '../../src/rest/index.js';
import { authEndpoints } from '../../src/rest/index.js';
import type { BfxSimulator } from '../../src/simulator/index.js';
import { startSim } from './helpers.js';

/** Values carried from one case to the next. */
const state = { orderId: 0, positionId: 0, offerId: 0, movementId: 0, token: '', pulseId: '' };
interface Case {
  readonly method: keyof AuthApi;
  readonly run: (api: AuthApi) => Promise<void>;
}
const cases: Case[] = [];
const add = <R>(method: keyof AuthApi, call: (api: AuthApi) => Promise<R>, check: (r: R) => void): void => {
  cases.push({ method, run: async (api) => check(await call(api)) });
};
const num = expect.any(Number);
const str = expect.any(String);

// Account
add('getUserInfo', (a) => a.getUserInfo(), (r) => expect(r).toMatchObject({ id: num, email: str, username: str, verified: 1 }));
add('getLoginHistory', (a) => a.getLoginHistory({ limit: 5 }), (r) => {
  expect(Array.isArray(r)).toBe(true);
  r.forEach((l) => expect(l).toMatchObject({ id: num, time: num }));
});
add('getPermissions', (a) => a.getPermissions(), (r) => expect(r.orders).toEqual({ read: true, write: true }));
add('getSummary', (a) => a.getSummary(), (r) => expect(Array.isArray(r[4])).toBe(true));
add('getAuditHistory', (a) => a.getAuditHistory({ limit: 5 }), (r) => expect(Array.isArray(r)).toBe(true));
add('getWallets', (a) => a.getWallets(), (r) => {
  const usd = r.find((w) => w.walletType === 'exchange' && w.currency === 'USD');
  expect(usd).toMatchObject({ balance: 100_000, availableBalance: num });
});
add('getWalletsHistory', (a) => a.getWalletsHistory({ currency: 'BTC' }), (r) => {
  expect(r.length).toBeGreaterThan(0);
  expect(r.every((w) => w.currency === 'BTC')).toBe(true);
  expect(r[0]).toMatchObject({ walletType: str, balance: num, mts: num });
});
add('transferBetweenWallets', (a) => a.transferBetweenWallets({ from: 'exchange', to: 'margin', currency: 'USD', currencyTo: 'USD', amount: 100 }), (r) => {
  expect(r).toMatchObject({ type: 'acc_tf', status: 'SUCCESS' });
  expect(r.data).toMatchObject({ walletFrom: 'exchange', walletTo: 'margin', currency: 'USD', amount: 100 });
});
add('getLedgers', (a) => a.getLedgers({ currency: 'USD', limit: 10 }), (r) => {
  expect(r.length).toBeGreaterThan(0);
  expect(r[0]).toMatchObject({ id: num, currency: 'USD', mts: num, amount: num, balance: num });
});
add('getDepositAddress', (a) => a.getDepositAddress({ wallet: 'exchange', method: 'bitcoin', opRenew: true }), (r) => {
  expect(r).toMatchObject({ type: 'acc_dep', status: 'SUCCESS' });
  expect(r.data).toMatchObject({ method: 'BITCOIN', currencyCode: 'BTC', address: str });
});
add('generateDepositInvoice', (a) => a.generateDepositInvoice({ wallet: 'exchange', currency: 'LNX', amount: 0.001 }), (r) => {
  expect(r).toMatchObject({ invoiceHash: str, invoice: str });
  expect(Number(r.amount)).toBe(0.001);
});
add('submitWalletWithdrawal', (a) => a.submitWalletWithdrawal({ wallet: 'exchange', method: 'bitcoin', address: 'bc1qexampleaddress0000', amount: 0.5 }), (r) => {
  expect(r).toMatchObject({ type: 'acc_wd-req', status: 'SUCCESS' });
  expect(r.data).toMatchObject({ withdrawalId: num, method: 'bitcoin', amount: num });
});
add('getMovements', async (a) => {
  const rows = await a.getMovements({ currency: 'BTC' });
  state.movementId = rows[0]?.id ?? 0;
  return rows;
}, (r) => {
  expect(r.length).toBeGreaterThan(0);
  expect(r[0]).toMatchObject({ id: num, currency: 'BTC', status: str, amount: num });
});
add('getMovementInfo', (a) => a.getMovementInfo(state.movementId), (r) => expect(r).toMatchObject({ id: state.movementId, currency: 'BTC' }));
add('setAlert', (a) => a.setAlert({ symbol: 'tBTCUSD', price: 50_000 }), (r) => expect(r).toEqual({ key: 'price:tBTCUSD:50000', type: 'price', symbol: 'tBTCUSD', price: 50_000, count: num }));
add('getAlerts', (a) => a.getAlerts(), (r) => expect(r.map((x) => x.key)).toContain('price:tBTCUSD:50000'));
add('deleteAlert', (a) => a.deleteAlert('tBTCUSD', 50_000), (r) => expect(r).toBe(true));
add('setSettings', (a) => a.setSettings({ 'api:bfx-actors': { theme: 'dark' } }), (r) => expect(r).toBe(true));
add('getSettings', (a) => a.getSettings(['api:bfx-actors']), (r) => expect(r).toEqual({ 'api:bfx-actors': { theme: 'dark' } }));
add('deleteSettings', (a) => a.deleteSettings(['api:bfx-actors']), (r) => expect(r).toBe(true));
add('generateToken', async (a) => (state.token = await a.generateToken({ ttl: 60, scope: 'api', writePermission: false })), (r) => expect(r).toMatch(/^pub:api:/));
add('deleteToken', (a) => a.deleteToken(state.token), (r) => expect(r).toBe(true));

// Orders and trades
add('getBalanceAvailableForOrdersOrOffers', (a) => a.getBalanceAvailableForOrdersOrOffers({ symbol: 'tBTCUSD', type: 'EXCHANGE', dir: 1, rate: 50_000 }), (r) =>
  expect(r.amount).toBeGreaterThan(0));
add('getOrderAvailableBalance', (a) => a.getOrderAvailableBalance({ symbol: 'tBTCUSD', type: 'EXCHANGE', dir: -1, rate: 50_000 }), (r) =>
  expect(Math.abs(r.amount)).toBeGreaterThan(0));
add('submitOrder', async (a) => {
  const n = await a.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: '0.01', price: 1000, flags: 0, meta: { aff_code: 'x' } });
  state.orderId = n.data?.id ?? 0;
  return n;
}, (r) => {
  expect(r).toMatchObject({ type: 'on-req', status: 'SUCCESS', mts: num });
  expect(r.data).toMatchObject({ id: num, symbol: 'tBTCUSD', amount: 0.01, price: 1000, orderType: 'EXCHANGE LIMIT' });
});
add('getOrders', (a) => a.getOrders({ symbol: 'tBTCUSD', ids: [state.orderId] }), (r) => {
  expect(r).toHaveLength(1);
  expect(r[0]).toMatchObject({ id: state.orderId, amount: 0.01 });
});
add('updateOrder', (a) => a.updateOrder({ id: state.orderId, price: 1100 }), (r) => {
  expect(r).toMatchObject({ type: 'ou-req', status: 'SUCCESS' });
  expect(r.data).toMatchObject({ id: state.orderId, price: 1100 });
});
add('cancelOrder', (a) => a.cancelOrder({ id: state.orderId }), (r) => {
  expect(r).toMatchObject({ type: 'oc-req', status: 'SUCCESS' });
  expect(r.data?.id).toBe(state.orderId);
});
add('orderMultiOp', (a) => a.orderMultiOp([
  ['on', { type: 'EXCHANGE LIMIT', symbol: 'tETHUSD', amount: '0.1', price: '100' }],
  ['on', { type: 'EXCHANGE LIMIT', symbol: 'tETHUSD', amount: '0.2', price: '101', gid: 7 }],
]), (r) => expect(r).toMatchObject({ type: 'ox_multi-req', status: str }));
add('cancelOrderMulti', (a) => a.cancelOrderMulti({ all: true }), (r) => {
  expect(r).toMatchObject({ type: 'oc_multi-req' });
  expect(r.data.length).toBeGreaterThanOrEqual(1);
  expect(r.data.every((o) => o.symbol === 'tETHUSD')).toBe(true);
});
add('getOrdersHistory', (a) => a.getOrdersHistory({ symbol: 'tBTCUSD', limit: 5 }), (r) => {
  expect(r.map((o) => o.id)).toContain(state.orderId);
  expect(r.find((o) => o.id === state.orderId)?.orderStatus).toMatch(/CANCELED/);
});
add('getTradesHistory', async (a) => {
  const n = await a.submitOrder({ type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount: 0.01 });
  state.orderId = n.data?.id ?? 0;
  return a.getTradesHistory({ symbol: 'tBTCUSD', limit: 10 });
}, (r) => {
  expect(r.length).toBeGreaterThan(0);
  expect(r[0]).toMatchObject({ id: num, symbol: 'tBTCUSD', orderId: num, execAmount: num, execPrice: num, fee: num });
});
add('getOrderTrades', (a) => a.getOrderTrades('tBTCUSD', state.orderId), (r) => {
  expect(r.length).toBeGreaterThan(0);
  expect(r.every((t) => t.orderId === state.orderId)).toBe(true);
});

// Positions and margin
add('getPositions', async (a) => {
  await a.submitOrder({ type: 'MARKET', symbol: 'tETHUSD', amount: 0.5 });
  const rows = await a.getPositions();
  state.positionId = rows.find((p) => p.symbol === 'tETHUSD')?.positionId ?? 0;
  return rows;
}, (r) => expect(r.find((p) => p.symbol === 'tETHUSD')).toMatchObject({ status: 'ACTIVE', amount: 0.5, basePrice: num, positionId: num }));
add('getBaseMarginInfo', (a) => a.getBaseMarginInfo(), (r) => expect(r).toMatchObject({ userPl: num, marginBalance: num, marginNet: num }));
add('getSymbolMarginInfo', (a) => a.getSymbolMarginInfo('tETHUSD'), (r) => expect(r).toMatchObject({ symbol: 'tETHUSD', tradableBalance: num, buy: num }));
add('getAllSymbolsMarginInfo', (a) => a.getAllSymbolsMarginInfo(), (r) => expect(r.find((s) => s.symbol === 'tBTCUSD')).toMatchObject({ grossBalance: num }));
add('getIncreasePositionInfo', (a) => a.getIncreasePositionInfo('tETHUSD', 0.1), (r) => expect(r).toMatchObject({ maxPos: num, fundingAvail: num }));
add('increasePosition', (a) => a.increasePosition('tETHUSD', 0.1), (r) => {
  expect(r.type).toBe('pmi-req');
  expect(r.data).toMatchObject({ symbol: 'tETHUSD' });
});
add('claimPosition', (a) => a.claimPosition(state.positionId, 0.1), (r) => {
  expect(r).toMatchObject({ type: 'pm-req', status: 'SUCCESS' });
  expect(r.data).toMatchObject({ symbol: 'tETHUSD', positionId: state.positionId });
});
add('getPositionsHistory', (a) => a.getPositionsHistory({ limit: 10 }), (r) => r.forEach((p) => expect(p).toMatchObject({ symbol: str, positionId: num })));
add('getPositionsSnapshot', (a) => a.getPositionsSnapshot({ limit: 10 }), (r) => r.forEach((p) => expect(p).toMatchObject({ symbol: str, status: str })));
add('getPositionsAudit', (a) => a.getPositionsAudit({ ids: [state.positionId], limit: 10 }), (r) => {
  expect(r.length).toBeGreaterThan(0);
  expect(r[0]).toMatchObject({ symbol: 'tETHUSD', positionId: state.positionId });
});
add('setDerivativePositionCollateral', async (a) => {
  await a.transferBetweenWallets({ from: 'exchange', to: 'margin', currency: 'USD', currencyTo: 'USTF0', amount: 5000 });
  await a.submitOrder({ type: 'MARKET', symbol: 'tBTCF0:USTF0', amount: 0.01, lev: 10 });
  return a.setDerivativePositionCollateral('tBTCF0:USTF0', 500);
}, (r) => expect(r).toEqual({ status: 1 }));
add('getDerivativePositionCollateralLimits', (a) => a.getDerivativePositionCollateralLimits('tBTCF0:USTF0'), (r) => {
  expect(r).toEqual({ minCollateral: num, maxCollateral: num });
  expect(r.maxCollateral).toBeGreaterThanOrEqual(r.minCollateral);
});

// Funding
add('submitFundingOffer', async (a) => {
  const n = await a.submitFundingOffer({ type: 'LIMIT', symbol: 'fUSD', amount: 200, rate: 0.05, period: 2 });
  state.offerId = n.data?.id ?? 0;
  return n;
}, (r) => {
  expect(r).toMatchObject({ type: 'fon-req', status: 'SUCCESS' });
  expect(r.data).toMatchObject({ id: num, symbol: 'fUSD', amount: 200, rate: 0.05, period: 2 });
});
add('getFundingOffers', (a) => a.getFundingOffers('fUSD'), (r) => expect(r.map((o) => o.id)).toContain(state.offerId));
add('cancelFundingOffer', (a) => a.cancelFundingOffer(state.offerId), (r) => {
  expect(r.type).toBe('foc-req');
  expect(r.data?.id).toBe(state.offerId);
});
add('getFundingOffersHistory', (a) => a.getFundingOffersHistory({ symbol: 'fUSD' }), (r) => expect(r.map((o) => o.id)).toContain(state.offerId));
add('cancelAllFundingOffers', async (a) => {
  await a.submitFundingOffer({ type: 'LIMIT', symbol: 'fUSD', amount: 300, rate: 0.06, period: 3 });
  return a.cancelAllFundingOffers('USD');
}, (r) => {
  expect(r).toMatchObject({ type: 'foc_all-req', status: 'SUCCESS' });
});
add('getFundingLoans', (a) => a.getFundingLoans(), (r) => r.forEach((l) => expect(l).toMatchObject({ id: num, symbol: str })));
add('getFundingLoansHistory', (a) => a.getFundingLoansHistory({ limit: 5 }), (r) => expect(Array.isArray(r)).toBe(true));
add('getFundingCredits', (a) => a.getFundingCredits('fUSD'), (r) => r.forEach((c) => expect(c).toMatchObject({ id: num, symbol: 'fUSD' })));
add('getFundingCreditsHistory', (a) => a.getFundingCreditsHistory({ symbol: 'fUSD', limit: 5 }), (r) => expect(Array.isArray(r)).toBe(true));
add('getFundingTradesHistory', (a) => a.getFundingTradesHistory({ limit: 5, sort: -1 }), (r) =>
  r.forEach((t) => expect(t).toMatchObject({ id: num, currency: str, offerId: num })));
add('getFundingInfo', (a) => a.getFundingInfo('fUSD'), (r) => expect(r).toMatchObject({ symbol: 'fUSD', yieldLoan: num, durationLend: num }));
add('submitFundingClose', (a) => a.submitFundingClose(999_999_999).then(() => 'resolved', (e: unknown) => e), (r) => expect(r).toMatchObject({ code: 'ERR_BFX_INPUT_REJECTED', status: 'ERROR', type: 'fcl-req', endpoint: 'auth/w/funding/close', notification: { status: 'ERROR' } }));
add('toggleAutoRenew', (a) => a.toggleAutoRenew({ status: true, currency: 'USD', amount: 100, rate: 0.01, period: 2 }), (r) => {
  expect(r).toMatchObject({ type: 'fa-req', status: 'SUCCESS' });
  expect(r.data).toMatchObject({ currency: 'USD', period: 2 });
});
add('toggleKeepFunding', (a) => a.toggleKeepFunding({ type: 'credit', ids: [1], changes: { 1: 1 } }), (r) => expect(r).toMatchObject({ type: str, status: str }));

// Issue 15: endpoints Bitfinex documents beyond python's surface.
add('getOtcOrdersHistory', (a) => a.getOtcOrdersHistory('tBTCUSD', { limit: 2 }), (r) => {
  expect(r).toHaveLength(2);
  r.forEach((o) => expect(o).toMatchObject({ id: num, symbol: 'tBTCUSD', routing: 'OTC', orderStatus: expect.stringMatching(/^EXECUTED/) }));
});
add('updatePositionFundingType', (a) => a.updatePositionFundingType('tBTCUSD', 1), (r) => {
  expect(r).toMatchObject({ type: 'puft-req', status: 'SUCCESS', text: expect.stringContaining('term') });
});
add('getDepositAddresses', (a) => a.getDepositAddresses({ method: 'bitcoin', page: 1, pageSize: 20 }), (r) => {
  expect(r.length).toBeGreaterThan(0);
  r.forEach((d) => expect(d).toEqual({ address: str, walletType: expect.stringMatching(/^(exchange|margin|funding)$/) }));
});
add('getThalexFreeTransferCount', (a) => a.getThalexFreeTransferCount(), (r) => {
  expect(r).toEqual({ deposits: { available: 2, resetsAt: null }, withdrawals: { available: 2, resetsAt: null } });
});
add('requestThalexDeposit', (a) => a.requestThalexDeposit({ amount: '100', ccy: 'USE', tfaToken: { method: 'u2f' } }), (r) => {
  expect(r).toMatchObject({ type: 'deposit', amount: '100', ccy: 'USE', status: 'PENDING', fee: '0', id: str, createdAt: num });
});
add('requestThalexWithdrawal', async (a) => {
  const w = await a.requestThalexWithdrawal({ provider: 'thalex', amount: 90, ccy: 'USE', tfaToken: { method: 'u2f' } });
  return { w, count: await a.getThalexFreeTransferCount('thalex') };
}, ({ w, count }) => {
  expect(w).toMatchObject({ type: 'withdraw', amount: '90', ccy: 'USE' });
  expect(count.deposits.available).toBe(1);
  expect(count.withdrawals).toEqual({ available: 1, resetsAt: num });
});
add('getLnxInvoicePayments', async (a) => ({
  list: await a.getLnxInvoicePayments('getInvoicesByUser', { offset: 0 }),
  one: await a.getLnxInvoicePayments('getInvoiceById', { txid: 'abc' }),
}), ({ list, one }) => {
  expect(list).toHaveLength(3);
  expect(one).toHaveLength(1);
  expect(one[0]).toMatchObject({ payment_hash: 'abc', status: str });
});
add('getWeightedAverages', (a) => a.getWeightedAverages({ symbol: 'tBTCUSD' }), (r) => {
  expect(r.tradeCount).toBeGreaterThan(0);
  expect(r).toMatchObject({ sumBuyingAmount: num, buyingWeightedPrice: num, firstTradeMts: num, lastTradeMts: num });
  expect(r.buyingWeightedPrice).toBeGreaterThan(0);
});
add('submitPulse', async (a) => {
  const p = await a.submitPulse({ title: 'Hello', content: 'First pulse from the REST client', isPublic: true });
  state.pulseId = p.pid;
  return p;
}, (r) => expect(r).toMatchObject({ pid: str, title: 'Hello', content: 'First pulse from the REST client', isPublic: 1, profile: { puid: str } }));
add('getPulseHistory', (a) => a.getPulseHistory({ isPublic: true }), (r) => {
  expect(r.map((p) => p.pid)).toContain(state.pulseId);
});
add('deletePulse', async (a) => [await a.deletePulse(state.pulseId), await a.getPulseHistory()] as const, ([deleted, rest]) => {
  expect(deleted).toBe(true);
  expect(rest.map((p) => p.pid)).not.toContain(state.pulseId);
});
add('getPerformanceHistory', (a) => a.getPerformanceHistory(), (r) => {
  expect(r.length).toBeGreaterThan(0);
  expect(typeof r[0]![0]).toBe('number');
});

describe('REST authenticated endpoints against the simulator', () => {
  let sim: BfxSimulator;
  let api: AuthApi;
  beforeAll(async () => {
    const started = await startSim();
    sim = started.sim;
    api = started.rest.auth;
  });
  afterAll(() => sim.close());

  it('has a case for every authenticated method (44 from python plus the documented extras)', () => {
    expect(cases.map((c) => c.method).sort()).toEqual(Object.keys(authEndpoints).sort());
    expect(Object.keys(authEndpoints).length).toBeGreaterThanOrEqual(44);
  });

  for (const c of cases) it(c.method, () => c.run(api));
});
