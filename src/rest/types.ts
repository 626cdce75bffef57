/**
 * Options and shared types of the REST client.
 *
 * @module
 */
import type { NonceGenerator } from '../auth/nonce.js';
import type { PacingOptions } from './pacing.js';
import type { RetryPolicy } from './retry.js';

/** Per-call options, accepted as the optional last argument of every method. */
export interface RequestOptions {
  /** Aborts the call (rejects with `BfxAbortError`). */
  readonly signal?: AbortSignal;
  /**
   * Timeout of each attempt of this call in ms (overrides the client's `timeoutMs`): its wait for
   * a pacing token, its turn in the key's signing lane and the HTTP exchange. A finite number in
   * (0, 2147483647], else `BfxArgumentError`.
   */
  readonly timeoutMs?: number;
}

/** Options of the per-key ordered signing of authenticated calls. */
export interface SigningOptions {
  /**
   * Signed requests of the API key on the wire at once, process-wide (default 1: the server sees
   * every nonce in order). An integer from 1 to 64.
   */
  readonly maxInFlight?: number;
  /** Retries of a `10114 nonce: small` refusal with a fresh nonce (default 3, 0 to 10). */
  readonly nonceRetries?: number;
  /** Delay before the first nonce retry, doubling after (default 50 ms). */
  readonly nonceRetryDelayMs?: number;
}

/** The minimal logger the client writes to (pino's logger fits). Secrets are never passed. */
export interface RestLogger {
  /** Log at debug level. */
  debug(obj: Record<string, unknown>, msg?: string): void;
  /** Log at warn level. */
  warn(obj: Record<string, unknown>, msg?: string): void;
}

/** The `fetch` function the client calls (injectable for tests and custom agents). */
export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

/** Options of `createRestClient`. */
export interface RestClientOptions {
  /** Base URL, default `REST_HOST`; public calls use it too. */
  readonly restHost?: string;
  /** API key (with `apiSecret`; giving only one throws `BfxCredentialsError`). */
  readonly apiKey?: string;
  /** API secret. */
  readonly apiSecret?: string;
  /** Custom nonce generator; becomes the key's shared source (also used by WebSocket auth). */
  readonly nonce?: NonceGenerator;
  /** Timeout of each attempt in ms (default 30000), a finite number in (0, 2147483647]. */
  readonly timeoutMs?: number;
  /**
   * Opt-in retry on HTTP 429 / error 11010: with pacing on, after the bucket's block time; with
   * pacing off, exponential backoff with jitter.
   */
  readonly retry?: {
    /** Retry policy for rate-limit answers, or `false` (default) to fail at once. */
    readonly rateLimit?: boolean | RetryPolicy;
  };
  /**
   * Per-route pacing (token buckets from Bitfinex's documented limits): on by default, shared by
   * every default-paced client of the same host in the process; options give the client buckets
   * of its own; `false` turns it off.
   */
  readonly pacing?: boolean | PacingOptions;
  /** Ordered signing of authenticated calls (per API key). */
  readonly signing?: SigningOptions;
  /** Logger for request and retry events (no secrets, no signatures, no bodies). */
  readonly logger?: RestLogger;
  /** `fetch` implementation (default the global `fetch`). */
  readonly fetch?: FetchFn;
}

/** A decimal value: a number, or a decimal string for exact amounts (`"0.001"`). */
export type Decimal = number | string;

/** Common history window parameters. */
export interface HistoryParams {
  /** Start, ms. */
  readonly start?: number;
  /** End, ms. */
  readonly end?: number;
  /** Max rows. */
  readonly limit?: number;
}

/** History window with a sort direction (1 oldest first, -1 newest first). */
export interface SortedHistoryParams extends HistoryParams {
  /** Sort order: 1 oldest first, -1 newest first (default). */
  readonly sort?: 1 | -1;
}
