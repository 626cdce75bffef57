/**
 * The supervisor: spawns the connection actors (`connections`, system ids prefixed from input so
 * several systems share one host), keeps the intent list (sub id → connection, key, request),
 * routes each new subscription to the least-loaded connection with room (`capacity` each),
 * refuses with a capacity error when every connection is full, re-routes on 10305 and forwards
 * unsubscribes and resyncs. Connections replay their subscriptions after every reconnect.
 *
 * It emits every event its connections hand it ({@link SupervisorEmitted}) plus its own: refusals,
 * `system.reconnection` once per outage of the whole system (when the last socket lost in it is
 * back) and `system.closed`. `SUBSCRIBE_BATCH` routes many subscriptions in one event, exactly as
 * the same `SUBSCRIBE`s one by one would; the routing tables are kept incrementally.
 *
 * @module
 */
import { assign, emit, enqueueActions, raise, setup, type ActorRefFrom, type AnyActorRef } from 'xstate';
import { DEFAULT_CAPACITY, DEFAULT_CONNECTIONS, DEFAULT_PREFIX } from '../src/defaults.js';
import { connectionMachine } from './connection.machine.js';
import type { Subscription } from '../src/ws/contracts.js';
import type { ErrorInfo, SupervisorEmitted } from './emitted.js';
import { emptyTables, intentOf, loadOf, pickConnection, RoutingDraft } from './routing.js';
import {
  capacityError,
  closedRefusal,
  connectionInputOf,
  connId,
  doneOutput,
  duplicate,
  emittedOf,
  keyOf,
  rejected,
  subIdOf,
  type SupervisorContext,
  type SupervisorEvent,
  type SupervisorInput,
  type SupervisorOutput,
} from './supervisor.parts.js';

export type { Outage, SubscribeRequest, SupervisorBudget, SupervisorContext, SupervisorEvent, SupervisorInput, SupervisorOutput } from './supervisor.parts.js';

/**
 * Opens connections lazily: `upTo(conn)` spawns every connection not opened yet up to `conn`
 * (they open in index order), `count` is how many are open after.
 */
function opener(context: SupervisorContext, self: AnyActorRef, spawn: (args: { id: string; systemId: string; input: ReturnType<typeof connectionInputOf> }) => void) {
  let count = context.opened;
  return {
    upTo(conn: number): void {
      for (; count <= conn; count++) spawn({ id: connId(count), systemId: `${context.prefix}${connId(count)}`, input: connectionInputOf(context, count, self) });
    },
    get count(): number {
      return count;
    },
  };
}

/** Subscriptions bound for connections, by connection (each gets one `SUBSCRIBE_BATCH`: one spawn transition). */
type Outbox = Map<number, Subscription[]>;
function post(outbox: Outbox, conn: number, sub: Subscription): void {
  const list = outbox.get(conn);
  if (list === undefined) outbox.set(conn, [sub]);
  else list.push(sub);
}

/** The supervisor machine. */
export const supervisorMachine = setup({
  types: {
    input: {} as SupervisorInput,
    context: {} as SupervisorContext,
    events: {} as SupervisorEvent,
    emitted: {} as SupervisorEmitted,
    output: {} as SupervisorOutput,
  },
  actors: {
    connection: connectionMachine,
  },
  guards: {
    isDuplicate: ({ context, event }) => intentOf(context, subIdOf(event)) !== undefined,
    isFull: ({ context, event }) => pickConnection(context, keyOf(event)) === null,
    isKnown: ({ context, event }) => intentOf(context, subIdOf(event)) !== undefined,
    autoConnect: ({ context }) => context.autoConnect,
    allClosed: ({ context }) => context.dead.length >= context.opened,
    /** A connection says a subscription ended. */
    isEnd: ({ event }) => emittedOf(event)?.type === 'subscription.ended',
    /** A connection says it lost its socket or opened one. */
    isUpOrDown: ({ event }) => {
      const type = emittedOf(event)?.type;
      return type === 'connection.lost' || type === 'connection.open';
    },
  },
  actions: {
    /** Connection 0 (every connection when `eager`); the others open when they are needed. */
    spawnConnections: enqueueActions(({ context, enqueue, self }) => {
      const open = opener(context, self, (args) => enqueue.spawnChild('connection', args));
      open.upTo(context.eager ? context.connections - 1 : 0);
      enqueue.assign({ opened: open.count });
    }),
    reraise: raise(({ event }) => event),
    refuseDuplicate: emit(({ event }) => duplicate(subIdOf(event))),
    refuseFull: emit(({ context, event }) => rejected(subIdOf(event), capacityError(context))),
    refuseClosed: emit(({ event }) => closedRefusal(subIdOf(event))),
    route: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'SUBSCRIBE') return;
      const conn = pickConnection(context, event.key);
      if (conn === null) return;
      const draft = new RoutingDraft(context);
      draft.set(event.sub.subId, event.key, conn, event.sub);
      const open = opener(context, self, (args) => enqueue.spawnChild('connection', args));
      open.upTo(conn);
      enqueue.assign({ ...draft.tables(), opened: open.count });
      enqueue.sendTo(connId(conn), { type: 'SUBSCRIBE', sub: event.sub });
    }),
    /**
     * Route a batch in order, exactly as one `SUBSCRIBE` each would (duplicate, full or routed),
     * with one copy of the routing tables for the whole batch.
     */
    routeBatch: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'SUBSCRIBE_BATCH') return;
      const draft = new RoutingDraft(context);
      const open = opener(context, self, (args) => enqueue.spawnChild('connection', args));
      const outbox: Outbox = new Map();
      for (const { sub, key } of event.subs) {
        if (intentOf(draft, sub.subId) !== undefined) {
          enqueue.emit(duplicate(sub.subId));
          continue;
        }
        const conn = pickConnection(draft, key);
        if (conn === null) {
          enqueue.emit(rejected(sub.subId, capacityError(context)));
          continue;
        }
        draft.set(sub.subId, key, conn, sub);
        open.upTo(conn);
        post(outbox, conn, sub);
      }
      enqueue.assign({ ...draft.tables(), opened: open.count });
      for (const [conn, subs] of outbox) enqueue.sendTo(connId(conn), { type: 'SUBSCRIBE_BATCH', subs });
    }),
    refuseClosedBatch: enqueueActions(({ event, enqueue }) => {
      if (event.type !== 'SUBSCRIBE_BATCH') return;
      for (const { sub } of event.subs) enqueue.emit(closedRefusal(sub.subId));
    }),
    /** 10305 on `index`: lower its capacity to its current load and try another connection. */
    reroute: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'conn.sub_limit') return;
      const intent = intentOf(context, event.subId);
      if (intent === undefined || intent.sub === undefined) return;
      if (intent.ending) {
        // Unsubscribed while its subscribe was refused: nothing to move, it is over.
        const draft = new RoutingDraft(context);
        draft.delete(event.subId);
        enqueue.assign(draft.tables());
        enqueue.emit({ type: 'subscription.ended', index: event.index, subId: event.subId, state: 'unsubscribed', error: null });
        return;
      }
      const limits = { ...context.limits, [event.index]: loadOf(context, event.index, event.subId) };
      const draft = new RoutingDraft(context, limits);
      const next = pickConnection(draft, intent.key, [event.index], event.subId);
      if (next === null) draft.delete(event.subId);
      else draft.set(event.subId, intent.key, next);
      const open = opener(context, self, (args) => enqueue.spawnChild('connection', args));
      if (next !== null) open.upTo(next);
      enqueue.assign({ limits, ...draft.tables(), opened: open.count });
      if (next !== null) enqueue.sendTo(connId(next), { type: 'SUBSCRIBE', sub: intent.sub });
      else enqueue.emit(rejected(event.subId, capacityError({ ...context, limits }, 10305)));
    }),
    forwardUnsubscribe: enqueueActions(({ context, event, enqueue }) => {
      const intent = intentOf(context, subIdOf(event));
      if (intent === undefined) return;
      const draft = new RoutingDraft(context);
      draft.end(subIdOf(event));
      enqueue.assign(draft.tables());
      enqueue.sendTo(connId(intent.conn), { type: 'UNSUBSCRIBE', subId: subIdOf(event) });
    }),
    forwardResync: enqueueActions(({ context, event, enqueue }) => {
      const intent = intentOf(context, subIdOf(event));
      if (intent !== undefined) enqueue.sendTo(connId(intent.conn), { type: 'RESYNC', subId: subIdOf(event) });
    }),
    /** Emit what a connection said, as it said it. */
    relay: emit(({ event }) => emittedOf(event) ?? { type: 'system.closed', code: 0, reason: '' }),
    /** Emit a batch of acks, one event each, in order. */
    relayAcks: enqueueActions(({ event, enqueue }) => {
      if (event.type === 'conn.acked') for (const acked of event.events) enqueue.emit(acked);
    }),
    /** A subscription ended on its connection: it is no longer wanted. */
    forgetEnded: assign(({ context, event }) => {
      const said = emittedOf(event);
      if (said?.type !== 'subscription.ended' || context.intents[said.index]?.[said.subId] === undefined) return {};
      const draft = new RoutingDraft(context);
      draft.delete(said.subId);
      return draft.tables();
    }),
    /** Follow the outage: opens on the first open socket lost, ends (once) when every lost socket is back. */
    trackOutage: enqueueActions(({ context, event, enqueue }) => {
      const said = emittedOf(event);
      const outage = context.outage;
      if (said?.type === 'connection.lost') {
        const lost = outage?.lost.includes(said.index) ? outage.lost : [...(outage?.lost ?? []), said.index];
        enqueue.assign({ outage: { since: outage?.since ?? Date.now(), lost, attempts: outage?.attempts ?? 0 } });
      } else if (said?.type === 'connection.open' && outage !== null && outage.lost.includes(said.index)) {
        const lost = outage.lost.filter((i) => i !== said.index);
        const attempts = Math.max(outage.attempts, said.attempts);
        if (lost.length > 0) {
          enqueue.assign({ outage: { ...outage, lost, attempts } });
          return;
        }
        enqueue.assign({ outage: null });
        enqueue.emit({ type: 'system.reconnection', attempts, downtimeMs: Date.now() - outage.since });
      }
    }),
    /**
     * A connection closed for good (auth failure, bad version, gave up): its subscriptions move to
     * connections that still live (an intent is never lost while the system lives); only those that
     * fit nowhere end, failed with the connection's error.
     */
    buryConnection: enqueueActions(({ context, event, enqueue, self }, options: { readonly reroute: boolean }) => {
      const out = doneOutput(event);
      if (out === null) return;
      const dead = context.dead.includes(out.index) ? context.dead : [...context.dead, out.index];
      const draft = new RoutingDraft({ ...context, dead });
      const open = opener(context, self, (args) => enqueue.spawnChild('connection', args));
      const error: ErrorInfo = out.error ?? { code: 'ERR_BFX_CLOSED', message: `Connection ${out.index} closed (${out.code} ${out.reason})` };
      const outbox: Outbox = new Map();
      for (const [subId, intent] of Object.entries(context.intents[out.index] ?? {})) {
        const next = !options.reroute || intent.ending || intent.sub === undefined ? null : pickConnection(draft, intent.key, [out.index], subId);
        if (next !== null && intent.sub !== undefined) {
          draft.set(subId, intent.key, next);
          open.upTo(next);
          post(outbox, next, intent.sub);
          continue;
        }
        draft.delete(subId);
        enqueue.emit({ type: 'subscription.ended', index: out.index, subId, state: intent.ending ? 'unsubscribed' : 'failed', error: intent.ending ? null : error });
      }
      const outage = context.outage;
      const lost = outage?.lost.filter((i) => i !== out.index) ?? [];
      enqueue.assign({ ...draft.tables(), opened: open.count, dead, outage: outage === null || lost.length === 0 ? null : { ...outage, lost } });
      for (const [conn, subs] of outbox) enqueue.sendTo(connId(conn), { type: 'SUBSCRIBE_BATCH', subs });
    }),
    storeClose: assign(({ event }) =>
      event.type === 'CLOSE' ? { closeCode: event.code ?? 1000, closeReason: event.reason ?? 'closed by the user' } : {},
    ),
    closeConnections: enqueueActions(({ context, enqueue }) => {
      for (let i = 0; i < context.opened; i++) {
        if (!context.dead.includes(i)) enqueue.sendTo(connId(i), { type: 'CLOSE', code: context.closeCode, reason: context.closeReason });
      }
    }),
    emitClosed: emit(({ context }) => ({ type: 'system.closed' as const, code: context.closeCode, reason: context.closeReason })),
  },
}).createMachine({
  id: 'supervisor',
  context: ({ input }) => ({
    prefix: input.prefix ?? DEFAULT_PREFIX,
    url: input.url,
    connections: input.connections ?? DEFAULT_CONNECTIONS,
    capacity: input.capacity ?? DEFAULT_CAPACITY,
    auth: input.auth ?? false,
    flags: input.flags ?? 0,
    backoff: input.backoff ?? {},
    seed: input.seed ?? 1,
    autoConnect: input.autoConnect ?? false,
    eager: input.eager ?? false,
    budget: input.budget ?? null,
    opened: 0,
    connection: input.connection ?? {},
    ...emptyTables(input.connections ?? DEFAULT_CONNECTIONS),
    limits: {},
    dead: [],
    outage: null,
    closeCode: 1000,
    closeReason: '',
  }),
  initial: 'idle',
  states: {
    idle: {
      always: { guard: 'autoConnect', target: 'running' },
      on: {
        CONNECT: 'running',
        SUBSCRIBE: { target: 'running', actions: 'reraise' },
        SUBSCRIBE_BATCH: { target: 'running', actions: 'reraise' },
        CLOSE: { target: 'closed', actions: 'storeClose' },
      },
    },
    running: {
      entry: 'spawnConnections',
      on: {
        SUBSCRIBE: [
          { guard: 'isDuplicate', actions: 'refuseDuplicate' },
          { guard: 'isFull', actions: 'refuseFull' },
          { actions: 'route' },
        ],
        SUBSCRIBE_BATCH: { actions: 'routeBatch' },
        UNSUBSCRIBE: { guard: 'isKnown', actions: 'forwardUnsubscribe' },
        RESYNC: { guard: 'isKnown', actions: 'forwardResync' },
        'conn.sub_limit': { guard: 'isKnown', actions: 'reroute' },
        'conn.emitted': [
          { guard: 'isEnd', actions: ['forgetEnded', 'relay'] },
          { guard: 'isUpOrDown', actions: ['trackOutage', 'relay'] },
          { actions: 'relay' },
        ],
        'conn.acked': { actions: 'relayAcks' },
        'xstate.done.actor.*': { actions: { type: 'buryConnection', params: { reroute: true } } },
        CLOSE: { target: 'closing', actions: 'storeClose' },
      },
    },
    closing: {
      entry: 'closeConnections',
      always: { guard: 'allClosed', target: 'closed' },
      on: {
        'conn.emitted': [{ guard: 'isEnd', actions: ['forgetEnded', 'relay'] }, { actions: 'relay' }],
        'conn.acked': { actions: 'relayAcks' },
        'xstate.done.actor.*': { actions: { type: 'buryConnection', params: { reroute: false } } },
        SUBSCRIBE: { actions: 'refuseClosed' },
        SUBSCRIBE_BATCH: { actions: 'refuseClosedBatch' },
      },
    },
    closed: { type: 'final', entry: 'emitClosed' },
  },
  output: ({ context }) => ({ code: context.closeCode, reason: context.closeReason }),
});

/** A running supervisor actor. */
export type SupervisorActorRef = ActorRefFrom<typeof supervisorMachine>;

