/**
 * The connection governor: one budget of new WebSocket connections per process, shared by every
 * system in it and keyed by host and path. A connection asks it for a token before every
 * handshake, first connect and reconnect alike (`TOKEN.REQUEST`, with the end of its backoff as
 * `notBefore`); the governor answers `TOKEN.GRANTED` when the key's limit allows (see
 * {@link passBudget}: authenticated connections first, and a system's public connections wait while
 * its authenticated one does). An HTTP 429 at upgrade (`TOKEN.PENALTY`) blocks the key for the
 * server's block time. `idle` has no one waiting; `serving` re-arms its timer for the next token.
 *
 * It emits `budget.granted` (with how long the request waited) and `budget.blocked`.
 *
 * @module
 */
import { assign, enqueueActions, setup, type ActorRefFrom, type AnyActorRef } from 'xstate';
import { DEFAULT_CONNECTION_BLOCK_MS } from '../src/defaults.js';
import { passBudget, type BudgetKind, type BudgetState, type TokenRequest } from './budget.js';

export type { BudgetKind, TokenRequest } from './budget.js';

/** What a connection sends the governor. */
export type GovernorEvent =
  /** A handshake waits for its token (the request's fields but its arrival order, which the governor keeps). */
  | ({ readonly type: 'TOKEN.REQUEST' } & Omit<TokenRequest<AnyActorRef>, 'seq'>)
  /** The requester no longer waits (closed, or granted by a previous ticket). */
  | { readonly type: 'TOKEN.CANCEL'; readonly requester: AnyActorRef; readonly ticket: number }
  /** The server refused a handshake on `key` with HTTP 429: spend nothing there for `blockMs`. */
  | { readonly type: 'TOKEN.PENALTY'; readonly key: string; readonly blockMs?: number };

/** What the governor answers a requester. */
export interface TokenGranted {
  readonly type: 'TOKEN.GRANTED';
  readonly ticket: number;
}

/** What the governor emits. */
export type GovernorEmitted =
  /** A handshake may go: `requester` is the connection's actor id (`conn-3`), `waitedMs` the wait beyond its backoff. */
  | { readonly type: 'budget.granted'; readonly key: string; readonly kind: BudgetKind; readonly group: string; readonly requester: string; readonly waitedMs: number }
  | { readonly type: 'budget.blocked'; readonly key: string; readonly untilMs: number };

/** Context of {@link governorMachine}: the budget, plus counters for observers. */
export interface GovernorContext extends BudgetState<AnyActorRef> {
  /** Arrival counter (orders the queue). */
  readonly seq: number;
  /** When to look at the queue again (null when nobody waits). */
  readonly wakeAt: number | null;
  /** Tokens granted so far. */
  readonly grants: number;
  /** HTTP 429s reported so far. */
  readonly penalties: number;
}

const isActive = (ref: AnyActorRef): boolean => ref.getSnapshot().status === 'active';

/** The connection governor machine. */
export const governorMachine = setup({
  types: {
    context: {} as GovernorContext,
    events: {} as GovernorEvent,
    emitted: {} as GovernorEmitted,
  },
  delays: {
    untilNextToken: ({ context }) => Math.max(0, (context.wakeAt ?? Date.now()) - Date.now()),
  },
  guards: {
    nobodyWaits: ({ context }) => context.queue.length === 0,
  },
  actions: {
    /** Queue a request (a newer ticket of the same requester replaces the older one). */
    enqueue: assign(({ context, event }) => {
      if (event.type !== 'TOKEN.REQUEST') return {};
      const { type: _type, ...rest } = event;
      const request: TokenRequest<AnyActorRef> = { ...rest, seq: context.seq };
      return { queue: [...context.queue.filter((r) => r.requester !== event.requester), request], seq: context.seq + 1 };
    }),
    cancel: assign(({ context, event }) =>
      event.type === 'TOKEN.CANCEL' ? { queue: context.queue.filter((r) => r.requester !== event.requester || r.ticket > event.ticket) } : {},
    ),
    /** A 429: block the key (the longer block wins). */
    penalise: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'TOKEN.PENALTY') return;
      const untilMs = Math.max(context.blockedUntil[event.key] ?? 0, Date.now() + (event.blockMs ?? DEFAULT_CONNECTION_BLOCK_MS));
      enqueue.assign({ blockedUntil: { ...context.blockedUntil, [event.key]: untilMs }, penalties: context.penalties + 1 });
      enqueue.emit({ type: 'budget.blocked', key: event.key, untilMs });
    }),
    /** Grant what may go now and remember when to look again. */
    serve: enqueueActions(({ context, enqueue }) => {
      const now = Date.now();
      const pass = passBudget(context, now, isActive);
      for (const r of pass.granted) {
        enqueue.sendTo(r.requester, { type: 'TOKEN.GRANTED', ticket: r.ticket } satisfies TokenGranted);
        enqueue.emit({ type: 'budget.granted', key: r.key, kind: r.kind, group: r.group, requester: r.requester.id, waitedMs: Math.max(0, now - r.notBefore) });
      }
      const blockedUntil: Record<string, number> = {};
      for (const key in pass.blockedUntil) {
        const until = pass.blockedUntil[key] ?? 0;
        if (until > now) blockedUntil[key] = until;
      }
      enqueue.assign({ hits: pass.hits, blockedUntil, queue: pass.queue, wakeAt: pass.wakeAt, grants: context.grants + pass.granted.length });
    }),
  },
}).createMachine({
  id: 'governor',
  context: { hits: {}, blockedUntil: {}, queue: [], seq: 0, wakeAt: null, grants: 0, penalties: 0 },
  initial: 'idle',
  states: {
    idle: {
      on: {
        'TOKEN.REQUEST': { target: 'serving', actions: 'enqueue' },
        'TOKEN.PENALTY': { actions: 'penalise' },
      },
    },
    serving: {
      entry: 'serve',
      always: { guard: 'nobodyWaits', target: 'idle' },
      after: { untilNextToken: { target: 'serving', reenter: true } },
      on: {
        'TOKEN.REQUEST': { target: 'serving', reenter: true, actions: 'enqueue' },
        'TOKEN.CANCEL': { target: 'serving', reenter: true, actions: 'cancel' },
        'TOKEN.PENALTY': { target: 'serving', reenter: true, actions: 'penalise' },
      },
    },
  },
});

/** A running governor. */
export type GovernorActorRef = ActorRefFrom<typeof governorMachine>;
