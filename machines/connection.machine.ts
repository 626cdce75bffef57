/**
 * One WebSocket connection: `session` (connecting → configuring → authenticating → open → closing)
 * with the socket actor invoked on the parent state so it survives the substates, `reconnecting`
 * (exponential backoff with seeded jitter, computed on entry and stored in context) and `closed`
 * (final, output `{ code, reason }`). Its subscription actors are its children (refs in context,
 * readable ids); it routes the socket's wire events to them, sends the frames they ask for, binds
 * and unbinds their channels on the socket, and replays them after every (re)connect.
 *
 * It tells the host with `emit()` ({@link ConnectionEmitted}); with a `supervisor` ref in its
 * input it also hands every emitted event to it. The socket actor (`socket`) is a placeholder:
 * the runtime provides the real one (`src/ws/socket-actor.ts`, `machine.provide(...)`).
 *
 * @module
 */
import { and, assign, enqueueActions, fromCallback, setup, type ActorRefFrom, type AnyActorRef, type DoneActorEvent } from 'xstate';
import {
  DEFAULT_AUTH_TIMEOUT_MS,
  DEFAULT_CLOSE_TIMEOUT_MS,
  DEFAULT_CONF_TIMEOUT_MS,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_SUBSCRIBE_TIMEOUT_MS,
  DEFAULT_UNSUBSCRIBE_TIMEOUT_MS,
} from '../src/defaults.js';
import type { Subscription } from '../src/ws/contracts.js';
import { backoffDelay, resolveBackoff, type BackoffOptions } from './backoff.js';
import { AWAITING_UNSUB, awaitingAck, childIdFor, entryOf, onChannel, phaseOf, type SubEntry } from './children.js';
import type { ConnectionEmitted, ConnectionNotice, ErrorInfo } from './emitted.js';
import type { SocketCommand, SocketEvent, SocketInput } from './socket-protocol.js';
import { subscriptionMachine, type SubscriptionOutput, type SubscriptionRequest } from './subscription.machine.js';

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
}

/** Events a connection accepts. */
export type ConnectionEvent =
  | SocketEvent
  | SubscriptionRequest
  | { type: 'SUBSCRIBE'; sub: Subscription }
  | { type: 'UNSUBSCRIBE'; subId: string }
  | { type: 'RESYNC'; subId: string }
  | { type: 'RESYNC_ALL' }
  | { type: 'CLOSE'; code?: number; reason?: string }
  | DoneActorEvent<SubscriptionOutput>;

/** Output of a closed connection. */
export interface ConnectionOutput {
  readonly index: number;
  readonly code: number;
  readonly reason: string;
  readonly error: ErrorInfo | null;
}

type Args = { readonly context: ConnectionContext; readonly event: ConnectionEvent };
/** Why a session ended (the close code and reason kept in context). */
export interface SessionEnd {
  /** WebSocket close code. */
  readonly code: number;
  /** Close reason. */
  readonly reason: string;
  /** The sub id whose subscribe frame was the last one sent before the close, nothing received since. */
  readonly afterSubscribe?: string;
}

const subIdOf = (event: ConnectionEvent): string =>
  event.type === 'SUBSCRIBE' ? event.sub.subId : 'subId' in event && typeof event.subId === 'string' ? event.subId : '';
const doneOutput = (event: ConnectionEvent): SubscriptionOutput | null =>
  'output' in event && event.type.startsWith('xstate.done.actor.') ? event.output : null;

const TIMEOUT: SessionEnd = { code: 4000, reason: 'timeout waiting for the server' };
const RESTART: SessionEnd = { code: 1012, reason: 'info 20051: server restart' };
const CONF_REFUSED: SessionEnd = { code: 4000, reason: 'conf refused' };
const NONCE_REFUSED: SessionEnd = { code: 4001, reason: 'auth refused for a small nonce (10114): retrying with a fresh one' };

/** What each emitted event carries (pure functions, used as dynamic action params). */
const says = {
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
interface Teller {
  emit(event: ConnectionEmitted): void;
  sendTo(to: AnyActorRef, event: ConnectionNotice): void;
}

/** Emit `said` and hand it to the supervisor (if any). */
function tellVia(enqueue: Teller, context: ConnectionContext, said: ConnectionEmitted | null): void {
  if (said === null) return;
  enqueue.emit(said);
  if (context.supervisor !== null) enqueue.sendTo(context.supervisor, { type: 'conn.emitted', event: said });
}

/**
 * Ack `entry` on `chanId`, and say so (`subscription.acked`) unless it was cancelled meanwhile (it
 * then unsubscribes). The ack goes first, so listeners of the event see the subscription active.
 */
function ack(enqueue: Teller & { sendTo(to: AnyActorRef, event: { type: 'ACK'; chanId: number; shared: boolean }): void }, context: ConnectionContext, entry: SubEntry, chanId: number, shared: boolean): void {
  const phase = phaseOf(entry);
  enqueue.sendTo(entry.ref, { type: 'ACK', chanId, shared });
  if (phase === 'cancelling') return;
  const resubscribed = phase === 'resubscribing.subscribing';
  tellVia(enqueue, context, { type: 'subscription.acked', index: context.index, subId: entry.subId, chanId, resubscribed });
}

const closeOf = ({ event }: Args): SessionEnd =>
  event.type === 'socket.closed' ? { code: event.code, reason: event.reason, afterSubscribe: event.afterSubscribe } : { code: 1006, reason: '' };

/** The connection machine. */
export const connectionMachine = setup({
  types: {
    input: {} as ConnectionInput,
    context: {} as ConnectionContext,
    events: {} as ConnectionEvent,
    emitted: {} as ConnectionEmitted,
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
    isNewSub: ({ context, event }) => event.type === 'SUBSCRIBE' && entryOf(context.subs, event.sub.subId) === undefined,
    isKnownSub: ({ context, event }) => entryOf(context.subs, subIdOf(event)) !== undefined,
    /** 10305 for a subscription waiting for its ack. */
    isLimitRefusal: ({ context, event }) => event.type === 'wire.error' && event.error.bfxCode === ERR_SUB_LIMIT && awaitingAck(context.subs, event.reply) !== undefined,
    attemptsExhausted: ({ context }) => context.maxAttempts !== null && context.attempt >= context.maxAttempts,
    /** 10114 on auth, retries left: reconnect and sign again with a fresh nonce. */
    isNonceRefusal: ({ context, event }) =>
      event.type === 'socket.auth.failed' && event.error.bfxCode === ERR_NONCE_SMALL && context.nonceRefusals < MAX_NONCE_RETRIES,
  },
  actions: {
    /** Emit `event` and hand it to the supervisor. */
    tell: enqueueActions(({ context, enqueue }, said: ConnectionEmitted | null) => tellVia(enqueue, context, said)),
    sendConf: enqueueActions(({ context, enqueue }) => enqueue.sendTo('socket', { type: 'conf', flags: context.flags })),
    sendAuth: enqueueActions(({ enqueue }) => enqueue.sendTo('socket', { type: 'auth' })),
    bindAccount: enqueueActions(({ enqueue }) => enqueue.sendTo('socket', { type: 'bind', chanId: 0, subId: '', shared: false })),
    sendClose: enqueueActions(({ context, enqueue }) => enqueue.sendTo('socket', { type: 'close', code: context.code, reason: context.reason })),
    storeCloseRequest: assign(({ event }) =>
      event.type === 'CLOSE' ? { code: event.code ?? 1000, reason: event.reason ?? 'closed by the user' } : {},
    ),
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
    /**
     * The session ended (socket closed, timeout, restart, conf refused): remember why and since
     * when, put every subscription back to pending, and say it: `connection.lost` when the socket
     * had been open, `connection.attempt_failed` when the attempt never got there.
     */
    goDown: enqueueActions(({ context, enqueue }, down: SessionEnd) => {
      enqueue.assign({ code: down.code, reason: down.reason, downSince: context.downSince ?? Date.now(), up: false });
      for (const { subId, ref } of context.subs) {
        if (ref.getSnapshot().status === 'active') enqueue.sendTo(ref, { type: 'DISCONNECTED', afterSubscribe: subId === down.afterSubscribe });
      }
      const said: ConnectionEmitted = context.up
        ? { type: 'connection.lost', index: context.index, code: down.code, reason: down.reason }
        : { type: 'connection.attempt_failed', index: context.index, attempt: context.attempt + 1, code: down.code, reason: down.reason };
      tellVia(enqueue, context, said);
    }),
    computeBackoff: assign(({ context }) => {
      const attempt = context.attempt + 1;
      const { delayMs, rngState } = backoffDelay(attempt, context.backoff, context.rngState);
      return { attempt, delayMs, rngState };
    }),
    markUp: assign({ attempt: 0, downSince: null, up: true }),
    countNonceRefusal: assign(({ context }) => ({ nonceRefusals: context.nonceRefusals + 1 })),
    clearNonceRefusals: assign({ nonceRefusals: 0 }),
    setPaused: assign({ paused: true }),
    clearPaused: assign({ paused: false }),
    /** Spawn the subscription child (readable id, ref kept in context). */
    addSub: assign(({ context, event, spawn }) => {
      if (event.type !== 'SUBSCRIBE') return {};
      const ref = spawn('subscription', {
        id: childIdFor(event.sub, context.spawned),
        input: { sub: event.sub, subscribeTimeoutMs: context.timeouts.subscribe, unsubscribeTimeoutMs: context.timeouts.unsubscribe },
      });
      return { subs: [...context.subs, { subId: event.sub.subId, ref }], spawned: context.spawned + 1 };
    }),
    /** Send `type` to the child the event names. */
    toSub: enqueueActions(({ context, event, enqueue }, type: 'CONNECTED' | 'UNSUBSCRIBE' | 'RESYNC') => {
      const entry = entryOf(context.subs, subIdOf(event));
      if (entry !== undefined) enqueue.sendTo(entry.ref, { type });
    }),
    /** Send `type` to every child. */
    toAllSubs: enqueueActions(({ context, enqueue }, type: 'CONNECTED' | 'RESYNC' | 'DISCONNECTED') => {
      for (const { ref } of context.subs) if (ref.getSnapshot().status === 'active') enqueue.sendTo(ref, { type });
    }),
    /** A child asks for a frame: subscribe, or unsubscribe (unbinding its channel first). */
    forwardSubCommand: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'sub.send') return;
      const { command, subId } = event;
      if (command.type === 'subscribe') {
        enqueue.sendTo('socket', { type: 'subscribe', sub: command.sub });
        return;
      }
      const { chanId } = command;
      enqueue.sendTo('socket', { type: 'unbind', chanId, subId });
      const entry = entryOf(context.subs, subId);
      const sharers = onChannel(context.subs, chanId, subId);
      if (command.purpose === 'end' && sharers.some((e) => !AWAITING_UNSUB.has(phaseOf(e)))) {
        // Others still ride this channel (10301): leave it open, this one is done.
        if (entry !== undefined) enqueue.sendTo(entry.ref, { type: 'UNSUBSCRIBED' });
        return;
      }
      // An unsubscribe already on its way for this channel answers this one too.
      if (!sharers.some((e) => AWAITING_UNSUB.has(phaseOf(e)))) enqueue.sendTo('socket', { type: 'unsubscribe', chanId });
    }),
    /** `subscribed`: bind the channel to the child that asked, then ack it; an answer nobody awaits is undone. */
    routeAck: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'wire.subscribed') return;
      const entry = awaitingAck(context.subs, event.reply);
      if (entry === undefined) {
        enqueue.sendTo('socket', { type: 'unsubscribe', chanId: event.chanId });
        return;
      }
      enqueue.sendTo('socket', { type: 'bind', chanId: event.chanId, subId: entry.subId, shared: false });
      ack(enqueue, context, entry, event.chanId, false);
    }),
    /** `unsubscribed`: the children waiting for it are done; the others on that channel lost it. */
    routeUnsubscribed: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'wire.unsubscribed') return;
      enqueue.sendTo('socket', { type: 'unbind', chanId: event.chanId });
      for (const e of onChannel(context.subs, event.chanId)) {
        enqueue.sendTo(e.ref, { type: AWAITING_UNSUB.has(phaseOf(e)) ? 'UNSUBSCRIBED' : 'CHANNEL_CLOSED' });
      }
    }),
    /** An `error` event: to the subscription it answers (10301 shares the existing channel), else to the host. */
    routeError: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'wire.error') return;
      const { reply, error } = event;
      const asking = awaitingAck(context.subs, reply);
      if (asking !== undefined) {
        if (error.bfxCode === ERR_SUB_DUP && reply.chanId !== undefined) {
          enqueue.sendTo('socket', { type: 'bind', chanId: reply.chanId, subId: asking.subId, shared: true });
          ack(enqueue, context, asking, reply.chanId, true);
        } else {
          enqueue.sendTo(asking.ref, { type: 'ERROR', error });
        }
        return;
      }
      const waiting = reply.chanId === undefined ? [] : onChannel(context.subs, reply.chanId, undefined, AWAITING_UNSUB);
      if (waiting.length === 0) {
        tellVia(enqueue, context, says.strayError({ context, event }));
        return;
      }
      for (const e of waiting) {
        // A resubscribe whose channel is already gone just subscribes again.
        const gone = error.bfxCode === ERR_UNSUB_NOT_SUBSCRIBED && phaseOf(e) === 'resubscribing.unsubscribing';
        enqueue.sendTo(e.ref, gone ? { type: 'UNSUBSCRIBED' } : { type: 'ERROR', error });
      }
    }),
    /** 10305: hand the subscription back to the supervisor for another connection (fail it when standalone). */
    handBack: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'wire.error') return;
      const entry = awaitingAck(context.subs, event.reply);
      if (entry === undefined) return;
      if (context.supervisor === null) {
        enqueue.sendTo(entry.ref, { type: 'ERROR', error: event.error });
        return;
      }
      enqueue.stopChild(entry.ref);
      enqueue.assign({ subs: context.subs.filter((s) => s !== entry) });
      enqueue.sendTo(context.supervisor, { type: 'conn.sub_limit', index: context.index, subId: entry.subId } satisfies ConnectionNotice);
    }),
    /** A subscription child ended: forget it and say how. */
    dropSub: enqueueActions(({ context, event, enqueue }) => {
      const out = doneOutput(event);
      if (out === null) return;
      const entry = entryOf(context.subs, out.subId);
      if (entry === undefined) return;
      // A finished child stays in `children` until stopped: remove it (the sub id may be reused).
      enqueue.stopChild(entry.ref);
      enqueue.assign({ subs: context.subs.filter((s) => s !== entry) });
      tellVia(enqueue, context, { type: 'subscription.ended', index: context.index, subId: out.subId, state: out.state, error: out.error });
    }),
  },
}).createMachine({
  id: 'connection',
  context: ({ input }) => ({
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
  }),
  initial: 'session',
  on: {
    SUBSCRIBE: { guard: 'isNewSub', actions: 'addSub' },
    UNSUBSCRIBE: { guard: 'isKnownSub', actions: { type: 'toSub', params: 'UNSUBSCRIBE' } },
    'xstate.done.actor.*': { actions: 'dropSub' },
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
        'socket.closed': { target: 'reconnecting', actions: { type: 'goDown', params: closeOf } },
        CLOSE: { target: '.closing', actions: 'storeCloseRequest' },
        'socket.info': [
          { guard: 'isRestart', target: 'reconnecting', actions: { type: 'goDown', params: RESTART } },
          { guard: 'isMaintenanceStart', actions: ['setPaused', { type: 'tell', params: says.maintenance }] },
          {
            guard: 'isMaintenanceEnd',
            actions: ['clearPaused', { type: 'tell', params: says.maintenance }, { type: 'toAllSubs', params: 'RESYNC' }],
          },
        ],
      },
      states: {
        connecting: {
          entry: { type: 'tell', params: says.connecting },
          after: { connectTimeout: { target: '#connection.reconnecting', actions: { type: 'goDown', params: TIMEOUT } } },
          on: {
            'socket.info': [
              { guard: and(['isVersion2', 'platformDown']), target: 'configuring', actions: ['setPaused', { type: 'tell', params: says.maintenance }] },
              {
                guard: and(['isVersion2', 'platformBackWhilePaused']),
                target: 'configuring',
                actions: ['clearPaused', { type: 'tell', params: says.maintenance }],
              },
              { guard: 'isVersion2', target: 'configuring' },
              { guard: 'isBadVersion', target: '#connection.closed', actions: 'storeBadVersion' },
            ],
          },
        },
        configuring: {
          entry: 'sendConf',
          after: { confTimeout: { target: '#connection.reconnecting', actions: { type: 'goDown', params: TIMEOUT } } },
          on: {
            'socket.conf': [
              { guard: 'confAccepted', target: 'ready' },
              { guard: 'confRefused', target: '#connection.reconnecting', actions: { type: 'goDown', params: CONF_REFUSED } },
            ],
          },
        },
        ready: {
          always: [{ guard: 'authEnabled', target: 'authenticating' }, { target: 'open' }],
        },
        authenticating: {
          entry: 'sendAuth',
          after: { authTimeout: { target: '#connection.reconnecting', actions: { type: 'goDown', params: TIMEOUT } } },
          on: {
            'socket.auth.ok': { target: 'open', actions: ['clearNonceRefusals', 'bindAccount', { type: 'tell', params: says.authenticated }] },
            'socket.auth.failed': [
              { guard: 'isNonceRefusal', target: '#connection.reconnecting', actions: ['countNonceRefusal', { type: 'goDown', params: NONCE_REFUSED }] },
              { target: '#connection.closed', actions: 'storeAuthFailure' },
            ],
          },
        },
        open: {
          entry: [{ type: 'tell', params: says.open }, 'markUp', { type: 'toAllSubs', params: 'CONNECTED' }],
          on: {
            SUBSCRIBE: { guard: 'isNewSub', actions: ['addSub', { type: 'toSub', params: 'CONNECTED' }] },
            RESYNC: { guard: 'isKnownSub', actions: { type: 'toSub', params: 'RESYNC' } },
            'sub.resync': { guard: 'isKnownSub', actions: { type: 'toSub', params: 'RESYNC' } },
            'socket.gap': { actions: { type: 'toAllSubs', params: 'RESYNC' } },
            RESYNC_ALL: { actions: { type: 'toAllSubs', params: 'RESYNC' } },
            'sub.send': { actions: 'forwardSubCommand' },
            'wire.subscribed': { actions: 'routeAck' },
            'wire.unsubscribed': { actions: 'routeUnsubscribed' },
            'wire.error': [{ guard: 'isLimitRefusal', actions: 'handBack' }, { actions: 'routeError' }],
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
      entry: ['computeBackoff', { type: 'tell', params: says.reconnecting }],
      always: { guard: 'attemptsExhausted', target: 'closed', actions: 'storeGiveUp' },
      after: { backoff: 'session' },
      on: {
        CLOSE: { target: 'closed', actions: 'storeCloseRequest' },
      },
    },
    closed: {
      type: 'final',
      entry: [{ type: 'toAllSubs', params: 'DISCONNECTED' }, { type: 'tell', params: says.closed }],
    },
  },
  output: ({ context }) => ({ index: context.index, code: context.code, reason: context.reason, error: context.error }),
});

/** A running connection actor. */
export type ConnectionActorRef = ActorRefFrom<typeof connectionMachine>;

