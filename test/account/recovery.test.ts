/**
 * Order inputs lost in a drop (src/ws/account/recovery.ts), with fake timers and a fake REST
 * lookup: settled by the post-reauth snapshot, by the events that follow, by a late notification,
 * by REST (active orders, then history), or told unknown; cancels and updates by the order's state.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InputError, OutcomeUnknownError } from '../../src/errors.js';
import { models, type Order } from '../../src/models/index.js';
import { decodeAccountNotification } from '../../src/ws/account/notifications.js';
import { InputNotAppliedError, RECOVERY_GRACE_MS, type OrderLookup } from '../../src/ws/account/recovery.js';
import { inputsOnFakeSocket } from './fake-inputs.js';
import { authOrders } from './fixtures.js';

const T0 = Date.UTC(2026, 2, 10, 12, 0, 0);

function row(f: { id: number; cid?: number; mtsCreate?: number; price?: number; status?: string; amount?: number }): Order {
  const r = [...(authOrders[1]![2] as unknown[])];
  r[0] = f.id;
  r[2] = f.cid ?? null;
  r[4] = f.mtsCreate ?? T0;
  r[6] = f.amount ?? 0.5;
  r[13] = f.status ?? 'ACTIVE';
  r[16] = f.price ?? 230;
  return models.Order.decode(r);
}

function harness(lookup?: Partial<OrderLookup>) {
  const calls: string[] = [];
  const full: OrderLookup | undefined =
    lookup === undefined
      ? undefined
      : {
          active: async () => {
            calls.push('active');
            return (await lookup.active?.()) ?? [];
          },
          history: async (q) => {
            calls.push(`history ${JSON.stringify(q)}`);
            return (await lookup.history?.(q)) ?? [];
          },
        };
  const { inputs, sent, setState } = inputsOnFakeSocket({ policy: 'queue', firstCid: 9000, recoveryMs: 5000, lookup: full });
  const drop = (): void => {
    setState('connecting');
    inputs.onDisconnected();
  };
  const reauth = (snapshot: Order[]): void => {
    setState('authenticated');
    inputs.onAuthenticated();
    inputs.handleOrders('snapshot', snapshot);
  };
  const settled = <T>(p: Promise<T>): Promise<T | Error> => p.catch((e: unknown) => e as Error);
  return { inputs, sent, calls, drop, reauth, settled };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

const limit = { type: 'EXCHANGE LIMIT', symbol: 'tETHUSD', amount: 0.5, price: 230 } as const;

describe('submitOrder lost in a drop', () => {
  it('the post-reauth snapshot settles it by cid: resolved with the order, never resent, no REST call', async () => {
    const h = harness({});
    const p = h.inputs.submitOrder(limit);
    h.drop();
    await vi.advanceTimersByTimeAsync(3000); // longer than the input's own 1 s timeout: that one no longer applies
    expect(h.inputs.recoveringCount).toBe(1);
    h.reauth([row({ id: 1, cid: 5 }), row({ id: 77, cid: 9001 })]);
    const n = await p;
    expect(n).toMatchObject({ type: 'on-req', status: 'SUCCESS', data: { id: 77, cid: 9001 } });
    expect(n.text).toMatch(/order snapshot/);
    expect(h.sent).toHaveLength(1);
    expect(h.calls).toEqual([]);
    expect(h.inputs.recoveringCount).toBe(0);
  });

  it('the same cid on another UTC day does not settle it', async () => {
    const h = harness({});
    const p = h.settled(h.inputs.submitOrder({ ...limit, cid: 42 }));
    h.drop();
    h.reauth([row({ id: 3, cid: 42, mtsCreate: T0 - 3 * 86_400_000 })]);
    await vi.advanceTimersByTimeAsync(RECOVERY_GRACE_MS);
    const err = await p;
    expect(err).toBeInstanceOf(InputNotAppliedError);
    expect(h.calls).toEqual(['active', `history ${JSON.stringify({ start: T0 - 60_000 })}`]);
  });

  it('an order event after the snapshot (within the grace) settles it', async () => {
    const h = harness({});
    const p = h.inputs.submitOrder(limit);
    h.drop();
    h.reauth([]);
    await vi.advanceTimersByTimeAsync(RECOVERY_GRACE_MS - 1);
    h.inputs.handleOrders('new', [row({ id: 8, cid: 9001 })]);
    await expect(p).resolves.toMatchObject({ data: { id: 8 }, text: expect.stringMatching(/order_new event/) });
    expect(h.calls).toEqual([]);
  });

  it('a late on-req ERROR notification rejects it with InputError (refused)', async () => {
    const h = harness({});
    const p = h.settled(h.inputs.submitOrder(limit));
    h.drop();
    h.reauth([]);
    const partial = [null, null, 9001, 'tETHUSD', null, null, 0.5, 0.5, 'EXCHANGE LIMIT'];
    h.inputs.handleNotification(decodeAccountNotification([T0, 'on-req', null, null, partial, null, 'ERROR', 'Invalid order: not enough exchange balance']).notification);
    const err = await p;
    expect(err).toBeInstanceOf(InputError);
    expect(err).not.toBeInstanceOf(InputNotAppliedError);
    expect(err).toMatchObject({ status: 'ERROR', message: expect.stringMatching(/not enough exchange balance/) });
  });

  it('filled while offline: not in the snapshot, found in the REST history', async () => {
    const done = row({ id: 9, cid: 9001, amount: 0, status: 'EXECUTED @ 230(0.5)' });
    const h = harness({ history: () => Promise.resolve([row({ id: 10, cid: 1 }), done]) });
    const p = h.inputs.submitOrder(limit);
    h.drop();
    h.reauth([]);
    await vi.advanceTimersByTimeAsync(RECOVERY_GRACE_MS);
    const n = await p;
    expect(n).toMatchObject({ status: 'SUCCESS', data: { id: 9, orderStatus: 'EXECUTED @ 230(0.5)' } });
    expect(n.text).toMatch(/REST order history/);
    expect(h.calls).toHaveLength(2);
  });

  it('absent from the snapshot and from REST: InputNotAppliedError (nothing was done)', async () => {
    const h = harness({});
    const p = h.settled(h.inputs.submitOrder(limit));
    h.drop();
    h.reauth([]);
    await vi.advanceTimersByTimeAsync(RECOVERY_GRACE_MS);
    const err = await p;
    expect(err).toBeInstanceOf(InputNotAppliedError);
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ code: 'ERR_BFX_INPUT_REJECTED', status: 'NOT_APPLIED', evidence: 'rest', cid: 9001, type: 'on-req' });
  });

  it('no re-auth within recoveryMs: looked up over REST anyway (found active)', async () => {
    const h = harness({ active: () => Promise.resolve([row({ id: 11, cid: 9001 })]) });
    const p = h.inputs.submitOrder(limit);
    h.drop();
    await vi.advanceTimersByTimeAsync(4999);
    expect(h.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await expect(p).resolves.toMatchObject({ data: { id: 11 }, text: expect.stringMatching(/REST active orders/) });
    expect(h.calls).toEqual(['active']);
  });

  it('a REST lookup that fails: OutcomeUnknownError with the cause; without a lookup too', async () => {
    const h = harness({ active: () => Promise.reject(new Error('HTTP 500')) });
    const p = h.settled(h.inputs.submitOrder(limit));
    h.drop();
    await vi.advanceTimersByTimeAsync(5000);
    const err = await p;
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(err).toMatchObject({ reason: 'network', cid: 9001, message: expect.stringMatching(/HTTP 500/) });
    expect((err as OutcomeUnknownError).cause).toBeInstanceOf(Error);

    const none = harness();
    const q = none.settled(none.inputs.submitOrder(limit));
    none.drop();
    none.reauth([]);
    await vi.advanceTimersByTimeAsync(RECOVERY_GRACE_MS);
    expect(await q).toMatchObject({ code: 'ERR_BFX_OUTCOME_UNKNOWN', message: expect.stringMatching(/no REST lookup/) });
  });

  it('close() while recovering: OutcomeUnknownError, not a silent drop', async () => {
    const h = harness({});
    const p = h.settled(h.inputs.submitOrder(limit));
    h.drop();
    h.inputs.close();
    expect(await p).toMatchObject({ code: 'ERR_BFX_OUTCOME_UNKNOWN', cid: 9001 });
    expect(h.inputs.recoveringCount).toBe(0);
  });
});

describe('cancelOrder and updateOrder lost in a drop: settled by the order state', () => {
  it('cancel: still active in the snapshot, then its oc event: resolved', async () => {
    const h = harness({});
    const p = h.inputs.cancelOrder({ id: 5 });
    h.drop();
    h.reauth([row({ id: 5 })]);
    h.inputs.handleOrders('update', [row({ id: 5 })]);
    h.inputs.handleOrders('cancel', [row({ id: 5, status: 'CANCELED' })]);
    await expect(p).resolves.toMatchObject({ type: 'oc-req', data: { id: 5, orderStatus: 'CANCELED' } });
  });

  it('cancel: absent from the snapshot: resolved with its final row from the history (by id)', async () => {
    const h = harness({ history: (q) => Promise.resolve('ids' in q && q.ids[0] === 5 ? [row({ id: 5, status: 'CANCELED' })] : []) });
    const p = h.inputs.cancelOrder({ id: 5 });
    h.drop();
    h.reauth([row({ id: 6 })]);
    await expect(p).resolves.toMatchObject({ data: { id: 5, orderStatus: 'CANCELED' } });
    expect(h.calls).toEqual(['active', 'history {"ids":[5]}']);
  });

  it('cancel: still active once the wait is over: InputNotAppliedError', async () => {
    const h = harness({ active: () => Promise.resolve([row({ id: 5, cid: 9001 })]) });
    const p = h.settled(h.inputs.cancelOrder({ cid: 9001, cidDate: '2026-03-10' }));
    h.drop();
    h.reauth([row({ id: 5, cid: 9001 })]);
    await vi.advanceTimersByTimeAsync(RECOVERY_GRACE_MS);
    expect(await p).toMatchObject({ status: 'NOT_APPLIED', type: 'oc-req', orderId: 5 });
  });

  it('update: the snapshot shows the new price: resolved; the old price and REST too: InputNotAppliedError', async () => {
    const h = harness({});
    const p = h.inputs.updateOrder({ id: 5, price: 250 });
    h.drop();
    h.reauth([row({ id: 5, price: 250 })]);
    await expect(p).resolves.toMatchObject({ type: 'ou-req', data: { id: 5, price: 250 } });

    const g = harness({ active: () => Promise.resolve([row({ id: 5, price: 230 })]) });
    const q = g.settled(g.inputs.updateOrder({ id: 5, price: 250 }));
    g.drop();
    g.reauth([row({ id: 5, price: 230 })]);
    await vi.advanceTimersByTimeAsync(RECOVERY_GRACE_MS);
    expect(await q).toMatchObject({ status: 'NOT_APPLIED', type: 'ou-req' });
  });

  it('update without a price cannot be read back: OutcomeUnknownError unless a notification settles it', async () => {
    const h = harness({ active: () => Promise.resolve([row({ id: 5 })]) });
    const p = h.settled(h.inputs.updateOrder({ id: 5, amount: 1 }));
    h.drop();
    h.reauth([row({ id: 5 })]);
    await vi.advanceTimersByTimeAsync(RECOVERY_GRACE_MS);
    expect(await p).toBeInstanceOf(OutcomeUnknownError);
  });
});

describe('cancelOrderMulti lost in a drop: settled when none of the orders it names is active', () => {
  it('by ids: none of them in the snapshot: resolved at once, no REST call, never resent', async () => {
    const h = harness({});
    const p = h.inputs.cancelOrderMulti({ id: [5, 6] });
    h.drop();
    h.reauth([row({ id: 7 })]);
    const n = await p;
    expect(n).toMatchObject({ type: 'oc_multi-req', status: 'SUCCESS', data: [] });
    expect(n.text).toMatch(/order snapshot/);
    expect(h.sent).toHaveLength(1);
    expect(h.calls).toEqual([]);
  });

  it('by group id and cid: still active in the snapshot, then their oc events: resolved with the cancelled rows', async () => {
    const h = harness({});
    const p = h.inputs.cancelOrderMulti({ gid: [3], cid: [[9001, '2026-03-10']] });
    h.drop();
    const grouped = { ...row({ id: 5 }), gid: 3 };
    h.reauth([grouped, row({ id: 6, cid: 9001 }), row({ id: 7 })]);
    expect(h.inputs.recoveringCount).toBe(1);
    h.inputs.handleOrders('cancel', [{ ...row({ id: 5, status: 'CANCELED' }), gid: 3 }]);
    expect(h.inputs.recoveringCount).toBe(1);
    h.inputs.handleOrders('cancel', [row({ id: 6, cid: 9001, status: 'CANCELED' })]);
    const n = await p;
    expect(n.data.map((o) => o.id)).toEqual([5, 6]);
    expect(n.text).toMatch(/order_cancel events/);
  });

  it('all: some still active once the wait is over (and per REST): InputNotAppliedError naming them', async () => {
    const h = harness({ active: () => Promise.resolve([row({ id: 8 })]) });
    const p = h.settled(h.inputs.cancelOrderMulti({ all: true }));
    h.drop();
    h.reauth([row({ id: 8 })]);
    await vi.advanceTimersByTimeAsync(RECOVERY_GRACE_MS);
    const err = await p;
    expect(err).toBeInstanceOf(InputNotAppliedError);
    expect(err).toMatchObject({ status: 'NOT_APPLIED', type: 'oc_multi-req', orderId: 8, evidence: 'rest', message: expect.stringMatching(/8 are still active/) });
    expect(h.calls).toEqual(['active']);
  });

  it('without a REST lookup the account channel decides: still active after the grace is not applied', async () => {
    const h = harness();
    const p = h.settled(h.inputs.cancelOrderMulti({ id: [5] }));
    h.drop();
    h.reauth([row({ id: 5 })]);
    await vi.advanceTimersByTimeAsync(RECOVERY_GRACE_MS);
    expect(await p).toMatchObject({ status: 'NOT_APPLIED', evidence: 'account', orderId: 5 });
  });

  it('a late oc_multi-req notification settles it as usual', async () => {
    const h = harness({});
    const p = h.inputs.cancelOrderMulti({ id: [5] });
    h.drop();
    h.reauth([row({ id: 5 })]);
    h.inputs.handleNotification(decodeAccountNotification([T0, 'oc_multi-req', null, null, [], null, 'SUCCESS', 'done']).notification);
    await expect(p).resolves.toMatchObject({ type: 'oc_multi-req', status: 'SUCCESS', text: 'done' });
  });
});
