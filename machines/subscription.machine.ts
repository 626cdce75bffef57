/**
 * One subscription's lifecycle, a child of the connection actor that carries it:
 * `pending → subscribing → active ⇄ resyncing → unsubscribed | failed`. It holds plain data only
 * (sub id, chanId, counters); the sink and the handle live in the runtime's registry. Emits typed
 * events (`subscribed`, `resynced`, `unsubscribed`, `failed`) and ends with an output naming how it
 * ended, which the connection uses to drop it.
 *
 * @module
 */
import { assign, emit, setup, type ActorRefFrom } from 'xstate';
import type { ErrorInfo } from './reports.js';

/** Input of {@link subscriptionMachine}. */
export interface SubscriptionInput {
  readonly subId: string;
}

/** Context of {@link subscriptionMachine}. */
export interface SubscriptionContext {
  readonly subId: string;
  readonly chanId: number | null;
  /** Acks received (1 after the first subscribe, +1 per resubscribe). */
  readonly acks: number;
  readonly error: ErrorInfo | null;
  /** How it ended (set on entering a final state). */
  readonly ended: 'unsubscribed' | 'failed' | null;
}

/** Events the connection sends to a subscription. */
export type SubscriptionEvent =
  | { type: 'CONNECTED' }
  | { type: 'ACK'; chanId: number }
  | { type: 'ERROR'; error: ErrorInfo }
  | { type: 'RESYNC' }
  | { type: 'DISCONNECTED' }
  | { type: 'UNSUBSCRIBE' };

/** Typed events a subscription emits (`actor.on(type, ...)`). */
export type SubscriptionEmitted =
  | { type: 'subscribed'; subId: string; chanId: number }
  | { type: 'resynced'; subId: string; chanId: number }
  | { type: 'unsubscribed'; subId: string }
  | { type: 'failed'; subId: string; error: ErrorInfo };

/** Output: how the subscription ended. */
export interface SubscriptionOutput {
  readonly subId: string;
  readonly state: 'unsubscribed' | 'failed';
  readonly error: ErrorInfo | null;
}

/** The subscription machine. */
export const subscriptionMachine = setup({
  types: {
    input: {} as SubscriptionInput,
    context: {} as SubscriptionContext,
    events: {} as SubscriptionEvent,
    emitted: {} as SubscriptionEmitted,
    output: {} as SubscriptionOutput,
  },
  actions: {
    storeAck: assign(({ context, event }) => ({
      chanId: event.type === 'ACK' ? event.chanId : context.chanId,
      acks: context.acks + 1,
    })),
    forgetChannel: assign({ chanId: null }),
    markUnsubscribed: assign({ ended: 'unsubscribed' as const }),
    markFailed: assign({ ended: 'failed' as const }),
    storeError: assign(({ context, event }) => ({ error: event.type === 'ERROR' ? event.error : context.error })),
    emitSubscribed: emit(({ context }) => ({ type: 'subscribed' as const, subId: context.subId, chanId: context.chanId ?? -1 })),
    emitResynced: emit(({ context }) => ({ type: 'resynced' as const, subId: context.subId, chanId: context.chanId ?? -1 })),
    emitUnsubscribed: emit(({ context }) => ({ type: 'unsubscribed' as const, subId: context.subId })),
    emitFailed: emit(({ context }) => ({
      type: 'failed' as const,
      subId: context.subId,
      error: context.error ?? { code: 'ERR_BFX_SUBSCRIPTION', message: 'subscription failed' },
    })),
  },
}).createMachine({
  id: 'subscription',
  context: ({ input }) => ({ subId: input.subId, chanId: null, acks: 0, error: null, ended: null }),
  initial: 'pending',
  on: {
    UNSUBSCRIBE: '.unsubscribed',
  },
  states: {
    pending: {
      entry: 'forgetChannel',
      on: { CONNECTED: 'subscribing' },
    },
    subscribing: {
      on: {
        ACK: { target: 'active', actions: ['storeAck', 'emitSubscribed'] },
        ERROR: { target: 'failed', actions: 'storeError' },
        DISCONNECTED: 'pending',
      },
    },
    active: {
      on: {
        RESYNC: 'resyncing',
        DISCONNECTED: 'pending',
        ACK: { actions: 'storeAck' },
      },
    },
    resyncing: {
      on: {
        ACK: { target: 'active', actions: ['storeAck', 'emitResynced'] },
        ERROR: { target: 'failed', actions: 'storeError' },
        DISCONNECTED: 'pending',
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
