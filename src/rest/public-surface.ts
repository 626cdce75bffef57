/**
 * The REST part of the package's main entry: the client, its options and results, the endpoint
 * tables (one typed method per Bitfinex endpoint) and their parameter types. The endpoint
 * machinery (`defineEndpoint`, `bindEndpoints`) and the argument validators stay internal.
 *
 * @module
 */
export { createRestClient, DEFAULT_REST_TIMEOUT_MS, type RestClient } from './client.js';
export type { RestClientOptions, RequestOptions, RestLogger, FetchFn, Decimal, HistoryParams, SortedHistoryParams, SigningOptions } from './types.js';
export { DEFAULT_PACING, type PacingOptions } from './pacing.js';
export { REST_ROUTE_LIMITS, DEFAULT_ROUTE_LIMIT, type RouteLimit } from './limits.js';
export { DEFAULT_NONCE_RETRY, type NonceRetryPolicy } from './transport.js';
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
  type FreeTransfers,
  type LnxInvoicePayment,
} from './extra-models.js';
export type { DepositAddressListParams, ThalexTransferParams, LnxPaymentsAction, PulseParams, WeightedAveragesParams } from './auth-extra.js';
export type { Endpoint, EndpointSpec, ApiOf, ArgNames, MethodOf, Decoder, Check } from './endpoint.js';
export type { SymbolKind, BookPrecision, AnyBookPrecision, BookLength as RestBookLength, Timeframe } from './validate.js';
