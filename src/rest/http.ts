/**
 * One HTTP exchange of the REST client over `ofetch`: the URL (its `baseURL`), the JSON body,
 * signing in its `onRequest` interceptor (so the signature is made at the moment the request goes
 * on the wire), logging in its `onResponse` interceptor, and classification of the answer into a
 * body or a typed error. Timeouts, aborts and retries are the caller's (transport.ts): ofetch's own
 * retry decides on the HTTP status only, while Bitfinex's nonce and rate-limit errors are told by
 * the body. No Node built-in is used (`createFetch` runs on any global `fetch`).
 *
 * @module
 */
import { createFetch, type FetchContext } from 'ofetch';
import { signRest } from '../auth/signer.js';
import { BfxNetworkError } from '../errors.js';
import { encodeQuery, wireObject } from './encode.js';
import { parseResponse } from './response.js';
import type { FetchFn, RestLogger } from './types.js';

/** One request: path relative to the host (no leading slash), params already in wire names. */
export interface TransportRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Signed (authenticated) request. */
  readonly auth: boolean;
}

/** What an exchange needs to sign: key, secret and the nonce drawn for this request. */
export interface Signing {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly nonce: number | string;
}

/** Configuration of {@link createHttp}. */
export interface HttpConfig {
  readonly host: string;
  readonly fetch: FetchFn;
  readonly logger?: RestLogger;
}

/** An exchange that failed before any answer: was the request on the wire? */
export class ExchangeFailure extends Error {
  constructor(
    readonly sent: boolean,
    readonly notSentForSure: boolean,
    cause: unknown,
  ) {
    super('exchange failed', { cause });
  }
}

/** Error codes of failures where the request certainly never reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** The innermost error message (undici hides the reason in `cause`). */
export function reasonOf(err: unknown): string {
  let e: unknown = err;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}

/** Sends one request with `signal`; calls `onSent` once it is handed to `fetch`. */
export type Exchange = (req: TransportRequest, signal: AbortSignal, onSent: () => void, signing?: Signing) => Promise<unknown>;

/** Creates the exchange function over an ofetch instance bound to `config.fetch`. */
export function createHttp(config: HttpConfig): Exchange {
  // ofetch calls fetch with the string URL it built (never a URL or Request object here).
  const $fetch = createFetch({ fetch: (input, init) => config.fetch(String(input), init ?? {}) });
  const { logger } = config;

  return async (req, signal, onSent, signing) => {
    const body = req.method === 'POST' ? JSON.stringify(wireObject(req.params)) : undefined;
    const url = req.method === 'GET' ? req.path + encodeQuery(req.params) : req.path;
    const started = Date.now();
    let sent = false;
    let status: number;
    let text: string;
    try {
      const res = await $fetch.raw<string, 'text'>(url, {
        baseURL: config.host,
        method: req.method,
        headers: { accept: 'application/json' },
        body,
        signal,
        retry: false,
        ignoreResponseError: true,
        responseType: 'text',
        async onRequest(ctx: FetchContext) {
          const headers = ctx.options.headers;
          if (signing !== undefined) {
            const nonce = String(signing.nonce);
            headers.set('bfx-nonce', nonce);
            headers.set('bfx-apikey', signing.apiKey);
            headers.set('bfx-signature', await signRest(signing.apiSecret, req.path, nonce, body ?? ''));
          }
          if (body !== undefined) headers.set('content-type', 'application/json');
          if (signal.aborted) return;
          sent = true;
          onSent();
        },
        onResponse(ctx: FetchContext) {
          logger?.debug({ method: req.method, endpoint: req.path, status: ctx.response?.status, ms: Date.now() - started }, 'bfx rest response');
        },
      });
      status = res.status;
      text = typeof res._data === 'string' ? res._data : '';
    } catch (err) {
      // ofetch wraps the fetch error; its own getters expose the request headers, so only the
      // underlying error travels on.
      const cause = err instanceof Error && err.name === 'FetchError' && err.cause !== undefined ? err.cause : err;
      const code = errorCode(cause);
      throw new ExchangeFailure(sent, !sent || (code !== undefined && NOT_SENT_CODES.has(code)), cause);
    }
    const parsed = parseResponse(status, text, req.path);
    if (!parsed.ok) throw parsed.error;
    return parsed.body;
  };
}

/** A {@link BfxNetworkError} for a failed exchange (reason only, never headers). */
export function networkError(req: TransportRequest, failure: ExchangeFailure): BfxNetworkError {
  return new BfxNetworkError(`${req.path} failed: ${reasonOf(failure.cause)}`, { endpoint: req.path, cause: failure.cause });
}
