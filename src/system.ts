/**
 * `createBfxSystem(options)`: the facade most users want. It builds the logger, the REST client,
 * the WebSocket client and one root actor (the supervisor) with an error observer, an optional
 * sanitised inspector, and `close()`.
 *
 * @module
 */
import { createActor, type Actor, type InspectionEvent, type Observer } from 'xstate';
import { accountMachine } from '../machines/account.machine.js';
import type { BackoffOptions } from '../machines/backoff.js';
import type { supervisorMachine } from '../machines/supervisor.machine.js';
import type { NonceGenerator } from './auth/nonce.js';
import { WSS_HOST } from './hosts.js';
import { createLogger, type BfxLogger, type LogLevelName } from './logging/logger.js';
import type { SocketFactory } from './platform/websocket.js';
import { createRestClient, type RestClient } from './rest/client.js';
import type { RestClientOptions } from './rest/types.js';
import type { InputPolicy } from './ws/account/inputs.js';
import { createWsClient, type ConfOptions, type WsClient } from './ws/client.js';
import { inspectGovernor, type ConnectionBudgetOptions } from './ws/governor.js';
import { sanitizeInspection } from './ws/inspect.js';
import { checkSystemOptions } from './system-options.js';
import type { OrderLookup } from './ws/account/recovery.js';
import type { AccountView } from './ws/account/view.js';
import { CONNECTIONS_WARNING } from './defaults.js';

/** Options of {@link createBfxSystem} (camelCase names of the Python client's options). */
export interface BfxSystemOptions {
  /** WebSocket URL (default `wss://api.bitfinex.com/ws/2`). */
  readonly wssHost?: string;
  /** REST base URL (default `https://api.bitfinex.com/v2`). */
  readonly restHost?: string;
  /** API key (with `apiSecret`). */
  readonly apiKey?: string;
  /** API secret (with `apiKey`); only ever used to sign, never logged. */
  readonly apiSecret?: string;
  /** Auth filter. */
  readonly filter?: readonly string[];
  /** Dead-man switch (cancel all orders when the auth socket closes). */
  readonly dms?: boolean;
  /** Send `calc: 1` in the auth frame (ask the server for calculated values). */
  readonly calc?: boolean;
  /** Connections (default 5). */
  readonly connections?: number;
  /** Subscriptions per connection (default 25). */
  readonly capacity?: number;
  /** `error` | `warn` | `info` | `debug` (or `ERROR` | `WARNING` | `INFO` | `DEBUG`); default `warn`. */
  readonly logLevel?: LogLevelName;
  /** Write the log to this file. */
  readonly logFile?: string;
  /** Your pino-compatible logger. */
  readonly logger?: BfxLogger;
  /** An inspector (`@statelyai/inspect`'s `inspector.inspect`, or any observer/function); gets sanitised events only. */
  readonly inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
  /** Reconnection backoff (default 3 s ×2 up to 60 s, ±20 % jitter). */
  readonly backoff?: Partial<BackoffOptions>;
  /** Reconnect after this long without any frame (default 20 000 ms). */
  readonly heartbeatTimeoutMs?: number;
  /** Conf flags (default checksum + sequence). */
  readonly conf?: ConfOptions;
  /** Custom nonce generator (shared by REST and WebSocket auth). */
  readonly nonce?: NonceGenerator;
  /** Authenticated inputs: queue (default) or reject while disconnected; answer timeout. */
  readonly inputs?: {
    /** `queue` (default): inputs sent while disconnected wait for the authenticated socket; `reject`: they fail at once. */
    readonly policy?: InputPolicy;
    /** How long an input waits for its `*-req` notification, in ms. */
    readonly timeoutMs?: number;
    /**
     * How long an order input (`submitOrder`, `updateOrder`, `cancelOrder`) sent just before a drop
     * waits for the next session to tell its outcome, in ms from the drop (default 10 000); then it
     * is looked up over REST. See the README, "Orders in flight across a drop".
     */
    readonly recoveryMs?: number;
  };
  /** Connect at once (default true); when false, connect on `ws.connect()` or the first subscribe. */
  readonly autoConnect?: boolean;
  /** System id prefix (default `bfx.`; give each system in one host its own). */
  readonly systemIdPrefix?: string;
  /** Backoff jitter seed. */
  readonly seed?: number;
  /** Subscribe acknowledgement timeout (default 30 000 ms). */
  readonly subscribeTimeoutMs?: number;
  /** Replace the socket factory (default `defaultSocketFactory`: `ws` on Node.js, the global `WebSocket` elsewhere). */
  readonly socketFactory?: SocketFactory;
  /** REST: per-call timeout (default the REST client's). */
  readonly timeoutMs?: RestClientOptions['timeoutMs'];
  /** REST: retry after a rate-limit block (`retry.rateLimit`). */
  readonly retry?: RestClientOptions['retry'];
  /** REST: per-route pacing (on by default; `false` to switch it off). */
  readonly pacing?: RestClientOptions['pacing'];
  /** REST: signed requests per key in flight and `10114` retries. */
  readonly signing?: RestClientOptions['signing'];
  /** REST: the fetch implementation (default the global `fetch`). */
  readonly fetch?: RestClientOptions['fetch'];
  /** WebSocket: give up a connection after this many consecutive failed attempts (default never). */
  readonly maxAttempts?: number;
  /** WebSocket: open every connection at start (default false: connection N + 1 opens when the first N are full). */
  readonly eager?: boolean;
  /**
   * WebSocket: the connection budget every handshake waits for, first connects and reconnects
   * alike (default Bitfinex's limits, 20 a minute on a public host and 5 per 15 s on the
   * authenticated one, shared by every system in the process; an HTTP 429 blocks the host for
   * 60 s). `false` switches it off, for a server without connection limits.
   */
  readonly connectionBudget?: ConnectionBudgetOptions | false;
}

/** A running system. */
export interface BfxSystem {
  /** The WebSocket client. */
  readonly ws: WsClient;
  /** The REST client. */
  readonly rest: RestClient;
  /**
   * The managed account (`orders()`, `positions()`, `wallets()`, `fundingOffers()`, ...,
   * `on('order_closed_offline', ...)`), kept by the account actor (`account.actor`, system id
   * `<prefix>account`). Present when the system has API credentials; its reads throw
   * `BfxCredentialsError` otherwise.
   */
  readonly account: AccountView;
  /** The root actor (the supervisor). */
  readonly actor: Actor<typeof supervisorMachine>;
  /** Close every socket (code default 1000) and stop the actor. */
  close(code?: number, reason?: string): Promise<void>;
}

/** Order lookups over REST for the inputs lost in a drop (the newest 2 500 closed orders of the window). */
function restOrderLookup(rest: RestClient): OrderLookup {
  return {
    active: () => rest.auth.getOrders(),
    history: (q) => rest.auth.getOrdersHistory('ids' in q ? { ids: q.ids } : { start: q.start, limit: 2500 }),
  };
}

/**
 * Create a Bitfinex client system.
 *
 * @throws {BfxArgumentError} for a bad option (a host that is not a ws(s):// or http(s):// URL, a
 *   number out of its range), before anything starts.
 * @example
 * const bfx = createBfxSystem({ apiKey, apiSecret });
 * bfx.ws.on('candles_update', (sub, candle) => console.log(sub.key, candle));
 * await bfx.ws.subscribe('candles', { key: 'trade:1m:tBTCUSD' });
 */
export function createBfxSystem(options: BfxSystemOptions = {}): BfxSystem {
  checkSystemOptions(options);
  const logger = createLogger({ logLevel: options.logLevel, logFile: options.logFile, logger: options.logger });
  const rest = createRestClient({
    restHost: options.restHost,
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    nonce: options.nonce,
    timeoutMs: options.timeoutMs,
    retry: options.retry,
    pacing: options.pacing,
    signing: options.signing,
    fetch: options.fetch,
    logger: logger.child({ component: 'rest' }),
  });
  const ws = createWsClient({
    url: options.wssHost ?? WSS_HOST,
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    filter: options.filter,
    dms: options.dms,
    calc: options.calc,
    nonce: options.nonce,
    connections: options.connections,
    capacity: options.capacity,
    backoff: options.backoff,
    heartbeatTimeoutMs: options.heartbeatTimeoutMs,
    conf: options.conf,
    inputs: options.inputs,
    prefix: options.systemIdPrefix,
    seed: options.seed,
    subscribeTimeoutMs: options.subscribeTimeoutMs,
    connection: options.maxAttempts === undefined ? undefined : { maxAttempts: options.maxAttempts },
    eager: options.eager,
    connectionBudget: options.connectionBudget,
    logger,
    socketFactory: options.socketFactory,
    orderLookup: options.apiKey !== undefined && options.apiSecret !== undefined ? restOrderLookup(rest) : undefined,
  });
  const secrets = [options.apiKey, options.apiSecret].filter((s): s is string => typeof s === 'string' && s !== '');
  const inspect = options.inspect === undefined ? undefined : sanitizeInspection(options.inspect, secrets);
  const actor = createActor(ws.logic, { input: ws.input, systemId: `${ws.prefix}supervisor`, inspect });
  // The process's connection governor shows in this inspector too (while this system lives).
  const uninspect = inspect === undefined || options.connectionBudget === false ? () => undefined : inspectGovernor(inspect);
  const log = logger.child({ component: 'system' });
  if ((options.connections ?? 0) > CONNECTIONS_WARNING) {
    log.warn(
      { connections: options.connections },
      `more than ${CONNECTIONS_WARNING} connections: Bitfinex limits new connections (20 a minute on the public host, 5 per 15 s on api.bitfinex.com); ${options.connectionBudget === false ? 'the connection budget is off, so the IP may get blocked' : 'the connection budget spaces their handshakes to fit'}`,
    );
  }
  actor.subscribe({
    error: (err: unknown) => {
      log.error({ err: err instanceof Error ? err.message : String(err) }, 'supervisor actor failed');
      ws.fail(err);
    },
  });
  ws.attach(actor);
  const accountActor = options.apiKey === undefined || options.apiSecret === undefined
    ? undefined
    : createActor(accountMachine, { systemId: `${ws.prefix}account`, inspect });
  if (accountActor !== undefined) {
    accountActor.subscribe({ error: (err: unknown) => log.error({ err: err instanceof Error ? err.message : String(err) }, 'account actor failed') });
    accountActor.start();
    ws.attachAccount(accountActor);
  }
  actor.start();
  if (options.autoConnect ?? true) void ws.connect().catch(() => undefined);
  return {
    ws,
    rest,
    account: ws.account,
    actor,
    async close(code = 1000, reason = 'closed by the user') {
      await ws.close(code, reason);
      actor.stop();
      uninspect();
      accountActor?.stop();
    },
  };
}
