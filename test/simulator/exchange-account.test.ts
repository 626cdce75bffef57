import { describe, expect, it } from 'vitest';
import { frameMatchesFilter } from '../../src/simulator/exchange/exchange.js';
import { collect, fixture, flush } from './exchange-fixtures.js';

describe('account', () => {
  it('sends the snapshot in the captured order', () => {
    const { alice } = fixture();
    alice.input('on', { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.1, price: 900 }, 'ws');
    const types = alice.snapshotFrames().map((f) => f[0]);
    expect(types.slice(0, 6)).toEqual(['ps', 'ws', 'os', 'fos', 'fcs', 'fls']);
    const wallets = alice.snapshotFrames().find((f) => f[0] === 'ws')![1] as unknown[][];
    expect(wallets.every((w) => w.length === 7 && w[4] === null)).toBe(true);
    expect(types.filter((t) => t === 'wu')).toHaveLength(wallets.length);
    expect(types[types.length - 1]).toBe('bu');
    const fcs = alice.snapshotFrames().find((f) => f[0] === 'fcs')![1] as unknown[][];
    const fls = alice.snapshotFrames().find((f) => f[0] === 'fls')![1] as unknown[][];
    expect(fcs[0]).toHaveLength(22);
    expect(fls[0]).toHaveLength(21);
    const wu = alice.snapshotFrames().find((f) => f[0] === 'wu' && (f[1] as unknown[])[1] === 'USD')![1] as unknown[];
    expect(wu[4]).toBe(100_000 - 90);
  });

  it('takes wallets from the configuration', async () => {
    const { createSimExchange } = await import('../../src/simulator/exchange/exchange.js');
    const { fakeMarket } = await import('./exchange-fixtures.js');
    const ex = createSimExchange({
      accounts: [{ apiKey: 'k', apiSecret: 's', userId: 7, wallets: [{ type: 'exchange', currency: 'ETH', balance: 3 }] }],
      market: fakeMarket(),
    });
    const acc = ex.account('k')!;
    expect(acc.userId).toBe(7);
    expect(acc.snapshotFrames().find((f) => f[0] === 'ws')![1]).toEqual([['exchange', 'ETH', 3, 0, null, null, null]]);
  });

  it('submits and cancels funding offers', async () => {
    const { alice } = fixture();
    const sub = collect(alice);
    const n = alice.input('fon', { type: 'LIMIT', symbol: 'fUSD', amount: '500', rate: '0.0002', period: 2 }, 'ws');
    expect(n.slice(1, 2)).toEqual(['fon-req']);
    expect(n[6]).toBe('SUCCESS');
    const offer = n[4] as unknown[];
    expect(offer).toHaveLength(21);
    expect([offer[1], offer[4], offer[10], offer[14], offer[15]]).toEqual(['fUSD', 500, 'ACTIVE', 0.0002, 2]);
    await flush();
    expect(sub.types()).toEqual(['fon', 'wu']);
    expect(sub.of('wu')[0]!.slice(0, 5)).toEqual(['funding', 'USD', 50_000, 0, 49_500]);
    sub.clear();
    const c = alice.input('foc', { id: offer[0] }, 'ws');
    expect([c[1], c[6]]).toEqual(['foc-req', 'SUCCESS']);
    await flush();
    expect(sub.of('foc')[0]![10]).toBe('CANCELED');
    expect(alice.input('foc', { id: offer[0] }, 'ws')[6]).toBe('ERROR');
    expect(alice.input('fon', { type: 'LIMIT', symbol: 'fUSD', amount: 10, rate: 0.01, period: 2 }, 'ws')[6]).toBe('ERROR');
    expect(alice.input('fon', { type: 'LIMIT', symbol: 'fUSD', amount: 1e9, rate: 0.01, period: 2 }, 'ws')[6]).toBe('ERROR');
  });

  it('answers calc with miu / fiu / pu / wu / bu and no notification', async () => {
    const { alice } = fixture();
    alice.input('on', { type: 'MARKET', symbol: 'tBTCUSD', amount: 0.1 }, 'ws');
    await flush();
    const sub = collect(alice);
    const n = alice.input('calc', [['margin_base'], ['margin_sym_tBTCUSD'], ['funding_sym_fUSD'], ['position_tBTCUSD'], ['wallet_exchange_USD'], ['balance'], ['bogus']], 'ws');
    expect(n).toEqual([]);
    await flush();
    expect(sub.types()).toEqual(['miu', 'miu', 'fiu', 'pu', 'wu', 'bu']);
    expect(sub.of('miu')[0]![0]).toBe('base');
    expect((sub.of('miu')[0]![1] as unknown[]).length).toBe(5);
    expect(sub.of('miu')[1]!.slice(0, 2)).toEqual(['sym', 'tBTCUSD']);
    expect(sub.of('fiu')[0]!.slice(0, 2)).toEqual(['sym', 'fUSD']);
    expect(sub.of('pu')[0]![6]).not.toBeNull();
    expect(sub.of('bu')[0]).toHaveLength(2);
  });

  it('delivers a custom ucm notification to every subscriber of the account', async () => {
    const { alice } = fixture();
    const one = collect(alice);
    const two = collect(alice);
    const n = alice.input('n', { type: 'ucm-test', info: { hello: 1 }, message_id: 5 }, 'ws');
    expect(n).toEqual([]);
    await flush();
    for (const s of [one, two]) {
      expect(s.frames).toHaveLength(1);
      const [type, body] = s.frames[0]!;
      expect(type).toBe('n');
      expect((body as unknown[]).slice(1)).toEqual(['ucm-test', 5, null, { hello: 1 }, null, 'SUCCESS', null]);
    }
    expect(alice.input('n', { type: 'bad', info: {} }, 'ws')[6]).toBe('ERROR');
  });

  it('keeps delivering when a listener throws, and stops after unsubscribe', async () => {
    const { alice } = fixture();
    alice.subscribe(() => {
      throw new Error('boom');
    });
    const sub = collect(alice);
    alice.input('n', { type: 'ucm-a', info: {} }, 'ws');
    await flush();
    expect(sub.frames).toHaveLength(1);
    sub.stop();
    alice.input('n', { type: 'ucm-b', info: {} }, 'ws');
    await flush();
    expect(sub.frames).toHaveLength(1);
  });

  it('honours the auth filter in snapshots and frames', () => {
    const { alice } = fixture();
    alice.input('on', { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.1, price: 900 }, 'ws');
    alice.input('on', { type: 'EXCHANGE LIMIT', symbol: 'tETHUSD', amount: 0.1, price: 90 }, 'ws');
    const types = (f: readonly string[]) => alice.snapshotFrames(f).map((x) => x[0]);
    expect(types(['wallet'])).toEqual(['ws', ...alice.snapshotFrames().filter((x) => x[0] === 'wu').map(() => 'wu')]);
    expect(types(['balance'])).toEqual(['bu']);
    const os = alice.snapshotFrames(['trading-tETHUSD']).find((x) => x[0] === 'os')![1] as unknown[][];
    expect(os.map((o) => o[3])).toEqual(['tETHUSD']);
    const ws = alice.snapshotFrames(['wallet-exchange-BTC']).find((x) => x[0] === 'ws')![1] as unknown[][];
    expect(ws).toEqual([['exchange', 'BTC', 10, 0, null, null, null]]);
    expect(types(['funding-fUSD'])).toEqual(['fos', 'fcs', 'fls']);
    const order = ['on', [1, null, null, 'tBTCUSD']] as const;
    expect(frameMatchesFilter(order, ['trading'])).toBe(true);
    expect(frameMatchesFilter(order, ['trading-tBTCUSD'])).toBe(true);
    expect(frameMatchesFilter(order, ['trading-tETHUSD'])).toBe(false);
    expect(frameMatchesFilter(order, ['wallet'])).toBe(false);
    expect(frameMatchesFilter(order, undefined)).toBe(true);
    expect(frameMatchesFilter(['wu', ['margin', 'USD', 1]], ['wallet-margin-USD'])).toBe(true);
    expect(frameMatchesFilter(['wu', ['margin', 'BTC', 1]], ['wallet-margin-USD'])).toBe(false);
    expect(frameMatchesFilter(['n', []], ['trading'])).toBe(false);
    expect(frameMatchesFilter(['n', []], ['notify'])).toBe(true);
    expect(frameMatchesFilter(['fiu', ['sym', 'fUSD', []]], ['funding-fUSD'])).toBe(true);
  });
});
