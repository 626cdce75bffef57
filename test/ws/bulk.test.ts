/** With BULK_UPDATES on, lists of rows after the snapshot are updates (merged, verified), never mistaken for a snapshot. */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, waitFor, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('conf bulk', () => {
  it('a book under BULK_UPDATES keeps updating and verifying its checksums, no resync', async () => {
    h = await startHarness({ market: { updatesPerSecond: 50 } }, { connections: 1, conf: { bulk: true } });
    const t = h.bfx.ws.subscribe('book', { symbol: 'tBTCUSD' });
    let updates = 0;
    let checksums = 0;
    let mismatches = 0;
    t.on('t_book_update', () => void updates++);
    t.on('checksum', () => void checksums++);
    t.on('checksum_mismatch', () => void mismatches++);
    await t;
    await waitFor(() => updates > 20 && checksums > 2, 10_000, 'bulk updates and checksums');
    expect(mismatches).toBe(0);
    expect(h.errors).toEqual([]);
  });
});
