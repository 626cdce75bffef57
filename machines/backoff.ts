/**
 * Reconnection backoff maths: exponential growth from `initialMs` by `factor` up to `maxMs`, with a
 * symmetric jitter drawn from a seeded PRNG whose state lives in machine context (plain number), so
 * a machine's delays are deterministic for a given seed and delay functions stay pure.
 *
 * @module
 */

/** Backoff settings. */
export interface BackoffOptions {
  /** First delay (default 3 000 ms). */
  readonly initialMs: number;
  /** Cap (default 60 000 ms). */
  readonly maxMs: number;
  /** Growth per failed attempt (default 2). */
  readonly factor: number;
  /** Jitter as a fraction of the delay, 0–1 (default 0.2 → ±20 %). */
  readonly jitter: number;
}

/** The defaults: 3 s growing ×2 to 60 s with ±20 % jitter. */
export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 3_000, maxMs: 60_000, factor: 2, jitter: 0.2 };

/** Merge partial options over the defaults. */
export function resolveBackoff(partial: Partial<BackoffOptions> | undefined): BackoffOptions {
  return { ...DEFAULT_BACKOFF, ...partial };
}

/** One step of mulberry32: the next state and a float in [0, 1). */
export function nextRandom(state: number): { state: number; value: number } {
  const next = (state + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { state: next, value: ((t ^ (t >>> 14)) >>> 0) / 4294967296 };
}

/**
 * The delay before reconnect attempt `attempt` (1-based) and the new PRNG state.
 * Without jitter: `min(maxMs, initialMs × factor^(attempt-1))`; the jittered value never exceeds `maxMs`.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, rngState: number): { delayMs: number; rngState: number } {
  const base = Math.min(options.maxMs, options.initialMs * options.factor ** Math.max(0, attempt - 1));
  const { state, value } = nextRandom(rngState);
  const jittered = base * (1 - options.jitter + 2 * options.jitter * value);
  return { delayMs: Math.max(0, Math.min(options.maxMs, Math.round(jittered))), rngState: state };
}
