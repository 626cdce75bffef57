/**
 * The managed account: an actor whose context is the account as the authenticated channel shows
 * it (orders by id, positions by symbol, wallets by type and currency, funding offers, credits and
 * loans by id, balance and margin info), the only owner of that view.
 *
 * `offline ⇄ online`: `account.authenticated` starts a session, `account.lost` ends it. A session
 * is `online.syncing` until the snapshot of every collection it brings is in (all six, or those the
 * auth `filter` selects), then `online.synced`, emitting `account_synced` once. Every
 * `account.data` event (a snapshot or an update the WebSocket client's account sink decoded; the
 * account channel is low-rate) is applied in any state. A snapshot replaces its collection; when
 * the collection had a view before (a re-authentication), the snapshot is diffed against it and
 * what happened while offline is emitted as typed events (`order_closed_offline`,
 * `position_opened_offline`, `wallet_changed_offline`, ...), then `snapshot_applied`.
 *
 * It holds no refs and no secrets: hosts feed it (`WsClient.attachAccount`), read its snapshot and
 * listen with `actor.on(type, ...)`.
 *
 * @module
 */
import { assign, emit, enqueueActions, setup, type ActorRefFrom } from 'xstate';
import { emptyAccount, reduceAccount, type AccountContext, type AccountEmitted, type AccountEvent, expectedCollections } from './account.parts.js';

export type {
  AccountCollection,
  AccountCollections,
  AccountContext,
  AccountDataEvent,
  AccountDataEvents,
  AccountDataName,
  AccountEmitted,
  AccountEmittedType,
  AccountEvent,
  AccountMarginInfo,
  AccountSynced,
  OfflineChange,
  SnapshotApplied,
} from './account.parts.js';

/** The managed account machine. */
export const accountMachine = setup({
  types: {
    context: {} as AccountContext,
    events: {} as AccountEvent,
    emitted: {} as AccountEmitted,
  },
  guards: {
    /** Every expected snapshot of this session is in. */
    allSynced: ({ context }) => context.expected.every((c) => context.synced.includes(c)),
  },
  actions: {
    emitSynced: emit(({ context }) => ({ type: 'account_synced' as const, session: context.sessions, resync: context.sessions > 1 })),
    /** A new authenticated session: no snapshot of it yet. */
    beginSession: assign(({ context, event }) => ({
      sessions: context.sessions + 1,
      synced: [],
      expected: expectedCollections(event.type === 'account.authenticated' ? event.filter : undefined),
    })),
    /** Apply one account event; emit what a re-auth snapshot says changed while offline. */
    apply: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'account.data') return;
      const { next, emitted } = reduceAccount(context, event);
      if (Object.keys(next).length > 0) enqueue.assign(next);
      for (const e of emitted) enqueue.emit(e);
    }),
  },
}).createMachine({
  id: 'account',
  context: emptyAccount,
  initial: 'offline',
  on: {
    'account.data': { actions: 'apply' },
  },
  states: {
    /** No authenticated session (before the first, or between a drop and the next). */
    offline: {
      on: { 'account.authenticated': { target: 'online', actions: 'beginSession' } },
    },
    /** Authenticated: snapshots then updates arrive. */
    online: {
      initial: 'syncing',
      on: {
        'account.lost': { target: 'offline' },
        'account.authenticated': { target: 'online', reenter: true, actions: 'beginSession' },
      },
      states: {
        /** Waiting for the session's snapshots (the view may still show the previous session's rows). */
        syncing: {
          always: { guard: 'allSynced', target: 'synced' },
        },
        /** Every snapshot of the session applied: the view is complete. */
        synced: {
          entry: 'emitSynced',
        },
      },
    },
  },
});

/** A running account actor. */
export type AccountActorRef = ActorRefFrom<typeof accountMachine>;
