/**
 * Two subscriptions to the same channel (a dashboard with two widgets on one book): both get a
 * snapshot and a consistent book, and unsubscribing one leaves the other live.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, waitFor, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});


describe('duplicate subscriptions', () => {
  it('share the channel: both have a book, and one unsubscribing leaves the other live', async () => {
    h = await startHarness({ market: { updatesPerSecond: 50 } });
    const a = h.bfx.ws.subscribe('book', { symbol: 'tBTCUSD', prec: 'P0' });
    await a;
    await waitFor(() => a.book?.bestBid() !== undefined);
    const b = h.bfx.ws.subscribe('book', { symbol: 'tBTCUSD', prec: 'P0' });
    await b;
    await waitFor(() => b.book?.bestBid() !== undefined && b.book.bids().length > 1);
    expect(b.book?.bids(5)).toEqual(a.book?.bids(5));
    let bUpdates = 0;
    b.on('t_book_update', () => void bUpdates++);
    await a.unsubscribe();
    const before = bUpdates;
    await waitFor(() => bUpdates > before + 3);
    expect(b.state).toBe('active');
    expect(h.errors.filter((e) => e.code === 'ERR_BFX_CHECKSUM')).toEqual([]);
  });
});
