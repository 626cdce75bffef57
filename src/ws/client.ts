/**
 * The WebSocket facade (`bfx.ws`): subscribe / unsubscribe with handles, typed listeners for every
 * event (`on(...events, listener)` like the Python client), `connect()`, `close(code, reason)` and
 * the authenticated `inputs`. The machines own every piece of state: this class hosts them
 * ({@link MachineHost}), keeps the registry of what they must not hold ({@link SubscriptionRegistry})
 * and answers every question about state from their snapshots.
 *
 * @module
 */
import type { AccountActorRef } from '../../machines/account.machine.js';
import type { SupervisorInput } from '../../machines/supervisor.machine.js';
import { DEFAULT_CAPACITY, DEFAULT_CONNECTIONS, DEFAULT_ITERATOR_BUFFER, DEFAULT_PREFIX } from '../defaults.js';
import type { BfxLogger } from '../logging/logger.js';
import type { NotifyInfo, NotifyOptions, NotifyResult, WsInputs } from './account/input-types.js';
import { createInputs } from './account/inputs.js';
import { createAccountSink } from './account/sink.js';
import { AccountView, accountFeed } from './account/view.js';
import { inputsDepsOf, supervisorInputOf, type SubscribeOptions, type SubscriptionInfo, type WsClientOptions } from './client-options.js';
import { confFlags } from './client-support.js';
import type { Channel, ChannelParams } from './contracts.js';
import type { BfxWsEventName, BfxWsEvents, ListenerOf } from './events.js';
import { checkListen } from './event-names.js';
import { createFanOut } from './fanout.js';
import { SubscriptionHandle, type HandleOwner } from './handle.js';
import { closeSubscription, openSubscription, resyncSubscription, type SubscribeDeps } from './subscribe.js';
import { MachineHost, type ConnectionState, type SupervisorRef } from './host.js';
import { EventHub } from './hub.js';
import { createLifecycle } from './lifecycle.js';
import { Shutdown } from './shutdown.js';
import { logBudget } from './governor.js';
import { SubscriptionRegistry } from './registry.js';
import { createSocketRuntime } from './runtime.js';

export { confFlags, type ConfOptions } from './client-support.js';
export type { ConnectionState } from './host.js';
export type { SubscribeOptions, SubscriptionInfo, WsClientOptions } from './client-options.js';

/**
 * The WebSocket client. Create it through `createBfxSystem()` (or {@link createWsClient} and
 * {@link WsClient.attach} when embedding the supervisor in your own actor system).
 */
export class WsClient {
  /** Authenticated inputs (orders, funding offers, calc, notify); settle on their `*-req` notification. */
  readonly inputs: WsInputs;
  /** The managed account (orders, positions, wallets, funding, balance, margin), read from the account actor. */
  readonly account: AccountView;
  #accountRef: AccountActorRef | undefined;
  readonly #options: WsClientOptions;
  readonly #log: BfxLogger;
  readonly #hub: EventHub<BfxWsEvents>;
  readonly #registry = new SubscriptionRegistry();
  readonly #host: MachineHost;
  readonly #senders = new Map<number, (frame: unknown) => boolean>();
  readonly #inputs: ReturnType<typeof createInputs>;
  readonly #flags: number;
  readonly #auth: boolean;
  readonly #fanOut: ReturnType<typeof createFanOut>;
  readonly #subscribing: SubscribeDeps;
  readonly #shutdown: Shutdown;
  #unlogBudget: () => void = () => undefined;

  /** @internal use {@link createWsClient} */
  constructor(options: WsClientOptions) {
    this.#options = options;
    this.#log = options.logger.child({ component: 'ws' });
    this.#hub = this.#newHub();
    this.#flags = confFlags(options.conf);
    this.#auth = options.apiKey !== undefined && options.apiSecret !== undefined;
    this.#inputs = createInputs(
      inputsDepsOf(options, {
        auth: this.#auth,
        senders: this.#senders,
        accountConnection: () => this.#host.connectionState(0),
        closing: () => this.#shutdown.closing,
      }),
    );
    this.inputs = this.#inputs;
    this.#fanOut = createFanOut(this.#hub, (error) => this.#hub.emit('error', error), (subId) => this.#host.send({ type: 'RESYNC', subId }), this.#log, this.#flags);
    this.account = new AccountView({ ref: () => this.#accountRef, auth: this.#auth, listenerFailed: (event, error) => this.#fanOut.listenerFailed(event, error) });
    const accountSink = this.#auth ? createAccountSink(accountFeed(this.#fanOut.global, () => this.#accountRef), this.#inputs) : undefined;
    const runtime = createSocketRuntime(options, this.#log, {
      sink: (subId) => this.#registry.get(subId)?.sink,
      accountSink: (index) => (index === 0 ? accountSink : undefined),
      senders: this.#senders,
      problem: (error) => this.#hub.emit('error', error),
    });
    this.#host = new MachineHost(runtime, supervisorInputOf(options, this.prefix, this.#auth, this.#flags));
    this.#shutdown = new Shutdown({ host: this.#host, registry: this.#registry, inputs: this.#inputs, report: (error) => this.#hub.emit('error', error) });
    this.#subscribing = this.#subscribeDeps();
  }

  // ---------------------------------------------------------------- wiring

  /** The supervisor logic wired to this client (provide it to `createActor` or invoke it in a host machine). */
  get logic() {
    return this.#host.logic;
  }

  /** The input for the supervisor logic. */
  get input(): SupervisorInput {
    return this.#host.input;
  }

  /** The system id prefix. */
  get prefix(): string {
    return this.#options.prefix ?? DEFAULT_PREFIX;
  }

  /** Attach the running supervisor actor (done by `createBfxSystem`; call it yourself when embedding). */
  attach(actor: SupervisorRef): void {
    const budget = this.#host.input.budget;
    if (budget !== undefined) this.#unlogBudget = logBudget(budget.governor, actor.sessionId, this.#options.url, this.#log);
    this.#host.attach(
      actor,
      createLifecycle({
        hub: this.#hub,
        registry: this.#registry,
        host: this.#host,
        inputs: this.#inputs,
        log: this.#log,
        auth: this.#auth,
        connections: this.#options.connections ?? DEFAULT_CONNECTIONS,
        capacity: this.#options.capacity ?? DEFAULT_CAPACITY,
        account: (event) => this.#accountRef?.send(event.type === 'account.authenticated' ? { ...event, filter: this.#options.filter } : event),
        connected: () => this.#shutdown.settleConnect(),
        unreachable: (error) => this.#shutdown.settleConnect(error),
      }),
    );
  }

  /**
   * Attach a running `accountMachine` actor (done by `createBfxSystem`; call it yourself when
   * embedding): the account channel feeds it and `account` reads it.
   */
  attachAccount(actor: AccountActorRef): void {
    this.#accountRef = actor;
    if (this.isAuthenticated) actor.send({ type: 'account.authenticated', filter: this.#options.filter });
  }

  #newHub(subId?: string): EventHub<BfxWsEvents> {
    return new EventHub<BfxWsEvents>((event, error) => this.#fanOut.listenerFailed(event, error, subId));
  }

  // ---------------------------------------------------------------- events

  /**
   * Listen to one or several events with one listener (`ws.on('t_ticker_update', 'f_ticker_update',
   * (sub, ticker) => ...)`, like the Python client). The listener's arguments are typed as what
   * those events deliver; an unknown name or a missing listener throws `BfxArgumentError`. A
   * listener that throws or rejects is reported on `error`. Returns a function that removes it.
   */
  on<const E extends readonly BfxWsEventName[]>(...args: [...events: E, listener: ListenerOf<E[number]>]): () => void {
    const { events, listener } = checkListen(args);
    const offs = events.map((event) => this.#hub.on(event as 'error', listener as BfxWsEvents['error']));
    return () => {
      for (const off of offs) off();
    };
  }

  /** Listen once (to the first of the events named). */
  once<K extends BfxWsEventName>(event: K, listener: ListenerOf<K>): () => void {
    checkListen([event, listener]);
    return this.#hub.once(event, listener as BfxWsEvents[K]);
  }

  /** Remove a listener. */
  off<K extends BfxWsEventName>(event: K, listener: ListenerOf<K>): void {
    this.#hub.off(event, listener as BfxWsEvents[K]);
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Open the connections (resolves once one is open). A closed client stays closed: `connect()`
   * then rejects with `NotConnectedError` (`ERR_BFX_CLOSED`); create a new system instead.
   */
  connect(): Promise<void> {
    return this.#shutdown.connect(this.isOpen);
  }

  /** Close every connection with `code` / `reason` (default 1000); settles every pending promise. */
  close(code = 1000, reason = 'closed by the user'): Promise<void> {
    this.#unlogBudget();
    return this.#shutdown.close(code, reason);
  }

  /**
   * The supervisor actor itself failed (an internal fault, never expected): report it on `error`,
   * fail every subscription and pending input at once instead of letting them time out, and
   * close. Called by `createBfxSystem`; call it yourself from your host's error handling when
   * embedding the supervisor.
   */
  fail(cause: unknown): void {
    this.#unlogBudget();
    this.#shutdown.fail(cause);
  }

  /** Whether `close()` was called. */
  get closed(): boolean {
    return this.#shutdown.closing;
  }

  /** Each connection's state, read from its actor. */
  connections(): ReadonlyArray<{ readonly index: number; readonly state: ConnectionState }> {
    return this.#host.connectionStates().map((state, index) => ({ index, state }));
  }

  /** Whether at least one connection is open (the Python client's `open`). */
  get isOpen(): boolean {
    return this.#host.connectionStates().includes('open');
  }

  /** Whether the account channel is authenticated on the current connection (the Python client's `authentication`). */
  get isAuthenticated(): boolean {
    return this.#auth && !this.#shutdown.closing && this.#host.connectionState(0) === 'open';
  }

  /**
   * Send a custom notification (needs authentication); shorthand for `inputs.notify`. It comes
   * back on the `notification` event of every connection of the account.
   */
  notify(info: NotifyInfo, options?: NotifyOptions): Promise<NotifyResult> {
    return this.inputs.notify(info, options);
  }

  /** Maintenance in progress on any connection (info 20060 seen, 20061 not yet). */
  get maintenance(): boolean {
    return this.#host.connectionStates().some((_, i) => this.#host.paused(i));
  }

  // ---------------------------------------------------------------- subscriptions

  /**
   * Subscribe to a public channel. Never throws: the returned handle's `ready` (or the handle
   * itself, it is thenable) rejects with `BfxArgumentError`, `SubscriptionError`
   * (`ERR_BFX_DUPLICATE_SUB_ID`, server refusals), `CapacityError`, `BfxAbortError`,
   * `BfxTimeoutError` or `NotConnectedError`.
   */
  subscribe<C extends Channel>(channel: C, params: ChannelParams[C], options: SubscribeOptions = {}): SubscriptionHandle<C> {
    return openSubscription(this.#subscribing, channel, params, options) as SubscriptionHandle<C>;
  }

  #subscribeDeps(): SubscribeDeps {
    return {
      registry: this.#registry,
      closing: () => this.#shutdown.closing,
      newHandle: (subId) => new SubscriptionHandle(subId, this.#handleOwner, this.#newHub(subId), this.#options.iteratorBuffer ?? DEFAULT_ITERATOR_BUFFER),
      sink: this.#fanOut.sinkFor,
      host: this.#host,
      log: this.#log,
    };
  }

  /** What every handle asks of this client. */
  readonly #handleOwner: HandleOwner = {
    unsubscribe: (id) => this.unsubscribe(id),
    phase: (id) => {
      this.#host.flush();
      return this.#host.phaseOf(id);
    },
  };

  /**
   * Unsubscribe by sub id. Resolves once the server confirmed (`unsubscribed`), at once when the
   * subscription is not on an open socket or unknown; rejects with the typed error when the server
   * refused it (10400 / 10401) or did not answer in time.
   */
  unsubscribe(subId: string): Promise<void> {
    return closeSubscription(this.#subscribing, subId);
  }

  /**
   * Ask for a fresh snapshot of one subscription (like the Python client's `resubscribe`): it is
   * unsubscribed and subscribed again on its connection with the same sub id, and its managed
   * book is reset before the new snapshot. Throws a `SubscriptionError`
   * (`ERR_BFX_UNKNOWN_SUBSCRIPTION`) for an unknown sub id.
   */
  resubscribe(subId: string): void {
    resyncSubscription(this.#subscribing, subId);
  }

  /** Every subscription the client holds, with its state, connection and chanId read from the actors. */
  subscriptions(): SubscriptionInfo[] {
    this.#host.flush();
    return [...this.#registry.entries()].map((e) => ({
      subscription: e.sub,
      state: e.handle.state,
      connection: this.#host.connectionOf(e.sub.subId),
      chanId: this.#host.chanIdOf(e.sub.subId),
    }));
  }
}

/** Create a WebSocket client (not started: pass `client.logic` / `client.input` to an actor, then `attach`). */
export function createWsClient(options: WsClientOptions): WsClient {
  return new WsClient(options);
}
