/**
 * `bfx.account.whenSynced()` / `account_synced` against the simulator: the view is complete (every
 * snapshot of the session in) when it resolves, on the first session and again after a drop (a
 * resync, while orders placed over REST during the outage are already in the view); with an auth
 * filter it waits only for the selected snapshots; it rejects when nothing can sync any more.
 */
import { describe, expect, it } from 'vitest';
import type { AccountEmitted } from '../../machines/account.machine.js';
import { offline, useAccountSystems } from './systems.js';

const { sim, start } = useAccountSystems('e2e-synced-key', 'e2e-synced-secret');

const limit = { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 1000 } as const;
const ids = (rows: readonly { id: number }[]): number[] => rows.map((r) => r.id).sort((a, b) => a - b);

describe('bfx.account.whenSynced', () => {
  it('resolves once every snapshot is in, and again after a drop with the outage’s REST orders in the view', async () => {
    const bfx = start();
    const syncs: AccountEmitted[] = [];
    bfx.account.on('account_synced', (e) => void syncs.push(e));
    const applied: string[] = [];
    bfx.account.on('snapshot_applied', (e) => void applied.push(e.collection));
    expect(bfx.account.synced).toBe(false);
    await bfx.account.whenSynced({ timeoutMs: 5_000 });
    expect(bfx.account.synced).toBe(true);
    expect(applied.sort()).toEqual(['funding_credit', 'funding_loan', 'funding_offer', 'order', 'position', 'wallet']);
    expect(syncs).toEqual([{ type: 'account_synced', session: 1, resync: false }]);
    // Already synced: at once.
    await bfx.account.whenSynced({ timeoutMs: 1 });

    sim().faults.refuseConnections(60_000);
    sim().faults.dropAll();
    await offline(bfx);
    expect(bfx.account.synced).toBe(false);
    const placed = await bfx.rest.auth.submitOrder(limit);
    const again = bfx.account.whenSynced({ timeoutMs: 5_000 });
    sim().faults.refuseConnections(0);
    await again;
    expect(syncs).toEqual([
      { type: 'account_synced', session: 1, resync: false },
      { type: 'account_synced', session: 2, resync: true },
    ]);
    expect(bfx.account.order(placed.data!.id)).toMatchObject({ price: 1000 });
    expect(ids(bfx.account.orders())).toEqual(ids(await bfx.rest.auth.getOrders()));
  });

  it('with an auth filter, waits only for the snapshots it selects', async () => {
    const bfx = start({ filter: ['wallet'] });
    const applied: string[] = [];
    bfx.account.on('snapshot_applied', (e) => void applied.push(e.collection));
    await bfx.account.whenSynced({ timeoutMs: 5_000 });
    expect(applied).toEqual(['wallet']);
    expect(bfx.account.wallets().length).toBeGreaterThan(0);
  });

  it('rejects with a timeout when the session never completes, and with ERR_BFX_CLOSED once the system closed', async () => {
    sim().faults.refuseConnections(60_000);
    const bfx = start({ autoConnect: false });
    await expect(bfx.account.whenSynced({ timeoutMs: 30 })).rejects.toMatchObject({ code: 'ERR_BFX_TIMEOUT', timeoutMs: 30 });
    await expect(bfx.account.whenSynced({ timeoutMs: -1 })).rejects.toMatchObject({ code: 'ERR_BFX_INVALID_ARGUMENT', argument: 'timeoutMs' });
    const pending = bfx.account.whenSynced({ timeoutMs: 60_000 });
    await bfx.close();
    await expect(pending).rejects.toMatchObject({ code: 'ERR_BFX_CLOSED' });
    sim().faults.refuseConnections(0);
  });
});
