/**
 * Members the Python client has that users expect here too: `resubscribe(subId)` (a fresh
 * snapshot), the `open` / `authentication` flags (`isOpen`, `isAuthenticated`) and `notify`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, waitFor, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});


describe('Python-client parity', () => {
  it('resubscribe(subId) delivers a fresh snapshot on the same sub id; unknown ids throw', async () => {
    h = await startHarness();
    const book = h.bfx.ws.subscribe('book', { symbol: 'tETHUSD', prec: 'P0' }, { subId: 'eth-book' });
    let snapshots = 0;
    book.on('t_book_snapshot', () => void snapshots++);
    await book;
    await waitFor(() => snapshots === 1, 10_000, 'the first snapshot');
    h.bfx.ws.resubscribe('eth-book');
    await waitFor(() => snapshots === 2);
    expect(book.state).toBe('active');
    expect(book.book?.bestBid()).toBeDefined();
    expect(() => h!.bfx.ws.resubscribe('nope')).toThrow(expect.objectContaining({ code: 'ERR_BFX_UNKNOWN_SUBSCRIPTION' }));
  });

  it('isOpen / isAuthenticated follow the connection, and notify() echoes as a notification', async () => {
    h = await startHarness({ accounts: [{ apiKey: 'parity-key', apiSecret: 'parity-secret' }] }, { apiKey: 'parity-key', apiSecret: 'parity-secret' });
    await waitFor(() => h!.bfx.ws.isOpen && h!.bfx.ws.isAuthenticated);
    const seen: unknown[] = [];
    h.bfx.ws.on('notification', (n) => void seen.push(n.data));
    await h.bfx.ws.notify({ foo: 1 });
    await waitFor(() => seen.length > 0);
    expect(seen[0]).toEqual({ foo: 1 });
    await h.bfx.ws.close();
    expect(h.bfx.ws.isOpen).toBe(false);
    expect(h.bfx.ws.isAuthenticated).toBe(false);
  });
});
