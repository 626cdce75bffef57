/**
 * The rate-limit backoff: exponential growth, cap, jitter bounds, and an abortable sleep
 * (fake timers, no real waiting).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BfxAbortError } from '../../src/errors.js';
import { backoffDelay, DEFAULT_RETRY_POLICY } from '../../src/rest/index.js';
import { resolveRetryPolicy, sleep } from '../../src/rest/retry.js';

describe('rate-limit backoff', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('doubles from the base delay, is capped, and jitters between half and all of it', () => {
    const policy = { retries: 10, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect([0, 1, 2, 3, 4, 8].map((n) => backoffDelay(n, policy, () => 1))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect([0, 1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0))).toEqual([50, 100, 200, 400, 500]);
    const d = backoffDelay(2, policy, Math.random);
    expect(d).toBeGreaterThanOrEqual(200);
    expect(d).toBeLessThanOrEqual(400);
  });

  it('is off unless asked, and `true` means the default policy', () => {
    expect(resolveRetryPolicy(undefined)).toBeUndefined();
    expect(resolveRetryPolicy(false)).toBeUndefined();
    expect(resolveRetryPolicy(true)).toBe(DEFAULT_RETRY_POLICY);
  });

  it('sleep resolves after its delay and rejects at once on abort', async () => {
    vi.useFakeTimers();
    let done = false;
    const p = sleep(1_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await p;
    expect(done).toBe(true);

    const ctrl = new AbortController();
    const aborted = sleep(60_000, ctrl.signal);
    ctrl.abort();
    await expect(aborted).rejects.toBeInstanceOf(BfxAbortError);
    expect(vi.getTimerCount()).toBe(0);
    await expect(sleep(10, ctrl.signal)).rejects.toBeInstanceOf(BfxAbortError);
  });
});
