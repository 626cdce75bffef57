/**
 * The one model table: every Bitfinex array shape, described once and shared by REST responses,
 * WebSocket snapshots, WebSocket updates and the simulator's encoder.
 *
 * @example
 * import { models, type Order } from 'bfx-actors';
 * const order: Order = models.Order.decode(raw);
 * console.log(order.id, order.symbol, order.amountOrig, order.orderStatus);
 *
 * @module
 */
import type { Infer } from './define.js';
import { PlatformStatus, TradingPairTicker, FundingCurrencyTicker, TickersHistory, TradingPairTrade, FundingCurrencyTrade, TradingPairBook, FundingCurrencyBook, TradingPairRawBook, FundingCurrencyRawBook, Statistic, Candle, DerivativesStatus, Liquidation, Leaderboard, FundingStatistic, TradingMarketAveragePrice, FundingMarketAveragePrice, FxRate } from './market.js';
import { PulseProfile, PulseMessage } from './pulse.js';
import { UserInfo, LoginHistory } from './account.js';
import { BalanceAvailable, Wallet, Transfer, Withdrawal, DepositAddress, LightningNetworkInvoice, Movement, Ledger, SymbolMarginInfo, BaseMarginInfo, BalanceInfo } from './wallets.js';
import { Order, Trade, OrderTrade } from './trading.js';
import { FundingOffer, FundingCredit, FundingLoan, FundingAutoRenew, FundingInfo, FundingTrade } from './funding.js';
import { Position, PositionClaim, PositionIncreaseInfo, PositionIncrease, PositionHistory, PositionSnapshot, PositionAudit, DerivativePositionCollateral, DerivativePositionCollateralLimits } from './positions.js';
import { NotificationModel } from './notification.js';

/**
 * Every model by name: the 52 array-backed models of the Bitfinex API plus `Notification`.
 * `models.<Name>.decode(raw)` returns a plain object; `encode` goes back to the wire array.
 */
export const models = {
  PlatformStatus,
  TradingPairTicker,
  FundingCurrencyTicker,
  TickersHistory,
  TradingPairTrade,
  FundingCurrencyTrade,
  TradingPairBook,
  FundingCurrencyBook,
  TradingPairRawBook,
  FundingCurrencyRawBook,
  Statistic,
  Candle,
  DerivativesStatus,
  Liquidation,
  Leaderboard,
  FundingStatistic,
  TradingMarketAveragePrice,
  FundingMarketAveragePrice,
  FxRate,
  PulseProfile,
  PulseMessage,
  UserInfo,
  LoginHistory,
  BalanceAvailable,
  Wallet,
  Transfer,
  Withdrawal,
  DepositAddress,
  LightningNetworkInvoice,
  Movement,
  Ledger,
  SymbolMarginInfo,
  BaseMarginInfo,
  BalanceInfo,
  Order,
  Trade,
  OrderTrade,
  FundingOffer,
  FundingCredit,
  FundingLoan,
  FundingAutoRenew,
  FundingInfo,
  FundingTrade,
  Position,
  PositionClaim,
  PositionIncreaseInfo,
  PositionIncrease,
  PositionHistory,
  PositionSnapshot,
  PositionAudit,
  DerivativePositionCollateral,
  DerivativePositionCollateralLimits,
  /** The notification envelope (`n` frames and REST write answers). */
  Notification: NotificationModel,
} as const;

/** The name of a model in {@link models}. */
export type ModelName = keyof typeof models;

/** A decoded `PlatformStatus` (see `models.PlatformStatus`). */
export type PlatformStatus = Infer<typeof models.PlatformStatus>;
/** A decoded `TradingPairTicker` (see `models.TradingPairTicker`). */
export type TradingPairTicker = Infer<typeof models.TradingPairTicker>;
/** A decoded `FundingCurrencyTicker` (see `models.FundingCurrencyTicker`). */
export type FundingCurrencyTicker = Infer<typeof models.FundingCurrencyTicker>;
/** A decoded `TickersHistory` (see `models.TickersHistory`). */
export type TickersHistory = Infer<typeof models.TickersHistory>;
/** A decoded `TradingPairTrade` (see `models.TradingPairTrade`). */
export type TradingPairTrade = Infer<typeof models.TradingPairTrade>;
/** A decoded `FundingCurrencyTrade` (see `models.FundingCurrencyTrade`). */
export type FundingCurrencyTrade = Infer<typeof models.FundingCurrencyTrade>;
/** A decoded `TradingPairBook` (see `models.TradingPairBook`). */
export type TradingPairBook = Infer<typeof models.TradingPairBook>;
/** A decoded `FundingCurrencyBook` (see `models.FundingCurrencyBook`). */
export type FundingCurrencyBook = Infer<typeof models.FundingCurrencyBook>;
/** A decoded `TradingPairRawBook` (see `models.TradingPairRawBook`). */
export type TradingPairRawBook = Infer<typeof models.TradingPairRawBook>;
/** A decoded `FundingCurrencyRawBook` (see `models.FundingCurrencyRawBook`). */
export type FundingCurrencyRawBook = Infer<typeof models.FundingCurrencyRawBook>;
/** A decoded `Statistic` (see `models.Statistic`). */
export type Statistic = Infer<typeof models.Statistic>;
/** A decoded `Candle` (see `models.Candle`). */
export type Candle = Infer<typeof models.Candle>;
/** A decoded `DerivativesStatus` (see `models.DerivativesStatus`). */
export type DerivativesStatus = Infer<typeof models.DerivativesStatus>;
/** A decoded `Liquidation` (see `models.Liquidation`). */
export type Liquidation = Infer<typeof models.Liquidation>;
/** A decoded `Leaderboard` (see `models.Leaderboard`). */
export type Leaderboard = Infer<typeof models.Leaderboard>;
/** A decoded `FundingStatistic` (see `models.FundingStatistic`). */
export type FundingStatistic = Infer<typeof models.FundingStatistic>;
/** A decoded `TradingMarketAveragePrice` (see `models.TradingMarketAveragePrice`). */
export type TradingMarketAveragePrice = Infer<typeof models.TradingMarketAveragePrice>;
/** A decoded `FundingMarketAveragePrice` (see `models.FundingMarketAveragePrice`). */
export type FundingMarketAveragePrice = Infer<typeof models.FundingMarketAveragePrice>;
/** A decoded `FxRate` (see `models.FxRate`). */
export type FxRate = Infer<typeof models.FxRate>;
/** A decoded `PulseProfile` (see `models.PulseProfile`). */
export type PulseProfile = Infer<typeof models.PulseProfile>;
/** A decoded `PulseMessage` (see `models.PulseMessage`). */
export type PulseMessage = Infer<typeof models.PulseMessage>;
/** A decoded `UserInfo` (see `models.UserInfo`). */
export type UserInfo = Infer<typeof models.UserInfo>;
/** A decoded `LoginHistory` (see `models.LoginHistory`). */
export type LoginHistory = Infer<typeof models.LoginHistory>;
/** A decoded `BalanceAvailable` (see `models.BalanceAvailable`). */
export type BalanceAvailable = Infer<typeof models.BalanceAvailable>;
/** A decoded `Wallet` (see `models.Wallet`). */
export type Wallet = Infer<typeof models.Wallet>;
/** A decoded `Transfer` (see `models.Transfer`). */
export type Transfer = Infer<typeof models.Transfer>;
/** A decoded `Withdrawal` (see `models.Withdrawal`). */
export type Withdrawal = Infer<typeof models.Withdrawal>;
/** A decoded `DepositAddress` (see `models.DepositAddress`). */
export type DepositAddress = Infer<typeof models.DepositAddress>;
/** A decoded `LightningNetworkInvoice` (see `models.LightningNetworkInvoice`). */
export type LightningNetworkInvoice = Infer<typeof models.LightningNetworkInvoice>;
/** A decoded `Movement` (see `models.Movement`). */
export type Movement = Infer<typeof models.Movement>;
/** A decoded `Ledger` (see `models.Ledger`). */
export type Ledger = Infer<typeof models.Ledger>;
/** A decoded `SymbolMarginInfo` (see `models.SymbolMarginInfo`). */
export type SymbolMarginInfo = Infer<typeof models.SymbolMarginInfo>;
/** A decoded `BaseMarginInfo` (see `models.BaseMarginInfo`). */
export type BaseMarginInfo = Infer<typeof models.BaseMarginInfo>;
/** A decoded `BalanceInfo` (see `models.BalanceInfo`). */
export type BalanceInfo = Infer<typeof models.BalanceInfo>;
/** A decoded `Order` (see `models.Order`). */
export type Order = Infer<typeof models.Order>;
/** A decoded `Trade` (see `models.Trade`). */
export type Trade = Infer<typeof models.Trade>;
/** A decoded `OrderTrade` (see `models.OrderTrade`). */
export type OrderTrade = Infer<typeof models.OrderTrade>;
/** A decoded `FundingOffer` (see `models.FundingOffer`). */
export type FundingOffer = Infer<typeof models.FundingOffer>;
/** A decoded `FundingCredit` (see `models.FundingCredit`). */
export type FundingCredit = Infer<typeof models.FundingCredit>;
/** A decoded `FundingLoan` (see `models.FundingLoan`). */
export type FundingLoan = Infer<typeof models.FundingLoan>;
/** A decoded `FundingAutoRenew` (see `models.FundingAutoRenew`). */
export type FundingAutoRenew = Infer<typeof models.FundingAutoRenew>;
/** A decoded `FundingInfo` (see `models.FundingInfo`). */
export type FundingInfo = Infer<typeof models.FundingInfo>;
/** A decoded `FundingTrade` (see `models.FundingTrade`). */
export type FundingTrade = Infer<typeof models.FundingTrade>;
/** A decoded `Position` (see `models.Position`). */
export type Position = Infer<typeof models.Position>;
/** A decoded `PositionClaim` (see `models.PositionClaim`). */
export type PositionClaim = Infer<typeof models.PositionClaim>;
/** A decoded `PositionIncreaseInfo` (see `models.PositionIncreaseInfo`). */
export type PositionIncreaseInfo = Infer<typeof models.PositionIncreaseInfo>;
/** A decoded `PositionIncrease` (see `models.PositionIncrease`). */
export type PositionIncrease = Infer<typeof models.PositionIncrease>;
/** A decoded `PositionHistory` (see `models.PositionHistory`). */
export type PositionHistory = Infer<typeof models.PositionHistory>;
/** A decoded `PositionSnapshot` (see `models.PositionSnapshot`). */
export type PositionSnapshot = Infer<typeof models.PositionSnapshot>;
/** A decoded `PositionAudit` (see `models.PositionAudit`). */
export type PositionAudit = Infer<typeof models.PositionAudit>;
/** A decoded `DerivativePositionCollateral` (see `models.DerivativePositionCollateral`). */
export type DerivativePositionCollateral = Infer<typeof models.DerivativePositionCollateral>;
/** A decoded `DerivativePositionCollateralLimits` (see `models.DerivativePositionCollateralLimits`). */
export type DerivativePositionCollateralLimits = Infer<typeof models.DerivativePositionCollateralLimits>;

export { nested } from './define.js';
export type { NestedKind, KindType } from './define.js';
export { decodeNotification, NotificationModel } from './notification.js';
export type { Notification, NotificationStatus, DecodeNotificationOptions } from './notification.js';
export * from './enums.js';
export type * from './merchant.js';
