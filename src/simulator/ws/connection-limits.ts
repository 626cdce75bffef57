/**
 * Connection-rate limits of the WebSocket face, as Bitfinex documents them: at most 20 new
 * connections a minute per IP on the public URL and 5 per 15 s on the authenticated URL; an
 * upgrade over the limit is answered with HTTP 429. A sliding window per IP and URL kind.
 *
 * @module
 */

import { BITFINEX_CONNECTION_LIMITS, type ConnectionLimit } from '../../defaults.js';

export { BITFINEX_CONNECTION_LIMITS, type ConnectionLimit };

/** Which URL a connection came in on. */
export type ConnectionKind = 'public' | 'auth';

/** The resolved limits (false = not enforced). */
export interface ResolvedConnectionLimits {
  readonly public: ConnectionLimit | false;
  readonly auth: ConnectionLimit | false;
}

/** A sliding-window limiter per IP and kind. */
export class ConnectionLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limits: ResolvedConnectionLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Records a new connection; false (not recorded) when `ip` is over the limit of `kind`. */
  allow(kind: ConnectionKind, ip: string): boolean {
    const limit = this.limits[kind];
    if (limit === false) return true;
    const key = `${kind}|${ip}`;
    const now = this.clock();
    const list = (this.hits.get(key) ?? []).filter((t) => t > now - limit.windowMs);
    const ok = list.length < limit.count;
    if (ok) list.push(now);
    this.hits.set(key, list);
    return ok;
  }
}
