import { describe, expect, it } from 'vitest';
import { collect, fixture, flush } from './exchange-fixtures.js';

const ORDER = { ID: 0, GID: 1, CID: 2, SYMBOL: 3, AMOUNT: 6, AMOUNT_ORIG: 7, TYPE: 8, STATUS: 13, PRICE: 16, PRICE_AVG: 17, META: 31 };

describe('orders', () => {
  it('fills a market order in two trades with the documented frame order', async () => {
    const { alice } = fixture();
    const sub = collect(alice);
    const n = alice.input('on', { type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount: '1', cid: 42, gid: 7, meta: { aff_code: 'x' } }, 'ws');
    expect(n[1]).toBe('on-req');
    expect(n[6]).toBe('SUCCESS');
    expect(n[7]).toBe('Submitting exchange market buy order for 1 BTC.');
    const data = n[4] as unknown[];
    expect(data).toHaveLength(32);
    expect(data[ORDER.STATUS]).toBe('ACTIVE');
    expect(data[ORDER.CID]).toBe(42);
    // Events are delivered after the notification is returned.
    expect(sub.frames).toHaveLength(0);
    await flush();
    expect(sub.types()).toEqual(['te', 'te', 'oc', 'tu', 'tu', 'wu', 'wu', 'bu', 'miu', 'miu']);
    const [te1, te2] = sub.of('te');
    expect(te1!.slice(4, 6)).toEqual([0.22, 915.9]);
    expect(te1![9]).toBeNull();
    expect(te2!.slice(4, 6)).toEqual([0.78, 916.2]);
    const oc = sub.of('oc')[0]!;
    expect(oc[ORDER.STATUS]).toBe('EXECUTED @ 916.2(0.78): was PARTIALLY FILLED @ 915.9(0.22)');
    expect(oc[ORDER.AMOUNT]).toBe(0);
    expect(oc[ORDER.AMOUNT_ORIG]).toBe(1);
    expect(oc[ORDER.GID]).toBe(7);
    expect(oc[ORDER.META]).toEqual({ aff_code: 'x' });
    expect(oc[ORDER.PRICE_AVG]).toBeCloseTo(916.134, 3);
    const [tu1] = sub.of('tu');
    // An exchange buy pays its (taker) fee in the bought currency.
    expect(tu1![9]).toBeCloseTo(-0.22 * 0.002, 10);
    expect(tu1![10]).toBe('BTC');
    const wallets = sub.of('wu').map((w) => [w[0], w[1], w[2]]);
    expect(wallets).toContainEqual(['exchange', 'BTC', 11 - 0.002]);
    const usd = sub.of('wu').find((w) => w[1] === 'USD')!;
    expect(usd[2]).toBeCloseTo(100_000 - 916.1334, 2);
    expect(sub.of('miu').map((m) => m[0])).toEqual(['base', 'sym']);
  });

  it('rests a non-crossing limit order and cancels it', async () => {
    const { alice } = fixture();
    const sub = collect(alice);
    const n = alice.input('on', { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.5, price: '900' }, 'ws');
    await flush();
    expect(sub.types()).toEqual(['on', 'wu']);
    const id = (n[4] as unknown[])[ORDER.ID] as number;
    expect(sub.of('on')[0]![ORDER.STATUS]).toBe('ACTIVE');
    expect(sub.of('wu')[0]!.slice(0, 5)).toEqual(['exchange', 'USD', 100_000, 0, 100_000 - 450]);
    expect(alice.snapshotFrames().find((f) => f[0] === 'os')![1]).toHaveLength(1);
    sub.clear();
    const c = alice.input('oc', { id }, 'ws');
    expect(c[1]).toBe('oc-req');
    expect(c[7]).toBe(`Submitted for cancellation; waiting for confirmation (ID: ${id}).`);
    await flush();
    expect(sub.types()).toEqual(['oc', 'wu']);
    expect(sub.of('oc')[0]![ORDER.STATUS]).toBe('CANCELED');
    expect(sub.of('wu')[0]![4]).toBe(100_000);
    expect(alice.snapshotFrames().find((f) => f[0] === 'os')![1]).toEqual([]);
  });

  it('fills what a crossing limit can and rests the remainder', async () => {
    const { alice } = fixture();
    const sub = collect(alice);
    alice.input('on', { type: 'LIMIT', symbol: 'tBTCUSD', amount: 0.5, price: 915.9 }, 'ws');
    await flush();
    expect(sub.types()).toEqual(['on', 'te', 'ou', 'tu', 'wu', 'pn', 'bu', 'miu', 'miu']);
    const ou = sub.of('ou')[0]!;
    expect(ou[ORDER.STATUS]).toBe('PARTIALLY FILLED @ 915.9(0.22)');
    expect(ou[ORDER.AMOUNT]).toBe(0.28);
    const pn = sub.of('pn')[0]!;
    expect(pn.slice(0, 4)).toEqual(['tBTCUSD', 'ACTIVE', 0.22, 915.9]);
    expect(pn).toHaveLength(20);
  });

  it('closes a margin position with pc', async () => {
    const { alice } = fixture();
    alice.input('on', { type: 'MARKET', symbol: 'tBTCUSD', amount: 0.5 }, 'ws');
    await flush();
    const sub = collect(alice);
    alice.input('on', { type: 'MARKET', symbol: 'tBTCUSD', amount: -0.5 }, 'ws');
    await flush();
    expect(sub.types()).toContain('pc');
    expect(sub.of('pc')[0]!.slice(0, 3)).toEqual(['tBTCUSD', 'CLOSED', 0]);
    expect(alice.snapshotFrames().find((f) => f[0] === 'ps')![1]).toEqual([]);
  });

  it('applies FOK and IOC semantics', async () => {
    const { alice, market } = fixture();
    const sub = collect(alice);
    alice.input('on', { type: 'EXCHANGE FOK', symbol: 'tBTCUSD', amount: 3, price: 915.9 }, 'ws');
    await flush();
    expect(sub.types()).toEqual(['oc']);
    expect(sub.of('oc')[0]![ORDER.STATUS]).toBe('FILLORKILL CANCELED');
    expect(market.bestAsk('tBTCUSD')).toBe(915.9);
    sub.clear();
    alice.input('on', { type: 'EXCHANGE IOC', symbol: 'tBTCUSD', amount: 1, price: 915.9 }, 'ws');
    await flush();
    expect(sub.types().slice(0, 3)).toEqual(['te', 'oc', 'tu']);
    expect(sub.of('oc')[0]![ORDER.STATUS]).toBe('CANCELED was: PARTIALLY FILLED @ 915.9(0.22)');
    expect(alice.snapshotFrames().find((f) => f[0] === 'os')![1]).toEqual([]);
  });

  it('answers validation failures with ERROR notifications and never throws', async () => {
    const { alice } = fixture();
    const sub = collect(alice);
    const min = alice.input('on', { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.0001, price: 900 }, 'ws');
    expect(min.slice(6)).toEqual(['ERROR', 'Invalid order: minimum size for BTC/USD is 0.0002']);
    const bal = alice.input('on', { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 1000, price: 900 }, 'ws');
    expect(bal[6]).toBe('ERROR');
    expect(bal[7]).toMatch(/^Invalid order: not enough exchange balance for 1000 BTCUSD at 900/);
    expect(alice.input('on', { type: 'EXCHANGE LIMIT', symbol: 'tNOPE', amount: 1, price: 1 }, 'ws')[6]).toBe('ERROR');
    expect(alice.input('on', null, 'ws')[6]).toBe('ERROR');
    const oc = alice.input('oc', { id: 12345 }, 'ws');
    expect(oc.slice(6)).toEqual(['ERROR', 'Order not found.']);
    expect(alice.input('ou', { id: 12345, price: 1 }, 'ws')[6]).toBe('ERROR');
    await flush();
    expect(sub.frames).toEqual([]);
  });

  it('answers REST on-req with an array of orders and MTS in seconds', () => {
    const { alice, market } = fixture();
    const n = alice.input('on', { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: '0.1', price: '900' }, 'rest');
    expect(n[0]).toBe(Math.floor(market.now() / 1000));
    expect(n[7]).toBe('Submitting 1 orders.');
    const data = n[4] as unknown[][];
    expect(data).toHaveLength(1);
    expect(data[0]![ORDER.SYMBOL]).toBe('tBTCUSD');
    expect(data[0]![ORDER.PRICE]).toBe(900);
  });

  it('updates an order', async () => {
    const { alice } = fixture();
    const id = (alice.input('on', { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.5, price: 900 }, 'ws')[4] as unknown[])[0];
    const sub = collect(alice);
    const n = alice.input('ou', { id, price: '901', delta: '0.5' }, 'ws');
    expect(n[6]).toBe('SUCCESS');
    await flush();
    const ou = sub.of('ou')[0]!;
    expect([ou[ORDER.PRICE], ou[ORDER.AMOUNT], ou[9]]).toEqual([901, 1, 'EXCHANGE LIMIT']);
  });

  it('cancels everything with oc_multi all, and by id / gid / cid', async () => {
    const { alice } = fixture();
    const place = (extra: Record<string, unknown>) =>
      (alice.input('on', { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 800, ...extra }, 'ws')[4] as unknown[])[0];
    const a = place({ gid: 1 });
    place({ gid: 1 });
    place({ cid: 99 });
    place({});
    const byGid = alice.input('oc_multi', { gid: [1] }, 'ws');
    expect((byGid[4] as unknown[]).map((o) => (o as unknown[])[0])).toContain(a);
    expect(byGid[4]).toHaveLength(2);
    const day = new Date(1_700_000_000_000).toISOString().slice(0, 10);
    expect(alice.input('oc_multi', { cid: [[99, day]] }, 'ws')[4]).toHaveLength(1);
    const sub = collect(alice);
    const all = alice.input('oc_multi', { all: 1 }, 'ws');
    expect(all[1]).toBe('oc_multi-req');
    expect(all[4]).toHaveLength(1);
    await flush();
    expect(sub.types()).toEqual(['oc', 'wu']);
  });

  it('runs ox_multi ops in order and returns per-op notifications', async () => {
    const { alice } = fixture();
    const sub = collect(alice);
    const n = alice.input('ox_multi', [
      ['on', { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 800 }],
      ['on', { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 801 }],
      ['oc', { id: 1 }],
      ['oc_multi', { all: 1 }],
    ], 'ws');
    expect(n[1]).toBe('ox_multi-req');
    const results = n[4] as unknown[][];
    expect(results.map((r) => [r[1], r[6]])).toEqual([
      ['on-req', 'SUCCESS'], ['on-req', 'SUCCESS'], ['oc-req', 'ERROR'], ['oc_multi-req', 'SUCCESS'],
    ]);
    await flush();
    expect(sub.types().filter((t) => t !== 'wu')).toEqual(['on', 'on', 'oc', 'oc']);
    expect(alice.input('ox_multi', [], 'ws')[6]).toBe('ERROR');
  });

  it('cancels every active order on cancelAllOrders (dead-man switch)', async () => {
    const { alice } = fixture();
    for (const price of [800, 801, 802]) alice.input('on', { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price }, 'ws');
    await flush();
    const sub = collect(alice);
    alice.cancelAllOrders();
    await flush();
    expect(sub.of('oc').map((o) => o[ORDER.STATUS])).toEqual(['CANCELED', 'CANCELED', 'CANCELED']);
    expect(alice.snapshotFrames().find((f) => f[0] === 'os')![1]).toEqual([]);
  });
});
