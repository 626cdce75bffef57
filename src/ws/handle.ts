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
import type { Channel, Subscription } from './contracts.js';
import type { BookEntry } from './dataplane/sinks.js';
import type { BfxWsEvents, ListenerOf, PublicChannelEventName, PublicChannelEvents } from './events.js';
import { checkListen, type CHANNEL_EVENTS, type HANDLE_LIFECYCLE_EVENTS } from './event-names.js';
import { EventHub } from './hub.js';
import { DEFAULT_ITERATOR_BUFFER } from '../defaults.js';

/** Events a handle's listeners can hear: its channel's data events plus its lifecycle. */
export type HandleEventName = HandleEventOf<Channel>;

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
  /** The live phase of `subId`, read from its subscription actor. */
  phase(subId: string): 'pending' | 'active';
}

export { DEFAULT_ITERATOR_BUFFER };

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
 * What `await handle` gives: the subscription's fields (`subId`, `channel`, `symbol`, ...) and the
 * handle's methods (`on`, `once`, `off`, `unsubscribe`, `book`, `state`), so the awaited value is
 * as useful as the handle itself (a plain object, not a thenable).
 */
export type SubscribedHandle<C extends Channel = Channel> = Subscription &
  Pick<SubscriptionHandle<C>, 'on' | 'once' | 'off' | 'unsubscribe' | 'book' | 'state' | 'subscription'> & {
    /** The handle itself. */
    readonly handle: SubscriptionHandle<C>;
  };

/** The events a handle of channel `C` can hear: its channel's data events and its lifecycle. */
export type HandleEventOf<C extends Channel> = (typeof CHANNEL_EVENTS)[C][number] | (typeof HANDLE_LIFECYCLE_EVENTS)[number];

/** The awaited value: the subscription's fields plus the handle's methods, bound to it. */
function viewOf<C extends Channel>(handle: SubscriptionHandle<C>, sub: Subscription): SubscribedHandle<C> {
  return Object.freeze({
    ...sub,
    handle,
    on: handle.on.bind(handle),
    once: handle.once.bind(handle),
    off: handle.off.bind(handle),
    unsubscribe: handle.unsubscribe.bind(handle),
    get book() {
      return handle.book;
    },
    get state() {
      return handle.state;
    },
    get subscription() {
      return handle.subscription;
    },
  }) as SubscribedHandle<C>;
}

/**
 * A subscription handle. `await handle` (or `await handle.ready`) resolves with the subscription
 * once subscribed, and rejects with `SubscriptionError`, `CapacityError`, `BfxArgumentError`,
 * `BfxAbortError`, `BfxTimeoutError` or `NotConnectedError`.
 */
export class SubscriptionHandle<C extends Channel = Channel> implements PromiseLike<SubscribedHandle<C>> {
  /** The subscription id (yours or a generated one). */
  readonly subId: string;
  /** Resolves once the server acknowledged the subscription (the first time). */
  readonly ready: Promise<SubscribedHandle<C>>;
  /** @internal listeners of this subscription */
  readonly hub: EventHub<BfxWsEvents>;
  #resolve: (sub: SubscribedHandle<C>) => void = noop;
  #reject: (error: BfxError) => void = noop;
  /** Set once the subscription ended (its actor is gone); live phases come from the actor. */
  #ended: 'unsubscribed' | 'failed' | null = null;
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
    this.ready = new Promise<SubscribedHandle<C>>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // The rejection is delivered to whoever awaits; never an unhandled rejection.
    this.ready.catch(noop);
  }

  /** `pending` until subscribed, `active`, then `unsubscribed` or `failed`. */
  get state(): HandleState {
    return this.#ended ?? this.#owner.phase(this.subId);
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

  then<R1 = SubscribedHandle<C>, R2 = never>(
    onfulfilled?: ((value: SubscribedHandle<C>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.ready.then(onfulfilled, onrejected);
  }

  /**
   * Listen to one or several of this subscription's events (only its channel's: a ticker handle
   * has no `t_book_update`); an unknown name or a missing listener throws `BfxArgumentError`.
   * Returns a function that removes the listener.
   */
  on<const E extends readonly HandleEventOf<C>[]>(...args: [...events: E, listener: ListenerOf<E[number]>]): () => void {
    const { events, listener } = checkListen(args, this.#subscription?.channel);
    const offs = events.map((event) => this.hub.on(event as 'error', listener as BfxWsEvents['error']));
    return () => {
      for (const off of offs) off();
    };
  }

  /** Like {@link on}, once. */
  once<K extends HandleEventOf<C>>(event: K, listener: ListenerOf<K>): () => void {
    checkListen([event, listener], this.#subscription?.channel);
    return this.hub.once(event, listener as BfxWsEvents[K]);
  }

  /** Remove a listener. */
  off<K extends HandleEventOf<C>>(event: K, listener: ListenerOf<K>): void {
    this.hub.off(event, listener as BfxWsEvents[K]);
  }

  /** Unsubscribe (resolves once the server confirmed, or at once when not subscribed). */
  unsubscribe(): Promise<void> {
    return this.#owner.unsubscribe(this.subId);
  }

  /** Iterate over this subscription's data events; ends when it is unsubscribed, fails or the client closes. */
  [Symbol.asyncIterator](): AsyncIterableIterator<HandleMessage> {
    const it: PushIterator = new PushIterator(this.#iteratorBuffer, () => this.#iterators.delete(it));
    if (this.#ended !== null) it.end();
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

  /** @internal the server acknowledged it: resolves `ready` (once). */
  acknowledged(sub: Subscription): void {
    // `ready` settles once: the view is built for the first ack only, not for every resubscribe.
    const resolve = this.#resolve;
    if (resolve === noop) return;
    this.#resolve = noop;
    this.#reject = noop;
    resolve(viewOf(this, sub));
  }


  /** @internal ends the handle: rejects `ready` if still pending, ends iterators. */
  end(state: 'unsubscribed' | 'failed', error?: BfxError): void {
    if (this.#ended !== null) return;
    this.#ended = state;
    // Rejects `ready` if still pending (an error is only built then: ending a live handle costs none).
    const reject = this.#reject;
    this.#reject = noop;
    this.#resolve = noop;
    if (reject !== noop) reject(error ?? new SubscriptionError(`Subscription ${this.subId} ended before it was acknowledged`, { subId: this.subId }));
    for (const it of this.#iterators) it.end();
    this.#iterators.clear();
  }
}
