/**
 * `bfx.account`: reads of the managed account, always from the account actor's snapshot (nothing
 * here keeps a copy), and its typed change events with guarded listeners. Also the feed: the account
 * sink's decoded events tee'd into the actor before they reach the user's listeners, so a listener
 * of `order_new` already sees the order in `bfx.account.orders()`.
 *
 * @module
 */
import type { AccountActorRef, AccountContext, AccountEmitted, AccountEmittedType, AccountMarginInfo } from '../../../machines/account.machine.js';
import { COLLECTIONS, isAccountDataEvent } from '../../../machines/account.parts.js';
import type { AccountDataEvent } from '../../../machines/account.parts.js';
import { DEFAULT_ACCOUNT_SYNC_TIMEOUT_MS } from '../../defaults.js';
import { BfxArgumentError, BfxCredentialsError, BfxTimeoutError, NotConnectedError } from '../../errors.js';
import { validateDuration } from '../../rest/validate.js';
import { closedError } from '../subscribe.js';
import type { BalanceInfo, FundingCredit, FundingLoan, FundingOffer, Order, Position, Wallet } from '../../models/index.js';
import type { SinkEmitter } from '../events.js';

/** Names `bfx.account.on` accepts. */
export const ACCOUNT_CHANGE_EVENTS: ReadonlySet<string> = new Set([
  ...Object.keys(COLLECTIONS).flatMap((c) => [`${c}_opened_offline`, `${c}_closed_offline`, `${c}_changed_offline`]),
  'snapshot_applied',
  'account_synced',
]);

/** The emitted account event of type `T`. */
export type AccountEventOf<T extends AccountEmittedType> = { [E in AccountEmitted as E['type']]: E }[T];

/** What the view needs from its client. */
export interface AccountViewDeps {
  /** The attached account actor, if any. */
  ref(): AccountActorRef | undefined;
  /** The client has credentials (an account exists). */
  readonly auth: boolean;
  /** A listener threw or rejected (reported on the client's `error` event). */
  listenerFailed(event: string, error: unknown): void;
}

/**
 * The managed account of an authenticated system (`bfx.account`): active orders, open positions,
 * wallets, funding offers / credits / loans, balance and margin info, as the account channel shows
 * them, rebuilt from every post-reauth snapshot. Reads throw `BfxCredentialsError` on a system
 * without API credentials.
 *
 * @example
 * bfx.account.on('order_closed_offline', ({ before }) => console.log('closed while offline', before.id));
 * const usd = bfx.account.wallet('exchange', 'USD')?.balance;
 */
export class AccountView {
  readonly #deps: AccountViewDeps;

  /** @internal created by the WebSocket client */
  constructor(deps: AccountViewDeps) {
    this.#deps = deps;
  }

  /** The account actor (read `getSnapshot().context`, listen with `on`), for embedding apps. */
  get actor(): AccountActorRef {
    if (!this.#deps.auth) throw new BfxCredentialsError('The account view needs apiKey and apiSecret; this system has none');
    const ref = this.#deps.ref();
    if (ref === undefined) throw new NotConnectedError('No account actor is attached (call ws.attachAccount with a running accountMachine actor)');
    return ref;
  }

  #ctx(): AccountContext {
    return this.actor.getSnapshot().context;
  }

  /** Whether the account channel is in an authenticated session now. */
  get online(): boolean {
    return this.actor.getSnapshot().matches('online');
  }

  /**
   * Whether the view is complete for the current session: every snapshot it brings (all six, or
   * those the auth `filter` selects) is applied. False while offline and between a
   * (re-)authentication and its last snapshot.
   */
  get synced(): boolean {
    return this.actor.getSnapshot().matches({ online: 'synced' });
  }

  /**
   * Resolves once the view is complete ({@link AccountView.synced}): at once when it is, else at
   * the next `account_synced`. Rejects with `BfxTimeoutError` after `timeoutMs` (default 30 s),
   * with `NotConnectedError` (`ERR_BFX_CLOSED`) when the system closes first, and with
   * `BfxArgumentError` for a `timeoutMs` that is not a positive number of ms.
   *
   * @example
   * await bfx.account.whenSynced();
   * console.log(bfx.account.orders().length, 'active orders');
   */
  whenSynced(options: { readonly timeoutMs?: number } = {}): Promise<void> {
    const actor = this.actor;
    let timeoutMs: number;
    try {
      timeoutMs = validateDuration(options.timeoutMs ?? DEFAULT_ACCOUNT_SYNC_TIMEOUT_MS, 'timeoutMs');
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.synced) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      let done = false;
      const subs: { unsubscribe(): void }[] = [];
      const finish = (error?: Error): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        for (const sub of subs) sub.unsubscribe();
        if (error === undefined) resolve();
        else reject(error);
      };
      const timer = setTimeout(() => finish(new BfxTimeoutError(`The account view did not sync within ${timeoutMs} ms`, { timeoutMs })), timeoutMs);
      subs.push(actor.on('account_synced', () => finish()));
      // The system closed (its account actor stopped): nothing will sync any more.
      subs.push(actor.subscribe({ complete: () => finish(closedError()), error: () => finish(closedError()) }));
      if (done) for (const sub of subs) sub.unsubscribe();
    });
  }

  /** Active orders. */
  orders(): Order[] {
    return Object.values(this.#ctx().orders);
  }

  /** One active order by id. */
  order(id: number): Order | undefined {
    return this.#ctx().orders[String(id)];
  }

  /** Open positions. */
  positions(): Position[] {
    return Object.values(this.#ctx().positions);
  }

  /** The open position of a symbol (`tBTCUSD`). */
  position(symbol: string): Position | undefined {
    return this.#ctx().positions[symbol];
  }

  /** Wallets. */
  wallets(): Wallet[] {
    return Object.values(this.#ctx().wallets);
  }

  /** One wallet by type (`exchange`, `margin`, `funding`) and currency. */
  wallet(type: string, currency: string): Wallet | undefined {
    return this.#ctx().wallets[`${type}:${currency}`];
  }

  /** Active funding offers. */
  fundingOffers(): FundingOffer[] {
    return Object.values(this.#ctx().fundingOffers);
  }

  /** Funding credits (used in positions). */
  fundingCredits(): FundingCredit[] {
    return Object.values(this.#ctx().fundingCredits);
  }

  /** Funding loans (not used in positions). */
  fundingLoans(): FundingLoan[] {
    return Object.values(this.#ctx().fundingLoans);
  }

  /** The latest balance info (`bu`: assets under management), null before the first. */
  balance(): BalanceInfo | null {
    return this.#ctx().balance;
  }

  /** The latest margin info (`miu`): base and per symbol. */
  marginInfo(): AccountMarginInfo {
    return this.#ctx().marginInfo;
  }

  /**
   * Listen to a change the post-reauth snapshots revealed (`order_opened_offline`,
   * `order_closed_offline`, `order_changed_offline`, the same for `position`, `wallet`,
   * `funding_offer`, `funding_credit`, `funding_loan`) or to `snapshot_applied`. A listener that
   * throws or rejects is reported on the client's `error` event. Returns a function that removes it.
   *
   * @throws {BfxArgumentError} for an unknown event name or a listener that is not a function.
   */
  on<T extends AccountEmittedType>(type: T, listener: (event: AccountEventOf<T>) => unknown): () => void {
    if (typeof type !== 'string' || !ACCOUNT_CHANGE_EVENTS.has(type)) {
      throw new BfxArgumentError(`Unknown account event ${JSON.stringify(type)}; one of ${[...ACCOUNT_CHANGE_EVENTS].join(', ')}`, 'type');
    }
    if (typeof listener !== 'function') throw new BfxArgumentError('The listener must be a function', 'listener');
    const guarded = (event: AccountEmitted): void => {
      try {
        const r = listener(event as AccountEventOf<T>);
        if (r !== null && typeof r === 'object' && typeof (r as Promise<unknown>).then === 'function') {
          (r as Promise<unknown>).then(undefined, (err: unknown) => this.#deps.listenerFailed(type, err));
        }
      } catch (err) {
        this.#deps.listenerFailed(type, err);
      }
    };
    const sub = this.actor.on(type, guarded as never);
    return () => sub.unsubscribe();
  }
}

/**
 * The account sink's emitter tee'd into the account actor: the events the account machine follows
 * go to `ref()` first (when one is attached), every event then to `emit`.
 */
export function accountFeed(emit: SinkEmitter, ref: () => AccountActorRef | undefined): SinkEmitter {
  return ((event: string, ...args: unknown[]) => {
    if (isAccountDataEvent(event)) ref()?.send({ type: 'account.data', event, data: args[0] } as AccountDataEvent);
    (emit as (e: string, ...a: unknown[]) => void)(event, ...args);
  }) as SinkEmitter;
}
