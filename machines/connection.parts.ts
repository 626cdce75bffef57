/**
 * The connection machine's vocabulary: its constants, input, context, events and output, the
 * session-end reasons, what each emitted event carries, and the helpers its actions share (telling
 * the host, acking a subscription child). Kept apart so the chart file reads as the chart.
 *
 * @module
 */
import type { AnyActorRef, DoneActorEvent } from 'xstate';
import type { Subscription } from '../src/ws/contracts.js';
import {
  DEFAULT_AUTH_TIMEOUT_MS,
  DEFAULT_CLOSE_TIMEOUT_MS,
  DEFAULT_CONF_TIMEOUT_MS,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_SUBSCRIBE_TIMEOUT_MS,
  DEFAULT_UNSUBSCRIBE_TIMEOUT_MS,
} from '../src/defaults.js';
import { resolveBackoff, type BackoffOptions } from './backoff.js';
import type { ConnectionBudget } from './connection.budget.js';
import type { TokenGranted } from './governor.machine.js';
import { phaseOf, type SubEntry } from './children.js';
import type { ConnectionEmitted, ConnectionNotice, ErrorInfo, SubscriptionAcked } from './emitted.js';
import type { SocketEvent } from './socket-protocol.js';
import type { SubscriptionOutput, SubscriptionRequest } from './subscription.machine.js';

/** Info codes. */
export const INFO_RESTART = 20051;
export const INFO_MAINTENANCE_START = 20060;
export const INFO_MAINTENANCE_END = 20061;
/** Bitfinex error codes handled specially. */
export const ERR_SUB_DUP = 10301;
export const ERR_SUB_LIMIT = 10305;
export const ERR_UNSUB_NOT_SUBSCRIBED = 10401;
/** `nonce: small`: another signer on the key got there first; a fresh nonce fixes it. */
export const ERR_NONCE_SMALL = 10114;
/** Auth refusals for a small nonce retried (with a fresh nonce, after the backoff) before giving up. */
export const MAX_NONCE_RETRIES = 3;

/** Input of {@link connectionMachine}. */
export interface ConnectionInput {
  /** Index within the supervisor (connection 0 carries auth). */
  readonly index: number;
  readonly url: string;
  /** Conf flags (sent after `info`, on every connect). */
  readonly flags?: number;
  /** Authenticate after conf. */
  readonly auth?: boolean;
  /** The supervisor to hand emitted events and 10305 refusals to (absent when standalone). */
  readonly supervisor?: AnyActorRef;
  readonly backoff?: Partial<BackoffOptions>;
  /** PRNG seed for the backoff jitter. */
  readonly seed?: number;
  /** Give up (→ closed) after this many consecutive failed attempts; default never. */
  readonly maxAttempts?: number;
  /** Time allowed for the socket to open and send `info`. */
  readonly connectTimeoutMs?: number;
  /** Time allowed for the conf ack. */
  readonly confTimeoutMs?: number;
  /** Time allowed for the auth reply. */
  readonly authTimeoutMs?: number;
  /** Time allowed for a clean close. */
  readonly closeTimeoutMs?: number;
  /** Time for a subscribe ack, from when its frame was sent. */
  readonly subscribeTimeoutMs?: number;
  /** Time for an unsubscribe confirmation. */
  readonly unsubscribeTimeoutMs?: number;
  /** The connection budget to spend a token from before each handshake (absent: unmetered). */
  readonly budget?: ConnectionBudget;
}

/** Context of {@link connectionMachine} (plain data and child refs only). */
export interface ConnectionContext {
  readonly index: number;
  readonly url: string;
  readonly flags: number;
  readonly auth: boolean;
  readonly supervisor: AnyActorRef | null;
  readonly backoff: BackoffOptions;
  readonly rngState: number;
  /** Consecutive failed attempts since the last successful open. */
  readonly attempt: number;
  /** The delay chosen for the current `reconnecting` state. */
  readonly delayMs: number;
  readonly maxAttempts: number | null;
  readonly timeouts: {
    readonly connect: number;
    readonly conf: number;
    readonly auth: number;
    readonly close: number;
    readonly subscribe: number;
    readonly unsubscribe: number;
  };
  /** Maintenance in progress (info 20060 until 20061). */
  readonly paused: boolean;
  /** The socket of this session reached `open`. */
  readonly up: boolean;
  /** `Date.now()` when the connection was lost (null while up or before the first open). */
  readonly downSince: number | null;
  readonly code: number;
  readonly reason: string;
  readonly error: ErrorInfo | null;
  /** The subscription children, in subscribe order. */
  readonly subs: readonly SubEntry[];
  /** Children spawned so far (the readable ids' suffix). */
  readonly spawned: number;
  /** Consecutive auth refusals for a small nonce (10114). */
  readonly nonceRefusals: number;
  /** The connection budget (null: unmetered). */
  readonly budget: ConnectionBudget | null;
  /** The last token request's ticket (older grants are ignored). */
  readonly ticket: number;
}

/** Events a connection accepts. */
export type ConnectionEvent =
  | SocketEvent
  | SubscriptionRequest
  | { type: 'SUBSCRIBE'; sub: Subscription }
  /** Several subscriptions in one event (one spawn transition instead of one per subscription). */
  | { type: 'SUBSCRIBE_BATCH'; subs: readonly Subscription[] }
  | { type: 'UNSUBSCRIBE'; subId: string }
  | { type: 'RESYNC'; subId: string }
  | { type: 'RESYNC_ALL' }
  | { type: 'CLOSE'; code?: number; reason?: string }
  | TokenGranted
  | DoneActorEvent<SubscriptionOutput>;

/** Output of a closed connection. */
export interface ConnectionOutput {
  readonly index: number;
  readonly code: number;
  readonly reason: string;
  readonly error: ErrorInfo | null;
}

export type Args = { readonly context: ConnectionContext; readonly event: ConnectionEvent };
/** Why a session ended (the close code and reason kept in context). */
export interface SessionEnd {
  /** WebSocket close code. */
  readonly code: number;
  /** Close reason. */
  readonly reason: string;
  /** The sub id whose subscribe frame was the last one sent before the close, nothing received since. */
  readonly afterSubscribe?: string;
}

export const subIdOf = (event: ConnectionEvent): string =>
  event.type === 'SUBSCRIBE' ? event.sub.subId : 'subId' in event && typeof event.subId === 'string' ? event.subId : '';
/** The subscriptions a `SUBSCRIBE` / `SUBSCRIBE_BATCH` asks for. */
export const subsOf = (event: ConnectionEvent): readonly Subscription[] =>
  event.type === 'SUBSCRIBE' ? [event.sub] : event.type === 'SUBSCRIBE_BATCH' ? event.subs : [];
export const doneOutput = (event: ConnectionEvent): SubscriptionOutput | null =>
  'output' in event && event.type.startsWith('xstate.done.actor.') ? event.output : null;

export const TIMEOUT: SessionEnd = { code: 4000, reason: 'timeout waiting for the server' };
export const RESTART: SessionEnd = { code: 1012, reason: 'info 20051: server restart' };
export const CONF_REFUSED: SessionEnd = { code: 4000, reason: 'conf refused' };
export const NONCE_REFUSED: SessionEnd = { code: 4001, reason: 'auth refused for a small nonce (10114): retrying with a fresh one' };

/** What each emitted event carries (pure functions, used as dynamic action params). */
export const says = {
  connecting: ({ context }: Args): ConnectionEmitted => ({ type: 'connection.connecting', index: context.index, attempt: context.attempt + 1 }),
  open: ({ context }: Args): ConnectionEmitted => ({
    type: 'connection.open',
    index: context.index,
    attempts: context.attempt,
    downtimeMs: context.downSince === null ? null : Date.now() - context.downSince,
  }),
  authenticated: ({ context, event }: Args): ConnectionEmitted | null =>
    event.type === 'socket.auth.ok' ? { type: 'connection.authenticated', index: context.index, info: event.info } : null,
  reconnecting: ({ context }: Args): ConnectionEmitted => ({
    type: 'connection.reconnecting',
    index: context.index,
    attempt: context.attempt,
    delayMs: context.delayMs,
  }),
  closed: ({ context }: Args): ConnectionEmitted => ({
    type: 'connection.closed',
    index: context.index,
    code: context.code,
    reason: context.reason,
    error: context.error,
  }),
  maintenance: ({ context }: Args): ConnectionEmitted => ({ type: 'connection.maintenance', index: context.index, active: context.paused }),
  strayError: ({ context, event }: Args): ConnectionEmitted | null =>
    event.type === 'wire.error' ? { type: 'connection.error', index: context.index, error: event.error } : null,
};

/** What `enqueueActions` hands an action: just the two effects {@link tellVia} needs. */
export interface Teller {
  emit(event: ConnectionEmitted): void;
  sendTo(to: AnyActorRef, event: ConnectionNotice): void;
}

/** Emit `said` and hand it to the supervisor (if any). */
export function tellVia(enqueue: Teller, context: ConnectionContext, said: ConnectionEmitted | null): void {
  if (said === null) return;
  enqueue.emit(said);
  if (context.supervisor !== null) enqueue.sendTo(context.supervisor, { type: 'conn.emitted', event: said });
}

/**
 * Ack `entry` on `chanId`, and give what to say (`subscription.acked`) unless it was cancelled
 * meanwhile (it then unsubscribes: `null`). The ack is sent first, so listeners of the event see
 * the subscription active.
 */
export function ack(enqueue: { sendTo(to: AnyActorRef, event: { type: 'ACK'; chanId: number; shared: boolean }): void }, context: ConnectionContext, entry: SubEntry, chanId: number, shared: boolean): SubscriptionAcked | null {
  const phase = phaseOf(entry);
  enqueue.sendTo(entry.ref, { type: 'ACK', chanId, shared });
  if (phase === 'cancelling') return null;
  return { type: 'subscription.acked', index: context.index, subId: entry.subId, chanId, resubscribed: phase === 'resubscribing.subscribing' };
}

export const closeOf = ({ event }: Args): SessionEnd =>
  event.type === 'socket.closed' ? { code: event.code, reason: event.reason, afterSubscribe: event.afterSubscribe } : { code: 1006, reason: '' };

/** What the close and failure actions store (pure functions of the event, for `assign`). */
export const stored = {
  closeRequest: ({ event }: Args): Partial<ConnectionContext> =>
    event.type === 'CLOSE' ? { code: event.code ?? 1000, reason: event.reason ?? 'closed by the user' } : {},
  badVersion: ({ event }: Args): Partial<ConnectionContext> => ({
    code: 1002,
    reason: 'unsupported API version',
    error: {
      code: 'ERR_BFX_PROTOCOL',
      message: `Unsupported WebSocket API version ${event.type === 'socket.info' ? String(event.version) : '?'} (expected 2)`,
    },
  }),
  authFailure: ({ event }: Args): Partial<ConnectionContext> =>
    event.type === 'socket.auth.failed' ? { code: 4001, reason: 'authentication failed', error: event.error } : {},
  giveUp: ({ context }: Args): Partial<ConnectionContext> => ({
    error: { code: 'ERR_BFX_NETWORK', message: `Gave up after ${context.attempt} failed connection attempts` },
  }),
};

/** The context a connection starts with. */
export function initialContext(input: ConnectionInput): ConnectionContext {
  return {
    index: input.index,
    url: input.url,
    flags: input.flags ?? 0,
    auth: input.auth ?? false,
    supervisor: input.supervisor ?? null,
    backoff: resolveBackoff(input.backoff),
    rngState: input.seed ?? 0x9e3779b9 + input.index,
    attempt: 0,
    delayMs: 0,
    maxAttempts: input.maxAttempts ?? null,
    timeouts: {
      connect: input.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      conf: input.confTimeoutMs ?? DEFAULT_CONF_TIMEOUT_MS,
      auth: input.authTimeoutMs ?? DEFAULT_AUTH_TIMEOUT_MS,
      close: input.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS,
      subscribe: input.subscribeTimeoutMs ?? DEFAULT_SUBSCRIBE_TIMEOUT_MS,
      unsubscribe: input.unsubscribeTimeoutMs ?? DEFAULT_UNSUBSCRIBE_TIMEOUT_MS,
    },
    paused: false,
    up: false,
    downSince: null,
    code: 1000,
    reason: '',
    error: null,
    subs: [],
    spawned: 0,
    nonceRefusals: 0,
    budget: input.budget ?? null,
    ticket: 0,
  };
}
