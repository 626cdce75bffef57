/**
 * The supervisor machine's vocabulary: input, context, events and output, and the pure helpers its
 * actions share (event fields, refusals, each connection's input and budget). Kept apart so the
 * chart file reads as the chart.
 *
 * @module
 */
import type { AnyActorRef, DoneActorEvent } from 'xstate';
import type { ConnectionLimits } from '../src/defaults.js';
import type { Subscription } from '../src/ws/contracts.js';
import type { BackoffOptions } from './backoff.js';
import type { ConnectionBudget } from './connection.budget.js';
import type { ConnectionInput, ConnectionOutput } from './connection.parts.js';
import type { ConnectionEmitted, ConnectionNotice, ErrorInfo, SupervisorEmitted } from './emitted.js';
import { totalCapacity, type RoutingTables } from './routing.js';

/** The connection budget of a system: the governor and the limits its handshakes fall under. */
export interface SupervisorBudget extends ConnectionLimits {
  /** The connection governor (one per process by default). */
  readonly governor: AnyActorRef;
  /** How long an HTTP 429 blocks a host (default 60 s). */
  readonly blockMs?: number;
}

/** Input of {@link supervisorMachine}. */
export interface SupervisorInput {
  /** Prefix of every system id (`${prefix}supervisor`, `${prefix}conn-0`, ...). Default `'bfx.'`. */
  readonly prefix?: string;
  readonly url: string;
  /** Number of connections (default 5). */
  readonly connections?: number;
  /** Subscriptions per connection (default 25). */
  readonly capacity?: number;
  /** Connection 0 authenticates. */
  readonly auth?: boolean;
  /** Conf flags for every connection. */
  readonly flags?: number;
  readonly backoff?: Partial<BackoffOptions>;
  /** Jitter seed (connection i uses seed + i). */
  readonly seed?: number;
  /** Start the connections at once (default false: on `CONNECT` or the first `SUBSCRIBE`). */
  readonly autoConnect?: boolean;
  /**
   * Open every connection at start (default false: connection 0 opens at start, connection N + 1
   * when the first N are full).
   */
  readonly eager?: boolean;
  /** The connection budget every handshake spends from (absent: unmetered). */
  readonly budget?: SupervisorBudget;
  /** Passed to every connection (timeouts, maxAttempts). */
  readonly connection?: Pick<
    ConnectionInput,
    'maxAttempts' | 'connectTimeoutMs' | 'confTimeoutMs' | 'authTimeoutMs' | 'closeTimeoutMs' | 'subscribeTimeoutMs' | 'unsubscribeTimeoutMs'
  >;
}

/** One outage of the system: from the first open socket lost until every socket lost in it is back. */
export interface Outage {
  readonly since: number;
  /** Connections lost in it and not back yet. */
  readonly lost: readonly number[];
  /** The most attempts any of them needed. */
  readonly attempts: number;
}

/**
 * Context of {@link supervisorMachine} (plain data). The routing tables (`intents` by connection, and derived from
 * them `loads` and `keys` per connection) are kept in step by every action that changes them.
 */
export interface SupervisorContext extends RoutingTables {
  readonly prefix: string;
  readonly url: string;
  readonly connections: number;
  readonly capacity: number;
  readonly auth: boolean;
  readonly flags: number;
  readonly backoff: Partial<BackoffOptions>;
  readonly seed: number;
  readonly autoConnect: boolean;
  readonly eager: boolean;
  readonly budget: SupervisorBudget | null;
  /** Connections spawned so far (0 … opened − 1). */
  readonly opened: number;
  readonly connection: NonNullable<SupervisorInput['connection']>;
  readonly limits: Readonly<Record<number, number>>;
  readonly dead: readonly number[];
  readonly outage: Outage | null;
  readonly closeCode: number;
  readonly closeReason: string;
}

/** One subscription to route. */
export interface SubscribeRequest {
  readonly sub: Subscription;
  /** Dedupe key (`book:tBTCUSD:P0:F0:25`). */
  readonly key: string;
}

/** Events the supervisor accepts. */
export type SupervisorEvent =
  | { type: 'CONNECT' }
  | { type: 'SUBSCRIBE'; sub: Subscription; key: string }
  /** Several subscribes at once (routed in order, exactly as that many `SUBSCRIBE` events would be). */
  | { type: 'SUBSCRIBE_BATCH'; subs: ReadonlyArray<SubscribeRequest> }
  | { type: 'UNSUBSCRIBE'; subId: string }
  | { type: 'RESYNC'; subId: string }
  | { type: 'CLOSE'; code?: number; reason?: string }
  | ConnectionNotice
  | DoneActorEvent<ConnectionOutput>;

/** Output of the supervisor. */
export interface SupervisorOutput {
  readonly code: number;
  readonly reason: string;
}

export const subIdOf = (event: SupervisorEvent): string =>
  event.type === 'SUBSCRIBE' ? event.sub.subId : 'subId' in event && typeof event.subId === 'string' ? event.subId : '';
export const keyOf = (event: SupervisorEvent): string => (event.type === 'SUBSCRIBE' ? event.key : '');
export const connId = (i: number): string => `conn-${i}`;
export const doneOutput = (event: SupervisorEvent): ConnectionOutput | null =>
  'output' in event && event.type.startsWith('xstate.done.actor.') ? event.output : null;
export const emittedOf = (event: SupervisorEvent): ConnectionEmitted | null => (event.type === 'conn.emitted' ? event.event : null);

export const capacityError = (context: SupervisorContext, bfxCode?: number): ErrorInfo => ({
  code: 'ERR_BFX_CAPACITY',
  message: `All ${context.connections} connections are full (${totalCapacity(context)} subscriptions in use; capacity ${context.capacity} per connection); raise the "connections" option`,
  ...(bfxCode === undefined ? {} : { bfxCode }),
});
export const rejected = (subId: string, error: ErrorInfo): SupervisorEmitted => ({ type: 'subscription.rejected', subId, error });
export const duplicate = (subId: string): SupervisorEmitted =>
  rejected(subId, { code: 'ERR_BFX_DUPLICATE_SUB_ID', message: `Subscription id "${subId}" is already in use; choose another subId` });
export const closedRefusal = (subId: string): SupervisorEmitted => rejected(subId, { code: 'ERR_BFX_CLOSED', message: 'The WebSocket client is closed' });

/**
 * Hosts whose every connection falls under the authenticated limit (Bitfinex documents 5 per 15 s
 * for `api.bitfinex.com`, public channels there included); elsewhere only the authenticating
 * connection does (the simulator's `/ws/2/auth` too).
 */
const AUTH_HOSTS = new Set(['api.bitfinex.com']);
const hostOf = (url: string): string => /^[a-z]+:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';

/** The budget connection `i` spends from (undefined: unmetered). */
function budgetOf(context: SupervisorContext, i: number, group: string): ConnectionBudget | undefined {
  const b = context.budget;
  if (b === null) return undefined;
  const first = context.auth && i === 0;
  const kind = first || AUTH_HOSTS.has(hostOf(context.url)) || /\/auth\/?$/.test(context.url) ? 'auth' : 'public';
  return { governor: b.governor, group, first, kind, limit: b[kind], ...(b.blockMs === undefined ? {} : { blockMs: b.blockMs }) };
}

/** The input of connection `i` (`self`: the supervisor, which gets its events). */
export function connectionInputOf(context: SupervisorContext, i: number, self: AnyActorRef): ConnectionInput {
  const budget = budgetOf(context, i, self.sessionId);
  return {
    ...context.connection,
    index: i,
    url: context.url,
    flags: context.flags,
    auth: context.auth && i === 0,
    supervisor: self,
    backoff: context.backoff,
    seed: context.seed + i,
    ...(budget === undefined ? {} : { budget }),
  };
}
