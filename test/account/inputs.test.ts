import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BfxArgumentError, InputError, NotConnectedError, OutcomeUnknownError } from '../../src/errors.js';
import { decodeNotification, models, type Notification } from '../../src/models/index.js';
import { createInputs, type InputPolicy, type InputsConnectionState } from '../../src/ws/account/inputs.js';
import { decodeAccountNotification } from '../../src/ws/account/notifications.js';
import { inputsOnFakeSocket } from './fake-inputs.js';
import { authFunding, authNotifications, authOrders } from './fixtures.js';

type Frame = unknown[];

function harness(policy: InputPolicy = 'reject', initial: InputsConnectionState = 'authenticated') {
  const { inputs, sent, setState } = inputsOnFakeSocket({ policy, initial, firstCid: 500 });
  const answer = (raw: unknown[]): void => inputs.handleNotification(decodeAccountNotification(raw).notification);
  return { inputs, sent: sent as Frame[], answer, setState };
}

/** A notification array of `type` whose data is `data`. */
function note(type: string, data: unknown, status = 'SUCCESS', text = 'ok'): unknown[] {
  return [Date.now(), type, null, null, data, null, status, text];
}

function order(fields: { id?: number | null; cid?: number | null }): unknown[] {
  const row = [...(authOrders[1]![2] as unknown[])];
  if (fields.id !== undefined) row[0] = fields.id;
  if (fields.cid !== undefined) row[2] = fields.cid;
  return row;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('inputs: frames sent', () => {
  it('encodes every input as [0, TYPE, null, PAYLOAD] with decimal strings and snake_case', async () => {
    const { inputs, sent } = harness();
    const waiting: Promise<unknown>[] = [];
    const track = (p: Promise<unknown>): void => void waiting.push(p.catch((e: unknown) => e));
    track(inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 1e-7, price: 500, priceAuxLimit: 1.5, gid: 1, tif: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), meta: { aff_code: 'x' } }));
    track(inputs.updateOrder({ id: 1149698545, delta: '0.1', price: 6500 }));
    track(inputs.cancelOrder({ id: 1149698545 }));
    track(inputs.cancelOrder({ cid: 12345, cidDate: '2016-12-05' }));
    track(inputs.cancelOrderMulti({ all: true }));
    track(inputs.cancelOrderMulti({ id: [1234, 1235], cid: [[234, '2016-12-05']] }));
    track(inputs.orderMultiOp([['on', { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 1, price: 200, cid: 1 }], ['oc', { id: 1234 }], ['oc_multi', { id: [1235, 1236] }]]));
    track(inputs.submitFundingOffer({ type: 'LIMIT', symbol: 'fUSD', amount: 50, rate: 0.0002, period: 7, flags: 0 }));
    track(inputs.cancelFundingOffer(12345));
    await inputs.calc('margin_base', 'margin_sym_tBTCUSD');
    await expect(inputs.notify({ foo: 1 }, { messageId: 9 })).resolves.toEqual({ messageId: 9 });
    expect(sent).toEqual([
      [0, 'on', null, { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: '0.0000001', price: '500', price_aux_limit: '1.5', gid: 1, tif: '2026-01-02 03:04:05', meta: { aff_code: 'x' }, cid: 501 }],
      [0, 'ou', null, { id: 1149698545, delta: '0.1', price: '6500' }],
      [0, 'oc', null, { id: 1149698545 }],
      [0, 'oc', null, { cid: 12345, cid_date: '2016-12-05' }],
      [0, 'oc_multi', null, { all: 1 }],
      [0, 'oc_multi', null, { id: [1234, 1235], cid: [[234, '2016-12-05']] }],
      [0, 'ox_multi', null, [['on', { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: '1', price: '200', cid: 1 }], ['oc', { id: 1234 }], ['oc_multi', { id: [1235, 1236] }]]],
      [0, 'fon', null, { type: 'LIMIT', symbol: 'fUSD', amount: '50', rate: '0.0002', period: 7, flags: 0 }],
      [0, 'foc', null, { id: 12345 }],
      [0, 'calc', null, [['margin_base'], ['margin_sym_tBTCUSD']]],
      [0, 'n', 9, { type: 'ucm-test', message_id: 9, info: { foo: 1 } }],
    ]);
    inputs.close();
    const errors = await Promise.all(waiting);
    expect(errors.map((e) => (e as NotConnectedError).code)).toEqual(Array(9).fill('ERR_BFX_CLOSED'));
  });

  it('rejects bad options with BfxArgumentError and sends nothing', async () => {
    const { inputs, sent } = harness();
    await expect(inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 1 })).rejects.toThrow(/price/);
    // The same validators as REST: an unknown type, a typo'd key, no argument at all.
    await expect(inputs.submitOrder({ type: 'NOPE' as 'LIMIT', symbol: 'tBTCUSD', amount: 1, price: 1 })).rejects.toBeInstanceOf(BfxArgumentError);
    await expect(inputs.submitOrder({ type: 'LIMIT', symbol: 'tBTCUSD', amount: 1, prce: 1 } as never)).rejects.toThrow(/prce/);
    await expect(inputs.submitOrder(undefined as never)).rejects.toBeInstanceOf(BfxArgumentError);
    await expect(inputs.cancelOrder({ id: 1, idd: 2 } as never)).rejects.toThrow(/idd/);
    await expect(inputs.updateOrder({ id: 1, prce: 2 } as never)).rejects.toThrow(/prce/);
    await expect(inputs.orderMultiOp([['on', { type: 'NOPE', symbol: 'tBTCUSD', amount: 1, price: 1 }]] as never)).rejects.toBeInstanceOf(BfxArgumentError);
    await expect(inputs.orderMultiOp([['oc', { id: 1, idd: 2 }]] as never)).rejects.toThrow(/idd/);
    await expect(inputs.updateOrder({ cid: 1, cidDate: '2024-01-02', amount: 'x' } as never)).rejects.toBeInstanceOf(BfxArgumentError);
    await expect(inputs.cancelOrderMulti({ ids: [1] } as never)).rejects.toThrow(/ids/);
    await expect(inputs.submitFundingOffer({ type: 'LIMIT', symbol: 'fUSD', amount: 100, rate: 0.001, period: 2, flag: 0 } as never)).rejects.toThrow(/flag/);
    await expect(inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: Number.NaN, price: 1 })).rejects.toBeInstanceOf(BfxArgumentError);
    await expect(inputs.cancelOrder({} as never)).rejects.toThrow(/argument id|give "id"/);
    await expect(inputs.cancelOrderMulti({})).rejects.toBeInstanceOf(BfxArgumentError);
    await expect(inputs.cancelOrderMulti({ id: [1.5] })).rejects.toBeInstanceOf(BfxArgumentError);
    await expect(inputs.orderMultiOp([])).rejects.toBeInstanceOf(BfxArgumentError);
    await expect(inputs.cancelFundingOffer(1.2)).rejects.toBeInstanceOf(BfxArgumentError);
    await expect(inputs.calc()).rejects.toBeInstanceOf(BfxArgumentError);
    await expect(inputs.notify({}, { type: 'custom' })).rejects.toThrow(/ucm/);
    expect(sent).toEqual([]);
    expect(inputs.pendingCount).toBe(0);
  });
});

describe('inputs: the REST table lets valid WebSocket-only forms through', () => {
  it('an update by cid + cidDate and a Date tif are sent', () => {
    const { inputs, sent } = harness();
    void inputs.updateOrder({ cid: 5, cidDate: '2024-01-02', price: 10 }).catch(() => undefined);
    void inputs.updateOrder({ id: 7, tif: new Date(Date.UTC(2030, 0, 2, 3, 4, 5)) }).catch(() => undefined);
    expect(sent.map((f) => f[1])).toEqual(['ou', 'ou']);
  });
});

describe('inputs: settled by the matching notification', () => {
  it('submitOrder resolves with its on-req (matched by cid, even out of order)', async () => {
    const { inputs, answer } = harness();
    const a = inputs.submitOrder({ type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount: 0.1 });
    const b = inputs.submitOrder({ type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount: 0.2 });
    answer(note('on-req', order({ id: 2, cid: 502 })));
    answer(note('on-req', order({ id: 1, cid: 501 })));
    expect((await a).data).toMatchObject({ id: 1, cid: 501 });
    expect((await b).data).toMatchObject({ id: 2, cid: 502 });
    expect(inputs.pendingCount).toBe(0);
  });

  it('a notification with a key matching no input settles nothing (it came from elsewhere)', async () => {
    const { inputs, answer } = harness();
    const a = inputs.submitOrder({ type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount: 0.1 });
    answer(note('on-req', order({ id: 9, cid: 424242 })));
    expect(inputs.pendingCount).toBe(1);
    answer(note('on-req', order({ id: 1, cid: 501 })));
    await expect(a).resolves.toMatchObject({ data: { id: 1 } });
  });

  it('ERROR / FAILURE notifications reject with InputError carrying the decoded data', async () => {
    const { inputs, answer } = harness();
    const a = inputs.submitOrder({ type: 'LIMIT', symbol: 'tTRXBTC', amount: 0.00000123, price: 1.2e-7, cid: 1 });
    answer(authNotifications[6]![2] as unknown[]);
    const err = await a.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ code: 'ERR_BFX_INPUT_REJECTED', type: 'on-req', status: 'ERROR', data: { cid: 1, symbol: 'tTRXBTC' } });
    expect((err as InputError).message).toContain('This pair cannot be traded on margin.');
    const b = inputs.cancelFundingOffer(5);
    answer(note('foc-req', [5, 'fUSD'], 'FAILURE', 'Offer not found'));
    await expect(b).rejects.toMatchObject({ status: 'FAILURE', type: 'foc-req' });
  });

  it('updateOrder / cancelOrder match by order id or by cid', async () => {
    const { inputs, answer } = harness();
    const byId = inputs.cancelOrder({ id: 16616840342 });
    const byCid = inputs.cancelOrder({ cid: 1, cidDate: '2018-09-05' });
    const upd = inputs.updateOrder({ id: 1185815100, amount: -3 });
    answer(authNotifications[8]![2] as unknown[]);
    answer(authNotifications[1]![2] as unknown[]);
    answer(authNotifications[7]![2] as unknown[]);
    await expect(byId).resolves.toMatchObject({ type: 'oc-req', data: { id: 16616840342 } });
    await expect(upd).resolves.toMatchObject({ type: 'ou-req', data: { id: 1185815100, amount: -3 } });
    await expect(byCid).rejects.toMatchObject({ type: 'oc-req', status: 'ERROR' });
  });

  it('keyless answers (fon, oc_multi, ox_multi) settle first-in-first-out per type', async () => {
    const { inputs, answer } = harness();
    const f1 = inputs.submitFundingOffer({ type: 'LIMIT', symbol: 'fUST', amount: 500, rate: 0.02, period: 2 });
    const f2 = inputs.submitFundingOffer({ type: 'LIMIT', symbol: 'fUSD', amount: -1000, rate: 0.002, period: 2 });
    const multi = inputs.cancelOrderMulti({ all: true });
    const ox = inputs.orderMultiOp([['oc', { id: 1 }]]);
    answer(note('oc_multi-req', [authOrders[1]![2]]));
    answer(note('ox_multi-req', [note('oc-req', order({ id: 1 }))]));
    answer(authNotifications[3]![2] as unknown[]);
    answer(authNotifications[4]![2] as unknown[]);
    await expect(f1).resolves.toMatchObject({ data: { id: 41238934, amount: 500 } });
    await expect(f2).resolves.toMatchObject({ data: { id: 41238905, amount: -1000 } });
    expect((await multi).data.map((o) => o.id)).toEqual([1185815098]);
    expect((await ox).data[0]).toMatchObject({ type: 'oc-req', data: { id: 1 } });
  });

  it('cancelFundingOffer matches by offer id', async () => {
    const { inputs, answer } = harness();
    const a = inputs.cancelFundingOffer(1);
    const b = inputs.cancelFundingOffer(41238934);
    answer(note('foc-req', authFunding[3]![2]));
    const nb = await b;
    expect(nb.data).toMatchObject({ id: 41238934, offerStatus: 'CANCELED' });
    expect(inputs.pendingCount).toBe(1);
    inputs.close();
    await expect(a).rejects.toMatchObject({ code: 'ERR_BFX_CLOSED' });
  });

  it('a sent input that times out is of unknown outcome (OutcomeUnknownError, reason timeout) and is forgotten', async () => {
    const { inputs, answer } = harness();
    const a = inputs.cancelOrder({ id: 7 });
    const caught = a.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    const err = await caught;
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(err).toMatchObject({ code: 'ERR_BFX_OUTCOME_UNKNOWN', reason: 'timeout', timeoutMs: 1000, endpoint: 'oc', request: { id: 7 } });
    expect(inputs.pendingCount).toBe(0);
    answer(note('oc-req', order({ id: 7 })));
    expect(inputs.pendingCount).toBe(0);
  });
});

describe('inputs: disconnected policy', () => {
  it("'reject': an input while not authenticated fails at once and is never sent", async () => {
    const h = harness('reject', 'connecting');
    await expect(h.inputs.submitOrder({ type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount: 1 })).rejects.toMatchObject({ code: 'ERR_BFX_NOT_AUTHENTICATED' });
    h.setState('authenticated');
    h.inputs.onAuthenticated();
    expect(h.sent).toEqual([]);
  });

  it("'queue': inputs wait for authentication and go out in order", async () => {
    const h = harness('queue', 'connecting');
    const a = h.inputs.submitOrder({ type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount: 1 });
    const c = h.inputs.calc('balance');
    expect(h.inputs.queuedCount).toBe(2);
    h.inputs.onDisconnected();
    expect(h.inputs.queuedCount).toBe(2);
    expect(h.sent).toEqual([]);
    h.setState('authenticated');
    h.inputs.onAuthenticated();
    expect(h.sent.map((f) => f[1])).toEqual(['on', 'calc']);
    await expect(c).resolves.toBeUndefined();
    h.answer(note('on-req', order({ id: 3, cid: 501 })));
    await expect(a).resolves.toMatchObject({ data: { id: 3 } });
  });

  it("'queue': a queued input that times out is rejected and never sent", async () => {
    const h = harness('queue', 'connecting');
    const a = h.inputs.cancelOrder({ id: 1 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await a).toMatchObject({ code: 'ERR_BFX_INPUT_TIMEOUT' });
    h.setState('authenticated');
    h.inputs.onAuthenticated();
    expect(h.sent).toEqual([]);
  });

  it('a non-order input in flight when the socket drops is rejected at once as of unknown outcome (never resent)', async () => {
    for (const policy of ['queue', 'reject'] as const) {
      const h = harness(policy);
      const a = h.inputs.submitFundingOffer({ type: 'LIMIT', symbol: 'fUSD', amount: 50, rate: 0.0002, period: 7 });
      h.setState('connecting');
      h.inputs.onDisconnected();
      const err = await a.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OutcomeUnknownError);
      expect(err).toMatchObject({ code: 'ERR_BFX_OUTCOME_UNKNOWN', reason: 'network', endpoint: 'fon' });
      expect(h.inputs.recoveringCount).toBe(0);
      h.setState('authenticated');
      h.inputs.onAuthenticated();
      expect(h.sent).toHaveLength(1);
    }
  });

  it('an order input in flight when the socket drops waits for the next session, then (no snapshot, no REST) is of unknown outcome with its cid; never resent', async () => {
    for (const policy of ['queue', 'reject'] as const) {
      const h = harness(policy);
      const a = h.inputs.submitOrder({ type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount: 1 }).catch((e: unknown) => e);
      h.setState('connecting');
      h.inputs.onDisconnected();
      expect(h.inputs.recoveringCount).toBe(1);
      await vi.advanceTimersByTimeAsync(9_999);
      expect(h.inputs.recoveringCount).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      const err = await a;
      expect(err).toBeInstanceOf(OutcomeUnknownError);
      expect(err).toMatchObject({ code: 'ERR_BFX_OUTCOME_UNKNOWN', reason: 'network', endpoint: 'on', cid: expect.any(Number) });
      h.setState('authenticated');
      h.inputs.onAuthenticated();
      expect(h.sent).toHaveLength(1);
    }
  });

  it("a send that throws: 'reject' rejects as not connected, 'queue' queues until re-auth", async () => {
    const sendErr = createInputs({ send: () => { throw new Error('boom'); }, state: () => 'authenticated', timeoutMs: 10, policy: 'reject' });
    await expect(sendErr.cancelOrder({ id: 1 })).rejects.toMatchObject({ code: 'ERR_BFX_NOT_CONNECTED' });
    expect(sendErr.pendingCount).toBe(0);
    let up = false;
    const sent: unknown[][] = [];
    const queued = createInputs({
      send: (f) => {
        if (!up) throw new Error('socket gone');
        sent.push(f);
      },
      state: () => 'authenticated', timeoutMs: 1000, policy: 'queue',
    });
    const p = queued.calc('balance');
    expect(queued.queuedCount).toBe(1);
    up = true;
    queued.onAuthenticated();
    await expect(p).resolves.toBeUndefined();
    expect(sent).toEqual([[0, 'calc', null, [['balance']]]]);
  });

  it('close() rejects pending and queued inputs with ERR_BFX_CLOSED, and later calls too', async () => {
    const h = harness('queue', 'connecting');
    const queued = h.inputs.submitOrder({ type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount: 1 });
    h.inputs.close();
    await expect(queued).rejects.toMatchObject({ code: 'ERR_BFX_CLOSED' });
    await expect(h.inputs.calc('balance')).rejects.toMatchObject({ code: 'ERR_BFX_CLOSED' });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('decodeNotification agreement', () => {
  it('the sink decodes on-req data exactly like the shared model table', () => {
    const raw = authNotifications[0]![2] as unknown[];
    const n = decodeAccountNotification(raw).notification as Notification<unknown>;
    expect(n).toEqual(decodeNotification(raw, models.Order));
  });
});
