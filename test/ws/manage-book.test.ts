/** A book subscription can skip the managed book (a recorder that only wants update events). */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, waitFor, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('manageBook option', () => {
  it('keeps a book by default and none with manageBook: false, while updates flow to both', async () => {
    h = await startHarness({ market: { updatesPerSecond: 50 } });
    const managed = h.bfx.ws.subscribe('book', { symbol: 'tBTCUSD', prec: 'P0' });
    const bare = h.bfx.ws.subscribe('book', { symbol: 'tBTCUSD', prec: 'P1' }, { manageBook: false });
    let bareUpdates = 0;
    bare.on('t_book_update', () => void bareUpdates++);
    await Promise.all([managed, bare]);
    await waitFor(() => bareUpdates >= 5, 10_000, 'updates on the bare book');
    expect(bareUpdates).toBeGreaterThanOrEqual(5);
    expect(managed.book?.bestBid()).toBeDefined();
    expect(bare.book).toBeUndefined();
    expect(h.errors).toEqual([]);
  });
});
