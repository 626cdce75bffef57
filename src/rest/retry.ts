/**
 * Opt-in retry on rate limits: exponential backoff with jitter, interrupted by an abort.
 *
 * @module
 */
import { BfxAbortError } from '../errors.js';

/** Backoff policy of the rate-limit retry. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly retries: number;
  /** Delay before the first retry (before jitter). */
  readonly baseDelayMs: number;
  /** Upper bound of any delay. */
  readonly maxDelayMs: number;
}

/** The policy used by `retry: { rateLimit: true }`. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, baseDelayMs: 1_000, maxDelayMs: 60_000 };

/** Resolves the `retry.rateLimit` option to a policy, or undefined when retry is off. */
export function resolveRetryPolicy(option: boolean | RetryPolicy | undefined): RetryPolicy | undefined {
  if (option === undefined || option === false) return undefined;
  return option === true ? DEFAULT_RETRY_POLICY : option;
}

/**
 * Delay before retry number `attempt` (0-based): `min(max, base · 2^attempt)`, then "equal
 * jitter" (a uniform value between half and all of it).
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const capped = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(capped / 2 + (random() * capped) / 2);
}

/** Waits `ms`, rejecting with {@link BfxAbortError} as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new BfxAbortError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new BfxAbortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
