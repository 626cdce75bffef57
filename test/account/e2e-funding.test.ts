/**
 * Funding inputs, calc, custom notifications and REST-triggered account events over a real
 * socket against the simulator (harness.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BaseMarginInfo, FundingCredit, FundingInfo, FundingLoan, FundingOffer, Notification, SymbolMarginInfo, Wallet } from '../../src/models/index.js';
import { createRestClient } from '../../src/rest/client.js';
import { createBfxSimulator, type BfxSimulator } from '../../src/simulator/index.js';
import { openAccountSession, type AccountSession } from './harness.js';

const apiKey = 'e2e-funding-key';
const apiSecret = 'e2e-funding-secret';

let sim: BfxSimulator;
let s: AccountSession;

beforeEach(async () => {
  sim = await createBfxSimulator({ accounts: [{ apiKey, apiSecret }], market: { updatesPerSecond: 0 } });
  s = await openAccountSession(sim.wsUrl, { apiKey, apiSecret });
  await s.rec.waitFor('balance_update');
});
afterEach(async () => {
  await s.close();
  await sim.close();
});

describe('funding, calc and notify over the account channel', () => {
  it('submit and cancel a funding offer', async () => {
    const mark = s.rec.events.length;
    // 0.1 % a day sits far above the simulated demand, so the offer rests instead of matching at once.
    const n = await s.inputs.submitFundingOffer({ type: 'LIMIT', symbol: 'fUSD', amount: 500, rate: 0.001, period: 2 });
    expect(n).toMatchObject({ type: 'fon-req', status: 'SUCCESS', data: { symbol: 'fUSD', amount: 500, rate: 0.001, period: 2 } });
    const id = n.data.id;
    const created = (await s.rec.waitFor('funding_offer_new', (o) => (o as FundingOffer).id === id, mark)) as FundingOffer;
    expect(created.offerStatus).toBe('ACTIVE');
    await s.rec.waitFor('wallet_update', (w) => (w as Wallet).walletType === 'funding', mark);
    const c = await s.inputs.cancelFundingOffer(id);
    expect(c).toMatchObject({ type: 'foc-req', status: 'SUCCESS', data: { id } });
    const gone = (await s.rec.waitFor('funding_offer_cancel', (o) => (o as FundingOffer).id === id, mark)) as FundingOffer;
    expect(gone.offerStatus).toBe('CANCELED');
    await expect(s.inputs.cancelFundingOffer(id)).rejects.toMatchObject({ type: 'foc-req', status: 'ERROR' });
    await expect(s.inputs.submitFundingOffer({ type: 'LIMIT', symbol: 'fUSD', amount: 10, rate: 0.0002, period: 2 })).rejects.toMatchObject({
      code: 'ERR_BFX_INPUT_REJECTED', type: 'fon-req',
    });
  });

  it('calc brings margin, funding, balance and wallet values', async () => {
    const mark = s.rec.events.length;
    await expect(s.inputs.calc('margin_base', 'margin_sym_tBTCUSD', 'funding_sym_fUSD', 'balance', 'wallet_exchange_USD')).resolves.toBeUndefined();
    const base = (await s.rec.waitFor('base_margin_info', () => true, mark)) as BaseMarginInfo;
    const sym = (await s.rec.waitFor('symbol_margin_info', () => true, mark)) as SymbolMarginInfo;
    const fiu = (await s.rec.waitFor('funding_info_update', () => true, mark)) as FundingInfo;
    await s.rec.waitFor('balance_update', () => true, mark);
    const usd = (await s.rec.waitFor('wallet_update', () => true, mark)) as Wallet;
    expect(typeof base.marginBalance).toBe('number');
    expect(sym.symbol).toBe('tBTCUSD');
    expect(fiu.symbol).toBe('fUSD');
    expect(usd).toMatchObject({ walletType: 'exchange', currency: 'USD' });
    expect(s.rec.names(mark)).toEqual(['base_margin_info', 'symbol_margin_info', 'funding_info_update', 'balance_update', 'wallet_update']);
  });

  it('notify: resolves once sent; the echo arrives as the notification event', async () => {
    const r = await s.inputs.notify({ hello: 'world' }, { type: 'ucm-test', messageId: 4242 });
    expect(r).toEqual({ messageId: 4242 });
    const echo = (await s.rec.waitFor('notification', (n) => (n as Notification).messageId === 4242)) as Notification<unknown>;
    expect(echo).toMatchObject({ type: 'ucm-test', data: { hello: 'world' }, status: 'SUCCESS' });
    await expect(s.inputs.notify({}, { type: 'bad' })).rejects.toMatchObject({ code: 'ERR_BFX_INVALID_ARGUMENT' });
  });

  it('funding credits and loans closed over REST show up on the account channel', async () => {
    const credits = (await s.rec.waitFor('funding_credit_snapshot')) as FundingCredit[];
    const loans = (await s.rec.waitFor('funding_loan_snapshot')) as FundingLoan[];
    expect(credits.length).toBeGreaterThan(0);
    expect(loans.length).toBeGreaterThan(0);
    const rest = createRestClient({ restHost: sim.restUrl, apiKey, apiSecret });
    await rest.auth.submitFundingClose(credits[0]!.id);
    await rest.auth.submitFundingClose(loans[0]!.id);
    const credit = (await s.rec.waitFor('funding_credit_close')) as FundingCredit;
    const loan = (await s.rec.waitFor('funding_loan_close')) as FundingLoan;
    expect(credit).toMatchObject({ id: credits[0]!.id, status: 'CLOSED' });
    expect(loan).toMatchObject({ id: loans[0]!.id, status: 'CLOSED' });
  });

  it('an order placed over REST shows up on the account channel (no input settled by it)', async () => {
    const rest = createRestClient({ restHost: sim.restUrl, apiKey, apiSecret });
    const n = await rest.auth.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 1000 });
    const id = (n.data as { id: number }).id;
    await s.rec.waitFor('order_new', (o) => (o as { id: number }).id === id);
    expect(s.inputs.pendingCount).toBe(0);
  });
});
