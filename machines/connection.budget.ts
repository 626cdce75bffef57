/**
 * A connection's side of the connection budget: what it asks the governor before each handshake
 * (`TOKEN.REQUEST`, its backoff's end as `notBefore`), how it stops asking (`TOKEN.CANCEL`) and
 * what it reports when the server refused the upgrade with HTTP 429 (`TOKEN.PENALTY`).
 *
 * @module
 */
import type { AnyActorRef } from 'xstate';
import type { ConnectionLimit } from '../src/defaults.js';
import { CLOSE_HTTP_REFUSED } from '../src/platform/socket-types.js';
import { budgetKeyOf, type BudgetKind } from './budget.js';
import type { GovernorEvent } from './governor.machine.js';

/** The budget a connection spends from (in its input; absent = unmetered, e.g. standalone tests). */
export interface ConnectionBudget {
  /** The governor (one per process by default). */
  readonly governor: AnyActorRef;
  /** The system it belongs to. */
  readonly group: string;
  /** Its system's authenticated connection: goes first (the group's others wait while it waits). */
  readonly first: boolean;
  /** Which limit applies. */
  readonly kind: BudgetKind;
  readonly limit: ConnectionLimit;
  /** How long a 429 blocks the host (default 60 s). */
  readonly blockMs?: number;
}

/** What the connection's actions hand these helpers. */
export interface BudgetArgs {
  readonly context: { readonly budget: ConnectionBudget | null; readonly url: string; readonly ticket: number; readonly delayMs: number };
  readonly event: { readonly type: string; readonly code?: unknown };
  readonly self: AnyActorRef;
  readonly enqueue: {
    assign(values: { ticket: number }): void;
    sendTo(to: AnyActorRef, event: GovernorEvent): void;
  };
}

/** Ask the governor for the next ticket. */
export function requestToken(args: BudgetArgs, afterBackoff: boolean): void {
  const request = tokenRequest(args, afterBackoff);
  if (request === null || args.context.budget === null) return;
  args.enqueue.assign({ ticket: args.context.ticket + 1 });
  args.enqueue.sendTo(args.context.budget.governor, request);
}

/** Stop waiting for the current ticket. */
export function cancelToken(args: BudgetArgs): void {
  const cancel = tokenCancel(args);
  if (cancel !== null && args.context.budget !== null) args.enqueue.sendTo(args.context.budget.governor, cancel);
}

/** After `socket.closed`: report an HTTP 429 at upgrade, so the governor blocks the host. */
export function reportRefusal(args: BudgetArgs): void {
  const penalty = args.event.type === 'socket.closed' ? tokenPenalty(args, typeof args.event.code === 'number' ? args.event.code : 0) : null;
  if (penalty !== null && args.context.budget !== null) args.enqueue.sendTo(args.context.budget.governor, penalty);
}

/** The request for the next ticket (null when unmetered). */
function tokenRequest({ context, self }: BudgetArgs, afterBackoff: boolean): GovernorEvent | null {
  const b = context.budget;
  if (b === null) return null;
  return {
    type: 'TOKEN.REQUEST',
    requester: self,
    ticket: context.ticket + 1,
    key: budgetKeyOf(context.url),
    kind: b.kind,
    limit: b.limit,
    group: b.group,
    first: b.first,
    notBefore: Date.now() + (afterBackoff ? context.delayMs : 0),
  };
}

/** Stop waiting for the current ticket (null when unmetered). */
function tokenCancel({ context, self }: BudgetArgs): GovernorEvent | null {
  return context.budget === null ? null : { type: 'TOKEN.CANCEL', requester: self, ticket: context.ticket };
}

/** The penalty for an upgrade refused with HTTP 429 (null for any other close, or when unmetered). */
function tokenPenalty({ context }: BudgetArgs, code: number): GovernorEvent | null {
  const b = context.budget;
  if (b === null || code !== CLOSE_HTTP_REFUSED) return null;
  return { type: 'TOKEN.PENALTY', key: budgetKeyOf(context.url), ...(b.blockMs === undefined ? {} : { blockMs: b.blockMs }) };
}
