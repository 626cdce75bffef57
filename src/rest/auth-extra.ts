/**
 * Authenticated endpoints the Python client lacks, from Bitfinex's v2 reference and the official
 * node client (issue 15): OTC orders history, position funding type, the deposit address list,
 * Thalex transfers, LNX invoice payments, weighted averages, authenticated Pulse and the
 * (deprecated) performance history. The source of each shape is noted beside it; `[UNCERTAIN]`
 * marks a shape no source confirms.
 *
 * @module
 */
import { models, type Notification, type Order, type PulseMessage } from '../models/index.js';
import { SIGNED } from './auth-trading.js';
import { arrayOf, boolean, decimal, positiveInteger, record, text, tradingSymbol } from './checks.js';
import { array, list, notification, object, one, truthy } from './decode.js';
import { defineEndpoint, HISTORY_PARAMS, type Decoder } from './endpoint.js';
import {
  DepositAddressEntry,
  WeightedAverages,
  type LnxInvoicePayment,
  type ThalexFreeTransferCount,
  type ThalexTransfer,
} from './extra-models.js';
import { badShape } from './response.js';
import type { Decimal, HistoryParams } from './types.js';
import { invalidArgument, validateOneOf } from './validate.js';

/** Parameters of `getDepositAddresses`. */
export interface DepositAddressListParams {
  /** Deposit method, e.g. `bitcoin` (see `conf/pub:map:tx:method`). */
  readonly method: string;
  /** Page, from 1 (default 1). */
  readonly page?: number;
  /** Rows per page, 20 to 100 (default 20). */
  readonly pageSize?: number;
}

/** Parameters of the Thalex deposit and withdrawal requests. */
export interface ThalexTransferParams {
  /** Only `thalex` (the default). */
  readonly provider?: 'thalex';
  /** Amount to transfer. */
  readonly amount: Decimal;
  /** `USE`, `ETH` or `BTC`. */
  readonly ccy: string;
  /** The U2F 2FA token object Bitfinex asks for. */
  readonly tfaToken: Readonly<Record<string, unknown>>;
}

/** Actions of `getLnxInvoicePayments`. */
export type LnxPaymentsAction = 'getPaymentsByUser' | 'getInvoicesByUser' | 'getInvoiceById' | 'getPaymentById';

/** Parameters of `submitPulse` (docs-2020: Pulse Add). */
export interface PulseParams {
  /** Title. */
  readonly title?: string;
  /** Text of the pulse. */
  readonly content: string;
  /** Reply to this pulse id. */
  readonly parent?: string;
  /** Visible to everyone (default private). */
  readonly isPublic?: boolean;
  /** Pin it on the profile. */
  readonly isPin?: boolean;
  /** Attachment URLs. */
  readonly attachments?: readonly string[];
}

/** Parameters of `getWeightedAverages`. */
export type WeightedAveragesParams = HistoryParams & {
  /** Trading pair (`tBTCUSD`). */
  readonly symbol: string;
};

const THALEX = { ...SIGNED, keys: 'camel' } as const;
const thalexTransfer = (direction: 'deposits' | 'withdrawals') =>
  defineEndpoint<[params: ThalexTransferParams], ThalexTransfer>({
    ...THALEX, path: `auth/w/ext/wallets/${direction}/request`, args: ['*'], required: ['amount', 'ccy', 'tfaToken'],
    defaults: { provider: 'thalex' }, check: { provider: (v, n) => validateOneOf(v, ['thalex'], n), amount: decimal, ccy: text, tfaToken: record },
    decode: object<ThalexTransfer>('Thalex transfer'),
  });

/** An array of objects, or one object (the "by id" actions), as a list. */
const paymentObjects: Decoder<LnxInvoicePayment[]> = (body, endpoint) => {
  const items = Array.isArray(body) ? body : [body];
  if (!items.every((o) => typeof o === 'object' && o !== null && !Array.isArray(o))) throw badShape(endpoint, 'LNX invoices / payments (JSON objects)', body);
  return items as LnxInvoicePayment[];
};

const fundingType = (v: unknown, n: string): unknown => (v === 0 || v === 1 ? v : invalidArgument(n, '0 (daily) or 1 (term)', v));

/** The table of these endpoints (merged into `authEndpoints`). */
export const authExtraEndpoints = {
  /** `auth/r/orders/otc/{symbol}/hist` (docs: OTC Orders History). [UNCERTAIN]: rows assumed ORDER arrays like `orders/hist`. */
  getOtcOrdersHistory: defineEndpoint<[symbol: string, params?: HistoryParams], Order[]>({
    ...SIGNED, path: 'auth/r/orders/otc/{symbol}/hist', args: ['symbol', '*'], params: HISTORY_PARAMS, check: { symbol: tradingSymbol },
    decode: list(models.Order),
  }),
  /** `auth/w/position/update/funding/type` (docs: Update Position Funding Type): `puft-req` notification; `type` 0 daily, 1 term. */
  updatePositionFundingType: defineEndpoint<[symbol: string, type: 0 | 1], Notification<unknown>>({
    ...SIGNED, path: 'auth/w/position/update/funding/type', args: ['symbol', 'type'], required: ['symbol', 'type'],
    check: { symbol: tradingSymbol, type: fundingType }, decode: notification(),
  }),
  /** `auth/r/deposit/address/all` (docs: Deposit Address List, 10 req/min). */
  getDepositAddresses: defineEndpoint<[params: DepositAddressListParams], DepositAddressEntry[]>({
    ...SIGNED, path: 'auth/r/deposit/address/all', args: ['*'], required: ['method'], rename: { pageSize: 'pageSize' },
    check: { method: text, page: positiveInteger, pageSize: positiveInteger }, decode: list(DepositAddressEntry),
  }),
  /** `auth/w/ext/wallets/deposits/request` (docs: Thalex Deposit Request): Bitfinex → Thalex. */
  requestThalexDeposit: thalexTransfer('deposits'),
  /** `auth/w/ext/wallets/withdrawals/request` (docs: Thalex Withdrawal Request): Thalex → Bitfinex. */
  requestThalexWithdrawal: thalexTransfer('withdrawals'),
  /** `auth/r/ext/wallets/transfers/free/count` (docs: Thalex Free Transfer Count; body key `Provider`). */
  getThalexFreeTransferCount: defineEndpoint<[provider?: 'thalex'], ThalexFreeTransferCount>({
    ...THALEX, path: 'auth/r/ext/wallets/transfers/free/count', args: ['provider'], defaults: { provider: 'thalex' }, rename: { provider: 'Provider' },
    check: { provider: (v, n) => validateOneOf(v, ['thalex'], n) }, decode: object<ThalexFreeTransferCount>('free transfer count'),
  }),
  /** `auth/r/ext/invoice/payments` (docs: LNX Invoice Payments). [UNCERTAIN] object keys. */
  getLnxInvoicePayments: defineEndpoint<[action: LnxPaymentsAction, query?: Readonly<Record<string, unknown>>], LnxInvoicePayment[]>({
    ...THALEX, path: 'auth/r/ext/invoice/payments', args: ['action', 'query'], required: ['action'], defaults: { query: {} },
    check: { action: (v, n) => validateOneOf(v, ['getPaymentsByUser', 'getInvoicesByUser', 'getInvoiceById', 'getPaymentById'], n), query: record },
    decode: paymentObjects,
  }),
  /** `auth/r/trades/calc`: weighted averages of the account's trades (bfx-api-node-rest `getWeightedAverages`, model from bfx-api-node-models). */
  getWeightedAverages: defineEndpoint<[params: WeightedAveragesParams], WeightedAverages>({
    ...SIGNED, path: 'auth/r/trades/calc', args: ['*'], required: ['symbol'], params: HISTORY_PARAMS, check: { symbol: tradingSymbol },
    decode: one(WeightedAverages),
  }),
  /** `auth/r/pulse/hist` (bfx-api-node-rest `fetchUserPulseHistory`; docs-2020 Pulse History): the user's pulses. */
  getPulseHistory: defineEndpoint<[params?: {
    /** Only public pulses. */
    readonly isPublic?: boolean;
  }], PulseMessage[]>({
    ...SIGNED, path: 'auth/r/pulse/hist', args: ['*'], check: { isPublic: boolean }, rename: { isPublic: 'isPublic' }, decode: list(models.PulseMessage),
  }),
  /** `auth/w/pulse/add` (bfx-api-node-rest `addPulse`; docs-2020 Pulse Add, 15 req/min): the new pulse. */
  submitPulse: defineEndpoint<[params: PulseParams], PulseMessage>({
    ...SIGNED, path: 'auth/w/pulse/add', args: ['*'], required: ['content'], keys: 'camel',
    check: { title: text, content: text, parent: text, isPublic: boolean, isPin: boolean, attachments: arrayOf(text) },
    decode: (body, endpoint) => one(models.PulseMessage)(Array.isArray(body) && Array.isArray(body[0]) ? body[0] : body, endpoint),
  }),
  /** `auth/w/pulse/del` (bfx-api-node-rest `deletePulse`; docs-2020 Pulse Delete): true when deleted. */
  deletePulse: defineEndpoint<[pid: string], boolean>({
    ...SIGNED, path: 'auth/w/pulse/del', args: ['pid'], required: ['pid'], check: { pid: text }, decode: truthy(),
  }),
  /** `auth/r/stats/perf:1D/hist` (bfx-api-node-rest `performance`; deprecated). [UNCERTAIN]: rows left raw. */
  getPerformanceHistory: defineEndpoint<[], unknown[][]>({
    ...SIGNED, path: 'auth/r/stats/perf:1D/hist', args: [], decode: array<unknown[]>(),
  }),
} as const;
