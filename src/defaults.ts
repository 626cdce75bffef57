/**
 * Every default of the WebSocket runtime in one place: connection counts and capacity, the
 * timeouts of each protocol step, the backoff and the heartbeat watchdog. The machines, the client
 * and `createBfxSystem` read them from here, so a default changes in one line.
 *
 * @module
 */

/** Connections a system opens at most (Bitfinex allows more; its docs advise few). */
export const DEFAULT_CONNECTIONS = 5;
/** Subscriptions per connection (Bitfinex's limit: a 26th is refused with 10305). */
export const DEFAULT_CAPACITY = 25;
/** Above this many connections a warning is logged (Bitfinex limits new connections per minute). */
export const CONNECTIONS_WARNING = 20;
/** Time for the socket to open and send `info`. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** Time for the conf ack. */
export const DEFAULT_CONF_TIMEOUT_MS = 5_000;
/** Time for the auth reply. */
export const DEFAULT_AUTH_TIMEOUT_MS = 10_000;
/** Time for a clean close. */
export const DEFAULT_CLOSE_TIMEOUT_MS = 2_000;
/** Time for the server to acknowledge a subscribe frame, counted from when it was sent. */
export const DEFAULT_SUBSCRIBE_TIMEOUT_MS = 30_000;
/** Time for the server to confirm an unsubscribe. */
export const DEFAULT_UNSUBSCRIBE_TIMEOUT_MS = 5_000;
/** Reconnect when nothing arrived for this long (a ping goes out at half of it). */
export const DEFAULT_HEARTBEAT_TIMEOUT_MS = 20_000;
/** Time an authenticated input waits for its `*-req` notification. */
export const DEFAULT_INPUT_TIMEOUT_MS = 10_000;
/** How long `bfx.account.whenSynced()` waits for the session's snapshots. */
export const DEFAULT_ACCOUNT_SYNC_TIMEOUT_MS = 30_000;
/** Events an async iterator keeps while nobody pulls. */
export const DEFAULT_ITERATOR_BUFFER = 1_000;
/** Time `close()` waits for the sockets before it settles anyway. */
export const DEFAULT_CLOSE_WAIT_MS = 5_000;
/** Default prefix of the actor system ids. */
export const DEFAULT_PREFIX = 'bfx.';

/** A connection-rate limit: at most `count` new connections per `windowMs` per IP and host. */
export interface ConnectionLimit {
  /** Handshakes allowed in any window. */
  readonly count: number;
  /** The window, in ms. */
  readonly windowMs: number;
}

/** A limit per kind of host. */
export interface ConnectionLimits {
  /** A public host (`api-pub.bitfinex.com`, the simulator's `/ws/2`). */
  readonly public: ConnectionLimit;
  /** The authenticated host (`api.bitfinex.com`, the simulator's `/ws/2/auth`). */
  readonly auth: ConnectionLimit;
}

/**
 * Bitfinex's documented connection-rate limits: 20 new connections a minute per IP on the public
 * host (`api-pub`, docs "WebSocket General"), 5 per 15 s on the authenticated host (`api`, docs
 * "WebSocket Authenticated Channels"). Over the limit the IP is refused with HTTP 429 for 60 s.
 */
export const BITFINEX_CONNECTION_LIMITS: ConnectionLimits = {
  public: { count: 20, windowMs: 60_000 },
  auth: { count: 5, windowMs: 15_000 },
};
/** How long a host refuses new connections after an HTTP 429 at upgrade. */
export const DEFAULT_CONNECTION_BLOCK_MS = 60_000;
/** Extra spacing the connection budget keeps beyond each window (clock skew, latency), at most this. */
export const CONNECTION_BUDGET_MARGIN_MS = 1_000;
