/**
 * Order inputs and events over a real socket against the simulator (harness.ts): limit order
 * lifecycle, a market order filled in two trades (the whole event order), multi-cancel,
 * multi-op, rejected orders, margin positions, and REST agreeing with the WebSocket view.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { BalanceInfo, Order, Position, Trade, Wallet } from '../../src/models/index.js';
import { createRestClient } from '../../src/rest/client.js';
import { createBfxSimulator, type BfxSimulator } from '../../src/simulator/index.js';
import { openAccountSession, type AccountSession } from './harness.js';

const apiKey = 'e2e-orders-key';
const apiSecret = 'e2e-orders-secret';

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

const limitBuy = { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 1000 } as const;

describe('orders over the account channel', () => {
  it('submit, update and cancel a limit order: notifications resolve the inputs, events follow', async () => {
    const mark = s.rec.events.length;
    const submitted = await s.inputs.submitOrder(limitBuy);
    expect(submitted).toMatchObject({ type: 'on-req', status: 'SUCCESS', data: { symbol: 'tBTCUSD', amount: 0.01, price: 1000, orderType: 'EXCHANGE LIMIT' } });
    const id = submitted.data.id;
    expect(submitted.data.cid).toBeGreaterThan(0);
    const created = (await s.rec.waitFor('order_new', (o) => (o as Order).id === id, mark)) as Order;
    expect(created.orderStatus).toBe('ACTIVE');

    const updated = await s.inputs.updateOrder({ id, price: 1100, amount: 0.02 });
    expect(updated).toMatchObject({ type: 'ou-req', status: 'SUCCESS', data: { id, price: 1100, amount: 0.02 } });
    await s.rec.waitFor('order_update', (o) => (o as Order).id === id && (o as Order).price === 1100, mark);

    const cancelled = await s.inputs.cancelOrder({ id });
    expect(cancelled).toMatchObject({ type: 'oc-req', status: 'SUCCESS', data: { id } });
    expect(cancelled.text).toContain(String(id));
    const closed = (await s.rec.waitFor('order_cancel', (o) => (o as Order).id === id, mark)) as Order;
    expect(closed.orderStatus).toBe('CANCELED');
    expect(s.rec.names(mark).filter((n) => n.endsWith('-notification'))).toEqual(['on-req-notification', 'ou-req-notification', 'oc-req-notification']);
  });

  it('cancel by cid and cidDate', async () => {
    const cid = 777001;
    const placed = await s.inputs.submitOrder({ ...limitBuy, cid });
    expect(placed.data.cid).toBe(cid);
    const cidDate = new Date(placed.data.mtsCreate!).toISOString().slice(0, 10);
    const cancelled = await s.inputs.cancelOrder({ cid, cidDate });
    expect(cancelled.data).toMatchObject({ id: placed.data.id, cid });
  });

  it('a market order filled in two trades: the whole event order', async () => {
    const asks = sim.market.bookSnapshot('tBTCUSD', 'R0', 25).filter((r) => (r[2] as number) < 0);
    const [first, second] = asks as [number, number, number][];
    const amount = Number((-first![2] + -second![2] / 2).toFixed(8));
    const mark = s.rec.events.length;
    const n = await s.inputs.submitOrder({ type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount });
    expect(n).toMatchObject({ type: 'on-req', status: 'SUCCESS' });
    const id = n.data.id;
    await s.rec.waitFor('symbol_margin_info', () => true, mark);
    expect(s.rec.names(mark)).toEqual([
      'on-req-notification',
      'trade_execution', 'trade_execution',
      'order_cancel',
      'trade_execution_update', 'trade_execution_update',
      'wallet_update', 'wallet_update',
      'balance_update', 'base_margin_info', 'symbol_margin_info',
    ]);
    const at = (i: number): unknown => s.rec.events[mark + i]!.args[0];
    const [te1, te2, tu1, tu2] = [at(1), at(2), at(4), at(5)] as Trade[];
    expect([te1!.execPrice, te2!.execPrice]).toEqual([first![1], second![1]]);
    expect(te1!.execAmount + te2!.execAmount).toBeCloseTo(amount, 8);
    expect([te1!.orderId, te2!.orderId]).toEqual([id, id]);
    expect(te1!.fee).toBeNull();
    // An exchange buy pays its fee in the bought currency (as Bitfinex: "Trading fees for 0.05 LTC").
    expect(tu1).toMatchObject({ id: te1!.id, feeCurrency: 'BTC' });
    expect(tu2!.fee).toBeLessThan(0);
    const done = at(3) as Order;
    expect(done).toMatchObject({ id, amount: 0, amountOrig: amount });
    expect(done.orderStatus).toMatch(/^EXECUTED @ /);
    expect((at(6) as Wallet).currency).toBe('BTC');
    expect((at(7) as Wallet).currency).toBe('USD');
    expect((at(8) as BalanceInfo).aum).toBeGreaterThan(0);
  });

  it('a rejected order rejects the input with InputError and emits the notification', async () => {
    const err = await s.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.00001, price: 1000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ type: 'on-req', status: 'ERROR' });
    expect((err as InputError).message).toMatch(/minimum size/);
    expect(s.rec.last('on-req-notification')).toMatchObject({ status: 'ERROR' });
    await expect(s.inputs.cancelOrder({ id: 123456789 })).rejects.toMatchObject({ type: 'oc-req', message: expect.stringContaining('Order not found') });
  });

  it('cancelOrderMulti and orderMultiOp', async () => {
    const a = await s.inputs.submitOrder({ ...limitBuy, gid: 7 });
    const b = await s.inputs.submitOrder({ ...limitBuy, price: 1001, gid: 7 });
    const c = await s.inputs.submitOrder({ ...limitBuy, price: 1002 });
    const multi = await s.inputs.cancelOrderMulti({ gid: [7] });
    expect(multi.type).toBe('oc_multi-req');
    expect(multi.data.map((o) => o.id).sort()).toEqual([a.data.id, b.data.id].sort());
    const mark = s.rec.events.length;
    const ox = await s.inputs.orderMultiOp([
      ['on', { ...limitBuy, price: 1003 }],
      ['ou', { id: c.data.id, price: 1004 }],
      ['oc', { id: c.data.id }],
    ]);
    expect(ox.type).toBe('ox_multi-req');
    expect(ox.data.map((n) => [n.type, n.status])).toEqual([['on-req', 'SUCCESS'], ['ou-req', 'SUCCESS'], ['oc-req', 'SUCCESS']]);
    expect((ox.data[0]!.data as Order).price).toBe(1003);
    await s.rec.waitFor('order_cancel', (o) => (o as Order).id === c.data.id, mark);
    await s.rec.waitFor('order_new', (o) => (o as Order).price === 1003, mark);
  });

  it('margin orders open, update and close a position', async () => {
    const mark = s.rec.events.length;
    await s.inputs.submitOrder({ type: 'MARKET', symbol: 'tBTCUSD', amount: 0.01 });
    const opened = (await s.rec.waitFor('position_new', () => true, mark)) as Position;
    expect(opened).toMatchObject({ symbol: 'tBTCUSD', status: 'ACTIVE', amount: 0.01 });
    await s.inputs.submitOrder({ type: 'MARKET', symbol: 'tBTCUSD', amount: 0.01 });
    const grown = (await s.rec.waitFor('position_update', (p) => (p as Position).amount === 0.02, mark)) as Position;
    expect(grown.positionId).toBe(opened.positionId);
    await s.inputs.submitOrder({ type: 'MARKET', symbol: 'tBTCUSD', amount: -0.02 });
    const closed = (await s.rec.waitFor('position_close', () => true, mark)) as Position;
    expect(closed).toMatchObject({ positionId: opened.positionId, status: 'CLOSED' });
  });

  it('REST and WebSocket views of the account agree after a series of orders', async () => {
    const orders = new Map<number, Order>();
    const wallets = new Map<string, Wallet>();
    const track = (from: number): void => {
      for (const e of s.rec.events.slice(from)) {
        const arg = e.args[0];
        if (e.event === 'order_snapshot') for (const o of arg as Order[]) orders.set(o.id, o);
        if (e.event === 'order_new' || e.event === 'order_update') orders.set((arg as Order).id, arg as Order);
        if (e.event === 'order_cancel') orders.delete((arg as Order).id);
        if (e.event === 'wallet_snapshot') for (const w of arg as Wallet[]) wallets.set(`${w.walletType}:${w.currency}`, w);
        if (e.event === 'wallet_update') wallets.set(`${(arg as Wallet).walletType}:${(arg as Wallet).currency}`, arg as Wallet);
      }
    };
    const mark = s.rec.events.length;
    const a = await s.inputs.submitOrder(limitBuy);
    await s.inputs.submitOrder({ ...limitBuy, price: 1005 });
    await s.inputs.submitOrder({ type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount: 0.05 });
    await s.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: -0.02, price: 10_000_000 });
    await s.inputs.updateOrder({ id: a.data.id, price: 990 });
    const last = await s.inputs.cancelOrder({ id: a.data.id });
    await s.rec.waitFor('order_cancel', (o) => (o as Order).id === last.data.id, mark);
    await s.inputs.calc('wallet_exchange_BTC', 'wallet_exchange_USD');
    await s.rec.waitFor('wallet_update', (w) => (w as Wallet).currency === 'USD', s.rec.events.length - 1);
    track(0);

    const rest = createRestClient({ restHost: sim.restUrl, apiKey, apiSecret });
    const restOrders = await rest.auth.getOrders();
    expect(restOrders.map((o) => o.id).sort()).toEqual([...orders.keys()].sort());
    for (const o of restOrders) expect(orders.get(o.id)).toMatchObject({ amount: o.amount, price: o.price, orderStatus: o.orderStatus });
    const restWallets = await rest.auth.getWallets();
    for (const w of restWallets) {
      const mine = wallets.get(`${w.walletType}:${w.currency}`);
      expect(mine, `${w.walletType}:${w.currency}`).toBeDefined();
      expect(mine!.balance).toBeCloseTo(w.balance, 8);
    }
  });
});
