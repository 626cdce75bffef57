/**
 * The managed account (`bfx.account`) through `createBfxSystem` against the simulator: built from
 * the snapshots, kept by the updates (before the user's listeners run), rebuilt after a drop with
 * typed events for what REST did while the socket was down, visible and sanitised in the
 * inspector; a system without credentials refuses to read it; listener failures are reported.
 */
import { describe, expect, it } from 'vitest';
import type { AccountEmitted } from '../../machines/account.machine.js';
import type { AccountEventOf } from '../../src/ws/account/view.js';
import { BfxArgumentError, BfxCredentialsError, ListenerError, type BfxError } from '../../src/errors.js';
import type { Order } from '../../src/models/index.js';
import type { BfxSystem } from '../../src/system.js';
import { offline, useAccountSystems } from './systems.js';

const apiKey = 'e2e-account-key';
const apiSecret = 'e2e-account-secret-never-shown';
const { sim, start } = useAccountSystems(apiKey, apiSecret);

/** Resolves on the first emitted account event of `type` that passes `test`. */
function next<T extends AccountEmitted['type']>(bfx: BfxSystem, type: T, test: (e: AccountEventOf<T>) => boolean = () => true): Promise<AccountEventOf<T>> {
  return new Promise((resolve) => {
    const off = bfx.account.on(type, (e) => {
      if (!test(e)) return;
      off();
      resolve(e);
    });
  });
}

/** The last snapshot after auth is `fls` (ps, ws, os, fos, fcs, fls). */
const synced = (bfx: BfxSystem, resync: boolean): Promise<unknown> => next(bfx, 'snapshot_applied', (e) => e.collection === 'funding_loan' && e.resync === resync);

const limit = { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 1000 } as const;
const ids = (rows: readonly { id: number }[]): number[] => rows.map((r) => r.id).sort((a, b) => a - b);

describe('bfx.account', () => {
  it('is built from the snapshots and kept by the updates, before the user listeners see them', async () => {
    const bfx = start();
    await synced(bfx, false);
    expect(bfx.account.online).toBe(true);
    const restWallets = await bfx.rest.auth.getWallets();
    expect(bfx.account.wallets().map((w) => `${w.walletType}:${w.currency}:${w.balance}`).sort()).toEqual(restWallets.map((w) => `${w.walletType}:${w.currency}:${w.balance}`).sort());
    const seenInListener: boolean[] = [];
    bfx.ws.on('order_new', (o: Order) => seenInListener.push(bfx.account.order(o.id) !== undefined));
    const placed = await bfx.ws.inputs.submitOrder(limit);
    const opened = new Promise<void>((r) => {
      const off = bfx.ws.on('position_new', () => {
        off();
        r();
      });
    });
    await bfx.ws.inputs.submitOrder({ type: 'MARKET', symbol: 'tBTCUSD', amount: 0.01 });
    await opened;
    expect(seenInListener).toEqual([true]);
    expect(bfx.account.order(placed.data.id)).toMatchObject({ price: 1000, orderStatus: 'ACTIVE' });
    expect(bfx.account.position('tBTCUSD')).toMatchObject({ amount: 0.01, status: 'ACTIVE' });
    expect(bfx.account.balance()?.aum).toBeGreaterThan(0);
    expect(ids(bfx.account.orders())).toEqual(ids(await bfx.rest.auth.getOrders()));
    await bfx.ws.inputs.cancelOrder({ id: placed.data.id });
    await new Promise((r) => setTimeout(r, 50));
    expect(bfx.account.order(placed.data.id)).toBeUndefined();
  });

  it('after a drop, the new snapshots replace the view and tell what happened while offline', async () => {
    const bfx = start();
    await synced(bfx, false);
    const kept = await bfx.ws.inputs.submitOrder(limit);
    const doomed = await bfx.ws.inputs.submitOrder({ ...limit, price: 1001 });
    await new Promise((r) => setTimeout(r, 50));
    const changes: AccountEmitted[] = [];
    for (const t of ['order_opened_offline', 'order_closed_offline', 'order_changed_offline', 'position_opened_offline', 'wallet_changed_offline'] as const) {
      bfx.account.on(t, (e) => void changes.push(e));
    }

    sim().faults.refuseConnections(60_000);
    sim().faults.dropAll();
    await offline(bfx);
    expect(bfx.account.online).toBe(false);
    expect(bfx.account.order(doomed.data.id)).toBeDefined(); // the last view stays readable
    const opened = await bfx.rest.auth.submitOrder({ ...limit, price: 1002 });
    await bfx.rest.auth.cancelOrder({ id: doomed.data.id });
    await bfx.rest.auth.updateOrder({ id: kept.data.id, price: 999 });
    await bfx.rest.auth.submitOrder({ type: 'MARKET', symbol: 'tBTCUSD', amount: 0.01 });
    const resynced = synced(bfx, true);
    sim().faults.refuseConnections(0);
    await resynced;

    const idOf = (row: object): string => ('id' in row ? String(row.id) : '');
    const summary = changes.map((c) => `${c.type}:${'after' in c ? idOf(c.after) : 'before' in c ? idOf(c.before) : ''}`);
    expect(summary).toEqual(expect.arrayContaining([
      `order_closed_offline:${doomed.data.id}`,
      `order_changed_offline:${kept.data.id}`,
      `order_opened_offline:${opened.data!.id}`,
      'position_opened_offline:',
    ]));
    expect(changes.some((c) => c.type === 'wallet_changed_offline')).toBe(true);
    expect(ids(bfx.account.orders())).toEqual(ids(await bfx.rest.auth.getOrders()));
    expect(bfx.account.actor.getSnapshot().context.sessions).toBe(2);
  });

  it('is visible in the inspector (its own actor), with no key, secret or signature in it', async () => {
    const inspected: string[] = [];
    const bfx = start({ inspect: (ev) => inspected.push(JSON.stringify(ev, (_k, v: unknown) => (typeof v === 'function' ? undefined : v)) ?? '') });
    await synced(bfx, false);
    await bfx.ws.inputs.submitOrder(limit);
    await new Promise((r) => setTimeout(r, 50));
    const account = inspected.filter((t) => t.includes('"@xstate.snapshot"') && t.includes('"fundingOffers"'));
    expect(account.length).toBeGreaterThan(0);
    expect(account.at(-1)).toContain('"orders"');
    const all = inspected.join('\n');
    expect(all).not.toContain(apiKey);
    expect(all).not.toContain(apiSecret);
    expect(all).not.toMatch(/[0-9a-f]{96}/);
  });

  it('needs credentials; unknown event names and bad listeners are refused; a throwing listener is reported on error', async () => {
    const anon = start({ apiKey: undefined, apiSecret: undefined, autoConnect: false, systemIdPrefix: 'anon.' });
    expect(() => anon.account.orders()).toThrow(BfxCredentialsError);
    expect(() => anon.account.on('order_closed_offline', () => undefined)).toThrow(BfxCredentialsError);

    const bfx = start();
    expect(() => bfx.account.on('order_gone' as 'snapshot_applied', () => undefined)).toThrow(BfxArgumentError);
    expect(() => bfx.account.on('snapshot_applied', 'nope' as unknown as () => void)).toThrow(BfxArgumentError);
    const errors: BfxError[] = [];
    bfx.ws.on('error', (e) => void errors.push(e));
    bfx.account.on('snapshot_applied', () => {
      throw new Error('listener bug');
    });
    bfx.account.on('snapshot_applied', () => Promise.reject(new Error('async listener bug')));
    await synced(bfx, false);
    await new Promise((r) => setTimeout(r, 20));
    expect(errors.filter((e) => e instanceof ListenerError).length).toBeGreaterThanOrEqual(2);
    expect(bfx.account.wallets().length).toBeGreaterThan(0); // the actor kept working
  });
});
