import { describe, expect, it } from 'vitest';
import { BfxProtocolError } from '../../src/errors.js';
import type { Notification, Order } from '../../src/models/index.js';
import { createAccountSink } from '../../src/ws/account/sink.js';
import { authFunding, authMarginBalance, authNotifications, authOrders, authPositions, authTrades, authWallets } from './fixtures.js';
import { recorder } from './recorder.js';

function setup() {
  const rec = recorder();
  const handled: Notification<unknown>[] = [];
  const sink = createAccountSink(rec.emit, { handleNotification: (n) => handled.push(n) });
  const feed = (frames: unknown[][]): void => {
    for (const f of frames) sink.frame(f.slice(1));
  };
  return { rec, handled, sink, feed };
}

describe('account sink: sample frames → typed events', () => {
  it('orders: os / on / ou / oc', () => {
    const { rec, feed } = setup();
    feed(authOrders);
    expect(rec.names()).toEqual(['order_snapshot', 'order_new', 'order_update', 'order_cancel', 'order_cancel', 'order_cancel']);
    const snapshot = rec.events[0]!.args[0] as Order[];
    expect(snapshot).toHaveLength(1);
    expect(snapshot[0]).toMatchObject({ id: 34930659963, symbol: 'tETHUSD', amount: 0.201104, orderType: 'EXCHANGE LIMIT', orderStatus: 'ACTIVE', price: 120 });
    expect(rec.events[1]!.args[0]).toMatchObject({ id: 1185815098, cid: 1575287436979, amountOrig: -2.5, routing: 'API>BFX' });
    expect(rec.events[5]!.args[0]).toMatchObject({ amount: 0, orderStatus: 'EXECUTED @ 42.821(0.1)', priceAvg: 42.821, meta: {} });
  });

  it('positions: ps / pu', () => {
    const { rec, feed } = setup();
    feed(authPositions);
    expect(rec.names()).toEqual(['position_snapshot', 'position_update']);
    expect(rec.events[0]!.args[0]).toEqual([expect.objectContaining({ symbol: 'tETHUST', status: 'ACTIVE', amount: 0.2, positionId: 142420429, pl: null })]);
    expect(rec.events[1]!.args[0]).toMatchObject({ pl: -0.07944800000000068, priceLiq: 67.52755254906451, meta: { reason: 'TRADE' } });
  });

  it('position new / close', () => {
    const { rec, sink } = setup();
    const row = authPositions[1]![2] as unknown[];
    sink.frame(['pn', row]);
    sink.frame(['pc', [...row.slice(0, 1), 'CLOSED', ...row.slice(2)]]);
    expect(rec.names()).toEqual(['position_new', 'position_close']);
    expect(rec.events[1]!.args[0]).toMatchObject({ status: 'CLOSED' });
  });

  it('wallets: ws / wu', () => {
    const { rec, feed } = setup();
    feed(authWallets);
    expect(rec.names()).toEqual(['wallet_snapshot', 'wallet_update']);
    expect(rec.events[0]!.args[0]).toEqual([expect.objectContaining({ walletType: 'exchange', currency: 'SAN', balance: 19.76 })]);
    expect(rec.events[1]!.args[0]).toMatchObject({ currency: 'BTC', balance: 1.61169184 });
  });

  it('margin, balance and funding info: miu base / miu sym / bu / fiu', () => {
    const { rec, feed } = setup();
    feed(authMarginBalance);
    expect(rec.names()).toEqual(['base_margin_info', 'symbol_margin_info', 'balance_update', 'funding_info_update']);
    expect(rec.events[0]!.args[0]).toMatchObject({ userPl: -13.014640000000007, marginMin: 27 });
    expect(rec.events[1]!.args[0]).toMatchObject({ symbol: 'tETHUSD', tradableBalance: 149361.09689202666 });
    expect(rec.events[2]!.args[0]).toMatchObject({ aum: 4131.85, aumNet: 4131.85 });
    expect(rec.events[3]!.args[0]).toMatchObject({ symbol: 'fUSD', yieldLoan: 0.0008595462068208099, durationLoan: 1.8444560185185186 });
  });

  it('funding offers, credits, loans', () => {
    const { rec, feed, sink } = setup();
    feed(authFunding);
    expect(rec.names()).toEqual([
      'funding_offer_snapshot', 'funding_offer_new', 'funding_offer_new', 'funding_offer_cancel',
      'funding_credit_snapshot', 'funding_credit_update', 'funding_loan_snapshot', 'funding_loan_new',
    ]);
    expect(rec.events[1]!.args[0]).toMatchObject({ id: 41238747, symbol: 'fUST', rate: 0.006000000000000001, period: 30 });
    expect(rec.events[4]!.args[0]).toHaveLength(2);
    expect((rec.events[4]!.args[0] as unknown[])[0]).toMatchObject({ side: 1, positionPair: 'tBTCUST' });
    const offer = authFunding[1]![2] as unknown[];
    const credit = authFunding[5]![2] as unknown[];
    const loan = authFunding[7]![2] as unknown[];
    sink.frame(['fou', offer]);
    sink.frame(['fcn', credit]);
    sink.frame(['fcc', credit]);
    sink.frame(['flu', loan]);
    sink.frame(['flc', loan]);
    expect(rec.names().slice(8)).toEqual(['funding_offer_update', 'funding_credit_new', 'funding_credit_close', 'funding_loan_update', 'funding_loan_close']);
  });

  it('own trades: te / tu / fte / ftu, old 9-field form included', () => {
    const { rec, feed } = setup();
    feed(authTrades);
    expect(rec.names()).toEqual([
      'trade_execution', 'trade_execution_update', 'funding_trade_execution', 'funding_trade_execution_update',
      'trade_execution', 'trade_execution', 'trade_execution_update', 'trade_execution_update',
    ]);
    expect(rec.events[0]!.args[0]).toMatchObject({ id: 402088407, orderId: 34938060782, execAmount: -0.2, fee: null, cid: 0 });
    expect(rec.events[1]!.args[0]).toMatchObject({ fee: -0.061668, feeCurrency: 'USD' });
    expect(rec.events[2]!.args[0]).toMatchObject({ id: 636854, currency: 'fUSD', offerId: 41238905, amount: -1000, period: 7 });
    expect(rec.events[4]!.args[0]).toMatchObject({ id: 1, orderType: null, cid: null });
  });

  it('notifications: typed per request type, handed to the inputs, others generic', () => {
    const { rec, feed, handled, sink } = setup();
    feed(authNotifications);
    expect(rec.names()).toEqual([
      'on-req-notification', 'ou-req-notification', 'oc-req-notification', 'fon-req-notification', 'fon-req-notification',
      'on-req-notification', 'on-req-notification', 'oc-req-notification', 'oc-req-notification', 'on-req-notification',
    ]);
    expect(handled).toHaveLength(10);
    const first = rec.events[0]!.args[0] as Notification<Order>;
    expect(first).toMatchObject({ mts: 1575287438.515, type: 'on-req', status: 'SUCCESS', text: 'Submitting limit sell order for -2.5 ETH.' });
    expect(first.data).toMatchObject({ id: 1185815098, cid: 1575287436979, amount: -2.5 });
    expect(rec.events[3]!.args[0]).toMatchObject({ data: { id: 41238934, amount: 500, rate: 0.02, period: 2 } });
    expect(rec.events[6]!.args[0]).toMatchObject({ status: 'ERROR', text: 'This pair cannot be traded on margin.', data: { id: 0, cid: 1 } });
    expect(rec.events[9]!.args[0]).toMatchObject({ mts: null, status: 'ERROR' });

    sink.frame(['n', [1, 'ucm-test', 77, null, { foo: 1 }, null, 'SUCCESS', null]]);
    expect(rec.last('notification')).toMatchObject({ type: 'ucm-test', messageId: 77, data: { foo: 1 } });
    sink.frame(['n', [1, 'oc_multi-req', null, null, [authOrders[1]![2], authOrders[2]![2]], null, 'SUCCESS', 'Submitting 2 order cancellations.']]);
    expect((rec.last('oc_multi-req-notification') as Notification<Order[]>).data.map((o) => o.id)).toEqual([1185815098, 1185815100]);
    sink.frame(['n', [1, 'ox_multi-req', null, null, [authNotifications[0]![2], [2, 'oc_multi-req', null, null, [], null, 'SUCCESS', 'x']], null, 'SUCCESS', 'ok']]);
    const multi = rec.last('ox_multi-req-notification') as Notification<Notification<unknown>[]>;
    expect(multi.data.map((n) => n.type)).toEqual(['on-req', 'oc_multi-req']);
    expect(multi.data[0]!.data).toMatchObject({ id: 1185815098 });
    expect(multi.data[1]!.data).toEqual([]);
    sink.frame(['n', [1, 'foc-req', null, null, authFunding[3]![2], null, 'SUCCESS', 'x']]);
    expect(rec.last('foc-req-notification')).toMatchObject({ data: { id: 41238934, offerStatus: 'CANCELED' } });
    sink.frame(['n', [1, 'on-req', null, null, null, null, 'ERROR', 'Invalid input.']]);
    expect(rec.last('notification')).toMatchObject({ type: 'on-req', data: null });
  });

  it('heartbeat is observable as heartbeat(null)', () => {
    const { rec, sink } = setup();
    sink.frame(['hb']);
    expect(rec.events).toEqual([{ event: 'heartbeat', args: [null] }]);
  });

  it('update frames carrying several rows emit one event per row; empty snapshots emit []', () => {
    const { rec, sink } = setup();
    sink.frame(['on', [authOrders[1]![2], authOrders[2]![2]]]);
    sink.frame(['os', []]);
    expect(rec.names()).toEqual(['order_new', 'order_new', 'order_snapshot']);
    expect(rec.events[2]!.args[0]).toEqual([]);
  });

  it('reports unreadable frames on error and carries on; ignores legacy snapshots', () => {
    const { rec, sink } = setup();
    sink.frame(['zz', [1]]);
    sink.frame(['on', 'oops']);
    sink.frame(['miu', ['other', []]]);
    sink.frame(['n', 'x']);
    sink.frame(['hts', []]);
    sink.frame([42]);
    sink.frame(['wu', authWallets[1]![2]]);
    expect(rec.names()).toEqual(['error', 'error', 'error', 'error', 'error', 'wallet_update']);
    for (const e of rec.events.slice(0, 5)) expect(e.args[0]).toBeInstanceOf(BfxProtocolError);
    expect((rec.events[0]!.args[0] as BfxProtocolError).excerpt).toBe('["zz",[1]]');
  });
});
