/**
 * Options of the simulator's WebSocket face.
 *
 * @module
 */

/** WebSocket face options (`createBfxSimulator({ ws })`). */
export interface SimWsOptions {
  /** A channel idle for this long gets `[CHAN_ID,"hb"]` (default 15000 ms, as Bitfinex). */
  readonly heartbeatMs?: number;
  /** Subscriptions per socket before `10305 subscribe: limit` (default 25; the account channel does not count). */
  readonly maxSubscriptions?: number;
  /** New connections per rolling minute per IP before the upgrade is refused with HTTP 429 (default 20), or false. */
  readonly connectionsPerMinute?: number | false;
  /** Close (without a close frame, like the real 1006) a socket with no subscription and no client traffic after this many ms (default false = never). */
  readonly idleCloseMs?: false | number;
  /** When true (default) the `auth` event must carry `authNonce` (strictly increasing per key, shared with REST); when false a missing nonce is replaced by a fresh one. */
  readonly authNonceRequired?: boolean;
}

/** The resolved WebSocket options. */
export interface ResolvedWsOptions {
  readonly heartbeatMs: number;
  readonly maxSubscriptions: number;
  readonly connectionsPerMinute: number | false;
  readonly idleCloseMs: false | number;
  readonly authNonceRequired: boolean;
  /** Market ticks per second per subscribed symbol. */
  readonly updatesPerSecond: number;
}

/** Fills defaults. */
export function resolveWsOptions(ws: SimWsOptions | undefined, updatesPerSecond: number | undefined): ResolvedWsOptions {
  return {
    heartbeatMs: ws?.heartbeatMs ?? 15_000,
    maxSubscriptions: ws?.maxSubscriptions ?? 25,
    connectionsPerMinute: ws?.connectionsPerMinute ?? 20,
    idleCloseMs: ws?.idleCloseMs ?? false,
    authNonceRequired: ws?.authNonceRequired ?? true,
    updatesPerSecond: updatesPerSecond ?? 5,
  };
}
