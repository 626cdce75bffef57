/**
 * Per-key sliding-window rate limiting, with the per-route limits of the client's shared table
 * (`src/rest/limits.ts`): the simulator refuses exactly what the client's pacing avoids.
 *
 * @module
 */
import { resolveRouteLimit } from '../../rest/limits.js';

/** Bitfinex counts requests per minute. */
export const WINDOW_MS = 60_000;

/** Options of the simulator's REST rate limit. */
export interface SimRateLimitOptions {
  /** One limit for every route (overrides the table; the historic single-number option). */
  readonly perMinute?: number;
  /** Requests per minute by bucket name, overriding the shared table. */
  readonly limits?: Readonly<Record<string, number>>;
  /** Limit of routes the table does not name (default: the table's default, 10). */
  readonly defaultPerMinute?: number;
  /** Length of the counting window (default 60000 ms; smaller values are for tests). */
  readonly windowMs?: number;
}

/** A sliding one-minute window per key, one limit for all keys (the WebSocket face's connection limit). */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number,
    private readonly windowMs = WINDOW_MS,
  ) {}

  /** Records a request for `key`; false (not recorded) when the key is over its limit. */
  allow(key: string, perMinute = this.perMinute): boolean {
    const now = this.clock();
    const list = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (list.length >= perMinute) {
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

/** The REST face's limiter: a sliding window per client and route bucket, limits from the shared table. */
export class RouteRateLimiter {
  private readonly window: RateLimiter;

  constructor(
    private readonly options: SimRateLimitOptions,
    clock: () => number,
  ) {
    this.window = new RateLimiter(0, clock, options.windowMs ?? WINDOW_MS);
  }

  /** Bucket name and limit of a request path (after `/v2/`), or of an explicit route bucket. */
  limitOf(path: string, bucket?: string): { readonly group: string; readonly perMinute: number } {
    const resolved = resolveRouteLimit(bucket ?? path, this.options.limits, this.options.defaultPerMinute);
    return { group: bucket ?? resolved.group, perMinute: this.options.perMinute ?? resolved.perMinute };
  }

  /** Records a request of `client` on `path`; false (not recorded) when its bucket is full. */
  allow(client: string, path: string, bucket?: string): boolean {
    const { group, perMinute } = this.limitOf(path, bucket);
    return this.window.allow(`${client}|${group}`, perMinute);
  }
}
