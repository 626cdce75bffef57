/**
 * The HTTP layer of the REST client: URL building, signing of authenticated POSTs, timeouts,
 * aborts, error classification and the opt-in rate-limit retry. Secrets and signatures go only
 * into request headers; they never reach errors or logs.
 *
 * @module
 */
import type { NonceGenerator } from '../auth/nonce.js';
import { signRest } from '../auth/signer.js';
import { BfxAbortError, BfxCredentialsError, BfxNetworkError, BfxRateLimitError, BfxTimeoutError } from '../errors.js';
import { encodeQuery, joinUrl, wireObject } from './encode.js';
import { parseResponse } from './response.js';
import { backoffDelay, sleep, type RetryPolicy } from './retry.js';
import type { FetchFn, RequestOptions, RestLogger } from './types.js';

/** API credentials and the key's nonce source. */
export interface Credentials {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly nonce: NonceGenerator;
}

/** Configuration of {@link createTransport}. */
export interface TransportConfig {
  readonly host: string;
  readonly fetch: FetchFn;
  readonly timeoutMs: number;
  readonly retry?: RetryPolicy;
  readonly logger?: RestLogger;
  readonly credentials?: Credentials;
}

/** One request: path relative to the host (no leading slash), params already in wire names. */
export interface TransportRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Signed (authenticated) request. */
  readonly auth: boolean;
}

/** Sends requests and returns parsed JSON bodies, or rejects with a typed `BfxError`. */
export interface Transport {
  request(req: TransportRequest, options?: RequestOptions): Promise<unknown>;
}

const JSON_HEADERS = { accept: 'application/json' } as const;

/** Creates the transport. */
export function createTransport(config: TransportConfig): Transport {
  const { logger } = config;

  async function init(req: TransportRequest): Promise<{ url: string; init: RequestInit }> {
    if (req.method === 'GET') {
      return { url: joinUrl(config.host, req.path) + encodeQuery(req.params), init: { method: 'GET', headers: JSON_HEADERS } };
    }
    const body = JSON.stringify(wireObject(req.params));
    const headers: Record<string, string> = { ...JSON_HEADERS, 'content-type': 'application/json' };
    if (req.auth) {
      const creds = config.credentials;
      if (creds === undefined) throw new BfxCredentialsError(`${req.path} needs apiKey and apiSecret`);
      const nonce = String(creds.nonce());
      headers['bfx-nonce'] = nonce;
      headers['bfx-apikey'] = creds.apiKey;
      headers['bfx-signature'] = await signRest(creds.apiSecret, req.path, nonce, body);
    }
    return { url: joinUrl(config.host, req.path), init: { method: 'POST', headers, body } };
  }

  async function attempt(req: TransportRequest, options: RequestOptions): Promise<unknown> {
    const { signal } = options;
    const timeoutMs = options.timeoutMs ?? config.timeoutMs;
    if (signal?.aborted) throw new BfxAbortError();
    const { url, init: requestInit } = await init(req);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const started = Date.now();
    let status: number;
    let text: string;
    try {
      const res = await config.fetch(url, { ...requestInit, signal: controller.signal });
      status = res.status;
      text = await res.text();
    } catch (err) {
      if (timedOut) throw new BfxTimeoutError(`${req.path} timed out after ${timeoutMs} ms`, { timeoutMs, endpoint: req.path });
      if (signal?.aborted) throw new BfxAbortError(`${req.path} was aborted`);
      const reason = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
      throw new BfxNetworkError(`${req.path} failed: ${reason}`, { endpoint: req.path, cause: err });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    logger?.debug({ method: req.method, endpoint: req.path, status, ms: Date.now() - started }, 'bfx rest response');
    const parsed = parseResponse(status, text, req.path);
    if (!parsed.ok) throw parsed.error;
    return parsed.body;
  }

  return {
    async request(req, options = {}) {
      const policy = config.retry;
      for (let retries = 0; ; retries++) {
        try {
          return await attempt(req, options);
        } catch (err) {
          if (!(err instanceof BfxRateLimitError) || policy === undefined) throw err;
          if (retries >= policy.retries) {
            throw new BfxRateLimitError(`${err.message} (gave up after ${retries} retries)`, {
              status: err.status,
              endpoint: err.endpoint,
              bfxCode: err.bfxCode,
              retries,
            });
          }
          const delayMs = backoffDelay(retries, policy);
          logger?.warn({ endpoint: req.path, retry: retries + 1, delayMs }, 'bfx rest rate limited, retrying');
          await sleep(delayMs, options.signal);
        }
      }
    },
  };
}
