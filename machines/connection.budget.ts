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

/** Ask the governor for the next ticket (the backoff's end as `notBefore` when reconnecting). */
export function requestToken({ context, self, enqueue }: BudgetArgs, afterBackoff: boolean): void {
  const b = context.budget;
  if (b === null) return;
  const ticket = context.ticket + 1;
  enqueue.assign({ ticket });
  enqueue.sendTo(b.governor, {
    type: 'TOKEN.REQUEST',
    requester: self,
    ticket,
    key: budgetKeyOf(context.url),
    kind: b.kind,
    limit: b.limit,
    group: b.group,
    first: b.first,
    notBefore: Date.now() + (afterBackoff ? context.delayMs : 0),
  });
}

/** Stop waiting for the current ticket. */
export function cancelToken({ context, self, enqueue }: BudgetArgs): void {
  if (context.budget !== null) enqueue.sendTo(context.budget.governor, { type: 'TOKEN.CANCEL', requester: self, ticket: context.ticket });
}

/** After `socket.closed`: an upgrade refused with HTTP 429 blocks the host (the governor is told). */
export function reportRefusal({ context, event, enqueue }: BudgetArgs): void {
  const b = context.budget;
  if (b === null || event.type !== 'socket.closed' || event.code !== CLOSE_HTTP_REFUSED) return;
  enqueue.sendTo(b.governor, { type: 'TOKEN.PENALTY', key: budgetKeyOf(context.url), ...(b.blockMs === undefined ? {} : { blockMs: b.blockMs }) });
}
