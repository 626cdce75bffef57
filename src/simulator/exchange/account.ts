/**
 * One simulated account: state, subscribers and the single input path shared by REST and
 * WebSocket. Events produced by an input are queued and delivered on the next microtask, so
 * a WebSocket face that sends the returned notification right away sends it first.
 *
 * @module
 */
import type { AccountFrame, MarketEngine, SimAccount, SimAccountConfig, SimInputType } from '../contracts.js';
import { runCalc, walletUpdate, balanceInfo, positionFrame } from './calc.js';
import type { AccountCtx, IdSource } from './context.js';
import type { SimFeeSchedule } from './fees.js';
import type { Serial } from './serial.js';
import { asRecord } from './numbers.js';
import { narrowFrame } from './filter.js';
import { cancelOffer, seedFunding, submitOffer } from './funding.js';
import { cancelAll, cancelOrder, cancelOrderMulti, orderMulti, submitOrder, updateOrder, type InputSource } from './orders.js';
import { createAccountState } from './seed.js';
import type { AccountState } from './state.js';
import { creditArray, notificationArray, offerArray, orderArray, positionArray, walletArray } from './wire.js';

/** A simulated account with access to its internals (used by the REST routes). */
export interface ExchangeAccount extends SimAccount {
  /** The account's context: state, market, clock, ids, emit. */
  readonly ctx: AccountCtx;
  readonly state: AccountState;
}

const accountsByFace = new WeakMap<SimAccount, ExchangeAccount>();

/** The internals of an account created by this exchange; undefined for foreign accounts. */
export function exchangeAccount(account: SimAccount | undefined): ExchangeAccount | undefined {
  return account === undefined ? undefined : accountsByFace.get(account);
}

function customNotification(ctx: AccountCtx, payload: unknown): unknown[] {
  const p = asRecord(payload);
  const type = typeof p.type === 'string' ? p.type : '';
  if (!type.startsWith('ucm')) return notificationArray(ctx.now(), 'n', null, 'ERROR', 'type: invalid (must start with "ucm")');
  const id = typeof p.message_id === 'number' ? p.message_id : null;
  ctx.emit(['n', [ctx.now(), type, id, null, p.info ?? null, null, 'SUCCESS', typeof p.message === 'string' ? p.message : null]]);
  return [];
}

/** Create an account. */
export function createAccount(
  config: SimAccountConfig,
  index: number,
  deps: {
    readonly market: MarketEngine;
    readonly ids: IdSource;
    readonly now: () => number;
    readonly fees: SimFeeSchedule;
    readonly serial: Serial;
  },
): ExchangeAccount {
  const state = createAccountState(config, index, deps.now(), deps.ids);
  const listeners = new Set<(frame: AccountFrame) => void>();
  // Each queued frame goes to the listeners subscribed when it was emitted (and still subscribed).
  let queue: { readonly frame: AccountFrame; readonly to: readonly ((frame: AccountFrame) => void)[] }[] = [];
  const flush = (): void => {
    const items = queue;
    queue = [];
    for (const { frame: f, to } of items) {
      for (const l of to) {
        if (!listeners.has(l)) continue;
        try {
          l(f);
        } catch {
          // A failing listener must not keep the frame from the others.
        }
      }
    }
  };
  const ctx: AccountCtx = {
    state, market: deps.market, ids: deps.ids, now: deps.now, fees: deps.fees, serial: deps.serial,
    emit(frame) {
      if (listeners.size === 0) return;
      if (queue.length === 0) queueMicrotask(flush);
      queue.push({ frame, to: [...listeners] });
    },
  };
  seedFunding(ctx);

  const run = (type: SimInputType, payload: unknown, source: InputSource): unknown[] => {
    switch (type) {
      case 'on': return submitOrder(ctx, payload, source);
      case 'ou': return updateOrder(ctx, payload);
      case 'oc': return cancelOrder(ctx, payload);
      case 'oc_multi': return cancelOrderMulti(ctx, payload);
      case 'ox_multi': return orderMulti(ctx, payload, source);
      case 'fon': return submitOffer(ctx, payload);
      case 'foc': return cancelOffer(ctx, payload);
      case 'calc': runCalc(ctx, payload); return [];
      case 'n': return customNotification(ctx, payload);
      default: return notificationArray(ctx.now(), `${String(type)}-req`, null, 'ERROR', 'Invalid input.');
    }
  };

  const account: ExchangeAccount = {
    userId: state.userId,
    apiKey: state.apiKey,
    caps: state.caps,
    ctx,
    state,
    snapshotFrames(filter) {
      const wallets = [...state.wallets.values()];
      const positions = [...state.positions.values()];
      const frames: AccountFrame[] = [
        ['ps', positions.map((p) => positionArray(p, null))],
        ['ws', wallets.map((w) => walletArray(w, null))],
        ['os', [...state.orders.values()].map(orderArray)],
        ['fos', [...state.offers.values()].map(offerArray)],
        ['fcs', [...state.credits.values()].map((c) => creditArray(c, 'credit'))],
        ['fls', [...state.loans.values()].map((c) => creditArray(c, 'loan'))],
        ...wallets.map((w) => walletUpdate(ctx, w)),
        ['bu', balanceInfo(ctx)],
        ...positions.map((p) => positionFrame(ctx, 'pu', p)),
      ];
      const out: AccountFrame[] = [];
      for (const f of frames) {
        const narrowed = narrowFrame(f, filter);
        if (narrowed !== undefined) out.push(narrowed);
      }
      return out;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    input(type, payload, source) {
      try {
        return deps.serial.run(() => run(type, payload, source));
      } catch (err) {
        return notificationArray(ctx.now(), `${type}-req`, null, 'ERROR', err instanceof Error ? err.message : String(err));
      }
    },
    cancelAllOrders() {
      deps.serial.run(() => cancelAll(ctx));
    },
  };
  accountsByFace.set(account, account);
  return account;
}
