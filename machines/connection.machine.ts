/**
 * One WebSocket connection: `session` (connecting → configuring → authenticating → open → closing)
 * with the socket actor invoked on the parent state so it survives the substates, `reconnecting`
 * (exponential backoff with seeded jitter, computed on entry and stored in context) and `closed`
 * (final, output `{ code, reason }`). Subscription actors are its children (≤ capacity); their
 * sub ids are kept in context and replayed after every (re)connect, each exactly once.
 *
 * The socket actor (`socket`) and the `report` action are placeholders here: the runtime provides
 * the real ones (`src/ws/socket-actor.ts`, `machine.provide(...)`).
 *
 * @module
 */
import { and, assign, enqueueActions, fromCallback, setup, type ActorRefFrom, type DoneActorEvent } from 'xstate';
import { backoffDelay, resolveBackoff, type BackoffOptions } from './backoff.js';
import type { ErrorInfo, RuntimeReport } from './reports.js';
import type { SocketCommand, SocketEvent, SocketInput } from './socket-protocol.js';
import { subscriptionMachine, type SubscriptionOutput } from './subscription.machine.js';

/** Info codes. */
export const INFO_RESTART = 20051;
export const INFO_MAINTENANCE_START = 20060;
export const INFO_MAINTENANCE_END = 20061;
/** Bitfinex subscribe error codes handled specially. */
export const ERR_SUB_LIMIT = 10305;

/** Input of {@link connectionMachine}. */
export interface ConnectionInput {
  /** Index within the supervisor (connection 0 carries auth). */
  readonly index: number;
  readonly url: string;
  /** Conf flags (sent after `info`, on every connect). */
  readonly flags?: number;
  /** Authenticate after conf. */
  readonly auth?: boolean;
  /** System id of the supervisor to tell about limits/failures (absent when standalone). */
  readonly supervisorId?: string;
  readonly backoff?: Partial<BackoffOptions>;
  /** PRNG seed for the backoff jitter. */
  readonly seed?: number;
  /** Give up (→ closed) after this many consecutive failed attempts; default never. */
  readonly maxAttempts?: number;
  /** Time allowed for the socket to open and send `info` (default 10 000 ms). */
  readonly connectTimeoutMs?: number;
  /** Time allowed for the conf ack (default 5 000 ms). */
  readonly confTimeoutMs?: number;
  /** Time allowed for the auth reply (default 10 000 ms). */
  readonly authTimeoutMs?: number;
  /** Time allowed for a clean close (default 2 000 ms). */
  readonly closeTimeoutMs?: number;
}

/** Context of {@link connectionMachine} (plain data only). */
export interface ConnectionContext {
  readonly index: number;
  readonly url: string;
  readonly flags: number;
  readonly auth: boolean;
  readonly supervisorId: string | null;
  readonly backoff: BackoffOptions;
  readonly rngState: number;
  /** Consecutive failed attempts since the last successful open. */
  readonly attempt: number;
  /** The delay chosen for the current `reconnecting` state. */
  readonly delayMs: number;
  readonly maxAttempts: number | null;
  readonly timeouts: { readonly connect: number; readonly conf: number; readonly auth: number; readonly close: number };
  /** Maintenance in progress (info 20060 until 20061). */
  readonly paused: boolean;
  /** `Date.now()` when the connection was lost (null while up or before the first open). */
  readonly downSince: number | null;
  readonly code: number;
  readonly reason: string;
  readonly error: ErrorInfo | null;
  /** Sub ids of the subscription children, in subscribe order. */
  readonly subs: readonly string[];
}

/** Events a connection accepts. */
export type ConnectionEvent =
  | SocketEvent
  | { type: 'SUBSCRIBE'; subId: string }
  | { type: 'UNSUBSCRIBE'; subId: string }
  | { type: 'RESYNC_ALL' }
  | { type: 'CLOSE'; code?: number; reason?: string }
  | DoneActorEvent<SubscriptionOutput>;

/** What a connection tells its supervisor: a subscription refused for capacity (10305) or failed. */
export interface ConnectionNotice {
  readonly type: 'CONN.SUB_LIMIT' | 'CONN.SUB_ENDED';
  readonly index: number;
  readonly subId: string;
}

const notice = (type: ConnectionNotice['type'], index: number, subId: string): ConnectionNotice => ({ type, index, subId });

/** Output of a closed connection. */
export interface ConnectionOutput {
  readonly index: number;
  readonly code: number;
  readonly reason: string;
  readonly error: ErrorInfo | null;
}

type SubEvent = Extract<ConnectionEvent, { subId: string }>;
const subIdOf = (event: ConnectionEvent): string => (event as SubEvent).subId;
const doneOutput = (event: ConnectionEvent): SubscriptionOutput | null =>
  'output' in event && event.type.startsWith('xstate.done.actor.') ? event.output : null;

type ReportArgs = { readonly context: ConnectionContext; readonly event: ConnectionEvent };
const UNKNOWN_SUB_ERROR: ErrorInfo = { code: 'ERR_BFX_SUBSCRIPTION', message: 'subscription failed' };

/** Report parameters, one pure function per report kind (used as dynamic action params in the chart). */
const reports = {
  connecting: ({ context }: ReportArgs): RuntimeReport => ({ kind: 'connecting', index: context.index, attempt: context.attempt + 1 }),
  open: ({ context }: ReportArgs): RuntimeReport => ({
    kind: 'open',
    index: context.index,
    attempts: context.attempt,
    downtimeMs: context.downSince === null ? null : Date.now() - context.downSince,
  }),
  disconnected: ({ context }: ReportArgs): RuntimeReport => ({ kind: 'disconnected', index: context.index, code: context.code, reason: context.reason }),
  reconnecting: ({ context }: ReportArgs): RuntimeReport => ({
    kind: 'reconnecting',
    index: context.index,
    attempt: context.attempt,
    delayMs: context.delayMs,
  }),
  closed: ({ context }: ReportArgs): RuntimeReport =>
    context.error
      ? { kind: 'closed', index: context.index, code: context.code, reason: context.reason, error: context.error }
      : { kind: 'closed', index: context.index, code: context.code, reason: context.reason },
  maintenance: ({ context }: ReportArgs): RuntimeReport => ({ kind: 'maintenance', index: context.index, active: context.paused }),
  subscribed: ({ context, event }: ReportArgs): RuntimeReport => ({
    kind: 'subscribed',
    index: context.index,
    subId: subIdOf(event),
    chanId: event.type === 'sub.ack' ? event.chanId : -1,
  }),
  subEnded: ({ context, event }: ReportArgs): RuntimeReport => {
    const out = doneOutput(event);
    const subId = out?.subId ?? '';
    return out?.state === 'failed'
      ? { kind: 'sub-failed', index: context.index, subId, error: out.error ?? UNKNOWN_SUB_ERROR }
      : { kind: 'unsubscribed', index: context.index, subId };
  },
  limitFailure: ({ context, event }: ReportArgs): RuntimeReport => ({
    kind: 'sub-failed',
    index: context.index,
    subId: subIdOf(event),
    error: event.type === 'sub.error' ? event.error : UNKNOWN_SUB_ERROR,
  }),
};

/** The connection machine. */
export const connectionMachine = setup({
  types: {
    input: {} as ConnectionInput,
    context: {} as ConnectionContext,
    events: {} as ConnectionEvent,
    output: {} as ConnectionOutput,
  },
  actors: {
    socket: fromCallback<SocketCommand, SocketInput>(() => undefined),
    subscription: subscriptionMachine,
  },
  delays: {
    backoff: ({ context }) => context.delayMs,
    connectTimeout: ({ context }) => context.timeouts.connect,
    confTimeout: ({ context }) => context.timeouts.conf,
    authTimeout: ({ context }) => context.timeouts.auth,
    closeTimeout: ({ context }) => context.timeouts.close,
  },
  guards: {
    isVersion2: ({ event }) => event.type === 'socket.info' && event.version === 2,
    platformDown: ({ event }) => event.type === 'socket.info' && event.platform === 0,
    platformBackWhilePaused: ({ event, context }) => event.type === 'socket.info' && event.platform === 1 && context.paused,
    isBadVersion: ({ event }) => event.type === 'socket.info' && event.version !== null && event.version !== 2,
    isRestart: ({ event }) => event.type === 'socket.info' && event.code === INFO_RESTART,
    isMaintenanceStart: ({ event }) => event.type === 'socket.info' && event.code === INFO_MAINTENANCE_START,
    isMaintenanceEnd: ({ event }) => event.type === 'socket.info' && event.code === INFO_MAINTENANCE_END,
    confAccepted: ({ event, context }) => event.type === 'socket.conf' && event.ok && event.flags === context.flags,
    confRefused: ({ event }) => event.type === 'socket.conf' && !event.ok,
    authEnabled: ({ context }) => context.auth,
    isKnownSub: ({ context, event }) => context.subs.includes(subIdOf(event)),
    isNewSub: ({ context, event }) => !context.subs.includes(subIdOf(event)),
    hasSupervisor: ({ context }) => context.supervisorId !== null,
    isLimitError: ({ event, context }) =>
      event.type === 'sub.error' && event.error.bfxCode === ERR_SUB_LIMIT && context.subs.includes(event.subId),
    attemptsExhausted: ({ context }) => context.maxAttempts !== null && context.attempt >= context.maxAttempts,
  },
  actions: {
    report: (_, _params: RuntimeReport) => undefined,
    sendConf: enqueueActions(({ context, enqueue }) => enqueue.sendTo('socket', { type: 'conf', flags: context.flags })),
    sendAuth: enqueueActions(({ enqueue }) => enqueue.sendTo('socket', { type: 'auth' })),
    sendClose: enqueueActions(({ context, enqueue }) =>
      enqueue.sendTo('socket', { type: 'close', code: context.code, reason: context.reason }),
    ),
    storeCloseRequest: assign(({ event }) =>
      event.type === 'CLOSE' ? { code: event.code ?? 1000, reason: event.reason ?? 'closed by the user' } : {},
    ),
    storeSocketClose: assign(({ event }) => (event.type === 'socket.closed' ? { code: event.code, reason: event.reason } : {})),
    storeRestart: assign({ code: 1012, reason: 'info 20051: server restart' }),
    storeTimeout: assign({ code: 4000, reason: 'timeout waiting for the server' }),
    storeConfRefused: assign({ code: 4000, reason: 'conf refused' }),
    storeBadVersion: assign(({ event }) => ({
      code: 1002,
      reason: 'unsupported API version',
      error: {
        code: 'ERR_BFX_PROTOCOL',
        message: `Unsupported WebSocket API version ${event.type === 'socket.info' ? String(event.version) : '?'} (expected 2)`,
      },
    })),
    storeAuthFailure: assign(({ event }) =>
      event.type === 'socket.auth.failed' ? { code: 4001, reason: 'authentication failed', error: event.error } : {},
    ),
    storeGiveUp: assign(({ context }) => ({
      error: { code: 'ERR_BFX_NETWORK', message: `Gave up after ${context.attempt} failed connection attempts` },
    })),
    markDown: assign(({ context }) => ({ downSince: context.downSince ?? Date.now() })),
    computeBackoff: assign(({ context }) => {
      const attempt = context.attempt + 1;
      const { delayMs, rngState } = backoffDelay(attempt, context.backoff, context.rngState);
      return { attempt, delayMs, rngState };
    }),
    markUp: assign({ attempt: 0, downSince: null }),
    setPaused: assign({ paused: true }),
    clearPaused: assign({ paused: false }),
    /** Spawn the subscription child for a new sub id (and subscribe at once when open). */
    addSub: enqueueActions(({ context, event, enqueue }) => {
      const subId = subIdOf(event);
      enqueue.spawnChild('subscription', { id: subId, input: { subId } });
      enqueue.assign({ subs: [...context.subs, subId] });
    }),
    subscribeOne: enqueueActions(({ event, enqueue }) => {
      const subId = subIdOf(event);
      enqueue.sendTo(subId, { type: 'CONNECTED' });
      enqueue.sendTo('socket', { type: 'subscribe', subId });
    }),
    /** Replay every subscription on the fresh socket, exactly once each. */
    subscribeAll: enqueueActions(({ context, enqueue }) => {
      for (const subId of context.subs) {
        enqueue.sendTo(subId, { type: 'CONNECTED' });
        enqueue.sendTo('socket', { type: 'subscribe', subId });
      }
    }),
    resubscribeOne: enqueueActions(({ event, enqueue }) => {
      const subId = subIdOf(event);
      enqueue.sendTo(subId, { type: 'RESYNC' });
      enqueue.sendTo('socket', { type: 'resubscribe', subId });
    }),
    resubscribeAll: enqueueActions(({ context, enqueue }) => {
      for (const subId of context.subs) {
        enqueue.sendTo(subId, { type: 'RESYNC' });
        enqueue.sendTo('socket', { type: 'resubscribe', subId });
      }
    }),
    disconnectSubs: enqueueActions(({ context, enqueue }) => {
      for (const subId of context.subs) enqueue.sendTo(subId, { type: 'DISCONNECTED' });
    }),
    unsubscribeOne: enqueueActions(({ event, enqueue }) => {
      const subId = subIdOf(event);
      enqueue.sendTo('socket', { type: 'unsubscribe', subId });
      enqueue.sendTo(subId, { type: 'UNSUBSCRIBE' });
    }),
    endSub: enqueueActions(({ event, enqueue }) => enqueue.sendTo(subIdOf(event), { type: 'UNSUBSCRIBE' })),
    ackSub: enqueueActions(({ event, enqueue }) => {
      if (event.type === 'sub.ack') enqueue.sendTo(event.subId, { type: 'ACK', chanId: event.chanId });
    }),
    failSub: enqueueActions(({ event, enqueue }) => {
      if (event.type === 'sub.error') enqueue.sendTo(event.subId, { type: 'ERROR', error: event.error });
    }),
    /** 10305: hand the subscription back to the supervisor for another connection. */
    handBackSub: enqueueActions(({ context, event, enqueue, system }) => {
      if (event.type !== 'sub.error') return;
      enqueue.stopChild(event.subId);
      enqueue.assign({ subs: context.subs.filter((s) => s !== event.subId) });
      const supervisor = context.supervisorId === null ? undefined : system.get(context.supervisorId);
      if (supervisor) enqueue.sendTo(supervisor, notice('CONN.SUB_LIMIT', context.index, event.subId));
    }),
    /** A subscription child ended: forget it (and tell the supervisor when it failed). */
    dropSub: enqueueActions(({ context, event, enqueue, system }) => {
      const out = doneOutput(event);
      if (out === null) return;
      // A finished child stays in `children` until stopped: remove it (the sub id may be reused).
      enqueue.stopChild(out.subId);
      enqueue.assign({ subs: context.subs.filter((s) => s !== out.subId) });
      const supervisor = context.supervisorId === null ? undefined : system.get(context.supervisorId);
      if (out.state === 'failed' && supervisor) enqueue.sendTo(supervisor, notice('CONN.SUB_ENDED', context.index, out.subId));
    }),
  },
}).createMachine({
  id: 'connection',
  context: ({ input }) => ({
    index: input.index,
    url: input.url,
    flags: input.flags ?? 0,
    auth: input.auth ?? false,
    supervisorId: input.supervisorId ?? null,
    backoff: resolveBackoff(input.backoff),
    rngState: input.seed ?? 0x9e3779b9 + input.index,
    attempt: 0,
    delayMs: 0,
    maxAttempts: input.maxAttempts ?? null,
    timeouts: {
      connect: input.connectTimeoutMs ?? 10_000,
      conf: input.confTimeoutMs ?? 5_000,
      auth: input.authTimeoutMs ?? 10_000,
      close: input.closeTimeoutMs ?? 2_000,
    },
    paused: false,
    downSince: null,
    code: 1000,
    reason: '',
    error: null,
    subs: [],
  }),
  initial: 'session',
  on: {
    SUBSCRIBE: { guard: 'isNewSub', actions: 'addSub' },
    UNSUBSCRIBE: { guard: 'isKnownSub', actions: 'endSub' },
    'xstate.done.actor.*': { actions: ['dropSub', { type: 'report', params: reports.subEnded }] },
  },
  states: {
    session: {
      invoke: {
        id: 'socket',
        src: 'socket',
        input: ({ context }) => ({ index: context.index, url: context.url, flags: context.flags }),
      },
      initial: 'connecting',
      on: {
        'socket.closed': { target: 'reconnecting', actions: ['storeSocketClose', 'markDown', 'disconnectSubs', { type: 'report', params: reports.disconnected }] },
        CLOSE: { target: '.closing', actions: 'storeCloseRequest' },
        'socket.info': [
          {
            guard: 'isRestart',
            target: 'reconnecting',
            actions: ['storeRestart', 'markDown', 'disconnectSubs', { type: 'report', params: reports.disconnected }],
          },
          { guard: 'isMaintenanceStart', actions: ['setPaused', { type: 'report', params: reports.maintenance }] },
          { guard: 'isMaintenanceEnd', actions: ['clearPaused', { type: 'report', params: reports.maintenance }, 'resubscribeAll'] },
        ],
      },
      states: {
        connecting: {
          entry: { type: 'report', params: reports.connecting },
          after: { connectTimeout: { target: '#connection.reconnecting', actions: ['storeTimeout', 'markDown', { type: 'report', params: reports.disconnected }] } },
          on: {
            'socket.info': [
              { guard: and(['isVersion2', 'platformDown']), target: 'configuring', actions: ['setPaused', { type: 'report', params: reports.maintenance }] },
              {
                guard: and(['isVersion2', 'platformBackWhilePaused']),
                target: 'configuring',
                actions: ['clearPaused', { type: 'report', params: reports.maintenance }],
              },
              { guard: 'isVersion2', target: 'configuring' },
              { guard: 'isBadVersion', target: '#connection.closed', actions: 'storeBadVersion' },
            ],
          },
        },
        configuring: {
          entry: 'sendConf',
          after: { confTimeout: { target: '#connection.reconnecting', actions: ['storeTimeout', 'markDown', { type: 'report', params: reports.disconnected }] } },
          on: {
            'socket.conf': [
              { guard: 'confAccepted', target: 'ready' },
              { guard: 'confRefused', target: '#connection.reconnecting', actions: ['storeConfRefused', 'markDown', { type: 'report', params: reports.disconnected }] },
            ],
          },
        },
        ready: {
          always: [{ guard: 'authEnabled', target: 'authenticating' }, { target: 'open' }],
        },
        authenticating: {
          entry: 'sendAuth',
          after: { authTimeout: { target: '#connection.reconnecting', actions: ['storeTimeout', 'markDown', { type: 'report', params: reports.disconnected }] } },
          on: {
            'socket.auth.ok': 'open',
            'socket.auth.failed': { target: '#connection.closed', actions: 'storeAuthFailure' },
          },
        },
        open: {
          entry: [{ type: 'report', params: reports.open }, 'markUp', 'subscribeAll'],
          on: {
            SUBSCRIBE: { guard: 'isNewSub', actions: ['addSub', 'subscribeOne'] },
            UNSUBSCRIBE: { guard: 'isKnownSub', actions: 'unsubscribeOne' },
            'sub.ack': { guard: 'isKnownSub', actions: ['ackSub', { type: 'report', params: reports.subscribed }] },
            'sub.error': [
              { guard: and(['isLimitError', 'hasSupervisor']), actions: 'handBackSub' },
              { guard: 'isLimitError', actions: ['handBackSub', { type: 'report', params: reports.limitFailure }] },
              { guard: 'isKnownSub', actions: 'failSub' },
            ],
            'sub.resync': { guard: 'isKnownSub', actions: 'resubscribeOne' },
            'socket.gap': { actions: 'resubscribeAll' },
            RESYNC_ALL: { actions: 'resubscribeAll' },
          },
        },
        closing: {
          entry: 'sendClose',
          after: { closeTimeout: '#connection.closed' },
          on: { 'socket.closed': '#connection.closed' },
        },
      },
    },
    reconnecting: {
      entry: ['computeBackoff', { type: 'report', params: reports.reconnecting }],
      always: { guard: 'attemptsExhausted', target: 'closed', actions: 'storeGiveUp' },
      after: { backoff: 'session' },
      on: {
        CLOSE: { target: 'closed', actions: 'storeCloseRequest' },
      },
    },
    closed: {
      type: 'final',
      entry: ['disconnectSubs', { type: 'report', params: reports.closed }],
    },
  },
  output: ({ context }) => ({ index: context.index, code: context.code, reason: context.reason, error: context.error }),
});

/** A running connection actor. */
export type ConnectionActorRef = ActorRefFrom<typeof connectionMachine>;
