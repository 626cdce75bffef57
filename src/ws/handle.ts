/**
 * The subscription handle returned by `ws.subscribe(...)`: thenable (resolves with the
 * {@link Subscription} once the server acknowledged it), per-subscription listeners, an async
 * iterator over its data events with a bounded buffer, the managed book of book channels, and
 * `unsubscribe()`.
 *
 * @module
 */
import type { ManagedBook } from '../book/index.js';
import { SubscriptionError, type BfxError } from '../errors.js';
import type { Subscription } from './contracts.js';
import type { BookEntry } from './dataplane/sinks.js';
import type { BfxWsEvents, PublicChannelEventName, PublicChannelEvents } from './events.js';
import { EventHub } from './hub.js';

/** Events a handle's listeners can hear: its channel's data events plus its lifecycle. */
export type HandleEventName = PublicChannelEventName | 'subscribed' | 'unsubscribed' | 'heartbeat' | 'checksum' | 'checksum_mismatch';

/** One data event as the async iterator yields it. */
export type HandleMessage = {
  [K in PublicChannelEventName]: { readonly event: K; readonly args: Parameters<PublicChannelEvents[K]> };
}[PublicChannelEventName];

/** Lifecycle of a handle. */
export type HandleState = 'pending' | 'active' | 'unsubscribed' | 'failed';

/** What the handle asks of the client. */
export interface HandleOwner {
  /** Unsubscribe the handle. */
  unsubscribe(subId: string): Promise<void>;
  /** Deliver whatever the owner still holds back (queued subscribes) so {@link SubscriptionHandle.state} is current. */
  settle?(): void;
}

/** Default async-iterator buffer (events kept while nobody pulls; the oldest are dropped beyond it). */
export const DEFAULT_ITERATOR_BUFFER = 1_000;

const noop = (): void => undefined;

/** An async iterator fed by pushes, with a bounded buffer that drops the oldest entries. */
class PushIterator implements AsyncIterableIterator<HandleMessage> {
  readonly #buffer: HandleMessage[] = [];
  readonly #limit: number;
  #waiter: ((r: IteratorResult<HandleMessage>) => void) | undefined;
  #done = false;
  readonly #onReturn: () => void;
  /** Events dropped because the buffer was full. */
  dropped = 0;

  constructor(limit: number, onReturn: () => void) {
    this.#limit = Math.max(1, limit);
    this.#onReturn = onReturn;
  }

  push(message: HandleMessage): void {
    if (this.#done) return;
    const waiter = this.#waiter;
    if (waiter) {
      this.#waiter = undefined;
      waiter({ value: message, done: false });
      return;
    }
    if (this.#buffer.length >= this.#limit) {
      this.#buffer.shift();
      this.dropped++;
    }
    this.#buffer.push(message);
  }

  end(): void {
    this.#done = true;
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<HandleMessage>> {
    const value = this.#buffer.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.#done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.#waiter = resolve;
    });
  }

  return(): Promise<IteratorResult<HandleMessage>> {
    this.#buffer.length = 0;
    this.end();
    this.#onReturn();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<HandleMessage> {
    return this;
  }
}

/**
 * A subscription handle. `await handle` (or `await handle.ready`) resolves with the subscription
 * once subscribed, and rejects with `SubscriptionError`, `CapacityError`, `BfxArgumentError`,
 * `BfxAbortError`, `BfxTimeoutError` or `NotConnectedError`.
 */
export class SubscriptionHandle implements PromiseLike<Subscription> {
  /** The subscription id (yours or a generated one). */
  readonly subId: string;
  /** Resolves once the server acknowledged the subscription (the first time). */
  readonly ready: Promise<Subscription>;
  /** @internal listeners of this subscription */
  readonly hub: EventHub<BfxWsEvents>;
  #resolve: (sub: Subscription) => void = noop;
  #reject: (error: BfxError) => void = noop;
  #state: HandleState = 'pending';
  #subscription: Subscription | undefined;
  #book: (() => ManagedBook<BookEntry> | undefined) | undefined;
  readonly #iterators = new Set<PushIterator>();
  readonly #owner: HandleOwner;
  readonly #iteratorBuffer: number;

  /** @internal created by the client */
  constructor(subId: string, owner: HandleOwner, hub: EventHub<BfxWsEvents>, iteratorBuffer = DEFAULT_ITERATOR_BUFFER) {
    this.subId = subId;
    this.#owner = owner;
    this.hub = hub;
    this.#iteratorBuffer = iteratorBuffer;
    this.ready = new Promise<Subscription>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // The rejection is delivered to whoever awaits; never an unhandled rejection.
    this.ready.catch(noop);
  }

  /** `pending` until subscribed, `active`, then `unsubscribed` or `failed`. */
  get state(): HandleState {
    if (this.#state === 'pending') this.#owner.settle?.();
    return this.#state;
  }

  /** The normalised subscription (undefined when the arguments were invalid). */
  get subscription(): Subscription | undefined {
    return this.#subscription;
  }

  /** The managed book (book channels only): `bids(n)`, `asks(n)`, `bestBid()`, `bestAsk()`, `spread()`. */
  get book(): ManagedBook<BookEntry> | undefined {
    return this.#book?.();
  }

  /** Whether any async iterator is open (the client then feeds them). */
  get iterating(): boolean {
    return this.#iterators.size > 0;
  }

  then<R1 = Subscription, R2 = never>(
    onfulfilled?: ((value: Subscription) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.ready.then(onfulfilled, onrejected);
  }

  /** Listen to one of this subscription's events; returns a function that removes the listener. */
  on<K extends HandleEventName>(event: K, listener: BfxWsEvents[K]): () => void {
    return this.hub.on(event, listener);
  }

  /** Like {@link on}, once. */
  once<K extends HandleEventName>(event: K, listener: BfxWsEvents[K]): () => void {
    return this.hub.once(event, listener);
  }

  /** Remove a listener. */
  off<K extends HandleEventName>(event: K, listener: BfxWsEvents[K]): void {
    this.hub.off(event, listener);
  }

  /** Unsubscribe (resolves once the server confirmed, or at once when not subscribed). */
  unsubscribe(): Promise<void> {
    return this.#owner.unsubscribe(this.subId);
  }

  /** Iterate over this subscription's data events; ends when it is unsubscribed, fails or the client closes. */
  [Symbol.asyncIterator](): AsyncIterableIterator<HandleMessage> {
    const it: PushIterator = new PushIterator(this.#iteratorBuffer, () => this.#iterators.delete(it));
    if (this.#state === 'unsubscribed' || this.#state === 'failed') it.end();
    else this.#iterators.add(it);
    return it;
  }

  /** @internal */
  bind(sub: Subscription, book: () => ManagedBook<BookEntry> | undefined): void {
    this.#subscription = sub;
    this.#book = book;
  }

  /** @internal a data event for the iterators */
  push(message: HandleMessage): void {
    for (const it of this.#iterators) it.push(message);
  }

  /** @internal */
  markActive(sub: Subscription): void {
    if (this.#state === 'pending' || this.#state === 'active') this.#state = 'active';
    this.#resolve(sub);
  }

  /** @internal */
  markPending(): void {
    if (this.#state === 'active') this.#state = 'pending';
  }

  /** @internal ends the handle: rejects `ready` if still pending, ends iterators. */
  end(state: 'unsubscribed' | 'failed', error?: BfxError): void {
    if (this.#state === 'unsubscribed' || this.#state === 'failed') return;
    this.#state = state;
    // Settles `ready` if still pending (no effect once resolved).
    this.#reject(error ?? new SubscriptionError(`Subscription ${this.subId} ended before it was acknowledged`, { subId: this.subId }));
    for (const it of this.#iterators) it.end();
    this.#iterators.clear();
  }
}
