import { afterEach, describe, expect, it } from 'vitest';
import type { BfxWsEventName } from '../../src/ws/events.js';
import { sleep, startHarness, waitFor, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const CASES = [
  { channel: 'ticker', params: { symbol: 'tBTCUSD' }, events: ['t_ticker_update'] },
  { channel: 'ticker', params: { symbol: 'fUSD' }, events: ['f_ticker_update'] },
  { channel: 'trades', params: { symbol: 'tBTCUSD' }, events: ['t_trades_snapshot', 't_trade_execution'] },
  { channel: 'trades', params: { symbol: 'fUSD' }, events: ['f_trades_snapshot', 'f_trade_execution'] },
  { channel: 'book', params: { symbol: 'tETHUSD', prec: 'P0' }, events: ['t_book_snapshot', 't_book_update'] },
  { channel: 'book', params: { symbol: 'tETHUSD', prec: 'P2', len: 100 }, events: ['t_book_snapshot'] },
  { channel: 'book', params: { symbol: 'fUSD', prec: 'P0' }, events: ['f_book_snapshot', 'f_book_update'] },
  { channel: 'book', params: { symbol: 'tBTCUSD', prec: 'R0' }, events: ['t_raw_book_snapshot', 't_raw_book_update'] },
  { channel: 'book', params: { symbol: 'fUSD', prec: 'R0' }, events: ['f_raw_book_snapshot'] },
  { channel: 'candles', params: { key: 'trade:1m:tBTCUSD' }, events: ['candles_snapshot', 'candles_update'] },
  { channel: 'candles', params: { key: 'trade:1m:fUSD:p30' }, events: ['candles_snapshot'] },
  { channel: 'status', params: { key: 'deriv:tBTCF0:USTF0' }, events: ['derivatives_status_update'] },
  { channel: 'status', params: { key: 'liq:global' }, events: ['liquidation_feed_update'] },
] as const;

describe('public channels against the simulator', () => {
  it('subscribes to every channel (trading and funding) and receives its typed events on the handle and globally', async () => {
    h = await startHarness({ market: { updatesPerSecond: 50 } });
    const ws = h.bfx.ws;
    const global = new Map<string, number>();
    const perHandle = CASES.map(() => new Map<string, number>());
    const names = [...new Set(CASES.flatMap((c) => c.events))] as BfxWsEventName[];
    for (const name of names) ws.on(name, () => void global.set(name, (global.get(name) ?? 0) + 1));
    const handles = CASES.map((c, i) => {
      const handle = ws.subscribe(c.channel, c.params as never);
      for (const name of c.events) handle.on(name, () => void perHandle[i].set(name, (perHandle[i].get(name) ?? 0) + 1));
      return handle;
    });
    const subs = await Promise.all(handles);
    expect(subs.map((s) => s.channel)).toEqual(CASES.map((c) => c.channel));
    await waitFor(() => CASES.every((c, i) => c.events.every((e) => (perHandle[i].get(e) ?? 0) > 0)), 15_000, 'every channel event');
    for (const name of names) expect(global.get(name) ?? 0).toBeGreaterThan(0);
    expect(h.errors).toEqual([]);
  });

  it('keeps managed books: two precisions of one symbol, best bid below best ask', async () => {
    h = await startHarness();
    const p0 = h.bfx.ws.subscribe('book', { symbol: 'tBTCUSD', prec: 'P0' });
    const p1 = h.bfx.ws.subscribe('book', { symbol: 'tBTCUSD', prec: 'P1' });
    await Promise.all([p0, p1]);
    await waitFor(() => (p0.book?.bidCount ?? 0) > 0 && (p1.book?.bidCount ?? 0) > 0, 5_000, 'books');
    for (const b of [p0.book!, p1.book!]) {
      const bid = b.bestBid() as { price: number };
      const ask = b.bestAsk() as { price: number };
      expect(bid.price).toBeLessThan(ask.price);
      expect(b.spread()).toBeGreaterThan(0);
      expect(b.bids(5).length).toBeLessThanOrEqual(5);
    }
    expect(p0.subscription?.prec).toBe('P0');
    expect(p1.subscription?.prec).toBe('P1');
    expect(h.errors).toEqual([]);
  });

  it('iterates a handle asynchronously and ends on unsubscribe', async () => {
    h = await startHarness({ market: { updatesPerSecond: 50 } });
    const handle = h.bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' });
    await handle;
    const seen: string[] = [];
    const loop = (async () => {
      for await (const m of handle) {
        seen.push(m.event);
        if (seen.length === 3) void handle.unsubscribe();
      }
    })();
    await loop;
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.every((e) => e === 't_ticker_update')).toBe(true);
    expect(handle.state).toBe('unsubscribed');
    await waitFor(() => h!.sim.faults.connections().every((c) => c.channels.length === 0), 2_000, 'server unsubscribed');
  });

  it('rejects bad params with BfxArgumentError, a server refusal with SubscriptionError, and supports AbortSignal', async () => {
    h = await startHarness();
    const ws = h.bfx.ws;
    await expect(ws.subscribe('book', { symbol: 'tBTCUSD', prec: 'P9' as 'P0' })).rejects.toMatchObject({ code: 'ERR_BFX_INVALID_ARGUMENT' });
    await expect(ws.subscribe('ticker', { symbol: 'tNOPEXX' })).rejects.toMatchObject({ code: 'ERR_BFX_SUBSCRIPTION', bfxCode: 10300 });
    const ac = new AbortController();
    const aborted = ws.subscribe('ticker', { symbol: 'tETHUSD' }, { signal: ac.signal });
    ac.abort();
    await expect(aborted).rejects.toMatchObject({ code: 'ERR_BFX_ABORTED' });
    await ws.subscribe('ticker', { symbol: 'tBTCUSD' }, { subId: 'mine' });
    await expect(ws.subscribe('ticker', { symbol: 'tETHUSD' }, { subId: 'mine' })).rejects.toMatchObject({ code: 'ERR_BFX_DUPLICATE_SUB_ID' });
    expect(ws.subscriptions().map((s) => s.subscription.subId)).toEqual(['mine']);
  });

  it('a subscribe the server never answers rejects with BfxTimeoutError (never pending forever)', async () => {
    h = await startHarness({}, { subscribeTimeoutMs: 300, connections: 1 });
    const t0 = Date.now();
    await expect(h.bfx.ws.subscribe('status', { key: 'deriv:tNOPEF0:USTF0' })).rejects.toMatchObject({ code: 'ERR_BFX_TIMEOUT' });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(h.bfx.ws.subscriptions()).toEqual([]);
  });

  it('a throwing `error` listener is contained (logged), the client keeps working', async () => {
    h = await startHarness({ market: { updatesPerSecond: 50 } }, { connections: 1 });
    h.bfx.ws.on('error', () => {
      throw new Error('error listener bug');
    });
    const t = h.bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' });
    await t;
    h.sim.faults.sendMalformed('json');
    await waitFor(() => h!.errors.length > 0, 5_000, 'error event');
    let n = 0;
    t.on('t_ticker_update', () => void n++);
    await waitFor(() => n > 1, 5_000, 'more data');
  });

  it('autoConnect: false opens no socket until the first subscribe, and then only the first (lazy)', async () => {
    h = await startHarness({}, { autoConnect: false, connections: 2 });
    await sleep(100);
    expect(h.sim.faults.connections()).toHaveLength(0);
    await h.bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' });
    expect(h.sim.faults.connections()).toHaveLength(1);
    expect(h.bfx.ws.connections().map((c) => c.state)).toEqual(['open', 'idle']);
  });

  it('eager: true opens every connection at start', async () => {
    h = await startHarness({}, { eager: true, connections: 3 });
    await waitFor(() => h!.bfx.ws.connections().every((c) => c.state === 'open'), 5_000, 'all open');
    expect(h.sim.faults.connections()).toHaveLength(3);
  });

  it('shares the channel on a duplicate subscription (10301): both handles resolve', async () => {
    h = await startHarness({}, { connections: 1 });
    const a = h.bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' });
    const b = h.bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' });
    await expect(Promise.all([a, b])).resolves.toHaveLength(2);
    let n = 0;
    b.on('t_ticker_update', () => void n++);
    await waitFor(() => n > 0, 5_000, 'data on the second handle');
  });
});
