/**
 * Typed errors. Every error the library raises or reports is a {@link BfxError} with a stable
 * string `code` (like Node's `ERR_*` codes) so callers can switch on it; errors that come from
 * Bitfinex also carry Bitfinex's numeric error code in `bfxCode`.
 *
 * Secrets (API key, API secret, signatures) never appear in messages or properties.
 *
 * @module
 */
import type { Notification } from './models/notification.js';

/** Stable string codes of every error kind. */
export type BfxErrorCode =
  | 'ERR_BFX_API'
  | 'ERR_BFX_RATE_LIMIT'
  | 'ERR_BFX_NETWORK'
  | 'ERR_BFX_TIMEOUT'
  | 'ERR_BFX_ABORTED'
  | 'ERR_BFX_INVALID_ARGUMENT'
  | 'ERR_BFX_BAD_RESPONSE'
  | 'ERR_BFX_CREDENTIALS'
  | 'ERR_BFX_AUTH'
  | 'ERR_BFX_CAPACITY'
  | 'ERR_BFX_SUBSCRIPTION'
  | 'ERR_BFX_DUPLICATE_SUB_ID'
  | 'ERR_BFX_UNKNOWN_SUBSCRIPTION'
  | 'ERR_BFX_CHECKSUM'
  | 'ERR_BFX_SEQUENCE'
  | 'ERR_BFX_PROTOCOL'
  | 'ERR_BFX_LISTENER'
  | 'ERR_BFX_NOT_CONNECTED'
  | 'ERR_BFX_NOT_AUTHENTICATED'
  | 'ERR_BFX_INPUT_REJECTED'
  | 'ERR_BFX_INPUT_TIMEOUT'
  | 'ERR_BFX_OUTCOME_UNKNOWN'
  | 'ERR_BFX_CLOSED';

/** Base class of every error raised by bfx-actors. */
export class BfxError extends Error {
  /** Stable machine-readable code. */
  declare readonly code: BfxErrorCode;
  /** Bitfinex's numeric error code, when the error comes from Bitfinex. */
  declare readonly bfxCode: number | undefined;

  constructor(code: BfxErrorCode, message: string, options: { bfxCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.bfxCode = options.bfxCode;
  }
}

/** Bitfinex answered `["error", code, message]` (REST) or an error event (WebSocket). */
export class BfxApiError extends BfxError {
  /** HTTP status of the response (REST only). */
  declare readonly status: number | undefined;
  /** The endpoint path (REST) or channel/event (WebSocket) the error belongs to. */
  declare readonly endpoint: string | undefined;

  constructor(message: string, opts: { bfxCode?: number; status?: number; endpoint?: string; cause?: unknown } = {}) {
    super('ERR_BFX_API', message, opts);
    this.status = opts.status;
    this.endpoint = opts.endpoint;
  }
}

/** HTTP 429 or Bitfinex error 11010 (`ratelimit: error`). */
export class BfxRateLimitError extends BfxError {
  /** HTTP status (429), when the error came from a REST call. */
  declare readonly status: number | undefined;
  /** The endpoint path, when the error came from a REST call. */
  declare readonly endpoint: string | undefined;
  /** Retries made before giving up (when retry on rate limit is enabled). */
  declare readonly retries: number;

  constructor(message: string, opts: { status?: number; endpoint?: string; retries?: number; bfxCode?: number } = {}) {
    super('ERR_BFX_RATE_LIMIT', message, { bfxCode: opts.bfxCode ?? 11010 });
    this.status = opts.status;
    this.endpoint = opts.endpoint;
    this.retries = opts.retries ?? 0;
  }
}

/** The request never got an HTTP answer (refused, reset, DNS...). */
export class BfxNetworkError extends BfxError {
  /** The endpoint path, when the error came from a REST call. */
  declare readonly endpoint: string | undefined;
  constructor(message: string, opts: { endpoint?: string; cause?: unknown } = {}) {
    super('ERR_BFX_NETWORK', message, opts);
    this.endpoint = opts.endpoint;
  }
}

/** A request or an input did not complete within its timeout. */
export class BfxTimeoutError extends BfxError {
  /** The timeout that expired, in ms. */
  declare readonly timeoutMs: number;
  /** The endpoint path, when the error came from a REST call. */
  declare readonly endpoint: string | undefined;
  constructor(message: string, opts: { timeoutMs: number; endpoint?: string; code?: 'ERR_BFX_TIMEOUT' | 'ERR_BFX_INPUT_TIMEOUT' }) {
    super(opts.code ?? 'ERR_BFX_TIMEOUT', message);
    this.timeoutMs = opts.timeoutMs;
    this.endpoint = opts.endpoint;
  }
}

/** The caller's `AbortSignal` fired. */
export class BfxAbortError extends BfxError {
  constructor(message = 'The operation was aborted', opts: { cause?: unknown } = {}) {
    super('ERR_BFX_ABORTED', message, opts);
  }
}

/** Wrong arguments, rejected before anything is sent. */
export class BfxArgumentError extends BfxError {
  /** The offending argument's name. */
  declare readonly argument: string | undefined;
  constructor(message: string, argument?: string) {
    super('ERR_BFX_INVALID_ARGUMENT', message);
    this.argument = argument;
  }
}

/** The server answered something that is not what the protocol says (malformed body or frame). */
export class BfxProtocolError extends BfxError {
  /** A short excerpt of the offending payload (never containing secrets). */
  declare readonly excerpt: string | undefined;
  constructor(message: string, opts: { excerpt?: string; cause?: unknown; code?: 'ERR_BFX_PROTOCOL' | 'ERR_BFX_BAD_RESPONSE' } = {}) {
    super(opts.code ?? 'ERR_BFX_PROTOCOL', message, opts);
    this.excerpt = opts.excerpt;
  }
}

/** Only one of API key / secret was given, or an authenticated call was made without them. */
export class BfxCredentialsError extends BfxError {
  constructor(message: string) {
    super('ERR_BFX_CREDENTIALS', message);
  }
}

/** WebSocket authentication was refused (10100 bad key / signature, 10114 nonce too small, ...). */
export class AuthError extends BfxError {
  constructor(message: string, opts: { bfxCode?: number } = {}) {
    super('ERR_BFX_AUTH', message, opts);
  }
}

/** Every connection is full (25 subscriptions each) and no more connections may be opened. */
export class CapacityError extends BfxError {
  /** Connections the system may open. */
  declare readonly connections: number;
  /** Subscriptions per connection. */
  declare readonly perConnection: number;
  constructor(connections: number, perConnection: number) {
    super(
      'ERR_BFX_CAPACITY',
      `All ${connections} connections are full (${perConnection} subscriptions each, ${connections * perConnection} in all); ` +
        `raise the "connections" option to subscribe to more channels`,
    );
    this.connections = connections;
    this.perConnection = perConnection;
  }
}

/** A subscription was refused by the server, or failed while live. */
export class SubscriptionError extends BfxError {
  /** The subscription id, when known. */
  declare readonly subId: string | undefined;
  /** The channel, when known. */
  declare readonly channel: string | undefined;
  constructor(message: string, opts: { subId?: string; channel?: string; bfxCode?: number; code?: BfxErrorCode } = {}) {
    super(opts.code ?? 'ERR_BFX_SUBSCRIPTION', message, opts);
    this.subId = opts.subId;
    this.channel = opts.channel;
  }
}

/** A book's checksum did not match the server's `cs` frame (the book is resynced automatically). */
export class ChecksumError extends BfxError {
  /** The book subscription whose checksum failed. */
  declare readonly subId: string;
  /** The server's checksum. */
  declare readonly expected: number;
  /** The checksum of the local book. */
  declare readonly actual: number;
  constructor(subId: string, expected: number, actual: number) {
    super('ERR_BFX_CHECKSUM', `Checksum mismatch on ${subId}: server ${expected}, local ${actual}; resubscribing`);
    this.subId = subId;
    this.expected = expected;
    this.actual = actual;
  }
}

/** A gap in SEQ_ALL sequence numbers (the socket is resynced automatically). */
export class SequenceError extends BfxError {
  /** The sequence number expected next. */
  declare readonly expected: number;
  /** The sequence number received. */
  declare readonly received: number;
  constructor(expected: number, received: number) {
    super('ERR_BFX_SEQUENCE', `Sequence gap: expected ${expected}, received ${received}; resyncing`);
    this.expected = expected;
    this.received = received;
  }
}

/** A user listener threw; reported on the `error` event, never rethrown. */
export class ListenerError extends BfxError {
  /** The event whose listener failed. */
  declare readonly event: string;
  /** The subscription whose handle the listener was on (undefined for client-level listeners). */
  declare readonly subId: string | undefined;
  constructor(event: string, cause: unknown, subId?: string) {
    const where = subId === undefined ? '' : ` of subscription ${subId}`;
    super('ERR_BFX_LISTENER', `A listener for "${event}"${where} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.event = event;
    this.subId = subId;
  }
}

/**
 * An authenticated input (WebSocket) or a REST write call was answered with an `ERROR` /
 * `FAILURE` notification: Bitfinex refused it, nothing was done.
 */
export class InputError extends BfxError {
  /** The notification type (`on-req`, `oc-req`, ...). */
  declare readonly type: string;
  /** The notification status (`ERROR`, `FAILURE`). */
  declare readonly status: string;
  /** The raw notification payload data, decoded where a model applies. */
  declare readonly data: unknown;
  /** The REST endpoint that answered (undefined for WebSocket inputs). */
  declare readonly endpoint: string | undefined;
  /** The whole decoded notification (REST; WebSocket inputs carry its parts). */
  declare readonly notification: Notification<unknown> | undefined;
  constructor(type: string, status: string, text: string, data: unknown, bfxCode?: number, opts: { endpoint?: string; notification?: Notification<unknown> } = {}) {
    super('ERR_BFX_INPUT_REJECTED', `${type} ${status}: ${text}`, bfxCode === undefined ? {} : { bfxCode });
    this.type = type;
    this.status = status;
    this.data = data;
    this.endpoint = opts.endpoint;
    this.notification = opts.notification;
  }
}

/** Why the outcome of a write is unknown. */
export type OutcomeUnknownReason = 'timeout' | 'network' | 'aborted';

/**
 * A write (REST order, funding, transfer... endpoint) left for the server, and then timed out,
 * lost its connection or was aborted before an answer came: it may or may not have been
 * executed. Never raised for a request that was not sent (those get `BfxTimeoutError`,
 * `BfxNetworkError` or `BfxAbortError`). Look the order up by `cid` (or the request) before
 * sending it again.
 */
export class OutcomeUnknownError extends BfxError {
  /** Why no answer came. */
  declare readonly reason: OutcomeUnknownReason;
  /** The endpoint path (REST) or input name (WebSocket). */
  declare readonly endpoint: string;
  /** The request's parameters in wire names (no credentials), for the lookup. */
  declare readonly request: Readonly<Record<string, unknown>>;
  /** The client order id of the request, when it has one. */
  declare readonly cid: number | undefined;
  /** The timeout that expired (reason `timeout`). */
  declare readonly timeoutMs: number | undefined;
  constructor(
    message: string,
    opts: { reason: OutcomeUnknownReason; endpoint: string; request: Readonly<Record<string, unknown>>; cid?: number; timeoutMs?: number; cause?: unknown },
  ) {
    super('ERR_BFX_OUTCOME_UNKNOWN', message, { cause: opts.cause });
    this.reason = opts.reason;
    this.endpoint = opts.endpoint;
    this.request = opts.request;
    this.cid = opts.cid;
    this.timeoutMs = opts.timeoutMs;
  }
}

/** The operation needs an open (or authenticated) connection. */
export class NotConnectedError extends BfxError {
  constructor(message: string, code: 'ERR_BFX_NOT_CONNECTED' | 'ERR_BFX_NOT_AUTHENTICATED' | 'ERR_BFX_CLOSED' = 'ERR_BFX_NOT_CONNECTED') {
    super(code, message);
  }
}
