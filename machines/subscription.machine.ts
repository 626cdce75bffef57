/**
 * One subscription's whole lifecycle, a child of the connection that carries it, driven by the
 * wire events the connection routes to it:
 *
 * `pending → subscribing → active ⇄ resubscribing → unsubscribing → unsubscribed | failed`
 *
 * (`cancelling`: unsubscribed while the subscribe was in flight; waits for the ack, then
 * unsubscribes.) It is the only record of the subscription's phase and chanId. It sends its
 * subscribe frame through the socket its connection hands it with `CONNECTED`, asks its connection
 * to unsubscribe (`sendParent` `sub.send`: the connection knows who else rides the channel), emits
 * typed events for its own listeners and ends with an output naming how.
 *
 * @module
 */
import { assign, emit, sendParent, sendTo, setup, type ActorRefFrom } from 'xstate';
import { DEFAULT_SUBSCRIBE_TIMEOUT_MS, DEFAULT_UNSUBSCRIBE_TIMEOUT_MS } from '../src/defaults.js';
import type { Subscription } from '../src/ws/contracts.js';
import type { ErrorInfo, SubscriptionEnd } from './emitted.js';
import type { SocketCommand, SocketRef } from './socket-protocol.js';

/** Input of {@link subscriptionMachine}. */
export interface SubscriptionInput {
  /** The validated subscription (channel, params, sub id). */
  readonly sub: Subscription;
  /** Time for the server's ack, counted from when the subscribe frame was sent. */
  readonly subscribeTimeoutMs?: number;
  /** Time for the server to confirm an unsubscribe. */
  readonly unsubscribeTimeoutMs?: number;
}

/** Context of {@link subscriptionMachine} (plain data only). */
export interface SubscriptionContext {
  readonly subId: string;
  readonly sub: Subscription;
  /** The server's channel id while subscribed (null otherwise). */
  readonly chanId: number | null;
  /** Acks received (1 after the first subscribe, +1 per resubscribe). */
  readonly acks: number;
  readonly error: ErrorInfo | null;
  /** How it ended (set on entering a final state). */
  readonly ended: SubscriptionEnd | null;
  /**
   * Sockets closed right after this subscribe frame, in a row (reset by an ack): a subscribe the
   * server answers by closing the socket is a poison pill, failed after `MAX_SUSPECT_DROPS` (5).
   */
  readonly suspectDrops: number;
  /** The socket of the connection's current session (null while no socket is open). */
  readonly socket: SocketRef | null;
  readonly timeouts: { readonly subscribe: number; readonly unsubscribe: number };
}

/** Events the connection sends to a subscription. */
export type SubscriptionEvent =
  /** The socket is open: subscribe through it. */
  | { type: 'CONNECTED'; socket: SocketRef }
  /**
   * The socket is gone: the server forgot the channel. `afterSubscribe`: it closed right after this
   * subscription's subscribe frame, with nothing received since (a poison pill, if it keeps happening).
   */
  | { type: 'DISCONNECTED'; afterSubscribe?: boolean }
  /** `subscribed` (or 10301 with the existing chanId: `shared`). */
  | { type: 'ACK'; chanId: number; shared?: boolean }
  /** The server refused the subscribe or the unsubscribe. */
  | { type: 'ERROR'; error: ErrorInfo }
  /** `unsubscribed` for this subscription's channel. */
  | { type: 'UNSUBSCRIBED' }
  /** The shared channel this subscription rode on was unsubscribed by another: subscribe afresh. */
  | { type: 'CHANNEL_CLOSED' }
  /** Get a fresh snapshot (checksum mismatch, sequence gap, maintenance end, user's `resubscribe`). */
  | { type: 'RESYNC' }
  /** The user unsubscribed. */
  | { type: 'UNSUBSCRIBE' };

/** What a subscription asks its connection to do (`sub.send`): unsubscribe its channel. */
export type SubscriptionRequest = { type: 'sub.send'; subId: string; command: { type: 'unsubscribe'; chanId: number; purpose: 'end' | 'resync' } };

/** Typed events a subscription emits (`actor.on(type, ...)`). */
export type SubscriptionEmitted =
  | { type: 'subscribed'; subId: string; chanId: number }
  | { type: 'resubscribed'; subId: string; chanId: number }
  | { type: 'unsubscribed'; subId: string }
  | { type: 'failed'; subId: string; error: ErrorInfo };

/** Output: how the subscription ended. */
export interface SubscriptionOutput {
  readonly subId: string;
  readonly state: SubscriptionEnd;
  readonly error: ErrorInfo | null;
}

/**
 * Sockets closed right after this subscribe frame (it was the last frame sent and nothing arrived
 * since), in a row, before the subscription is failed as a poison pill and not replayed again.
 */
export const MAX_SUSPECT_DROPS = 5;

const timedOut = (what: string, timeoutMs: number): ErrorInfo => ({
  code: 'ERR_BFX_TIMEOUT',
  message: `the server did not ${what} within ${timeoutMs} ms`,
  timeoutMs,
});

/** The subscription machine. */
export const subscriptionMachine = setup({
  types: {
    input: {} as SubscriptionInput,
    context: {} as SubscriptionContext,
    events: {} as SubscriptionEvent,
    emitted: {} as SubscriptionEmitted,
    output: {} as SubscriptionOutput,
  },
  guards: {
    /** The socket closed right after this subscribe, nothing received in between. */
    isSuspectDrop: ({ event }) => event.type === 'DISCONNECTED' && event.afterSubscribe === true,
    isPoisonPill: ({ context, event }) => event.type === 'DISCONNECTED' && event.afterSubscribe === true && context.suspectDrops + 1 >= MAX_SUSPECT_DROPS,
  },
  delays: {
    subscribeTimeout: ({ context }) => context.timeouts.subscribe,
    unsubscribeTimeout: ({ context }) => context.timeouts.unsubscribe,
  },
  actions: {
    /** The subscribe frame, straight to the socket (entered only from `CONNECTED` or while connected). */
    requestSubscribe: sendTo(
      ({ context }) => context.socket as SocketRef,
      ({ context }): SocketCommand => ({ type: 'subscribe', sub: context.sub }),
    ),
    requestUnsubscribe: sendParent(({ context }, purpose: 'end' | 'resync'): SubscriptionRequest => ({
      type: 'sub.send',
      subId: context.subId,
      command: { type: 'unsubscribe', chanId: context.chanId ?? -1, purpose },
    })),
    storeAck: assign(({ context, event }) => ({
      chanId: event.type === 'ACK' ? event.chanId : context.chanId,
      acks: context.acks + 1,
      suspectDrops: 0,
    })),
    countSuspectDrop: assign(({ context }) => ({ suspectDrops: context.suspectDrops + 1 })),
    storePoisonPill: assign(({ context }) => ({
      error: {
        code: 'ERR_BFX_SUBSCRIPTION',
        message: `the server closed the socket right after each of ${context.suspectDrops + 1} subscribe attempts; not replayed again`,
      },
    })),
    storeSocket: assign(({ context, event }) => ({ socket: event.type === 'CONNECTED' ? event.socket : context.socket })),
    forgetChannel: assign({ chanId: null }),
    /** The socket is gone, and with it the channel. */
    forgetSession: assign({ chanId: null, socket: null }),
    markUnsubscribed: assign({ ended: 'unsubscribed' as const }),
    markFailed: assign({ ended: 'failed' as const }),
    storeError: assign(({ context, event }) => ({ error: event.type === 'ERROR' ? event.error : context.error })),
    storeSubscribeTimeout: assign(({ context }) => ({ error: timedOut('acknowledge the subscription', context.timeouts.subscribe) })),
    storeUnsubscribeTimeout: assign(({ context }) => ({ error: timedOut('confirm the unsubscribe', context.timeouts.unsubscribe) })),
    emitSubscribed: emit(({ context }) => ({ type: 'subscribed' as const, subId: context.subId, chanId: context.chanId ?? -1 })),
    emitResubscribed: emit(({ context }) => ({ type: 'resubscribed' as const, subId: context.subId, chanId: context.chanId ?? -1 })),
    emitUnsubscribed: emit(({ context }) => ({ type: 'unsubscribed' as const, subId: context.subId })),
    emitFailed: emit(({ context }) => ({
      type: 'failed' as const,
      subId: context.subId,
      error: context.error ?? { code: 'ERR_BFX_SUBSCRIPTION', message: 'subscription failed' },
    })),
  },
}).createMachine({
  id: 'subscription',
  context: ({ input }) => ({
    subId: input.sub.subId,
    sub: input.sub,
    chanId: null,
    acks: 0,
    error: null,
    ended: null,
    suspectDrops: 0,
    socket: null,
    timeouts: {
      subscribe: input.subscribeTimeoutMs ?? DEFAULT_SUBSCRIBE_TIMEOUT_MS,
      unsubscribe: input.unsubscribeTimeoutMs ?? DEFAULT_UNSUBSCRIBE_TIMEOUT_MS,
    },
  }),
  initial: 'pending',
  states: {
    /** No open socket: nothing sent, nothing to undo. */
    pending: {
      on: {
        CONNECTED: { target: 'subscribing', actions: 'storeSocket' },
        UNSUBSCRIBE: 'unsubscribed',
      },
    },
    subscribing: {
      entry: 'requestSubscribe',
      after: { subscribeTimeout: { target: 'failed', actions: 'storeSubscribeTimeout' } },
      on: {
        ACK: { target: 'active', actions: ['storeAck', 'emitSubscribed'] },
        ERROR: { target: 'failed', actions: 'storeError' },
        DISCONNECTED: [
          { guard: 'isPoisonPill', target: 'failed', actions: ['forgetSession', 'storePoisonPill'] },
          { guard: 'isSuspectDrop', target: 'pending', actions: ['forgetSession', 'countSuspectDrop'] },
          { target: 'pending', actions: 'forgetSession' },
        ],
        UNSUBSCRIBE: 'cancelling',
      },
    },
    /** Unsubscribed while the subscribe was in flight: wait for its answer, then undo it. */
    cancelling: {
      after: { subscribeTimeout: 'unsubscribed' },
      on: {
        ACK: { target: 'unsubscribing', actions: ['storeAck', { type: 'requestUnsubscribe', params: 'end' }] },
        ERROR: 'unsubscribed',
        DISCONNECTED: 'unsubscribed',
      },
    },
    active: {
      on: {
        RESYNC: 'resubscribing',
        CHANNEL_CLOSED: 'resubscribing.subscribing',
        DISCONNECTED: { target: 'pending', actions: 'forgetSession' },
        UNSUBSCRIBE: { target: 'unsubscribing', actions: { type: 'requestUnsubscribe', params: 'end' } },
      },
    },
    /** A fresh snapshot: unsubscribe, then subscribe again with the same sub id. */
    resubscribing: {
      initial: 'unsubscribing',
      on: {
        DISCONNECTED: { target: 'pending', actions: 'forgetSession' },
        ERROR: { target: 'failed', actions: 'storeError' },
      },
      states: {
        unsubscribing: {
          entry: { type: 'requestUnsubscribe', params: 'resync' },
          after: { unsubscribeTimeout: 'subscribing' },
          on: {
            UNSUBSCRIBED: 'subscribing',
            CHANNEL_CLOSED: 'subscribing',
            // The unsubscribe is already on its way: wait for its confirmation.
            UNSUBSCRIBE: '#subscription.unsubscribing',
          },
        },
        subscribing: {
          entry: ['forgetChannel', 'requestSubscribe'],
          after: { subscribeTimeout: { target: '#subscription.failed', actions: 'storeSubscribeTimeout' } },
          on: {
            ACK: {
              target: '#subscription.active',
              actions: ['storeAck', 'emitResubscribed'],
            },
            UNSUBSCRIBE: '#subscription.cancelling',
          },
        },
      },
    },
    /** Unsubscribe sent: ends when the server confirms. */
    unsubscribing: {
      after: { unsubscribeTimeout: { target: 'failed', actions: 'storeUnsubscribeTimeout' } },
      on: {
        UNSUBSCRIBED: 'unsubscribed',
        CHANNEL_CLOSED: 'unsubscribed',
        DISCONNECTED: 'unsubscribed',
        ERROR: { target: 'failed', actions: 'storeError' },
      },
    },
    unsubscribed: { type: 'final', entry: ['markUnsubscribed', 'emitUnsubscribed'] },
    failed: { type: 'final', entry: ['markFailed', 'emitFailed'] },
  },
  output: ({ context }) => ({
    subId: context.subId,
    state: context.ended ?? 'unsubscribed',
    error: context.error,
  }),
});

/** A running subscription actor. */
export type SubscriptionActorRef = ActorRefFrom<typeof subscriptionMachine>;
