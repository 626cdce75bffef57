/**
 * The authenticated inputs (`ws.inputs`): encode, send as `[0, TYPE, null, PAYLOAD]`, and settle
 * each returned promise with the matching request notification.
 *
 * **Disconnected policy.** An input made while the connection is not authenticated is, per the
 * `policy` option:
 * - `'queue'` (the default of the WebSocket client): kept in order and sent right after the next
 *   successful authentication. The input's timeout (client default 10 s) counts from the call,
 *   queue time included: a queued input that times out is rejected with `ERR_BFX_INPUT_TIMEOUT`
 *   and never sent, so an order never goes out long after the moment it was meant for. An input
 *   whose send fails because the socket just went away is queued the same way.
 * - `'reject'`: rejected at once with a `NotConnectedError` (`ERR_BFX_NOT_AUTHENTICATED`);
 *   nothing is sent later.
 *
 * Either way nothing is lost silently. **An order input already sent when the socket drops**
 * (`submitOrder`, `updateOrder`, `cancelOrder`, `cancelOrderMulti`) is not rejected: it waits for the next session,
 * whose order snapshot and events settle it by the order's state, with a REST lookup when they
 * cannot tell in time (see `recovery.ts`; `recoveryMs`, default 10 s). Any other input already
 * sent when the socket drops is rejected with `OutcomeUnknownError` (reason `network`). Nothing is
 * ever re-sent automatically. `close()` rejects the rest with `ERR_BFX_CLOSED` (inputs still
 * recovering: `OutcomeUnknownError`).
 *
 * @module
 */
import { BfxCredentialsError, BfxTimeoutError, InputError, NotConnectedError, OutcomeUnknownError, type BfxError } from '../../errors.js';
import { validateInputParams } from '../../rest/inputs.js';
import type { Notification, Order } from '../../models/index.js';
import { cidDate, createCidSource } from './cid.js';
import type { NotifyResult, SubmitOrderInput, UpdateOrderInput, WsInputs } from './input-types.js';
import {
  calcPayload,
  cancelFundingOfferPayload,
  cancelOrderMultiPayload,
  cancelOrderPayload,
  notifyPayload,
  orderMultiPayload,
  submitFundingOfferPayload,
  submitOrderPayload,
  updateOrderPayload,
} from './payloads.js';
import { PendingRequests, type PendingEntry, type PendingKey } from './pending.js';
import { InFlightRecovery, type OrderLookup, type RecoveringInput, type UpdateExpectation } from './recovery.js';

/** What to do with an input made while not authenticated. */
export type InputPolicy = 'queue' | 'reject';

/** Connection state as the inputs see it. */
export type InputsConnectionState = 'authenticated' | 'connecting' | 'closed';

/** Dependencies of {@link createInputs}. */
export interface InputsDeps {
  /** Send one frame on the authenticated socket (may throw when the socket just closed). */
  send(frame: unknown[]): void;
  /** `authenticated`, `connecting` (connecting, authenticating or reconnecting) or `closed` (for good). */
  state(): InputsConnectionState;
  /** How long an input waits for its notification (from the call, queue time included). */
  timeoutMs: number;
  policy: InputPolicy;
  /** `cid` generator (default: unique, ms-based). */
  nextCid?: () => number;
  /** The client has no API key and secret: every input rejects with `BfxCredentialsError`. */
  noCredentials?: boolean;
  /** How long an order input lost in a drop waits for the account channel to settle it (default 10 000 ms, from the drop). */
  recoveryMs?: number;
  /** REST lookup of orders, used when the account channel cannot tell a lost input's outcome in time. */
  lookup?: OrderLookup;
  /** Clock (tests). */
  now?: () => number;
}

/** The control side, called by the connection. */
export interface InputsControl {
  /** Settle the input a notification answers (called by the account sink). */
  handleNotification(n: Notification<unknown>): void;
  /** An order snapshot or event of the account channel (settles order inputs lost in a drop). */
  handleOrders(kind: 'snapshot' | 'new' | 'update' | 'cancel', orders: readonly Order[]): void;
  /** Authentication succeeded: send the queued inputs, in order. */
  onAuthenticated(): void;
  /** The socket dropped: reject the inputs awaiting an answer; keep (queue) or reject the queued ones. */
  onDisconnected(): void;
  /**
   * The authenticated connection is gone for good (an `AuthError`, a refused version): reject
   * every pending and queued input with `error` at once instead of letting them time out.
   */
  fail(error: BfxError): void;
  /** The client is closing: reject everything with `ERR_BFX_CLOSED`. */
  close(): void;
  /** Inputs sent and awaiting their notification. */
  readonly pendingCount: number;
  /** Inputs queued until authentication. */
  readonly queuedCount: number;
  /** Order inputs lost in a drop, waiting for the next session (or REST) to tell their outcome. */
  readonly recoveringCount: number;
}

/** A request before it is sent. */
interface Request {
  readonly frame: unknown[];
  /** The notification type that answers it; `null` when it resolves once sent. */
  readonly answer: string | null;
  readonly key: PendingKey;
  /** `on` / `ou` / `oc` / `oc_multi`: what the recovery needs when the drop leaves it unanswered. */
  readonly recover?: Pick<RecoveringInput, 'kind' | 'id' | 'cid' | 'cidDate' | 'expect' | 'targets'>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
  entry: PendingEntry | undefined;
}

const SETTLED_OK = new Set(['SUCCESS', 'INFO']);

/**
 * Create the inputs of one account channel.
 *
 * @example
 * const inputs = createInputs({ send: (f) => ws.send(JSON.stringify(f)), state: () => 'authenticated', timeoutMs: 10_000, policy: 'reject' });
 * const n = await inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.001, price: 30000 });
 * console.log(n.data.id, n.text);
 */
/** The error of an input that left and got no answer: it may have been done. */
function unknownOutcome(r: Request, reason: 'timeout' | 'network', message: string, timeoutMs?: number): OutcomeUnknownError {
  return new OutcomeUnknownError(message, { reason, endpoint: String(r.frame[1]), request: requestOf(r), cid: r.key.cid, timeoutMs });
}

/** The request's payload in wire names (no credentials ever travel in one). */
function requestOf(r: Request): Readonly<Record<string, unknown>> {
  const payload = r.frame[3];
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : { payload };
}

/** `submitOrder` checked by the REST table (unknown keys, types, ranges), `tif` as a `Date` allowed. */
function checkOrder(o: SubmitOrderInput): void {
  if (typeof o !== 'object' || o === null) validateInputParams('on', o);
  const { tif, ...rest } = o;
  validateInputParams('on', tif === undefined || tif instanceof Date ? rest : { ...rest, tif });
}

/**
 * `updateOrder` checked by the REST table, `tif` as a `Date` allowed. The REST endpoint needs an
 * `id`; an update by `cid` + `cidDate` (WebSocket only) is checked with a placeholder id.
 */
function checkUpdate(o: UpdateOrderInput): void {
  if (typeof o !== 'object' || o === null) validateInputParams('ou', o);
  const { tif, ...rest } = o as UpdateOrderInput & { readonly id?: number };
  const params: Record<string, unknown> = 'id' in rest ? { ...rest } : { ...rest, id: 1 };
  if (typeof tif === 'string') params.tif = tif;
  validateInputParams('ou', params);
}

/** One `ox_multi` operation checked like the input it stands for (malformed ops are left to the payload builder). */
function checkMultiOp(op: unknown): void {
  if (!Array.isArray(op) || op.length < 2) return;
  const [name, params] = op as [unknown, unknown];
  if (name === 'on') checkOrder(params as SubmitOrderInput);
  else if (name === 'ou') checkUpdate(params as UpdateOrderInput);
  else if (name === 'oc' || name === 'oc_multi') validateInputParams(name, params);
}

export function createInputs(deps: InputsDeps): WsInputs & InputsControl {
  const nextCid = deps.nextCid ?? createCidSource();
  const pending = new PendingRequests();
  const now = deps.now ?? Date.now;
  const recovery = new InFlightRecovery({ recoveryMs: deps.recoveryMs, lookup: deps.lookup, now });
  let queue: Request[] = [];
  let closed = false;

  const clearTimer = (r: Request): void => {
    if (r.timer !== undefined) clearTimeout(r.timer);
    r.timer = undefined;
  };

  const onTimeout = (r: Request): void => {
    r.timer = undefined;
    const wasQueued = queue.includes(r);
    if (wasQueued) queue = queue.filter((q) => q !== r);
    else if (r.entry !== undefined) pending.remove(r.entry);
    const what = r.answer ?? String(r.frame[1]);
    if (wasQueued) {
      r.reject(new BfxTimeoutError(`Input ${what} timed out after ${deps.timeoutMs} ms while waiting for authentication (never sent)`, { timeoutMs: deps.timeoutMs, code: 'ERR_BFX_INPUT_TIMEOUT', endpoint: what }));
      return;
    }
    // It was sent: Bitfinex may have done it. Say so, with what identifies it.
    r.reject(unknownOutcome(r, 'timeout', `Input ${what} was sent but not answered within ${deps.timeoutMs} ms; its outcome is unknown (look it up by cid)`, deps.timeoutMs));
  };

  const fail = (r: Request, error: Error): void => {
    clearTimer(r);
    r.reject(error);
  };

  const rejectQueue = (error: () => Error): void => {
    const dropped = queue;
    queue = [];
    for (const r of dropped) fail(r, error());
  };

  const dispatch = (r: Request): void => {
    try {
      deps.send(r.frame);
    } catch (err) {
      // Not sent: the socket went away before the connection noticed. Under 'queue' the input
      // waits for the next authentication like any other; under 'reject' it fails now.
      if (deps.policy === 'queue' && !closed) {
        queue.push(r);
        return;
      }
      return fail(r, new NotConnectedError(`Input ${String(r.frame[1])} could not be sent: ${err instanceof Error ? err.message : String(err)}`));
    }
    if (r.answer === null) {
      clearTimer(r);
      r.resolve(undefined);
      return;
    }
    const sentAt = now();
    const settle = (n: Notification<unknown>): void => {
      clearTimer(r);
      if (SETTLED_OK.has(n.status)) r.resolve(n);
      else r.reject(new InputError(n.type, n.status, n.text ?? '', n.data, n.code ?? undefined));
    };
    const entry: PendingEntry = {
      type: r.answer,
      key: r.key,
      settle,
      fail: (error) => fail(r, error),
      lost: () => {
        const recover = r.recover;
        if (recover === undefined || closed) {
          return fail(r, unknownOutcome(r, 'network', `Input ${String(r.frame[1])} lost: the connection dropped after it was sent and before Bitfinex answered; its outcome is unknown (check the snapshots after re-auth)`));
        }
        // Its own timeout no longer applies: the recovery's bounded wait does.
        clearTimer(r);
        const cidDay = recover.cidDate ?? (recover.kind === 'on' ? cidDate(sentAt) : undefined);
        recovery.add({ ...recover, cidDate: cidDay, sentAt, request: requestOf(r), resolve: r.resolve, reject: r.reject, settle });
      },
    };
    r.entry = entry;
    pending.add(entry);
  };

  const request = <T>(build: () => { frame: unknown[]; answer: string | null; key?: PendingKey; recover?: Request['recover'] }): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (deps.noCredentials) {
        return reject(new BfxCredentialsError('Authenticated inputs need apiKey and apiSecret; this client has none'));
      }
      if (closed || deps.state() === 'closed') {
        return reject(new NotConnectedError('The WebSocket client is closed', 'ERR_BFX_CLOSED'));
      }
      let built: ReturnType<typeof build>;
      try {
        built = build();
      } catch (err) {
        return reject(err);
      }
      const r: Request = {
        frame: built.frame, answer: built.answer, key: built.key ?? {}, recover: built.recover,
        resolve: resolve as (value: unknown) => void, reject, timer: undefined, entry: undefined,
      };
      const state = deps.state();
      if (state !== 'authenticated' && deps.policy === 'reject') {
        return reject(new NotConnectedError(`Input ${String(r.frame[1])} rejected: the account channel is not authenticated (policy "reject")`, 'ERR_BFX_NOT_AUTHENTICATED'));
      }
      r.timer = setTimeout(() => onTimeout(r), deps.timeoutMs);
      if (state === 'authenticated') dispatch(r);
      else queue.push(r);
    });

  const input = (type: string, payload: unknown): unknown[] => [0, type, null, payload];

  const inputs: WsInputs & InputsControl = {
    submitOrder(o) {
      return request(() => {
        checkOrder(o);
        const cid = o.cid ?? nextCid();
        const order: SubmitOrderInput = { ...o, cid };
        return { frame: input('on', submitOrderPayload(order)), answer: 'on-req', key: { cid }, recover: { kind: 'on', cid } };
      });
    },
    updateOrder(o) {
      return request(() => {
        checkUpdate(o);
        return { frame: input('ou', updateOrderPayload(o)), answer: 'ou-req', key: refKey(o), recover: { kind: 'ou', ...refOf(o), expect: expectation(o) } };
      });
    },
    cancelOrder(o) {
      return request(() => {
        validateInputParams('oc', o);
        return { frame: input('oc', cancelOrderPayload(o)), answer: 'oc-req', key: refKey(o), recover: { kind: 'oc', ...refOf(o) } };
      });
    },
    cancelOrderMulti(o) {
      return request(() => {
        validateInputParams('oc_multi', o);
        return { frame: input('oc_multi', cancelOrderMultiPayload(o)), answer: 'oc_multi-req', recover: { kind: 'oc_multi', targets: o } };
      });
    },
    orderMultiOp(ops) {
      return request(() => {
        if (Array.isArray(ops)) for (const op of ops as readonly unknown[]) checkMultiOp(op);
        return { frame: input('ox_multi', orderMultiPayload(ops, nextCid)), answer: 'ox_multi-req' };
      });
    },
    submitFundingOffer(o) {
      return request(() => {
        validateInputParams('fon', o);
        return { frame: input('fon', submitFundingOfferPayload(o)), answer: 'fon-req' };
      });
    },
    cancelFundingOffer(id) {
      return request(() => {
        validateInputParams('foc', { id });
        return { frame: input('foc', cancelFundingOfferPayload(id)), answer: 'foc-req', key: { id } };
      });
    },
    calc(...items) {
      return request<void>(() => ({ frame: input('calc', calcPayload(items)), answer: null }));
    },
    notify(info, o = {}) {
      const messageId = o.messageId ?? nextCid();
      return request<void>(() => ({
        frame: [0, 'n', messageId, notifyPayload(info, o.type ?? 'ucm-test', messageId, o.extra)],
        answer: null,
      })).then((): NotifyResult => ({ messageId }));
    },

    handleNotification(n) {
      const entry = pending.take(n);
      if (entry !== undefined) entry.settle(n);
      else if (recovery.size > 0) recovery.notification(n);
    },
    handleOrders(kind, orders) {
      if (recovery.size > 0) recovery.orders(kind, orders);
    },
    onAuthenticated() {
      const ready = queue;
      queue = [];
      for (const r of ready) dispatch(r);
    },
    onDisconnected() {
      for (const entry of pending.drain()) entry.lost();
      if (deps.policy === 'reject') rejectQueue(() => new NotConnectedError('Input rejected: the connection dropped before it was sent'));
    },
    fail(error) {
      for (const entry of pending.drain()) entry.fail(error);
      rejectQueue(() => error);
      recovery.abandon(`the authenticated connection failed (${error.message})`);
    },
    close() {
      closed = true;
      const error = (): NotConnectedError => new NotConnectedError('The WebSocket client closed before the input completed', 'ERR_BFX_CLOSED');
      for (const entry of pending.drain()) entry.fail(error());
      rejectQueue(error);
      recovery.abandon('the client closed before the next session could tell it');
    },
    get pendingCount() {
      return pending.size;
    },
    get queuedCount() {
      return queue.length;
    },
    get recoveringCount() {
      return recovery.size;
    },
  };
  return inputs;
}

/** The order an `ou` / `oc` names: its id, or its cid and cid date. */
function refOf(o: { readonly id?: number; readonly cid?: number; readonly cidDate?: string }): { id?: number; cid?: number; cidDate?: string } {
  return o.id !== undefined ? { id: o.id } : { cid: o.cid, cidDate: o.cidDate };
}

/** The prices an `ou` sets, as the order will show them. */
function expectation(o: UpdateOrderInput): UpdateExpectation {
  const out: { price?: number; priceAuxLimit?: number; priceTrailing?: number } = {};
  if (o.price !== undefined) out.price = Number(o.price);
  if (o.priceAuxLimit !== undefined) out.priceAuxLimit = Number(o.priceAuxLimit);
  if (o.priceTrailing !== undefined) out.priceTrailing = Number(o.priceTrailing);
  return out;
}

function refKey(o: { readonly id?: number; readonly cid?: number }): PendingKey {
  const key: { id?: number; cid?: number } = {};
  if (o.id !== undefined) key.id = o.id;
  if (o.cid !== undefined) key.cid = o.cid;
  return key;
}
