/**
 * Options of the authenticated WebSocket inputs (`ws.inputs.*`) and the interface they form.
 * Option names are camelCase; they are sent in Bitfinex's snake_case (`priceAuxLimit` →
 * `price_aux_limit`). Decimals may be numbers or decimal strings and are sent as strings.
 *
 * @module
 */
import type { FundingOffer, Notification, Order } from '../../models/index.js';
import type { Decimal } from './encode.js';
import type { SubmitOrderParams } from '../../rest/auth-trading.js';
import type { SubmitFundingOfferParams } from '../../rest/auth-funding.js';

export type { FundingOfferType, OrderType } from '../../models/index.js';

/**
 * `submitOrder` options (`on`): the same fields as the REST `submitOrder` (one definition serves
 * both), with `tif` also accepting a `Date`. A `cid` is generated when omitted; the result carries it.
 */
export type SubmitOrderInput = Omit<SubmitOrderParams, 'tif'> & {
  /** Time in force: a `Date` or `"YYYY-MM-DD HH:MM:SS"` (UTC). */
  readonly tif?: string | Date;
};

/** Identifies an order by `id`, or by `cid` plus its UTC date `cidDate` (`YYYY-MM-DD`). */
export type OrderRef = { readonly id: number } | { readonly cid: number; readonly cidDate: string };

/** `updateOrder` options (`ou`). */
export type UpdateOrderInput = OrderRef & {
  /** New remaining amount. */
  readonly amount?: Decimal;
  /** Change of the remaining amount. */
  readonly delta?: Decimal;
  /** New price. */
  readonly price?: Decimal;
  /** Auxiliary limit price (STOP LIMIT orders). */
  readonly priceAuxLimit?: Decimal;
  /** Trailing price distance (TRAILING STOP orders). */
  readonly priceTrailing?: Decimal;
  /** Group id. */
  readonly gid?: number;
  /** New order flags (see `OrderFlag`). */
  readonly flags?: number;
  /** Leverage (derivatives), 1 to 100. */
  readonly lev?: number;
  /** Time in force: the order is cancelled at this time (`YYYY-MM-DD HH:MM:SS` or a `Date`). */
  readonly tif?: string | Date;
  /** Free-form metadata (`aff_code`, `make_visible`, ...). */
  readonly meta?: Record<string, unknown>;
};

/** `cancelOrder` options (`oc`). */
export type CancelOrderInput = OrderRef;

/** `cancelOrderMulti` options (`oc_multi`): any of the selectors, or `all`. */
export interface CancelOrderMultiInput {
  /** Cancel these order ids. */
  readonly id?: readonly number[];
  /** `[cid, 'YYYY-MM-DD']` pairs. */
  readonly cid?: readonly (readonly [number, string])[];
  /** Cancel every order of these group ids. */
  readonly gid?: readonly number[];
  /** Cancel every order (derivatives included). */
  readonly all?: boolean;
}

/** One operation of `orderMultiOp` (`ox_multi`). */
export type OrderMultiOp =
  | readonly ['on', SubmitOrderInput]
  | readonly ['oc', CancelOrderInput]
  | readonly ['ou', UpdateOrderInput]
  | readonly ['oc_multi', CancelOrderMultiInput];

/** `submitFundingOffer` options (`fon`): the same fields as the REST `submitFundingOffer`. */
export type SubmitFundingOfferInput = SubmitFundingOfferParams;

/** `notify` options (`n`). */
export interface NotifyOptions {
  /** Notification type; must start with `ucm` (default `ucm-test`). */
  readonly type?: string;
  /** Message id echoed in the notification (default: a generated one). */
  readonly messageId?: number;
  /** Extra fields of the payload (e.g. `message`, `level`). */
  readonly extra?: Record<string, unknown>;
}

/** What `notify` resolves with once the custom notification has been sent. */
export interface NotifyResult {
  /** The message id sent; the echoed `notification` event carries it as `messageId`. */
  readonly messageId: number;
}

/**
 * The authenticated inputs. Each returns a promise settled by the matching `*-req` notification:
 * resolved with the typed notification when its status is `SUCCESS` (or `INFO`), rejected with an
 * `InputError` for `ERROR` / `FAILURE`, with a `BfxTimeoutError` (`ERR_BFX_INPUT_TIMEOUT`) when no
 * answer arrives in time, with a `NotConnectedError` when the input cannot be sent (see the queue
 * policy), with an `OutcomeUnknownError` when it was sent and nothing could tell its outcome (an
 * order input lost in a drop first waits for the next session: resolved, or `InputNotAppliedError`
 * when it was not applied), and with a `BfxArgumentError` for bad options
 * (nothing is sent then). `calc` and `notify` have no request notification: they resolve once sent.
 */
export interface WsInputs {
  /** New order (`on`); resolves with the `on-req` notification, `data` the order. */
  submitOrder(o: SubmitOrderInput): Promise<Notification<Order>>;
  /** Update an order (`ou`); resolves with the `ou-req` notification. */
  updateOrder(o: UpdateOrderInput): Promise<Notification<Order>>;
  /** Cancel an order (`oc`); resolves with the `oc-req` notification (the order as it was). */
  cancelOrder(o: CancelOrderInput): Promise<Notification<Order>>;
  /** Cancel several orders (`oc_multi`); resolves with the `oc_multi-req` notification, `data` the orders. */
  cancelOrderMulti(o: CancelOrderMultiInput): Promise<Notification<Order[]>>;
  /** Several order operations at once (`ox_multi`, at most 75); `data` lists the per-op notifications. */
  orderMultiOp(ops: readonly OrderMultiOp[]): Promise<Notification<Notification<unknown>[]>>;
  /** New funding offer (`fon`); resolves with the `fon-req` notification, `data` the offer. */
  submitFundingOffer(o: SubmitFundingOfferInput): Promise<Notification<FundingOffer>>;
  /** Cancel a funding offer (`foc`); resolves with the `foc-req` notification. */
  cancelFundingOffer(id: number): Promise<Notification<FundingOffer>>;
  /**
   * Ask for recalculated values (`calc`): `margin_base`, `margin_sym_tBTCUSD`, `funding_sym_fUSD`,
   * `position_tBTCUSD`, `wallet_margin_BTC`, `balance` (at most 30). Resolves once sent; the values
   * arrive as `base_margin_info`, `symbol_margin_info`, `funding_info_update`, `position_update`,
   * `wallet_update`, `balance_update` events.
   */
  calc(...items: string[]): Promise<void>;
  /**
   * Send a custom notification (`n`, type `ucm-*`). Resolves once sent (Bitfinex does not
   * acknowledge it); the echo arrives as the `notification` event with the same `messageId`.
   */
  notify(info: NotifyInfo, o?: NotifyOptions): Promise<NotifyResult>;
}

/** What `notify` sends as `info`: any JSON value (the seed's `notify("text")` included). */
export type NotifyInfo = string | number | boolean | null | readonly unknown[] | { readonly [key: string]: unknown };
