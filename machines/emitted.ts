/**
 * What the machines tell the host, as typed `emit()` events (listen with `actor.on(type, ...)`):
 * plain data only, so they can be logged and inspected. A connection emits its own events and
 * hands them to its supervisor (a ref in its input), which emits them again next to its own, so
 * an embedding app listens to one actor: the supervisor.
 *
 * @module
 */
import type { AuthInfo } from '../src/ws/account/events.js';

/** A plain error description (no class instances in machine events or context). */
export interface ErrorInfo {
  readonly code: string;
  readonly message: string;
  readonly bfxCode?: number;
  /** The timeout that ran out (`ERR_BFX_TIMEOUT`). */
  readonly timeoutMs?: number;
}

/** How a subscription ended. */
export type SubscriptionEnd = 'unsubscribed' | 'failed';

/** Events a connection emits (and its supervisor emits again). */
export type ConnectionEmitted =
  /** A connection attempt starts (`attempt` 1 for the first). */
  | { readonly type: 'connection.connecting'; readonly index: number; readonly attempt: number }
  /** The socket is open (after conf and auth); `downtimeMs` is null on the first open. */
  | { readonly type: 'connection.open'; readonly index: number; readonly attempts: number; readonly downtimeMs: number | null }
  /** The account channel is authenticated. */
  | { readonly type: 'connection.authenticated'; readonly index: number; readonly info: AuthInfo }
  /** An open socket was lost (once per loss). */
  | { readonly type: 'connection.lost'; readonly index: number; readonly code: number; readonly reason: string }
  /** An attempt failed before the socket was open (refused, timed out, conf refused). */
  | { readonly type: 'connection.attempt_failed'; readonly index: number; readonly attempt: number; readonly code: number; readonly reason: string }
  /** Waiting `delayMs` before attempt `attempt + 1`. */
  | { readonly type: 'connection.reconnecting'; readonly index: number; readonly attempt: number; readonly delayMs: number }
  /** Closed for good (by `CLOSE`, or with `error` when it gave up or was refused). */
  | { readonly type: 'connection.closed'; readonly index: number; readonly code: number; readonly reason: string; readonly error: ErrorInfo | null }
  /** Maintenance started (info 20060) or ended (20061). */
  | { readonly type: 'connection.maintenance'; readonly index: number; readonly active: boolean }
  /** A server `error` event that belongs to no subscription. */
  | { readonly type: 'connection.error'; readonly index: number; readonly error: ErrorInfo }
  /** The server acknowledged a subscription (again after a resubscribe). */
  | { readonly type: 'subscription.acked'; readonly index: number; readonly subId: string; readonly chanId: number; readonly resubscribed: boolean }
  /** A subscription ended (its actor is gone). */
  | { readonly type: 'subscription.ended'; readonly index: number; readonly subId: string; readonly state: SubscriptionEnd; readonly error: ErrorInfo | null };

/** Events a supervisor emits: every connection event, plus its own. */
export type SupervisorEmitted =
  | ConnectionEmitted
  /** A subscription was refused before reaching a connection (duplicate id, capacity, closed). */
  | { readonly type: 'subscription.rejected'; readonly subId: string; readonly error: ErrorInfo }
  /** Every socket lost in one outage is back: once per outage of the whole system. */
  | { readonly type: 'system.reconnection'; readonly attempts: number; readonly downtimeMs: number }
  /** The supervisor closed (after `CLOSE`): the code and reason given. */
  | { readonly type: 'system.closed'; readonly code: number; readonly reason: string };

/** What a connection says when a subscription is acked. */
export type SubscriptionAcked = Extract<ConnectionEmitted, { type: 'subscription.acked' }>;

/** What a connection sends its supervisor. */
export type ConnectionNotice =
  /** Any emitted event, to be emitted again by the supervisor. */
  | { readonly type: 'conn.emitted'; readonly event: ConnectionEmitted }
  /** The acks of one batch of `subscribed` replies, to be emitted again one by one. */
  | { readonly type: 'conn.acked'; readonly events: readonly SubscriptionAcked[] }
  /** 10305 on connection `index`: route the subscription elsewhere. */
  | { readonly type: 'conn.sub_limit'; readonly index: number; readonly subId: string };
