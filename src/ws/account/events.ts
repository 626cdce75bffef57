/**
 * Events of the authenticated account channel (channel 0) and the `authenticated` payload.
 *
 * Listener signature is `(data)`: the decoded model (or a list of them for snapshots). Every
 * channel-0 frame type maps to exactly one event (`miu` to one of two, by its first element).
 * Notifications (`n`) of the request types listed here get their own typed event; every other
 * notification type (custom `ucm-*`, `foc_all-req`, `uca`, `acc_tf`, ...) is emitted as
 * `notification` with its `data` left undecoded.
 *
 * @module
 */
import type {
  BalanceInfo,
  BaseMarginInfo,
  FundingCredit,
  FundingInfo,
  FundingLoan,
  FundingOffer,
  FundingTrade,
  Notification,
  Order,
  Position,
  SymbolMarginInfo,
  Trade,
  Wallet,
} from '../../models/index.js';

/** Read / write permission of one capability. */
export interface AuthCapability {
  /** Whether the key may read this scope. */
  readonly read: number;
  /** Whether the key may write this scope. */
  readonly write: number;
}

/** What the server said when authentication succeeded (never contains the key or secret). */
export interface AuthInfo {
  /** Bitfinex user id. */
  readonly userId: number;
  /** Id of this authenticated session (`auth_id`). */
  readonly authId: string;
  /** Capabilities of the API key (`orders`, `account`, `funding`, `wallets`, ...); parsed if sent as a JSON string. */
  readonly caps: Record<string, AuthCapability>;
  /** The whole auth reply as received. */
  readonly raw: Record<string, unknown>;
}

/** Authenticated account events: `(data)`. */
export interface AccountEvents {
  /** `os`: every active order, sent after each (re)authentication. */
  order_snapshot(orders: Order[]): void;
  /** `on`: an order was created. */
  order_new(order: Order): void;
  /** `ou`: an order changed (partial fill, update). */
  order_update(order: Order): void;
  /** `oc`: an order was cancelled or fully executed (see its `orderStatus`). */
  order_cancel(order: Order): void;
  /** `ps`: every open position. */
  position_snapshot(positions: Position[]): void;
  /** `pn`: a position was opened. */
  position_new(position: Position): void;
  /** `pu`: a position changed (also when P/L is computed). */
  position_update(position: Position): void;
  /** `pc`: a position was closed. */
  position_close(position: Position): void;
  /** `ws`: every wallet. */
  wallet_snapshot(wallets: Wallet[]): void;
  /** `wu`: a wallet changed. */
  wallet_update(wallet: Wallet): void;
  /** `bu`: total assets under management. */
  balance_update(balance: BalanceInfo): void;
  /** `miu` with `"base"`: account-wide margin info. */
  base_margin_info(info: BaseMarginInfo): void;
  /** `miu` with `"sym"`: margin info of one trading pair. */
  symbol_margin_info(info: SymbolMarginInfo): void;
  /** `fiu`: funding info of one funding currency. */
  funding_info_update(info: FundingInfo): void;
  /** `fos`: every active funding offer. */
  funding_offer_snapshot(offers: FundingOffer[]): void;
  /** `fon`: a funding offer was created. */
  funding_offer_new(offer: FundingOffer): void;
  /** `fou`: a funding offer changed. */
  funding_offer_update(offer: FundingOffer): void;
  /** `foc`: a funding offer was cancelled or fully taken. */
  funding_offer_cancel(offer: FundingOffer): void;
  /** `fcs`: every funding credit (funds used in positions). */
  funding_credit_snapshot(credits: FundingCredit[]): void;
  /** `fcn`: a funding credit was opened. */
  funding_credit_new(credit: FundingCredit): void;
  /** `fcu`: a funding credit changed. */
  funding_credit_update(credit: FundingCredit): void;
  /** `fcc`: a funding credit was closed. */
  funding_credit_close(credit: FundingCredit): void;
  /** `fls`: every funding loan (funds not used in positions). */
  funding_loan_snapshot(loans: FundingLoan[]): void;
  /** `fln`: a funding loan was opened. */
  funding_loan_new(loan: FundingLoan): void;
  /** `flu`: a funding loan changed. */
  funding_loan_update(loan: FundingLoan): void;
  /** `flc`: a funding loan was closed. */
  funding_loan_close(loan: FundingLoan): void;
  /** `te`: one of the account's trades executed (fee not yet known). */
  trade_execution(trade: Trade): void;
  /** `tu`: the same trade with its fee. */
  trade_execution_update(trade: Trade): void;
  /** `fte`: one of the account's funding trades executed. */
  funding_trade_execution(trade: FundingTrade): void;
  /** `ftu`: a funding trade update. */
  funding_trade_execution_update(trade: FundingTrade): void;
  /** Any notification whose type has no dedicated event below (`ucm-*` custom ones, `foc_all-req`, `uca`, ...). */
  notification(notification: Notification<unknown>): void;
  /** Answer to `submitOrder` (`on-req`). */
  'on-req-notification'(notification: Notification<Order>): void;
  /** Answer to `updateOrder` (`ou-req`). */
  'ou-req-notification'(notification: Notification<Order>): void;
  /** Answer to `cancelOrder` (`oc-req`). */
  'oc-req-notification'(notification: Notification<Order>): void;
  /** Answer to `cancelOrderMulti` (`oc_multi-req`). */
  'oc_multi-req-notification'(notification: Notification<Order[]>): void;
  /**
   * Answer to `orderMultiOp` (`ox_multi-req`); `data` holds one notification per operation, each
   * decoded like its own request type (`on-req` → `Order`, `oc_multi-req` → `Order[]`, ...).
   */
  'ox_multi-req-notification'(notification: Notification<Notification<unknown>[]>): void;
  /** Answer to `submitFundingOffer` (`fon-req`). */
  'fon-req-notification'(notification: Notification<FundingOffer>): void;
  /** Answer to `cancelFundingOffer` (`foc-req`). */
  'foc-req-notification'(notification: Notification<FundingOffer>): void;
}

/** Name of an account event. */
export type AccountEventName = keyof AccountEvents;
