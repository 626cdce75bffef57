/**
 * Options of the simulator's WebSocket face.
 *
 * @module
 */
import { BITFINEX_CONNECTION_LIMITS, type ConnectionLimit, type ResolvedConnectionLimits } from './connection-limits.js';

export type { ConnectionLimit } from './connection-limits.js';

/** WebSocket face options (`createBfxSimulator({ ws })`). */
export interface SimWsOptions {
  /** A channel idle for this long gets `[CHAN_ID,"hb"]` (default 15000 ms, as Bitfinex). */
  readonly heartbeatMs?: number;
  /** Subscriptions per socket before `10305 subscribe: limit` (default 25; the account channel does not count). */
  readonly maxSubscriptions?: number;
  /**
   * Shorthand for the public URL's limit: new connections per rolling minute per IP before the
   * upgrade is refused with HTTP 429, or false. Wins over `connectionLimits.public` when given.
   */
  readonly connectionsPerMinute?: number | false;
  /**
   * Connection-rate limits per IP: `true` enforces Bitfinex's (20 a minute on the public URL
   * `/ws/2`, 5 per 15 s on the authenticated URL `/ws/2/auth`), or give each limit (false =
   * off). Default true: Bitfinex's limits, which the client's connection budget respects.
   */
  readonly connectionLimits?: boolean | { readonly public?: ConnectionLimit | false; readonly auth?: ConnectionLimit | false };
  /** Close (without a close frame, like the real 1006) a socket with no subscription and no client traffic after this many ms (default false = never). */
  readonly idleCloseMs?: false | number;
  /** When true (default) the `auth` event must carry `authNonce` (strictly increasing per key, shared with REST); when false a missing nonce is replaced by a fresh one. */
  readonly authNonceRequired?: boolean;
}

/** The resolved WebSocket options. */
export interface ResolvedWsOptions {
  readonly heartbeatMs: number;
  readonly maxSubscriptions: number;
  readonly connectionLimits: ResolvedConnectionLimits;
  readonly idleCloseMs: false | number;
  readonly authNonceRequired: boolean;
  /** Market ticks per second per subscribed symbol. */
  readonly updatesPerSecond: number;
}

function resolveLimits(ws: SimWsOptions | undefined): ResolvedConnectionLimits {
  const given = ws?.connectionLimits ?? true;
  const base: ResolvedConnectionLimits =
    given === true ? BITFINEX_CONNECTION_LIMITS
      : given === false ? { public: false, auth: false }
        : { public: given.public ?? false, auth: given.auth ?? false };
  const perMinute = ws?.connectionsPerMinute;
  if (perMinute === undefined) return base;
  return { ...base, public: perMinute === false ? false : { count: perMinute, windowMs: 60_000 } };
}

/** Fills defaults. */
export function resolveWsOptions(ws: SimWsOptions | undefined, updatesPerSecond: number | undefined): ResolvedWsOptions {
  return {
    heartbeatMs: ws?.heartbeatMs ?? 15_000,
    maxSubscriptions: ws?.maxSubscriptions ?? 25,
    connectionLimits: resolveLimits(ws),
    idleCloseMs: ws?.idleCloseMs ?? false,
    authNonceRequired: ws?.authNonceRequired ?? true,
    updatesPerSecond: updatesPerSecond ?? 5,
  };
}
