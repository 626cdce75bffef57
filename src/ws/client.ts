/**
 * The WebSocket facade (`bfx.ws`): subscribe / unsubscribe with handles, typed listeners for every
 * event (`on(...events, listener)` like the Python client), `connect()`, `close(code, reason)`,
 * the authenticated `inputs`, and the runtime that hosts the machines: it provides the socket
 * actor and the `report` action to the supervisor and connection machines, keeps the registry of
 * subscriptions (sink, handle, listeners: functions never enter machine context) and turns machine
 * reports into user events and settled promises.
 *
 * @module
 */
import { nanoid } from 'nanoid';
import type { AnyActorRef } from 'xstate';
import type { BackoffOptions } from '../../machines/backoff.js';
import { connectionMachine } from '../../machines/connection.machine.js';
import type { ErrorInfo, RuntimeReport } from '../../machines/reports.js';
import { supervisorMachine, type SubscribeRequest, type SupervisorEvent, type SupervisorInput } from '../../machines/supervisor.machine.js';
import type { NonceGenerator } from '../auth/nonce.js';
import {
  AuthError,
  BfxAbortError,
  BfxError,
  BfxTimeoutError,
  ListenerError,
  NotConnectedError,
  SubscriptionError,
} from '../errors.js';
import type { BfxLogger } from '../logging/logger.js';
import { nodeSocketFactory, type SocketFactory } from '../platform/websocket.js';
import { buildAuthFrame, nextAuthNonce } from './account/auth.js';
import type { NotifyOptions, NotifyResult, WsInputs } from './account/input-types.js';
import { createInputs, type InputPolicy, type InputsConnectionState } from './account/inputs.js';
import { createAccountSink } from './account/sink.js';
import { ConfFlag, type Channel, type ChannelParams, type ChannelSink, type DataPlaneEvents, type Subscription } from './contracts.js';
import { createChannelSink, type ManagedChannelSink } from './dataplane/sinks.js';
import { normalizeSubscription, subscriptionKey } from './dataplane/subscriptions.js';
import type { BfxWsEventName, BfxWsEvents, SinkEmitter } from './events.js';
import { confFlags, DATA_EVENTS, toError, type ConfOptions } from './client-support.js';
import { DEFAULT_ITERATOR_BUFFER, SubscriptionHandle, type HandleMessage, type HandleOwner } from './handle.js';
import { EventHub } from './hub.js';
import { createSocketActor, type SocketRuntime } from './socket-actor.js';

export { confFlags, type ConfOptions } from './client-support.js';

/** Options of the WebSocket client. */
export interface WsClientOptions {
  /** `wss://api.bitfinex.com/ws/2` or the simulator's `wsUrl`. */
  readonly url: string;
  /** API key (with `apiSecret`). */
  readonly apiKey?: string;
  /** API secret (with `apiKey`); only ever used to sign, never logged. */
  readonly apiSecret?: string;
  /** Auth filter (`trading`, `wallet`, ...). */
  readonly filter?: readonly string[];
  /** Dead-man switch. */
  readonly dms?: boolean;
  /** Send `calc: 1` in the auth frame (ask the server for calculated values). */
  readonly calc?: boolean;
  /** Custom nonce generator (shared with REST). */
  readonly nonce?: NonceGenerator;
  /** Connections (default 5). */
  readonly connections?: number;
  /** Subscriptions per connection (default 25). */
  readonly capacity?: number;
  /** Reconnection backoff (default 3 s doubling up to 60 s, ±20 % jitter). */
  readonly backoff?: Partial<BackoffOptions>;
  /** Heartbeat watchdog: reconnect after this long without any frame (default 20 000 ms). */
  readonly heartbeatTimeoutMs?: number;
  /** Conf flags (default checksum + sequence numbers). */
  readonly conf?: ConfOptions;
  /** Authenticated inputs: `queue` (default) keeps inputs made while disconnected; `reject` refuses them. */
  readonly inputs?: { readonly policy?: InputPolicy; readonly timeoutMs?: number };
  /** Prefix of the actor system ids (default `bfx.`); give each system its own. */
  readonly prefix?: string;
  /** Jitter seed. */
  readonly seed?: number;
  /** Reject `subscribe` when not acknowledged within this time (default 30 000 ms). */
  readonly subscribeTimeoutMs?: number;
  /** Async-iterator buffer per iterator (default 1000 events). */
  readonly iteratorBuffer?: number;
  /** Connection timeouts / attempt cap. */
  readonly connection?: SupervisorInput['connection'];
  /** Logger (pino-compatible). */
  readonly logger: BfxLogger;
  /** Socket factory (default the `ws` adapter). */
  readonly socketFactory?: SocketFactory;
}

/** A subscription as listed by {@link WsClient.subscriptions}. */
export interface SubscriptionInfo {
  /** The normalised subscription. */
  readonly subscription: Subscription;
  /** Phase of the subscription. */
  readonly state: SubscriptionHandle['state'];
  /** Connection index (null until routed). */
  readonly connection: number | null;
  /** Channel id assigned by the server (while subscribed). */
  readonly chanId: number | null;
}

/** State of one connection as the client saw it last. */
export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

interface Entry {
  readonly sub: Subscription;
  readonly handle: SubscriptionHandle;
  readonly sink: ManagedChannelSink;
  conn: number | null;
  chanId: number | null;
  timer: ReturnType<typeof setTimeout> | undefined;
  unsubscribers: Array<() => void>;
}

/** Options of {@link WsClient.subscribe}. */
export interface SubscribeOptions {
  /** Your own subscription id (unique across the client); a nanoid by default. */
  readonly subId?: string;
  /** Aborting rejects a pending subscription and unsubscribes a live one. */
  readonly signal?: AbortSignal;
  /**
   * Book channels: keep a managed order book (`handle.book`, checksum verification). Default
   * `true`; `false` for a recorder that only wants the update events (cheaper per message).
   */
  readonly manageBook?: boolean;
}

/**
 * The WebSocket client. Create it through `createBfxSystem()` (or {@link createWsClient} and
 * {@link WsClient.attach} when embedding the supervisor in your own actor system).
 */
export class WsClient {
  /** Authenticated inputs (orders, funding offers, calc, notify); settle on their `*-req` notification. */
  readonly inputs: WsInputs;
  readonly #options: WsClientOptions;
  readonly #log: BfxLogger;
  readonly #hub: EventHub<BfxWsEvents>;
  readonly #registry = new Map<string, Entry>();
  readonly #senders = new Map<number, (frame: unknown) => boolean>();
  readonly #connStates = new Map<number, ConnectionState>();
  readonly #inputs: ReturnType<typeof createInputs>;
  readonly #accountSink: ChannelSink | undefined;
  readonly #flags: number;
  readonly #auth: boolean;
  readonly #sinkEvents: DataPlaneEvents;
  #actor: AnyActorRef | undefined;
  #authState: InputsConnectionState;
  #connectWaiters: Array<{ resolve: () => void; reject: (e: BfxError) => void }> = [];
  #closeWaiters: Array<() => void> = [];
  #unsubWaiters = new Map<string, Array<() => void>>();
  /** Subscribes not yet sent to the supervisor (this tick's; see {@link WsClient.#flushSubscribes}). */
  #pendingSubs: SubscribeRequest[] = [];
  #maintenance = false;
  #closing = false;
  #closed = false;

  /** @internal use {@link createWsClient} */
  constructor(options: WsClientOptions) {
    this.#options = options;
    this.#log = options.logger.child({ component: 'ws' });
    this.#hub = new EventHub<BfxWsEvents>((event, error) => this.#listenerFailed(event, error));
    this.#flags = confFlags(options.conf);
    this.#auth = options.apiKey !== undefined && options.apiSecret !== undefined;
    this.#authState = this.#auth ? 'connecting' : 'closed';
    this.#inputs = createInputs({
      send: (frame) => {
        const send = this.#senders.get(0);
        if (!send || !send(frame)) throw new NotConnectedError('The authenticated socket is not open');
      },
      state: () => this.#authState,
      timeoutMs: options.inputs?.timeoutMs ?? 10_000,
      policy: options.inputs?.policy ?? 'queue',
    });
    this.inputs = this.#inputs;
    this.#accountSink = this.#auth ? createAccountSink(this.#globalEmit, this.#inputs) : undefined;
    this.#sinkEvents = {
      control: () => undefined,
      resync: (subId) => this.#send({ type: 'RESYNC', subId }),
      sequenceGap: () => undefined,
      problem: (error) => this.#problem(error),
    };
  }

  // ---------------------------------------------------------------- wiring

  /** The supervisor logic wired to this client (provide it to `createActor` or invoke it in a host machine). */
  get logic() {
    const runtime = this.#runtime();
    const report = (_: unknown, params: RuntimeReport): void => {
      try {
        this.#report(params);
      } catch (error) {
        // A failure here must never error the machines (that would stop the whole system).
        this.#log.error({ kind: params.kind, err: error instanceof Error ? error.message : String(error) }, 'report handling failed');
      }
    };
    return supervisorMachine.provide({
      actions: { report },
      actors: {
        connection: connectionMachine.provide({
          actions: { report },
          actors: { socket: createSocketActor(runtime) },
        }),
      },
    });
  }

  /** The input for the supervisor logic. */
  get input(): SupervisorInput {
    const o = this.#options;
    return {
      prefix: this.prefix,
      url: o.url,
      connections: o.connections ?? 5,
      capacity: o.capacity ?? 25,
      auth: this.#auth,
      flags: this.#flags,
      backoff: o.backoff ?? {},
      seed: o.seed,
      connection: o.connection,
    };
  }

  /** The system id prefix. */
  get prefix(): string {
    return this.#options.prefix ?? 'bfx.';
  }

  /** Attach the running supervisor actor (done by `createBfxSystem`; call it yourself when embedding). */
  attach(actor: AnyActorRef): void {
    this.#actor = actor;
  }

  /** Send an event to the supervisor (after the subscribes queued before it, so the order holds). */
  #send(event: SupervisorEvent): void {
    this.#flushSubscribes();
    this.#actor?.send(event);
  }

  /**
   * Queue a subscribe for the supervisor. The subscribes of one tick go as one `SUBSCRIBE_BATCH`
   * (one event instead of thousands; the supervisor routes them in order exactly as single
   * `SUBSCRIBE`s); anything that could observe the routing flushes the queue first.
   */
  #queueSubscribe(subId: string, key: string): void {
    if (this.#pendingSubs.length === 0) queueMicrotask(() => this.#flushSubscribes());
    this.#pendingSubs.push({ subId, key });
  }

  #flushSubscribes(): void {
    const subs = this.#pendingSubs;
    if (subs.length === 0) return;
    this.#pendingSubs = [];
    const [first] = subs;
    if (subs.length === 1 && first !== undefined) this.#actor?.send({ type: 'SUBSCRIBE', subId: first.subId, key: first.key });
    else this.#actor?.send({ type: 'SUBSCRIBE_BATCH', subs });
  }

  #runtime(): SocketRuntime {
    return {
      socketFactory: this.#options.socketFactory ?? nodeSocketFactory,
      log: this.#log,
      watchdogMs: this.#options.heartbeatTimeoutMs ?? 20_000,
      subscription: (subId) => this.#registry.get(subId)?.sub,
      sink: (subId) => this.#registry.get(subId)?.sink,
      accountSink: (index) => (index === 0 ? this.#accountSink : undefined),
      authFrame: (index) => this.#authFrame(index),
      authenticated: (_index, info) => {
        this.#authState = 'authenticated';
        this.#hub.emit('authenticated', info);
        this.#inputs.onAuthenticated();
      },
      problem: (index, error) => {
        this.#log.warn({ conn: index, code: error.code, err: error.message }, 'problem');
        this.#problem(error);
      },
      attach: (index, send) => {
        this.#senders.set(index, send);
      },
      detach: (index) => {
        this.#senders.delete(index);
        if (index === 0 && this.#auth && this.#authState === 'authenticated') {
          this.#authState = this.#closing ? 'closed' : 'connecting';
          this.#inputs.onDisconnected();
        }
      },
    };
  }

  #authFrame(index: number): Promise<Record<string, unknown>> {
    const o = this.#options;
    if (index !== 0 || o.apiKey === undefined || o.apiSecret === undefined) {
      return Promise.reject(new AuthError('No credentials for this connection'));
    }
    try {
      return buildAuthFrame({
        apiKey: o.apiKey,
        apiSecret: o.apiSecret,
        nonce: nextAuthNonce(o.apiKey, o.nonce),
        filter: o.filter,
        dms: o.dms,
        calc: o.calc,
      });
    } catch (error) {
      // A custom nonce generator that throws must not break the connection actor.
      return Promise.reject(error instanceof Error ? error : new AuthError(String(error)));
    }
  }

  // ---------------------------------------------------------------- events

  #listenerFailed(event: string, error: unknown): void {
    if (event === 'error') {
      this.#log.error({ err: error instanceof Error ? error.message : String(error) }, 'an "error" listener threw');
      return;
    }
    this.#hub.emit('error', new ListenerError(event, error));
  }

  #problem(error: BfxError): void {
    this.#hub.emit('error', error);
  }

  readonly #globalEmit: SinkEmitter = (event, ...args) => {
    this.#hub.emit(event, ...args);
  };

  #emitterFor(handle: SubscriptionHandle): SinkEmitter {
    const hub = handle.hub;
    const global = this.#hub;
    return ((event: BfxWsEventName, ...args: unknown[]) => {
      const e = event as 'error';
      const a = args as [BfxError];
      hub.emit(e, ...a);
      if (handle.iterating && DATA_EVENTS.has(event)) handle.push({ event, args } as unknown as HandleMessage);
      global.emit(e, ...a);
    }) as SinkEmitter;
  }

  /**
   * Listen to one or several events with one listener (`ws.on('open', 'reconnection', fn)`).
   * Returns a function that removes the listener from every event.
   */
  on<K extends BfxWsEventName>(event: K, listener: BfxWsEvents[K]): () => void;
  on<K extends BfxWsEventName>(...args: [...events: K[], listener: BfxWsEvents[K]]): () => void;
  on(...args: unknown[]): () => void {
    const listener = args[args.length - 1] as BfxWsEvents['error'];
    const offs = (args.slice(0, -1) as 'error'[]).map((event) => this.#hub.on(event, listener));
    return () => {
      for (const off of offs) off();
    };
  }

  /** Listen once. */
  once<K extends BfxWsEventName>(event: K, listener: BfxWsEvents[K]): () => void {
    return this.#hub.once(event, listener);
  }

  /** Remove a listener. */
  off<K extends BfxWsEventName>(event: K, listener: BfxWsEvents[K]): void {
    this.#hub.off(event, listener);
  }

  // ---------------------------------------------------------------- lifecycle

  /** Open the connections (resolves once one is open; rejects if the client closes first). */
  connect(): Promise<void> {
    if (this.#closing) return Promise.reject(new NotConnectedError('The WebSocket client is closed', 'ERR_BFX_CLOSED'));
    if ([...this.#connStates.values()].includes('open')) return Promise.resolve();
    const p = new Promise<void>((resolve, reject) => this.#connectWaiters.push({ resolve, reject }));
    this.#send({ type: 'CONNECT' });
    return p;
  }

  /** Close every connection with `code` / `reason` (default 1000); settles every pending promise. */
  close(code = 1000, reason = 'closed by the user'): Promise<void> {
    if (this.#closed) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.#closeWaiters.push(resolve));
    if (!this.#closing) {
      this.#closing = true;
      this.#authState = 'closed';
      this.#send({ type: 'CLOSE', code, reason });
      const actor = this.#actor;
      if (!actor || actor.getSnapshot().status !== 'active') this.#finishClose();
      else {
        const sub = actor.subscribe({
          complete: () => this.#finishClose(),
          error: () => this.#finishClose(),
        });
        const timer = setTimeout(() => this.#finishClose(), 5_000);
        this.#closeWaiters.push(() => {
          clearTimeout(timer);
          sub.unsubscribe();
        });
      }
    }
    return done;
  }

  /** @internal the supervisor is done: settle everything. */
  #finishClose(): void {
    if (this.#closed) return;
    this.#closed = true;
    const closedError = (): NotConnectedError => new NotConnectedError('The WebSocket client is closed', 'ERR_BFX_CLOSED');
    for (const w of this.#connectWaiters) w.reject(closedError());
    this.#connectWaiters = [];
    for (const [subId, entry] of this.#registry) {
      this.#dropEntry(subId, entry, 'unsubscribed', closedError());
    }
    this.#inputs.close();
    const waiters = this.#closeWaiters;
    this.#closeWaiters = [];
    for (const w of waiters) w();
  }

  /**
   * The supervisor actor itself failed (an internal fault, never expected): report it on `error`,
   * fail every subscription and pending input at once instead of letting them time out, and
   * close. Called by `createBfxSystem`; call it yourself from your host's error handling when
   * embedding the supervisor.
   */
  fail(cause: unknown): void {
    if (this.#closed) return;
    const message = cause instanceof Error ? cause.message : String(cause);
    const error = new NotConnectedError(`The WebSocket runtime failed: ${message}`, 'ERR_BFX_CLOSED');
    this.#problem(error);
    this.#closing = true;
    this.#authState = 'closed';
    for (const w of this.#connectWaiters) w.reject(error);
    this.#connectWaiters = [];
    for (const [subId, entry] of this.#registry) this.#dropEntry(subId, entry, 'failed', error);
    this.#finishClose();
  }

  /** Whether `close()` was called. */
  get closed(): boolean {
    return this.#closing;
  }

  /** Each connection's last known state. */
  connections(): ReadonlyArray<{ readonly index: number; readonly state: ConnectionState }> {
    const n = this.#options.connections ?? 5;
    return Array.from({ length: n }, (_, index) => ({ index, state: this.#connStates.get(index) ?? 'idle' }));
  }

  /** Whether at least one connection is open (the Python client's `open`). */
  get isOpen(): boolean {
    for (const state of this.#connStates.values()) if (state === 'open') return true;
    return false;
  }

  /** Whether the account channel is authenticated on the current connection (the Python client's `authentication`). */
  get isAuthenticated(): boolean {
    return this.#authState === 'authenticated';
  }

  /**
   * Send a custom notification (needs authentication); shorthand for `inputs.notify`. It comes
   * back on the `notification` event of every connection of the account.
   */
  notify(info: Record<string, unknown>, options?: NotifyOptions): Promise<NotifyResult> {
    return this.inputs.notify(info, options);
  }

  /** Maintenance in progress (info 20060 seen, 20061 not yet). */
  get maintenance(): boolean {
    return this.#maintenance;
  }

  // ---------------------------------------------------------------- subscriptions

  /**
   * Subscribe to a public channel. Never throws: the returned handle's `ready` (or the handle
   * itself, it is thenable) rejects with `BfxArgumentError`, `SubscriptionError`
   * (`ERR_BFX_DUPLICATE_SUB_ID`, server refusals), `CapacityError`, `BfxAbortError`,
   * `BfxTimeoutError` or `NotConnectedError`.
   */
  subscribe<C extends Channel>(
    channel: C,
    params: ChannelParams[C],
    options: SubscribeOptions = {},
  ): SubscriptionHandle {
    const subId = options.subId ?? nanoid();
    const handle = new SubscriptionHandle(subId, this.#handleOwner, this.#newHub(), this.#options.iteratorBuffer ?? DEFAULT_ITERATOR_BUFFER);
    const refuse = (error: BfxError): SubscriptionHandle => {
      handle.end('failed', error);
      return handle;
    };
    if (this.#closing) return refuse(new NotConnectedError('The WebSocket client is closed', 'ERR_BFX_CLOSED'));
    let sub: Subscription;
    try {
      sub = normalizeSubscription(channel, params, subId);
    } catch (error) {
      return refuse(error instanceof BfxError ? error : new SubscriptionError(String(error), { subId }));
    }
    if (this.#registry.has(subId)) {
      return refuse(
        new SubscriptionError(`Subscription id "${subId}" is already in use; choose another subId`, {
          subId,
          channel,
          code: 'ERR_BFX_DUPLICATE_SUB_ID',
        }),
      );
    }
    if (options.signal?.aborted) return refuse(new BfxAbortError('The subscription was aborted before it started'));
    const manageBook = options.manageBook ?? true;
    const sink = createChannelSink(sub, this.#emitterFor(handle), this.#sinkEvents, {
      // Checksum verification needs the book; without one the `checksum` event still fires.
      checksum: manageBook && (this.#flags & ConfFlag.OB_CHECKSUM) !== 0,
      manageBook,
    });
    handle.bind(sub, () => sink.book);
    const entry: Entry = { sub, handle, sink, conn: null, chanId: null, timer: undefined, unsubscribers: [] };
    this.#registry.set(subId, entry);
    const timeoutMs = this.#options.subscribeTimeoutMs ?? 30_000;
    entry.timer = setTimeout(() => {
      if (handle.state !== 'pending' || entry.chanId !== null) return;
      this.#log.warn({ subId, timeoutMs }, 'subscribe timed out');
      handle.end('failed', new BfxTimeoutError(`Subscription ${subId} was not acknowledged within ${timeoutMs} ms`, { timeoutMs }));
      void this.unsubscribe(subId);
    }, timeoutMs);
    if (options.signal) {
      const signal = options.signal;
      const onAbort = (): void => {
        handle.end('failed', new BfxAbortError('The subscription was aborted'));
        void this.unsubscribe(subId);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      entry.unsubscribers.push(() => signal.removeEventListener('abort', onAbort));
    }
    const key = subscriptionKey(sub);
    this.#log.debug({ subId, channel, key }, 'subscribe');
    this.#queueSubscribe(subId, key);
    return handle;
  }

  /** What every handle asks of this client. */
  readonly #handleOwner: HandleOwner = {
    unsubscribe: (id) => this.unsubscribe(id),
    settle: () => this.#flushSubscribes(),
  };

  /** Unsubscribe by sub id (resolves once the server confirmed; at once for unknown ids). */
  unsubscribe(subId: string): Promise<void> {
    this.#flushSubscribes();
    const entry = this.#registry.get(subId);
    if (entry === undefined) return Promise.resolve();
    if (entry.conn === null) {
      this.#dropEntry(subId, entry, 'unsubscribed');
      this.#send({ type: 'UNSUBSCRIBE', subId });
      return Promise.resolve();
    }
    const p = new Promise<void>((resolve) => {
      const list = this.#unsubWaiters.get(subId) ?? [];
      list.push(resolve);
      this.#unsubWaiters.set(subId, list);
    });
    this.#send({ type: 'UNSUBSCRIBE', subId });
    const timer = setTimeout(() => {
      const e = this.#registry.get(subId);
      if (e) this.#dropEntry(subId, e, 'unsubscribed');
    }, 5_000);
    return p.finally(() => clearTimeout(timer));
  }

  /**
   * Ask for a fresh snapshot of one subscription (like the Python client's `resubscribe`): it is
   * unsubscribed and subscribed again on its connection with the same sub id, and its managed
   * book is reset before the new snapshot. Throws a `SubscriptionError`
   * (`ERR_BFX_UNKNOWN_SUBSCRIPTION`) for an unknown sub id.
   */
  resubscribe(subId: string): void {
    this.#flushSubscribes();
    if (!this.#registry.has(subId)) {
      throw new SubscriptionError(`No subscription with sub id "${subId}"`, { subId, code: 'ERR_BFX_UNKNOWN_SUBSCRIPTION' });
    }
    this.#send({ type: 'RESYNC', subId });
  }

  /** Every subscription the client holds. */
  subscriptions(): SubscriptionInfo[] {
    this.#flushSubscribes();
    return [...this.#registry.values()].map((e) => ({ subscription: e.sub, state: e.handle.state, connection: e.conn, chanId: e.chanId }));
  }

  #newHub(): EventHub<BfxWsEvents> {
    return new EventHub<BfxWsEvents>((event, error) => this.#listenerFailed(event, error));
  }

  #dropEntry(subId: string, entry: Entry, state: 'unsubscribed' | 'failed', error?: BfxError): void {
    if (this.#registry.get(subId) !== entry) return;
    this.#registry.delete(subId);
    clearTimeout(entry.timer);
    for (const off of entry.unsubscribers) off();
    entry.handle.end(state, error);
    const waiters = this.#unsubWaiters.get(subId) ?? [];
    this.#unsubWaiters.delete(subId);
    for (const w of waiters) w();
  }

  // ---------------------------------------------------------------- reports from the machines

  #report(r: RuntimeReport): void {
    switch (r.kind) {
      case 'connecting':
        this.#connStates.set(r.index, 'connecting');
        this.#log.info({ conn: r.index, attempt: r.attempt }, 'connection attempt');
        return;
      case 'open':
        return this.#onOpen(r.index, r.attempts, r.downtimeMs);
      case 'disconnected':
        this.#connStates.set(r.index, 'reconnecting');
        this.#log.warn({ conn: r.index, code: r.code, reason: r.reason }, 'disconnected');
        for (const e of this.#registry.values()) if (e.conn === r.index) e.handle.markPending();
        this.#hub.emit('disconnection', r.code, r.reason);
        return;
      case 'reconnecting':
        this.#connStates.set(r.index, 'reconnecting');
        this.#log.info({ conn: r.index, attempt: r.attempt, delayMs: r.delayMs }, 'reconnecting after backoff');
        return;
      case 'closed':
        return this.#onConnectionClosed(r.index, r.code, r.reason, r.error);
      case 'maintenance':
        if (this.#maintenance !== r.active) {
          this.#maintenance = r.active;
          this.#log.warn({ active: r.active }, 'maintenance');
          this.#hub.emit('maintenance', r.active);
        }
        return;
      case 'routed': {
        const e = this.#registry.get(r.subId);
        if (e) e.conn = r.index;
        return;
      }
      case 'subscribed': {
        const e = this.#registry.get(r.subId);
        if (!e) return;
        e.conn = r.index;
        e.chanId = r.chanId;
        e.handle.markActive(e.sub);
        e.handle.hub.emit('subscribed', e.sub);
        this.#hub.emit('subscribed', e.sub);
        return;
      }
      case 'sub-failed':
      case 'rejected':
        return this.#onSubFailed(r.subId, r.error);
      case 'unsubscribed': {
        const e = this.#registry.get(r.subId);
        if (!e) return;
        this.#dropEntry(r.subId, e, 'unsubscribed');
        e.handle.hub.emit('unsubscribed', e.sub);
        this.#hub.emit('unsubscribed', e.sub);
        return;
      }
      case 'error':
        this.#problem(toError(r.error));
        return;
    }
  }

  /** `open` is emitted when the client goes from no open socket to one (not once per socket). */
  #onOpen(index: number, attempts: number, downtimeMs: number | null): void {
    const wasOpen = [...this.#connStates.values()].includes('open');
    this.#connStates.set(index, 'open');
    this.#log.info({ conn: index, attempts }, 'connection open');
    const waiters = this.#connectWaiters;
    this.#connectWaiters = [];
    for (const w of waiters) w.resolve();
    if (!wasOpen) this.#hub.emit('open');
    if (downtimeMs !== null) this.#hub.emit('reconnection', attempts, downtimeMs);
  }

  #onConnectionClosed(index: number, code: number, reason: string, error: ErrorInfo | undefined): void {
    this.#connStates.set(index, 'closed');
    this.#log.info({ conn: index, code, reason, error: error?.message }, 'connection closed');
    if (error === undefined) return;
    const e = toError(error);
    this.#problem(e);
    for (const [subId, entry] of this.#registry) if (entry.conn === index) this.#dropEntry(subId, entry, 'failed', e);
    if (index === 0 && this.#auth) {
      // The authenticated connection will not come back: queued inputs fail now, not at their timeout.
      this.#authState = 'closed';
      this.#inputs.fail(e);
    }
    if ([...this.#connStates.values()].every((s) => s === 'closed')) {
      const waiters = this.#connectWaiters;
      this.#connectWaiters = [];
      for (const w of waiters) w.reject(e);
    }
  }

  #onSubFailed(subId: string, info: ErrorInfo): void {
    const entry = this.#registry.get(subId);
    if (!entry) return;
    if (info.code === 'ERR_BFX_DUPLICATE_SUB_ID') return;
    const error = toError(info, {
      subId,
      channel: entry.sub.channel,
      connections: this.#options.connections ?? 5,
      capacity: this.#options.capacity ?? 25,
    });
    this.#log.warn({ subId, code: error.code, bfxCode: error.bfxCode, err: error.message }, 'subscription failed');
    const wasActive = entry.handle.state === 'active';
    this.#dropEntry(subId, entry, 'failed', error);
    if (wasActive) this.#problem(error);
  }
}

/** Create a WebSocket client (not started: pass `client.logic` / `client.input` to an actor, then `attach`). */
export function createWsClient(options: WsClientOptions): WsClient {
  return new WsClient(options);
}
