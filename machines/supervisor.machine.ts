/**
 * The supervisor: spawns the connection actors (`connections`, default 5; system ids prefixed from
 * input so several systems share one host), keeps the intent list (sub id → connection + key),
 * routes each new subscription to the least-loaded connection with room (`capacity`, default 25),
 * refuses with a capacity error when every connection is full, re-routes on 10305 and forwards
 * unsubscribes and resyncs. Connections replay their subscriptions after every reconnect.
 * `SUBSCRIBE_BATCH` routes many subscriptions in one event (the facade sends one per tick), exactly
 * as the same `SUBSCRIBE`s one by one would; the routing tables (loads per connection, key index)
 * are kept incrementally, so a routing decision does not walk every intent.
 *
 * The `report` action is a placeholder; the runtime provides it (and the real connection logic).
 *
 * @module
 */
import { assign, enqueueActions, raise, setup, type ActorRefFrom, type DoneActorEvent } from 'xstate';
import type { BackoffOptions } from './backoff.js';
import { connectionMachine, type ConnectionInput, type ConnectionNotice, type ConnectionOutput } from './connection.machine.js';
import type { ErrorInfo, RuntimeReport } from './reports.js';
import { emptyTables, loadOf, pickConnection, RoutingDraft, totalCapacity, type RoutingTables } from './routing.js';

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
  /** Passed to every connection (timeouts, maxAttempts). */
  readonly connection?: Pick<ConnectionInput, 'maxAttempts' | 'connectTimeoutMs' | 'confTimeoutMs' | 'authTimeoutMs' | 'closeTimeoutMs'>;
}

/**
 * Context of {@link supervisorMachine} (plain data). The routing tables (`intents`, and derived from
 * it `loads` per connection and the `byKey` index) are kept in step by every action that changes them.
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
  readonly connection: NonNullable<SupervisorInput['connection']>;
  readonly limits: Readonly<Record<number, number>>;
  readonly dead: readonly number[];
  readonly closeCode: number;
  readonly closeReason: string;
}

/** One subscription to route. */
export interface SubscribeRequest {
  readonly subId: string;
  /** Dedupe key (`book:tBTCUSD:P0:F0:25`). */
  readonly key: string;
}

/** Events the supervisor accepts. */
export type SupervisorEvent =
  | { type: 'CONNECT' }
  | { type: 'SUBSCRIBE'; subId: string; key: string }
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

type Args = { readonly context: SupervisorContext; readonly event: SupervisorEvent };

const subIdOf = (event: SupervisorEvent): string => ('subId' in event ? event.subId : '');
const keyOf = (event: SupervisorEvent): string => (event.type === 'SUBSCRIBE' ? event.key : '');
const connId = (i: number): string => `conn-${i}`;
const doneOutput = (event: SupervisorEvent): ConnectionOutput | null =>
  'output' in event && event.type.startsWith('xstate.done.actor.') ? event.output : null;

const capacityError = (context: SupervisorContext, bfxCode?: number): ErrorInfo => ({
  code: 'ERR_BFX_CAPACITY',
  message: `All ${context.connections} connections are full (${totalCapacity(context)} subscriptions in use; capacity ${context.capacity} per connection); raise the "connections" option`,
  ...(bfxCode === undefined ? {} : { bfxCode }),
});

const duplicateReport = (subId: string): RuntimeReport => ({
  kind: 'rejected',
  subId,
  error: { code: 'ERR_BFX_DUPLICATE_SUB_ID', message: `Subscription id "${subId}" is already in use; choose another subId` },
});
const fullReport = (context: SupervisorContext, subId: string): RuntimeReport => ({ kind: 'rejected', subId, error: capacityError(context) });
const closedReport = (subId: string): RuntimeReport => ({
  kind: 'rejected',
  subId,
  error: { code: 'ERR_BFX_CLOSED', message: 'The WebSocket client is closed' },
});

/** Report parameters (pure functions used as dynamic action params). */
const reports = {
  duplicate: ({ event }: Args): RuntimeReport => duplicateReport(subIdOf(event)),
  full: ({ context, event }: Args): RuntimeReport => fullReport(context, subIdOf(event)),
  /** After `route`/`reroute`: where the subscription went, or the capacity refusal (10305 when re-routing failed). */
  routed: ({ context, event }: Args): RuntimeReport => {
    const subId = subIdOf(event);
    const intent = context.intents[subId];
    if (intent !== undefined) return { kind: 'routed', index: intent.conn, subId };
    return { kind: 'rejected', subId, error: capacityError(context, event.type === 'CONN.SUB_LIMIT' ? 10305 : undefined) };
  },
  closed: ({ event }: Args): RuntimeReport => closedReport(subIdOf(event)),
};

const supervisorSetup = setup({
  types: {
    input: {} as SupervisorInput,
    context: {} as SupervisorContext,
    events: {} as SupervisorEvent,
    output: {} as SupervisorOutput,
  },
  actors: {
    connection: connectionMachine,
  },
  guards: {
    isDuplicate: ({ context, event }) => subIdOf(event) in context.intents,
    isFull: ({ context, event }) => pickConnection(context, keyOf(event)) === null,
    isKnown: ({ context, event }) => subIdOf(event) in context.intents,
    autoConnect: ({ context }) => context.autoConnect,
    allClosed: ({ context }) => context.dead.length >= context.connections,
  },
  actions: {
    report: (_, _params: RuntimeReport) => undefined,
    spawnConnections: enqueueActions(({ context, enqueue }) => {
      for (let i = 0; i < context.connections; i++) {
        enqueue.spawnChild('connection', {
          id: connId(i),
          systemId: `${context.prefix}${connId(i)}`,
          input: {
            ...context.connection,
            index: i,
            url: context.url,
            flags: context.flags,
            auth: context.auth && i === 0,
            supervisorId: `${context.prefix}supervisor`,
            backoff: context.backoff,
            seed: context.seed + i,
          },
        });
      }
    }),
    reraise: raise(({ event }) => event),
    route: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'SUBSCRIBE') return;
      const conn = pickConnection(context, event.key);
      if (conn === null) return;
      const draft = new RoutingDraft(context);
      draft.set(event.subId, event.key, conn);
      enqueue.assign(draft.tables());
      enqueue.sendTo(connId(conn), { type: 'SUBSCRIBE', subId: event.subId });
    }),
    /** 10305 on `index`: lower its capacity to its current load and try another connection. */
    reroute: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'CONN.SUB_LIMIT') return;
      const intent = context.intents[event.subId];
      if (intent === undefined) return;
      const limits = { ...context.limits, [event.index]: loadOf(context, event.index, event.subId) };
      const draft = new RoutingDraft(context, limits);
      const next = pickConnection(draft, intent.key, [event.index], event.subId);
      if (next === null) draft.delete(event.subId);
      else draft.set(event.subId, intent.key, next);
      enqueue.assign({ limits, ...draft.tables() });
      if (next !== null) enqueue.sendTo(connId(next), { type: 'SUBSCRIBE', subId: event.subId });
    }),
    forwardUnsubscribe: enqueueActions(({ context, event, enqueue }) => {
      const intent = context.intents[subIdOf(event)];
      if (intent === undefined) return;
      const draft = new RoutingDraft(context);
      draft.delete(subIdOf(event));
      enqueue.assign(draft.tables());
      enqueue.sendTo(connId(intent.conn), { type: 'UNSUBSCRIBE', subId: subIdOf(event) });
    }),
    forwardResync: enqueueActions(({ context, event, enqueue }) => {
      const intent = context.intents[subIdOf(event)];
      if (intent !== undefined) enqueue.sendTo(connId(intent.conn), { type: 'sub.resync', subId: subIdOf(event) });
    }),
    forgetIntent: assign(({ context, event }) => {
      const draft = new RoutingDraft(context);
      draft.delete(subIdOf(event));
      return draft.tables();
    }),
    /** A connection closed for good (auth failure, bad version, gave up): its subscriptions are gone. */
    buryConnection: assign(({ context, event }) => {
      const out = doneOutput(event);
      if (out === null) return {};
      const draft = new RoutingDraft(context);
      for (const subId in context.intents) if (context.intents[subId]?.conn === out.index) draft.delete(subId);
      return { ...draft.tables(), dead: context.dead.includes(out.index) ? context.dead : [...context.dead, out.index] };
    }),
    storeClose: assign(({ event }) =>
      event.type === 'CLOSE' ? { closeCode: event.code ?? 1000, closeReason: event.reason ?? 'closed by the user' } : {},
    ),
    closeConnections: enqueueActions(({ context, enqueue }) => {
      for (let i = 0; i < context.connections; i++) {
        if (!context.dead.includes(i)) enqueue.sendTo(connId(i), { type: 'CLOSE', code: context.closeCode, reason: context.closeReason });
      }
    }),
  },
});

/** The batch actions: they enqueue `report`, so they are typed against the actions above. */
const supervisorBase = supervisorSetup.extend({
  actions: {
    /**
     * Route a batch in order, exactly as one `SUBSCRIBE` each would (duplicate, full or routed,
     * each reported), with one copy of the routing tables for the whole batch.
     */
    routeBatch: supervisorSetup.enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'SUBSCRIBE_BATCH') return;
      const draft = new RoutingDraft(context);
      for (const { subId, key } of event.subs) {
        if (subId in draft.intents) {
          enqueue({ type: 'report', params: duplicateReport(subId) });
          continue;
        }
        const conn = pickConnection(draft, key);
        if (conn === null) {
          enqueue({ type: 'report', params: fullReport(context, subId) });
          continue;
        }
        draft.set(subId, key, conn);
        enqueue.sendTo(connId(conn), { type: 'SUBSCRIBE', subId });
        enqueue({ type: 'report', params: { kind: 'routed', index: conn, subId } });
      }
      enqueue.assign(draft.tables());
    }),
    reportClosedBatch: supervisorSetup.enqueueActions(({ event, enqueue }) => {
      if (event.type !== 'SUBSCRIBE_BATCH') return;
      for (const { subId } of event.subs) enqueue({ type: 'report', params: closedReport(subId) });
    }),
  },
});

/** The supervisor machine. */
export const supervisorMachine = supervisorBase.createMachine({
  id: 'supervisor',
  context: ({ input }) => ({
    prefix: input.prefix ?? 'bfx.',
    url: input.url,
    connections: input.connections ?? 5,
    capacity: input.capacity ?? 25,
    auth: input.auth ?? false,
    flags: input.flags ?? 0,
    backoff: input.backoff ?? {},
    seed: input.seed ?? 1,
    autoConnect: input.autoConnect ?? false,
    connection: input.connection ?? {},
    ...emptyTables(input.connections ?? 5),
    limits: {},
    dead: [],
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
        UNSUBSCRIBE: { actions: 'forgetIntent' },
        CLOSE: { target: 'closed', actions: 'storeClose' },
      },
    },
    running: {
      entry: 'spawnConnections',
      on: {
        SUBSCRIBE: [
          { guard: 'isDuplicate', actions: { type: 'report', params: reports.duplicate } },
          { guard: 'isFull', actions: { type: 'report', params: reports.full } },
          { actions: ['route', { type: 'report', params: reports.routed }] },
        ],
        SUBSCRIBE_BATCH: { actions: 'routeBatch' },
        UNSUBSCRIBE: { guard: 'isKnown', actions: 'forwardUnsubscribe' },
        RESYNC: { actions: 'forwardResync' },
        'CONN.SUB_LIMIT': { guard: 'isKnown', actions: ['reroute', { type: 'report', params: reports.routed }] },
        'CONN.SUB_ENDED': { actions: 'forgetIntent' },
        'xstate.done.actor.*': { actions: 'buryConnection' },
        CLOSE: { target: 'closing', actions: 'storeClose' },
      },
    },
    closing: {
      entry: 'closeConnections',
      always: { guard: 'allClosed', target: 'closed' },
      on: {
        'xstate.done.actor.*': { actions: 'buryConnection' },
        SUBSCRIBE: { actions: { type: 'report', params: reports.closed } },
        SUBSCRIBE_BATCH: { actions: 'reportClosedBatch' },
      },
    },
    closed: { type: 'final' },
  },
  output: ({ context }) => ({ code: context.closeCode, reason: context.closeReason }),
});

/** A running supervisor actor. */
export type SupervisorActorRef = ActorRefFrom<typeof supervisorMachine>;
