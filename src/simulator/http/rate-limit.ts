/**
 * Per-key sliding-window rate limiting (requests per minute).
 *
 * @module
 */

const WINDOW_MS = 60_000;

/** A sliding one-minute window per key. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number,
  ) {}

  /** Records a request for `key`; false (not recorded) when the key is over its limit. */
  allow(key: string): boolean {
    const now = this.clock();
    const list = (this.hits.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
    if (list.length >= this.perMinute) {
      this.hits.set(key, list);
      return false;
    }
    list.push(now);
    this.hits.set(key, list);
    return true;
  }

  /** Forgets every recorded request. */
  reset(): void {
    this.hits.clear();
  }
}
