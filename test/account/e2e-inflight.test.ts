/**
 * Orders in flight across a drop, through `createBfxSystem` against the simulator: the socket is
 * cut right after the exchange executed the input and before its `n` leaves
 * (`sim.faults.cutAfterInput`). Accepted: resolved from the post-reauth snapshot. Refused: a typed
 * rejection (InputNotAppliedError) after the REST lookup finds nothing. Filled while offline:
 * resolved from the REST order history. A cancel: resolved with the cancelled order. Never re-sent.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { BfxSystem } from '../../src/system.js';
import { InputNotAppliedError } from '../../src/ws/account/recovery.js';
import { useAccountSystems } from './systems.js';

const apiKey = 'e2e-inflight-key';
const apiSecret = 'e2e-inflight-secret';

const { sim, start } = useAccountSystems(apiKey, apiSecret);
let bfx: BfxSystem;

const authenticated = (b: BfxSystem): Promise<void> =>
  new Promise((resolve) => {
    if (b.ws.isAuthenticated) return resolve();
    const off = b.ws.on('authenticated', () => {
      off();
      resolve();
    });
  });

beforeEach(async () => {
  bfx = start({ inputs: { recoveryMs: 3000, timeoutMs: 2000 } });
  await authenticated(bfx);
});

const away = { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 1000 } as const;

describe('an order input whose socket is cut after it was executed and before its notification', () => {
  it('accepted: resolved with the order from the post-reauth snapshot, placed once, never re-sent', async () => {
    const lost: number[] = [];
    bfx.ws.on('disconnection', (code) => lost.push(code));
    sim().faults.cutAfterInput('on');
    const t0 = performance.now();
    const n = await bfx.ws.inputs.submitOrder({ ...away, cid: 4242 });
    const ms = performance.now() - t0;
    expect(lost).toHaveLength(1);
    expect(n).toMatchObject({ type: 'on-req', status: 'SUCCESS', data: { cid: 4242, price: 1000, orderStatus: 'ACTIVE' } });
    expect(n.text).toMatch(/order snapshot/);
    const active = await bfx.rest.auth.getOrders();
    expect(active.filter((o) => o.cid === 4242).map((o) => o.id)).toEqual([n.data.id]);
    expect(ms).toBeLessThan(1000); // settled by the snapshot, not by the 3 s deadline
  });

  it('refused: rejected with InputNotAppliedError (nothing was done) after REST finds no such order', async () => {
    sim().faults.cutAfterInput('on');
    const err = await bfx.ws.inputs.submitOrder({ ...away, amount: 0.00001, cid: 4243 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputNotAppliedError);
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ code: 'ERR_BFX_INPUT_REJECTED', status: 'NOT_APPLIED', evidence: 'rest', cid: 4243 });
    expect((await bfx.rest.auth.getOrders()).some((o) => o.cid === 4243)).toBe(false);
  });

  it('filled while offline (a market order): not in the snapshot, resolved from the REST order history', async () => {
    sim().faults.cutAfterInput('on');
    const n = await bfx.ws.inputs.submitOrder({ type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount: 0.01, cid: 4244 });
    expect(n).toMatchObject({ status: 'SUCCESS', data: { cid: 4244, amount: 0 } });
    expect(n.data.orderStatus).toMatch(/^EXECUTED @/);
    expect(n.text).toMatch(/REST order history/);
  });

  it('a cancel: the order is gone from the snapshot, resolved with its cancelled row', async () => {
    const placed = await bfx.ws.inputs.submitOrder(away);
    sim().faults.cutAfterInput('oc');
    const n = await bfx.ws.inputs.cancelOrder({ id: placed.data.id });
    expect(n).toMatchObject({ type: 'oc-req', status: 'SUCCESS', data: { id: placed.data.id, orderStatus: 'CANCELED' } });
    expect((await bfx.rest.auth.getOrders()).some((o) => o.id === placed.data.id)).toBe(false);
  });

  it('a cancel multi: none of its orders in the snapshot, resolved; REST agrees they are gone', async () => {
    const a = await bfx.ws.inputs.submitOrder(away);
    const b = await bfx.ws.inputs.submitOrder(away);
    sim().faults.cutAfterInput('oc_multi');
    const n = await bfx.ws.inputs.cancelOrderMulti({ id: [a.data.id, b.data.id] });
    expect(n).toMatchObject({ type: 'oc_multi-req', status: 'SUCCESS' });
    expect(n.text).toMatch(/Settled after reconnecting/);
    const active = await bfx.rest.auth.getOrders();
    expect(active.some((o) => o.id === a.data.id || o.id === b.data.id)).toBe(false);
  });

  it('an update: resolved from the snapshot showing the new price', async () => {
    const placed = await bfx.ws.inputs.submitOrder(away);
    sim().faults.cutAfterInput('ou');
    const n = await bfx.ws.inputs.updateOrder({ id: placed.data.id, price: 1010 });
    expect(n).toMatchObject({ type: 'ou-req', data: { id: placed.data.id, price: 1010 } });
    expect(n.text).toMatch(/order snapshot/);
  });
});
