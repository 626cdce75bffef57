/**
 * Options and shared types of the REST client.
 *
 * @module
 */
import type { NonceGenerator } from '../auth/nonce.js';
import type { RetryPolicy } from './retry.js';

/** Per-call options, accepted as the optional last argument of every method. */
export interface RequestOptions {
  /** Aborts the call (rejects with `BfxAbortError`). */
  readonly signal?: AbortSignal;
  /** Timeout of this call in ms (overrides the client's `timeoutMs`). */
  readonly timeoutMs?: number;
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
  /** Timeout of each request in ms (default 30000). */
  readonly timeoutMs?: number;
  /** Opt-in retry with exponential backoff and jitter on HTTP 429 / error 11010. */
  readonly retry?: {
    /** Retry policy for rate-limit answers, or `false` (default) to fail at once. */
    readonly rateLimit?: boolean | RetryPolicy;
  };
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
