/**
 * The options of the WebSocket client and of its `subscribe`, and what `subscriptions()` lists.
 *
 * @module
 */
import type { BackoffOptions } from '../../machines/backoff.js';
import type { SupervisorInput } from '../../machines/supervisor.machine.js';
import type { NonceGenerator } from '../auth/nonce.js';
import type { BfxLogger } from '../logging/logger.js';
import type { SocketFactory } from '../platform/websocket.js';
import type { InputPolicy, InputsDeps } from './account/inputs.js';
import type { OrderLookup } from './account/recovery.js';
import type { ConfOptions } from './client-support.js';
import { DEFAULT_CAPACITY, DEFAULT_CONNECTIONS, DEFAULT_INPUT_TIMEOUT_MS } from '../defaults.js';
import { NotConnectedError } from '../errors.js';
import { budgetInput, type ConnectionBudgetOptions } from './governor.js';
import type { Subscription } from './contracts.js';
import type { SubscriptionHandle } from './handle.js';
import type { ConnectionState } from './host.js';

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
  readonly inputs?: {
    /** `queue` (default) or `reject` inputs made while not authenticated. */
    readonly policy?: InputPolicy;
    /** How long an input waits for its notification, from the call (default 10 000 ms). */
    readonly timeoutMs?: number;
    /** How long an order input lost in a drop waits for the next session to tell its outcome, from the drop (default 10 000 ms). */
    readonly recoveryMs?: number;
  };
  /** REST lookup of orders for order inputs lost in a drop that the next session cannot settle in time (`createBfxSystem` gives its REST client's). */
  readonly orderLookup?: OrderLookup;
  /** Prefix of the actor system ids (default `bfx.`); give each system its own. */
  readonly prefix?: string;
  /** Jitter seed. */
  readonly seed?: number;
  /** Fail a subscription the server has not acknowledged this long after its frame was sent (default 30 000 ms). */
  readonly subscribeTimeoutMs?: number;
  /** Async-iterator buffer per iterator (default 1000 events). */
  readonly iteratorBuffer?: number;
  /** Open every connection at start (default false: connection N + 1 opens when the first N are full). */
  readonly eager?: boolean;
  /**
   * The connection budget every handshake waits for (default Bitfinex's limits, shared by every
   * system in the process); `false` switches it off (a server without connection limits).
   */
  readonly connectionBudget?: ConnectionBudgetOptions | false;
  /** Connection timeouts / attempt cap. */
  readonly connection?: SupervisorInput['connection'];
  /** Logger (pino-compatible). */
  readonly logger: BfxLogger;
  /** Socket factory (default `defaultSocketFactory`: `ws` on Node.js, the global `WebSocket` elsewhere). */
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

/** Options of {@link WsClient.subscribe}. */
export interface SubscribeOptions {
  /** Your own subscription id (unique across the client); a nanoid by default. */
  readonly subId?: string;
  /** Aborting rejects a pending subscription and unsubscribes a live one (it then ends `unsubscribed`). */
  readonly signal?: AbortSignal;
  /**
   * Book channels: keep a managed order book (`handle.book`, checksum verification). Default
   * `true`; `false` for a recorder that only wants the update events (cheaper per message).
   */
  readonly manageBook?: boolean;
}


/** The supervisor's input for a client with these options. */
export function supervisorInputOf(options: WsClientOptions, prefix: string, auth: boolean, flags: number): SupervisorInput {
  return {
    prefix,
    url: options.url,
    connections: options.connections ?? DEFAULT_CONNECTIONS,
    capacity: options.capacity ?? DEFAULT_CAPACITY,
    auth,
    flags,
    backoff: options.backoff ?? {},
    seed: options.seed,
    eager: options.eager ?? false,
    ...budgetInput(options.connectionBudget),
    connection: { ...options.connection, subscribeTimeoutMs: options.subscribeTimeoutMs ?? options.connection?.subscribeTimeoutMs },
  };
}

/** What the authenticated inputs read from their client. */
export interface InputsWiring {
  readonly auth: boolean;
  /** Open sockets' senders by connection index (the account channel is connection 0). */
  readonly senders: ReadonlyMap<number, (frame: unknown) => boolean>;
  /** Connection 0's state, read from its actor. */
  accountConnection(): ConnectionState;
  closing(): boolean;
}

/** The authenticated inputs' dependencies: they send on connection 0 and follow its actor's state. */
export function inputsDepsOf(options: WsClientOptions, w: InputsWiring): InputsDeps {
  return {
    send: (frame) => {
      const send = w.senders.get(0);
      if (!send || !send(frame)) throw new NotConnectedError('The authenticated socket is not open');
    },
    state: () => {
      if (!w.auth || w.closing()) return 'closed';
      const state = w.accountConnection();
      return state === 'open' ? 'authenticated' : state === 'closed' ? 'closed' : 'connecting';
    },
    timeoutMs: options.inputs?.timeoutMs ?? DEFAULT_INPUT_TIMEOUT_MS,
    policy: options.inputs?.policy ?? 'queue',
    noCredentials: !w.auth,
    recoveryMs: options.inputs?.recoveryMs,
    lookup: options.orderLookup,
  };
}
