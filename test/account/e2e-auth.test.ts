/**
 * Authentication over a real socket against the simulator, through the account-channel pieces
 * (router + sink + inputs, see harness.ts): snapshots, failures, filter, dead-man switch, and
 * re-auth after a dropped socket with both input policies.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, type BfxError } from '../../src/errors.js';
import type { Order, Wallet } from '../../src/models/index.js';
import { createBfxSimulator, type BfxSimulator } from '../../src/simulator/index.js';
import type { AuthInfo } from '../../src/ws/account/events.js';
import { openAccountSession, type AccountSession } from './harness.js';

const apiKey = 'e2e-auth-key';
const apiSecret = 'e2e-auth-secret-do-not-log';

let sim: BfxSimulator;
const sessions: AccountSession[] = [];
const open = async (o: Partial<Parameters<typeof openAccountSession>[1]> = {}): Promise<AccountSession> => {
  const s = await openAccountSession(sim.wsUrl, { apiKey, apiSecret, ...o });
  sessions.push(s);
  return s;
};

beforeEach(async () => {
  sim = await createBfxSimulator({ accounts: [{ apiKey, apiSecret }], market: { updatesPerSecond: 0 }, ws: { heartbeatMs: 150 } });
});
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await sim.close();
});

describe('authenticated WebSocket: auth', () => {
  it('authenticates, then receives the account snapshots in the captured order', async () => {
    const s = await open();
    const reply = await s.auth();
    expect(reply.ok).toBe(true);
    const info = s.rec.events[0]!.args[0] as AuthInfo;
    expect(s.rec.events[0]!.event).toBe('authenticated');
    expect(info.userId).toBeGreaterThan(0);
    expect(info.authId).toMatch(/^[0-9a-f-]{36}$/);
    expect(info.caps.orders).toEqual({ read: 1, write: 1 });
    expect(JSON.stringify(info)).not.toContain(apiSecret);
    await s.rec.waitFor('balance_update');
    const names = s.rec.names(1);
    expect(names.slice(0, 6)).toEqual([
      'position_snapshot', 'wallet_snapshot', 'order_snapshot', 'funding_offer_snapshot', 'funding_credit_snapshot', 'funding_loan_snapshot',
    ]);
    const snapshotWallets = s.rec.events[2]!.args[0] as Wallet[];
    expect(snapshotWallets.map((w) => `${w.walletType}:${w.currency}`)).toEqual(expect.arrayContaining(['exchange:BTC', 'exchange:USD', 'funding:USD']));
    expect(snapshotWallets.every((w) => w.availableBalance === null)).toBe(true);
    const updates = names.slice(6, names.indexOf('balance_update'));
    expect(updates.length).toBe(snapshotWallets.length);
    expect(new Set(updates)).toEqual(new Set(['wallet_update']));
    expect((s.rec.last('wallet_update') as Wallet).availableBalance).not.toBeNull();
  });

  it('heartbeats on channel 0 are observable', async () => {
    const s = await open();
    await expect(s.rec.waitFor('heartbeat')).resolves.toBeNull();
  });

  it('a wrong secret fails with AuthError 10100, and nothing leaks the secret', async () => {
    const s = await open({ apiSecret: 'wrong-secret' });
    const reply = await s.auth();
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error).toBeInstanceOf(AuthError);
    expect(reply.error.bfxCode).toBe(10100);
    expect(`${reply.error.message} ${JSON.stringify(reply.error)}`).not.toMatch(/wrong-secret|e2e-auth-key/);
    await expect(s.inputs.calc('balance')).rejects.toMatchObject({ code: 'ERR_BFX_NOT_AUTHENTICATED' });
  });

  it('a rejected nonce fails with AuthError 10114; the next attempt succeeds', async () => {
    sim.faults.rejectAuth(1, 10114);
    const s = await open();
    const first = await s.auth();
    expect(!first.ok && first.error.bfxCode).toBe(10114);
    expect((s.rec.last('error') as BfxError).code).toBe('ERR_BFX_AUTH');
    await s.close();
    const again = await open();
    expect((await again.auth()).ok).toBe(true);
  });

  it('filter narrows the account channel (wallet only: no order or funding snapshots)', async () => {
    const s = await open({ filter: ['wallet'] });
    await s.rec.waitFor('wallet_snapshot');
    await s.rec.waitFor('heartbeat');
    const names = new Set(s.rec.names());
    expect(names.has('wallet_snapshot')).toBe(true);
    expect(names.has('order_snapshot')).toBe(false);
    expect(names.has('funding_offer_snapshot')).toBe(false);
  });

  it('dms: closing the socket cancels every order of the account', async () => {
    const watcher = await open();
    const trader = await open({ dms: true });
    const placed = await trader.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 1000 });
    const id = placed.data.id;
    await watcher.rec.waitFor('order_new', (o) => (o as Order).id === id);
    await trader.close();
    const cancelled = (await watcher.rec.waitFor('order_cancel', (o) => (o as Order).id === id)) as Order;
    expect(cancelled.orderStatus).toBe('CANCELED');
  });

  it('without dms, closing the socket leaves orders alone', async () => {
    const trader = await open();
    const placed = await trader.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 1000 });
    await trader.close();
    const later = await open();
    const snapshot = (await later.rec.waitFor('order_snapshot')) as Order[];
    expect(snapshot.map((o) => o.id)).toContain(placed.data.id);
  });
});

describe('authenticated WebSocket: re-auth after a dropped socket', () => {
  it("policy 'queue': an input made while down is sent after re-auth; fresh snapshots arrive", async () => {
    const s = await open({ policy: 'queue' });
    const placed = await s.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 1000 });
    sim.faults.dropAll();
    await s.closed();
    const mark = s.rec.events.length;
    const queued = s.inputs.cancelOrder({ id: placed.data.id });
    expect(s.inputs.queuedCount).toBe(1);
    expect((await s.reconnect()).ok).toBe(true);
    const n = await queued;
    expect(n).toMatchObject({ type: 'oc-req', status: 'SUCCESS', data: { id: placed.data.id } });
    const names = s.rec.names(mark);
    expect(names[0]).toBe('authenticated');
    expect(names).toContain('order_snapshot');
    expect(((await s.rec.waitFor('order_snapshot', () => true, mark)) as Order[]).map((o) => o.id)).toContain(placed.data.id);
    await s.rec.waitFor('order_cancel', (o) => (o as Order).id === placed.data.id, mark);
  });

  it("policy 'reject': an input made while down fails at once; after re-auth inputs work again", async () => {
    const s = await open({ policy: 'reject' });
    sim.faults.dropAll();
    await s.closed();
    await expect(s.inputs.calc('balance')).rejects.toMatchObject({ code: 'ERR_BFX_NOT_AUTHENTICATED' });
    expect((await s.reconnect()).ok).toBe(true);
    const n = await s.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 1000 });
    expect(n.status).toBe('SUCCESS');
  });

  it('an order input awaiting its answer when the socket drops, with no new session and no REST lookup, ends as of unknown outcome, not lost', async () => {
    const s = await open({ policy: 'queue', recoveryMs: 200 });
    sim.faults.delayReplies(300);
    const inFlight = s.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 1000 });
    sim.faults.dropAll();
    await expect(inFlight).rejects.toMatchObject({ code: 'ERR_BFX_OUTCOME_UNKNOWN', reason: 'network', cid: expect.any(Number) });
    sim.faults.delayReplies(0);
  });
});
