/**
 * The public surface a user touches (issue 10): listeners cannot hurt the system (sync throws,
 * async rejections, handle-level and client-level), `on` is checked at the door at runtime, and
 * `await subscribe(...)` gives something as useful as the handle. The compile-time half of these
 * promises is in `types.test.ts`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BfxArgumentError, ListenerError } from '../../src/errors.js';
import { startHarness, unhandledRejections, waitFor, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('listeners', () => {
  it('a throwing or rejecting listener (handle or client level) becomes a ListenerError on `error`; the others go on', async () => {
    h = await startHarness({ market: { updatesPerSecond: 50 } }, { connections: 1 });
    const before = unhandledRejections();
    const ws = h.bfx.ws;
    const t = ws.subscribe('ticker', { symbol: 'tBTCUSD' }, { subId: 'btc' });
    ws.on('t_ticker_update', () => {
      throw new Error('sync client');
    });
    ws.on('t_ticker_update', async () => {
      throw new Error('async client');
    });
    t.on('t_ticker_update', async () => {
      await Promise.resolve();
      throw new Error('async handle');
    });
    let good = 0;
    t.on('t_ticker_update', () => void good++);
    await waitFor(() => good >= 3, 5_000, 'more ticks');
    const failures = h.errors.filter((e): e is ListenerError => e instanceof ListenerError);
    const messages = new Set(failures.map((e) => (e.cause as Error).message));
    expect(messages).toEqual(new Set(['sync client', 'async client', 'async handle']));
    expect(failures.every((e) => e.event === 't_ticker_update')).toBe(true);
    expect(failures.find((e) => (e.cause as Error).message === 'async handle')?.subId).toBe('btc');
    expect(failures.find((e) => (e.cause as Error).message === 'sync client')?.subId).toBeUndefined();
    expect(t.state).toBe('active');
    expect(unhandledRejections()).toBe(before);
  });

  it('an unknown event, a missing listener or a channel that has no such event is a BfxArgumentError at once', async () => {
    h = await startHarness({}, { connections: 1 });
    const ws = h.bfx.ws as unknown as { on(...args: unknown[]): unknown };
    expect(() => ws.on('t_ticker_updat', () => undefined)).toThrow(BfxArgumentError);
    expect(() => ws.on('t_ticker_updat', () => undefined)).toThrow(/Unknown event "t_ticker_updat"/);
    expect(() => ws.on('t_ticker_update')).toThrow(/last argument must be the listener/);
    expect(() => ws.on(() => undefined)).toThrow(/name at least one event/);
    const t = await h.bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' });
    const handle = t.handle as unknown as { on(...args: unknown[]): unknown };
    expect(() => handle.on('t_book_update', () => undefined)).toThrow(/on a ticker subscription: expected one of t_ticker_update/);
  });

  it('await subscribe(...) gives the subscription fields and the handle methods', async () => {
    h = await startHarness({}, { connections: 1 });
    const t = await h.bfx.ws.subscribe('book', { symbol: 'tBTCUSD' });
    expect(t).toMatchObject({ channel: 'book', symbol: 'tBTCUSD', prec: 'P0', len: '25' });
    let updates = 0;
    t.on('t_book_update', () => void updates++);
    await waitFor(() => updates > 0 && (t.book?.bids(1).length ?? 0) > 0, 5_000, 'book updates');
    expect(t.state).toBe('active');
    await t.unsubscribe();
    expect(t.state).toBe('unsubscribed');
  });
});
