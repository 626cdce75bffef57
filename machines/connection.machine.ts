/**
 * One WebSocket connection: `waiting` (for a handshake token from the connection budget, when it
 * has one), `session` (connecting → configuring → authenticating → open → closing) with the socket
 * actor invoked on the parent state so it survives the substates, `reconnecting` (exponential
 * backoff with seeded jitter, then a token) and `closed` (final, output `{ code, reason }`). Its
 * subscription actors are its children (refs in context, readable ids, spawned one batch per
 * transition); it hands them the session's socket on `CONNECTED` (they send their own subscribe
 * frames through it), routes the socket's wire events to them, unsubscribes for them (it knows
 * who else rides a channel), binds and unbinds their channels, and replays them after every
 * (re)connect.
 *
 * It tells the host with `emit()` ({@link ConnectionEmitted}); with a `supervisor` ref in its
 * input it also hands every emitted event to it. The socket actor (`socket`) is a placeholder:
 * the runtime provides the real one (`src/ws/socket-actor.ts`, `machine.provide(...)`).
 *
 * @module
 */
import { and, assign, enqueueActions, fromCallback, setup, type ActorRefFrom, type AnyActorRef } from 'xstate';
import { backoffDelay } from './backoff.js';
import { cancelToken, reportRefusal, requestToken } from './connection.budget.js';
import { AWAITING_UNSUB, awaitingAck, childIdFor, entryOf, onChannel, phaseOf, type SubEntry } from './children.js';
import {
  ack,
  closeOf,
  CONF_REFUSED,
  doneOutput,
  ERR_NONCE_SMALL,
  ERR_SUB_DUP,
  ERR_SUB_LIMIT,
  ERR_UNSUB_NOT_SUBSCRIBED,
  INFO_MAINTENANCE_END,
  INFO_MAINTENANCE_START,
  INFO_RESTART,
  MAX_NONCE_RETRIES,
  NONCE_REFUSED,
  RESTART,
  says,
  initialContext,
  stored,
  subIdOf,
  subsOf,
  TIMEOUT,
  tellVia,
  type ConnectionContext,
  type ConnectionEvent,
  type ConnectionInput,
  type ConnectionOutput,
  type SessionEnd,
} from './connection.parts.js';
import type { ConnectionEmitted, ConnectionNotice, SubscriptionAcked } from './emitted.js';
import type { SocketCommand, SocketInput, SocketRef } from './socket-protocol.js';
import { subscriptionMachine } from './subscription.machine.js';

export { ERR_NONCE_SMALL, ERR_SUB_DUP, ERR_SUB_LIMIT, ERR_UNSUB_NOT_SUBSCRIBED, INFO_MAINTENANCE_END, INFO_MAINTENANCE_START, INFO_RESTART, MAX_NONCE_RETRIES };
export type { ConnectionContext, ConnectionEvent, ConnectionInput, ConnectionOutput, SessionEnd };

/**
 * This session's socket actor (invoked on `session`, so it exists in every state that hands it
 * out). Undefined when the machine is only being transitioned (graph traversal, `transition()`).
 */
const socketOf = (self: AnyActorRef): SocketRef | undefined => (self.getSnapshot() as { children?: { socket?: SocketRef } } | undefined)?.children?.socket;

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
    unmetered: ({ context }) => context.budget === null,
    isCurrentTicket: ({ context, event }) => event.type === 'TOKEN.GRANTED' && event.ticket === context.ticket,
  },
  actions: {
    /** Emit `event` and hand it to the supervisor. */
    tell: enqueueActions(({ context, enqueue }, said: ConnectionEmitted | null) => tellVia(enqueue, context, said)),
    /** Ask the governor for a handshake token (after the backoff when reconnecting); stop asking; report a 429. */
    requestToken: enqueueActions((args, afterBackoff: boolean) => requestToken(args, afterBackoff)),
    cancelToken: enqueueActions((args) => cancelToken(args)),
    reportRefusal: enqueueActions((args) => reportRefusal(args)),
    sendConf: enqueueActions(({ context, enqueue }) => enqueue.sendTo('socket', { type: 'conf', flags: context.flags })),
    sendAuth: enqueueActions(({ enqueue }) => enqueue.sendTo('socket', { type: 'auth' })),
    bindAccount: enqueueActions(({ enqueue }) => enqueue.sendTo('socket', { type: 'bind', chanId: 0, subId: '', shared: false })),
    sendClose: enqueueActions(({ context, enqueue }) => enqueue.sendTo('socket', { type: 'close', code: context.code, reason: context.reason })),
    storeCloseRequest: assign(stored.closeRequest),
    storeBadVersion: assign(stored.badVersion),
    storeAuthFailure: assign(stored.authFailure),
    storeGiveUp: assign(stored.giveUp),
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
    /** Spawn a child for each new subscription of the event (readable ids, refs kept in context). */
    addSubs: assign(({ context, event, spawn }) => {
      const subs = [...context.subs];
      let spawned = context.spawned;
      for (const sub of subsOf(event)) {
        if (entryOf(subs, sub.subId) !== undefined) continue;
        const ref = spawn('subscription', {
          id: childIdFor(sub, spawned++),
          input: { sub, subscribeTimeoutMs: context.timeouts.subscribe, unsubscribeTimeoutMs: context.timeouts.unsubscribe },
        });
        subs.push({ subId: sub.subId, ref });
      }
      return { subs, spawned };
    }),
    /** Send `type` to the child the event names. */
    toSub: enqueueActions(({ context, event, enqueue }, type: 'UNSUBSCRIBE' | 'RESYNC') => {
      const entry = entryOf(context.subs, subIdOf(event));
      if (entry !== undefined) enqueue.sendTo(entry.ref, { type });
    }),
    /** Send `type` to every live child; `CONNECTED` hands the socket to those pending (all of them on open, the new ones after). */
    toAllSubs: enqueueActions(({ context, enqueue, self }, type: 'CONNECTED' | 'RESYNC' | 'DISCONNECTED') => {
      const socket = socketOf(self);
      for (const entry of context.subs) {
        if (entry.ref.getSnapshot().status !== 'active') continue;
        if (type !== 'CONNECTED') enqueue.sendTo(entry.ref, { type });
        else if (socket !== undefined && phaseOf(entry) === 'pending') enqueue.sendTo(entry.ref, { type, socket });
      }
    }),
    /** A child asks to unsubscribe: unbind its channel, and unsubscribe it unless others still ride it. */
    forwardUnsubscribe: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'sub.send') return;
      const { command, subId } = event;
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
    /**
     * `subscribed` replies: bind each channel to the child that asked, then ack it; an answer
     * nobody awaits is undone. The supervisor hears the batch's acks as one `conn.acked`.
     */
    routeAcks: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'wire.subscribed') return;
      const taken = new Set<SubEntry>();
      const acked: SubscriptionAcked[] = [];
      for (const { chanId, reply } of event.acks) {
        const entry = awaitingAck(context.subs, reply, taken);
        if (entry === undefined) {
          enqueue.sendTo('socket', { type: 'unsubscribe', chanId });
          continue;
        }
        taken.add(entry);
        enqueue.sendTo('socket', { type: 'bind', chanId, subId: entry.subId, shared: false });
        const said = ack(enqueue, context, entry, chanId, false);
        if (said === null) continue;
        enqueue.emit(said);
        acked.push(said);
      }
      if (acked.length > 0 && context.supervisor !== null) enqueue.sendTo(context.supervisor, { type: 'conn.acked', events: acked } satisfies ConnectionNotice);
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
          tellVia(enqueue, context, ack(enqueue, context, asking, reply.chanId, true));
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
  context: ({ input }) => initialContext(input),
  initial: 'waiting',
  on: {
    SUBSCRIBE: { guard: 'isNewSub', actions: 'addSubs' },
    SUBSCRIBE_BATCH: { actions: 'addSubs' },
    UNSUBSCRIBE: { guard: 'isKnownSub', actions: { type: 'toSub', params: 'UNSUBSCRIBE' } },
    'xstate.done.actor.*': { actions: 'dropSub' },
  },
  states: {
    /** Waiting for a handshake token from the connection budget (straight through when unmetered). */
    waiting: {
      entry: { type: 'requestToken', params: false },
      exit: 'cancelToken',
      always: { guard: 'unmetered', target: 'session' },
      on: {
        'TOKEN.GRANTED': { guard: 'isCurrentTicket', target: 'session' },
        CLOSE: { target: 'closed', actions: 'storeCloseRequest' },
      },
    },
    session: {
      invoke: {
        id: 'socket',
        src: 'socket',
        input: ({ context }) => ({ index: context.index, url: context.url, flags: context.flags }),
      },
      initial: 'connecting',
      on: {
        'socket.closed': { target: 'reconnecting', actions: [{ type: 'goDown', params: closeOf }, 'reportRefusal'] },
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
            SUBSCRIBE: { guard: 'isNewSub', actions: ['addSubs', { type: 'toAllSubs', params: 'CONNECTED' }] },
            SUBSCRIBE_BATCH: { actions: ['addSubs', { type: 'toAllSubs', params: 'CONNECTED' }] },
            RESYNC: { guard: 'isKnownSub', actions: { type: 'toSub', params: 'RESYNC' } },
            'sub.resync': { guard: 'isKnownSub', actions: { type: 'toSub', params: 'RESYNC' } },
            'socket.gap': { actions: { type: 'toAllSubs', params: 'RESYNC' } },
            RESYNC_ALL: { actions: { type: 'toAllSubs', params: 'RESYNC' } },
            'sub.send': { actions: 'forwardUnsubscribe' },
            'wire.subscribed': { actions: 'routeAcks' },
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
    /** Backoff, then a handshake token (unmetered: the backoff alone). */
    reconnecting: {
      entry: ['computeBackoff', { type: 'tell', params: says.reconnecting }, { type: 'requestToken', params: true }],
      exit: 'cancelToken',
      always: { guard: 'attemptsExhausted', target: 'closed', actions: 'storeGiveUp' },
      after: { backoff: { guard: 'unmetered', target: 'session' } },
      on: {
        'TOKEN.GRANTED': { guard: 'isCurrentTicket', target: 'session' },
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

