/**
 * The request pipeline of the REST client: per attempt, a wait for the route's pacing token, a
 * turn in the API key's ordered signing lane (signed calls: the nonce is drawn at that moment),
 * then one HTTP exchange (http.ts), all within `timeoutMs` and the caller's `signal`. Around the
 * attempts: a bounded retry of `10114 nonce: small` with a fresh nonce, and the opt-in retry of
 * rate limits after the bucket's block time. Failures are typed by whether the request left: a
 * write that left and got no answer is an {@link OutcomeUnknownError}, never a plain timeout.
 * Secrets and signatures go only into request headers; they never reach errors or logs.
 *
 * @module
 */
import type { NonceLane } from '../auth/nonce.js';
import { BfxAbortError, BfxApiError, BfxCredentialsError, BfxRateLimitError, BfxTimeoutError, OutcomeUnknownError } from '../errors.js';
import { createHttp, ExchangeFailure, networkError, reasonOf, type Exchange, type Signing, type TransportRequest } from './http.js';
import type { Pacer, PacingTicket } from './pacing.js';
import { backoffDelay, sleep, type RetryPolicy } from './retry.js';
import type { FetchFn, RequestOptions, RestLogger } from './types.js';
import { invalidArgument, validateDuration } from './validate.js';

export type { TransportRequest } from './http.js';

/** API credentials and the key's ordered signing lane. */
export interface Credentials {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly lane: NonceLane;
}

/** Retry of `10114 nonce: small` (another process on the key, or an overtaken request). */
export interface NonceRetryPolicy {
  /** Retries with a fresh nonce after the first refusal. */
  readonly retries: number;
  /** Delay before the first retry; doubles with each. */
  readonly delayMs: number;
}

/** Default {@link NonceRetryPolicy}: 3 retries after 50, 100 and 200 ms. */
export const DEFAULT_NONCE_RETRY: NonceRetryPolicy = { retries: 3, delayMs: 50 };

/** Configuration of {@link createTransport}. */
export interface TransportConfig {
  readonly host: string;
  readonly fetch: FetchFn;
  readonly timeoutMs: number;
  readonly retry?: RetryPolicy;
  readonly logger?: RestLogger;
  readonly credentials?: Credentials;
  /** Per-route pacing (undefined: off). */
  readonly pacer?: Pacer;
  readonly nonceRetry?: NonceRetryPolicy;
}

/** Sends requests and returns parsed JSON bodies, or rejects with a typed `BfxError`. */
export interface Transport {
  request(req: TransportRequest, options?: RequestOptions): Promise<unknown>;
}

const NONCE_SMALL = 10114;

/** Write endpoints: a request of these that left without an answer has an unknown outcome. */
export const isWritePath = (path: string): boolean => /^auth\/w\//.test(path);

/** Validates the per-call options (before anything is queued or sent). */
export function checkRequestOptions(options: RequestOptions | undefined): RequestOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) return invalidArgument('options', 'an object { signal?, timeoutMs? }', options);
  if (options.timeoutMs !== undefined) validateDuration(options.timeoutMs, 'timeoutMs');
  const { signal } = options as { signal?: unknown };
  if (signal !== undefined && !(typeof signal === 'object' && signal !== null && 'aborted' in signal && 'addEventListener' in signal)) {
    invalidArgument('signal', 'an AbortSignal', signal);
  }
  return options;
}

/** Creates the transport. */
export function createTransport(config: TransportConfig): Transport {
  const { logger, pacer } = config;
  const exchange: Exchange = createHttp({ host: config.host, fetch: config.fetch, logger });
  const nonceRetry = config.nonceRetry ?? DEFAULT_NONCE_RETRY;

  /** One attempt: token, lane turn, exchange, within `timeoutMs` and the caller's signal. */
  async function attempt(req: TransportRequest, options: RequestOptions, held?: PacingTicket): Promise<unknown> {
    const { signal } = options;
    const timeoutMs = options.timeoutMs ?? config.timeoutMs;
    if (signal?.aborted) {
      held?.release();
      throw new BfxAbortError();
    }
    const creds = config.credentials;
    if (req.auth && creds === undefined) throw new BfxCredentialsError(`${req.path} needs apiKey and apiSecret`);
    const controller = new AbortController();
    let timedOut = false;
    let sent = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new BfxTimeoutError(`${req.path} timed out after ${timeoutMs} ms`, { timeoutMs, endpoint: req.path }));
    }, timeoutMs);
    const onAbort = (): void => controller.abort(new BfxAbortError(`${req.path} was aborted`));
    signal?.addEventListener('abort', onAbort, { once: true });
    let ticket: PacingTicket | undefined = held;
    const send = (signing?: Signing, dispatched?: () => void): Promise<unknown> =>
      exchange(req, controller.signal, () => {
        sent = true;
        ticket?.commit();
        dispatched?.();
      }, signing);
    try {
      // The token first, then the key's lane: a call waiting for a throttled route never holds
      // up the key's other signed calls, and its nonce is drawn only once it can leave.
      ticket ??= await pacer?.take(req.path, controller.signal);
      if (req.auth && creds !== undefined) {
        const { apiKey, apiSecret } = creds;
        return await creds.lane.run((nonce, dispatched) => send({ apiKey, apiSecret, nonce }, dispatched), controller.signal);
      }
      return await send();
    } catch (err) {
      throw classify(req, err, { sent, timedOut, timeoutMs, aborted: signal?.aborted === true });
    } finally {
      ticket?.release();
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  return {
    async request(req, rawOptions) {
      const options = checkRequestOptions(rawOptions);
      let nonceRetries = 0;
      let held: PacingTicket | undefined;
      for (let retries = 0; ; ) {
        try {
          const ticket = held;
          held = undefined;
          return await attempt(req, options, ticket);
        } catch (err) {
          if (err instanceof BfxRateLimitError) {
            pacer?.penalise(req.path);
            const policy = config.retry;
            if (policy === undefined) throw err;
            if (retries >= policy.retries) {
              throw new BfxRateLimitError(`${err.message} (gave up after ${retries} retries)`, {
                status: err.status, endpoint: err.endpoint, bfxCode: err.bfxCode, retries,
              });
            }
            retries++;
            if (pacer !== undefined) {
              logger?.warn({ endpoint: req.path, retry: retries, delayMs: pacer.waitMs(req.path) }, 'bfx rest rate limited, retrying after the block');
              // The wait for the penalised bucket is not part of the next attempt's timeout.
              held = await waitForToken(pacer, req.path, options.signal);
            } else {
              const delayMs = backoffDelay(retries - 1, policy);
              logger?.warn({ endpoint: req.path, retry: retries, delayMs }, 'bfx rest rate limited, retrying');
              await sleep(delayMs, options.signal);
            }
            continue;
          }
          if (err instanceof BfxApiError && err.bfxCode === NONCE_SMALL && req.auth && nonceRetries < nonceRetry.retries) {
            const delayMs = nonceRetry.delayMs * 2 ** nonceRetries;
            nonceRetries++;
            logger?.warn({ endpoint: req.path, retry: nonceRetries, delayMs }, 'bfx rest nonce refused (10114), retrying with a fresh nonce');
            await sleep(delayMs, options.signal);
            continue;
          }
          throw err;
        }
      }
    },
  };

  /** Waits for a token of the penalised bucket, held for the next attempt. */
  async function waitForToken(p: Pacer, path: string, signal: AbortSignal | undefined): Promise<PacingTicket> {
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(new BfxAbortError(`${path} was aborted`));
    if (signal?.aborted) throw new BfxAbortError(`${path} was aborted`);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await p.take(path, controller.signal);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

interface AttemptState {
  readonly sent: boolean;
  readonly timedOut: boolean;
  readonly aborted: boolean;
  readonly timeoutMs: number;
}

/** Types a failed attempt by what is known of its outcome. */
function classify(req: TransportRequest, err: unknown, s: AttemptState): unknown {
  const failure = err instanceof ExchangeFailure ? err : undefined;
  const onWire = failure !== undefined ? failure.sent && !failure.notSentForSure : false;
  const interrupted = failure !== undefined || err instanceof BfxTimeoutError || err instanceof BfxAbortError;
  if (!interrupted) return err;
  if (onWire && isWritePath(req.path)) {
    const reason = s.timedOut ? 'timeout' : s.aborted ? 'aborted' : 'network';
    const what = reason === 'timeout' ? `timed out after ${s.timeoutMs} ms` : reason === 'aborted' ? 'was aborted' : `lost its connection (${reasonOf(failure?.cause)})`;
    const cid = typeof req.params.cid === 'number' ? req.params.cid : undefined;
    return new OutcomeUnknownError(`${req.path} was sent and ${what}: it may or may not have been executed`, {
      reason, endpoint: req.path, request: req.params, cid, timeoutMs: reason === 'timeout' ? s.timeoutMs : undefined, cause: failure?.cause,
    });
  }
  if (s.timedOut) return new BfxTimeoutError(`${req.path} timed out after ${s.timeoutMs} ms${s.sent ? '' : ' (not sent)'}`, { timeoutMs: s.timeoutMs, endpoint: req.path });
  if (s.aborted) return new BfxAbortError(`${req.path} was aborted${s.sent ? '' : ' (not sent)'}`);
  return failure !== undefined ? networkError(req, failure) : err;
}
