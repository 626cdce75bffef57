/**
 * REST client for the Bitfinex API v2.
 *
 * @module
 */
export { createRestClient, DEFAULT_REST_TIMEOUT_MS, type RestClient } from './client.js';
export type { RestClientOptions, RequestOptions, RestLogger, FetchFn, Decimal, HistoryParams, SortedHistoryParams, SigningOptions } from './types.js';
export { createPacer, sharedPacerFor, DEFAULT_PACING, type Pacer, type PacingOptions, type PacingTicket } from './pacing.js';
export { REST_ROUTE_LIMITS, DEFAULT_ROUTE_LIMIT, resolveRouteLimit, routeLimitOf, defaultGroupOf, type RouteLimit } from './limits.js';
export { DEFAULT_NONCE_RETRY, type NonceRetryPolicy } from './transport.js';
export { validateInputParams, INPUT_ENDPOINTS, type InputName } from './inputs.js';
export { nonceLaneFor, DEFAULT_SIGNED_IN_FLIGHT, type NonceLane, type NonceLaneOptions, type LaneTask } from '../auth/nonce.js';
export { DEFAULT_RETRY_POLICY, backoffDelay, type RetryPolicy } from './retry.js';
export { publicEndpoints, type PublicApi, type SymbolList, type BookParams as RestBookParams, type TradingAveragePriceParams, type FundingAveragePriceParams } from './public.js';
export { authEndpoints, type AuthApi } from './auth.js';
export type { SubmitOrderParams, UpdateOrderParams, CancelOrderParams, CancelOrderMultiParams, OrderMultiOp, BalanceAvailableParams } from './auth-trading.js';
export type { SubmitFundingOfferParams, AutoRenewParams, KeepFundingParams, FundingHistoryParams } from './auth-funding.js';
export type { TransferParams, WithdrawalParams, DepositAddressParams, DepositInvoiceParams, SetAlertParams, TokenParams } from './auth-account.js';
export { merchantEndpoints, type MerchantApi, type SubmitInvoiceParams, type InvoicesPageParams, type CompleteInvoiceParams, type StatsFormat } from './merchant.js';
export {
  Alert,
  WalletHistory,
  WeightedAverages,
  DepositAddressEntry,
  type Permission,
  type Vasp,
  type ThalexTransfer,
  type ThalexFreeTransferCount,
  type LnxInvoicePayment,
} from './extra-models.js';
export type { DepositAddressListParams, ThalexTransferParams, LnxPaymentsAction, PulseParams, WeightedAveragesParams } from './auth-extra.js';
export { defineEndpoint, bindEndpoints, type Endpoint, type EndpointSpec, type ApiOf, type MethodOf, type Decoder, type Check } from './endpoint.js';
export {
  validateSymbol,
  validateSymbols,
  validatePrecision,
  validateTimeframe,
  validateBookLength,
  validateCandleKey,
  validateCandleSymbol,
  validateSort,
  validatePositiveInteger,
  validateOrderType,
  validatePeriod,
  validateDuration,
  validateIntegerInRange,
  validatePositiveNumber,
  validateDecimal,
  validateOneOf,
  MAX_TIMER_MS,
  type SymbolKind,
} from './validate.js';
export { signRest, signWsAuth, type WsAuthSignature } from '../auth/signer.js';
