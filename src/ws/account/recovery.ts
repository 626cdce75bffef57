/**
 * Order inputs in flight across a drop. An `on` / `ou` / `oc` / `oc_multi` input whose frame left before the
 * authenticated socket dropped, and whose `*-req` notification never came, is not rejected blind:
 * it waits here, and the account channel of the next session settles it by the order's state.
 *
 * - **submit** (`on`, by `cid` and the UTC day of the send): resolved with the order when the
 *   post-reauth order snapshot (`os`) or a following `on` / `ou` / `oc` event shows it; otherwise
 *   looked up over REST (active orders, then the order history: an order that filled or was
 *   cancelled while offline is only there). Found: resolved. Absent from both: rejected with
 *   {@link InputNotAppliedError} (nothing was done).
 * - **cancel** (`oc`): resolved when the order is no longer active (absent from the snapshot, or an
 *   `oc` event), with the order's final row from the history; rejected with
 *   {@link InputNotAppliedError} when the order is still active once the wait is over.
 * - **cancel multi** (`oc_multi`, by ids, `[cid, date]` pairs, group ids or `all`): resolved when
 *   none of the orders it names is active any more (none in the snapshot, or each one's `oc` event
 *   came), with the cancelled rows the channel showed; rejected with {@link InputNotAppliedError}
 *   when some are still active once the wait is over (asked of REST's active orders when there is a
 *   lookup).
 * - **update** (`ou`): resolved when the order shows the prices the update set (snapshot or `ou`
 *   event); rejected with {@link InputNotAppliedError} when it shows other prices once the wait is
 *   over, or closed without them. An update that sets no price (amount, delta, flags, ...) cannot be
 *   told from the order and ends as {@link OutcomeUnknownError} unless a notification settles it.
 *
 * A late `*-req` notification for the input (the server answered after the new session began)
 * settles it as usual. The wait is bounded: `recoveryMs` from the drop (default
 * {@link DEFAULT_RECOVERY_MS}), and at most {@link RECOVERY_GRACE_MS} after the post-reauth order
 * snapshot. What the channel could not tell in that time is looked up over REST (when the client
 * has a REST lookup); what REST cannot tell (no lookup, a failed call, an update without prices)
 * is rejected with {@link OutcomeUnknownError}. Nothing is ever re-sent.
 *
 * @module
 */
import { InputError, OutcomeUnknownError } from '../../errors.js';
import type { Notification, Order } from '../../models/index.js';
import { cidDate } from './cid.js';

/** How long an input lost in a drop waits for the account channel to tell its outcome, from the drop (ms). */
export const DEFAULT_RECOVERY_MS = 10_000;

/** After the post-reauth order snapshot, how long an input the snapshot did not settle waits for the events that follow (ms). */
export const RECOVERY_GRACE_MS = 1_000;

/** An order created this close to the send (ms) counts as the same day's `cid` even across midnight UTC. */
const CID_DAY_SLACK_MS = 60_000;

/** How the REST client is asked about orders (given by `createBfxSystem`). */
export interface OrderLookup {
  /** The active orders (`auth/r/orders`). */
  active(): Promise<readonly Order[]>;
  /** Closed orders (`auth/r/orders/hist`): these ids, or every one updated since `start` (ms). */
  history(query: { readonly ids: readonly number[] } | { readonly start: number }): Promise<readonly Order[]>;
}

/** The fields of an `ou` that can be read back from the order. */
export type UpdateExpectation = Partial<Pick<Order, 'price' | 'priceAuxLimit' | 'priceTrailing'>>;

/** What an `oc_multi` names (its selectors, as sent). */
export interface MultiCancelTargets {
  readonly id?: readonly number[];
  readonly cid?: readonly (readonly [number, string])[];
  readonly gid?: readonly number[];
  readonly all?: boolean;
}

/** An `on` / `ou` / `oc` / `oc_multi` input whose frame left before the drop. */
export interface RecoveringInput {
  readonly kind: 'on' | 'ou' | 'oc' | 'oc_multi';
  /** `oc_multi`: the orders it names. */
  readonly targets?: MultiCancelTargets;
  /** The order id (`ou` / `oc` by id). */
  readonly id?: number;
  /** The client order id (`on`, or `ou` / `oc` by cid). */
  readonly cid?: number;
  /** `YYYY-MM-DD` of the cid (given with `ou` / `oc` by cid; the send's UTC day for `on`). */
  readonly cidDate?: string;
  /** When the frame was sent (ms). */
  readonly sentAt: number;
  /** `ou`: the prices it set. */
  readonly expect?: UpdateExpectation;
  /** The request payload in wire names (for the errors). */
  readonly request: Readonly<Record<string, unknown>>;
  /** Resolve with the synthesised notification (`data`: the order, or the cancelled orders for `oc_multi`). */
  resolve(n: Notification<Order> | Notification<Order[]>): void;
  reject(error: Error): void;
  /** Settle with the `*-req` notification that answers it (a late one). */
  settle(n: Notification<unknown>): void;
}

/**
 * The input left before a drop and, after re-authentication, the account shows it was not applied:
 * the order was never placed (absent from the active orders and the history), the cancelled order is
 * still active, or the updated order does not show the update. Nothing was done; it may be sent
 * again. `code` is `ERR_BFX_INPUT_REJECTED` like every refused input; `status` is `NOT_APPLIED`.
 */
export class InputNotAppliedError extends InputError {
  /** Where the answer came from: the post-reauth snapshot and events, or the REST lookup. */
  readonly evidence: 'account' | 'rest';
  /** The client order id of the input, when it had one. */
  readonly cid: number | undefined;
  /** The order id, when the input named one or the order was found. */
  readonly orderId: number | undefined;
  constructor(type: string, text: string, request: Readonly<Record<string, unknown>>, opts: { evidence: 'account' | 'rest'; cid?: number; orderId?: number }) {
    super(type, 'NOT_APPLIED', text, request);
    this.evidence = opts.evidence;
    this.cid = opts.cid;
    this.orderId = opts.orderId;
  }
}

type Outcome =
  | { readonly order: Order; readonly source: string }
  | { readonly orders: readonly Order[]; readonly source: string }
  | { readonly error: Error };

interface Entry {
  readonly input: RecoveringInput;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The post-reauth snapshot was seen. */
  snapshot: boolean;
  /** A REST lookup is running. */
  looking: boolean;
  /** `oc_multi`: ids of the named orders still active after the snapshot, and the rows seen cancelled. */
  remaining?: Set<number>;
  cancelled?: Order[];
}

const answerType = (kind: RecoveringInput['kind']): string => `${kind}-req`;

function sameCid(o: Order, i: RecoveringInput): boolean {
  if (i.cid === undefined || o.cid !== i.cid) return false;
  if (o.mtsCreate === null || o.mtsCreate === undefined) return true;
  if (i.cidDate !== undefined && cidDate(o.mtsCreate) === i.cidDate) return true;
  return i.kind === 'on' && Math.abs(o.mtsCreate - i.sentAt) <= CID_DAY_SLACK_MS;
}

/** Whether `o` is named by an `oc_multi`'s selectors. */
function isMultiTarget(o: Order, t: MultiCancelTargets): boolean {
  if (t.all === true || t.id?.includes(o.id) === true) return true;
  if (o.gid !== null && o.gid !== undefined && t.gid?.includes(o.gid) === true) return true;
  return t.cid?.some(([cid, day]) => o.cid === cid && (o.mtsCreate === null || o.mtsCreate === undefined || cidDate(o.mtsCreate) === day)) === true;
}

/** Whether `o` is the order the input is about (one of them, for `oc_multi`). */
function isTarget(o: Order, i: RecoveringInput): boolean {
  if (i.targets !== undefined) return isMultiTarget(o, i.targets);
  return i.id !== undefined ? o.id === i.id : sameCid(o, i);
}

/** `ou`: true / false when the order tells whether the update was applied, undefined when it cannot. */
function applied(o: Order, i: RecoveringInput): boolean | undefined {
  const expect = Object.entries(i.expect ?? {}) as [keyof UpdateExpectation, number | undefined][];
  if (expect.length === 0) return undefined;
  return expect.every(([k, v]) => v === undefined || o[k] === v);
}

/** What happened to the input according to the account channel (undefined: not told yet). */
export function fromEvent(kind: 'new' | 'update' | 'cancel', o: Order, i: RecoveringInput): Outcome | undefined {
  if (!isTarget(o, i)) return undefined;
  const source = `order_${kind} event`;
  if (i.kind === 'on') return { order: o, source };
  if (i.kind === 'oc') return kind === 'cancel' ? { order: o, source } : undefined;
  return applied(o, i) === true ? { order: o, source } : undefined;
}

/** The post-reauth snapshot: settled, `'lookup'` (the snapshot says where to look), or `'wait'`. */
function fromSnapshot(orders: readonly Order[], i: RecoveringInput): Outcome | 'lookup' | 'wait' {
  const o = orders.find((row) => isTarget(row, i));
  if (i.kind === 'on') return o === undefined ? 'wait' : { order: o, source: 'order snapshot' };
  if (o === undefined) return 'lookup'; // closed while offline: its final row is in the history
  if (i.kind === 'oc') return 'wait';
  return applied(o, i) === true ? { order: o, source: 'order snapshot' } : 'wait';
}

/** The pending inputs lost in drops, settled by the account channel or REST. */
export class InFlightRecovery {
  readonly #entries = new Set<Entry>();
  readonly #recoveryMs: number;
  readonly #lookup: OrderLookup | undefined;
  readonly #now: () => number;

  constructor(o: { readonly recoveryMs?: number; readonly lookup?: OrderLookup; readonly now?: () => number }) {
    this.#recoveryMs = o.recoveryMs ?? DEFAULT_RECOVERY_MS;
    this.#lookup = o.lookup;
    this.#now = o.now ?? Date.now;
  }

  /** Inputs waiting for their outcome. */
  get size(): number {
    return this.#entries.size;
  }

  /** Take an input the drop left without an answer. */
  add(input: RecoveringInput): void {
    const e: Entry = { input, timer: undefined, snapshot: false, looking: false };
    this.#entries.add(e);
    this.#arm(e, this.#recoveryMs);
  }

  /** A notification: the late answer of a recovering input? (true when it settled one). */
  notification(n: Notification<unknown>): boolean {
    const data = n.data as Partial<Order> | null;
    if (typeof data !== 'object' || data === null) return false;
    for (const e of this.#entries) {
      if (answerType(e.input.kind) !== n.type) continue;
      const i = e.input;
      // An `oc_multi-req` names no single order: the oldest recovering one takes it.
      const hit = i.kind === 'oc_multi' || (i.id !== undefined && data.id === i.id) || (i.cid !== undefined && data.cid === i.cid);
      if (!hit) continue;
      this.#done(e);
      i.settle(n);
      return true;
    }
    return false;
  }

  /** An order snapshot or event from the account channel. */
  orders(kind: 'snapshot' | 'new' | 'update' | 'cancel', rows: readonly Order[]): void {
    for (const e of [...this.#entries]) {
      if (e.looking) continue;
      if (e.input.kind === 'oc_multi') {
        this.#multi(e, kind, rows);
        continue;
      }
      if (kind === 'snapshot') {
        e.snapshot = true;
        const told = fromSnapshot(rows, e.input);
        if (told === 'lookup') void this.#look(e);
        else if (told === 'wait') this.#arm(e, Math.min(RECOVERY_GRACE_MS, this.#recoveryMs));
        else this.#finish(e, told);
        continue;
      }
      for (const o of rows) {
        const told = fromEvent(kind, o, e.input);
        if (told !== undefined) {
          this.#finish(e, told);
          break;
        }
      }
    }
  }

  /** `oc_multi`: done when none of the orders it names is active any more. */
  #multi(e: Entry, kind: 'snapshot' | 'new' | 'update' | 'cancel', rows: readonly Order[]): void {
    const named = rows.filter((o) => isTarget(o, e.input));
    if (kind === 'snapshot') {
      e.snapshot = true;
      e.remaining = new Set(named.map((o) => o.id));
    } else if (kind === 'cancel') {
      e.cancelled = [...(e.cancelled ?? []), ...named];
      for (const o of named) e.remaining?.delete(o.id);
    } else {
      for (const o of named) e.remaining?.add(o.id);
    }
    if (!e.snapshot) return;
    if (e.remaining?.size === 0) this.#finish(e, { orders: e.cancelled ?? [], source: kind === 'snapshot' ? 'order snapshot' : 'order_cancel events' });
    else if (kind === 'snapshot') this.#arm(e, Math.min(RECOVERY_GRACE_MS, this.#recoveryMs));
  }

  /** Reject every recovering input (the client closed or failed): their outcome stays unknown. */
  abandon(why: string): void {
    for (const e of [...this.#entries]) this.#finish(e, { error: this.#unknown(e.input, why) });
  }

  #arm(e: Entry, ms: number): void {
    if (e.timer !== undefined) clearTimeout(e.timer);
    e.timer = setTimeout(() => {
      e.timer = undefined;
      void this.#look(e);
    }, ms);
  }

  #done(e: Entry): void {
    if (e.timer !== undefined) clearTimeout(e.timer);
    e.timer = undefined;
    this.#entries.delete(e);
  }

  #finish(e: Entry, outcome: Outcome): void {
    if (!this.#entries.has(e)) return;
    this.#done(e);
    const i = e.input;
    if ('error' in outcome) return i.reject(outcome.error);
    const text = `Settled after reconnecting, from the ${outcome.source} (the notification was lost in the drop)`;
    const base = { mts: this.#now(), type: answerType(i.kind), messageId: null, code: null, status: 'SUCCESS', text };
    i.resolve('orders' in outcome ? { ...base, data: [...outcome.orders] } : { ...base, data: outcome.order });
  }

  #unknown(i: RecoveringInput, why: string, cause?: unknown): OutcomeUnknownError {
    return new OutcomeUnknownError(`Input ${i.kind} lost in a drop: ${why}; its outcome is unknown (look the order up by cid before sending it again)`, {
      reason: 'network', endpoint: i.kind, request: i.request, cid: i.cid, cause,
    });
  }

  #notApplied(i: RecoveringInput, text: string, evidence: 'account' | 'rest', orderId?: number): InputNotAppliedError {
    return new InputNotAppliedError(answerType(i.kind), text, i.request, { evidence, cid: i.cid, orderId: orderId ?? i.id });
  }

  /** The channel did not tell in time (or pointed at the history): ask REST. */
  async #look(e: Entry): Promise<void> {
    if (!this.#entries.has(e) || e.looking) return;
    e.looking = true;
    if (e.timer !== undefined) clearTimeout(e.timer);
    const i = e.input;
    const lookup = this.#lookup;
    if (i.kind === 'oc_multi' && lookup === undefined && e.snapshot) {
      const still = [...(e.remaining ?? [])];
      this.#finish(e, { error: this.#notApplied(i, `Orders ${still.join(', ')} are still active after reconnecting: the cancel was not applied`, 'account', still[0]) });
      return;
    }
    if (lookup === undefined) {
      this.#finish(e, { error: this.#unknown(i, e.snapshot ? 'the account channel did not tell it and there is no REST lookup' : 'no re-authentication in time and there is no REST lookup') });
      return;
    }
    try {
      this.#finish(e, await this.#ask(lookup, i, e));
    } catch (cause) {
      this.#finish(e, { error: this.#unknown(i, `the REST lookup failed (${cause instanceof Error ? cause.message : String(cause)})`, cause) });
    }
  }

  async #ask(lookup: OrderLookup, i: RecoveringInput, e?: Entry): Promise<Outcome> {
    if (i.kind === 'oc_multi') {
      const still = (await lookup.active()).filter((o) => isTarget(o, i));
      if (still.length === 0) return { orders: e?.cancelled ?? [], source: 'REST active orders' };
      return { error: this.#notApplied(i, `Orders ${still.map((o) => o.id).join(', ')} are still active after reconnecting: the cancel was not applied`, 'rest', still[0]?.id) };
    }
    const active = (await lookup.active()).find((o) => isTarget(o, i));
    if (active !== undefined) {
      if (i.kind === 'on') return { order: active, source: 'REST active orders' };
      if (i.kind === 'oc') return { error: this.#notApplied(i, `Order ${active.id} is still active after reconnecting: the cancel was not applied`, 'rest', active.id) };
      const told = applied(active, i);
      if (told === true) return { order: active, source: 'REST active orders' };
      if (told === false) return { error: this.#notApplied(i, `Order ${active.id} does not show the update after reconnecting`, 'rest', active.id) };
      return { error: this.#unknown(i, 'the update sets no price the order could show') };
    }
    const rows = await lookup.history(i.id !== undefined ? { ids: [i.id] } : { start: i.sentAt - CID_DAY_SLACK_MS });
    const closed = rows.find((o) => isTarget(o, i));
    const what = i.id !== undefined ? `order ${i.id}` : `cid ${i.cid ?? '?'}`;
    if (closed === undefined) return { error: this.#notApplied(i, `No ${what} among the active orders or in the order history after reconnecting: nothing was done`, 'rest') };
    if (i.kind === 'ou' && applied(closed, i) !== true) {
      return applied(closed, i) === false
        ? { error: this.#notApplied(i, `Order ${closed.id} closed (${closed.orderStatus ?? '?'}) without the update`, 'rest', closed.id) }
        : { error: this.#unknown(i, `order ${closed.id} closed and the update sets no price it could show`) };
    }
    return { order: closed, source: 'REST order history' };
  }
}
