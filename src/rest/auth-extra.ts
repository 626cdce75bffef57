/**
 * Authenticated endpoints the Python client lacks, from Bitfinex's v2 reference and the official
 * node client (issue 15): OTC orders history, position funding type, the deposit address list,
 * Thalex transfers, LNX invoice payments, weighted averages, authenticated Pulse and the
 * (deprecated) performance history. The source of each shape is noted beside it; `[UNCERTAIN]`
 * marks a shape no source confirms.
 *
 * @module
 */
import { signed, signedCamel } from './definers.js';
import { models, type Notification, type Order, type PulseMessage } from '../models/index.js';
import { array, list, notification, object, one, truthy } from './decode.js';
import type { Decoder } from './endpoint.js';
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

const thalexTransfer = (direction: 'deposits' | 'withdrawals') =>
  signedCamel<[params: ThalexTransferParams], ThalexTransfer>(`auth/w/ext/wallets/${direction}/request amount!:decimal ccy!:text tfaToken!:record provider:provider`, ['*'], object<ThalexTransfer>('Thalex transfer'), { checks: { provider: (v, n) => validateOneOf(v, ['thalex'], n) }, defaults: { provider: 'thalex' } });

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
  getOtcOrdersHistory: signed<[symbol: string, params?: HistoryParams], Order[]>('auth/r/orders/otc/{symbol}/hist start end limit symbol:trading', ['symbol', '*'], list(models.Order)),
  /** `auth/w/position/update/funding/type` (docs: Update Position Funding Type): `puft-req` notification; `type` 0 daily, 1 term. */
  updatePositionFundingType: signed<[symbol: string, type: 0 | 1], Notification<unknown>>('auth/w/position/update/funding/type symbol!:trading type!:type', ['symbol', 'type'], notification(), { checks: { type: fundingType } }),
  /** `auth/r/deposit/address/all` (docs: Deposit Address List, 10 req/min). */
  getDepositAddresses: signed<[params: DepositAddressListParams], DepositAddressEntry[]>('auth/r/deposit/address/all method!:text page:int pageSize:int>pageSize', ['*'], list(DepositAddressEntry)),
  /** `auth/w/ext/wallets/deposits/request` (docs: Thalex Deposit Request): Bitfinex → Thalex. */
  requestThalexDeposit: thalexTransfer('deposits'),
  /** `auth/w/ext/wallets/withdrawals/request` (docs: Thalex Withdrawal Request): Thalex → Bitfinex. */
  requestThalexWithdrawal: thalexTransfer('withdrawals'),
  /** `auth/r/ext/wallets/transfers/free/count` (docs: Thalex Free Transfer Count; body key `Provider`). */
  getThalexFreeTransferCount: signedCamel<[provider?: 'thalex'], ThalexFreeTransferCount>('auth/r/ext/wallets/transfers/free/count provider:provider>Provider', ['provider'], object<ThalexFreeTransferCount>('free transfer count'), { checks: { provider: (v, n) => validateOneOf(v, ['thalex'], n) }, defaults: { provider: 'thalex' } }),
  /** `auth/r/ext/invoice/payments` (docs: LNX Invoice Payments). [UNCERTAIN] object keys. */
  getLnxInvoicePayments: signedCamel<[action: LnxPaymentsAction, query?: Readonly<Record<string, unknown>>], LnxInvoicePayment[]>('auth/r/ext/invoice/payments action!:action query:record', ['action', 'query'], paymentObjects, { checks: { action: (v, n) => validateOneOf(v, ['getPaymentsByUser', 'getInvoicesByUser', 'getInvoiceById', 'getPaymentById'], n) }, defaults: { query: {} } }),
  /** `auth/r/trades/calc`: weighted averages of the account's trades (bfx-api-node-rest `getWeightedAverages`, model from bfx-api-node-models). */
  getWeightedAverages: signed<[params: WeightedAveragesParams], WeightedAverages>('auth/r/trades/calc symbol!:trading start end limit', ['*'], one(WeightedAverages)),
  /** `auth/r/pulse/hist` (bfx-api-node-rest `fetchUserPulseHistory`; docs-2020 Pulse History): the user's pulses. */
  getPulseHistory: signed<[params?: {
    /** Only public pulses. */
    readonly isPublic?: boolean;
  }], PulseMessage[]>('auth/r/pulse/hist isPublic:bool>isPublic', ['*'], list(models.PulseMessage)),
  /** `auth/w/pulse/add` (bfx-api-node-rest `addPulse`; docs-2020 Pulse Add, 15 req/min): the new pulse. */
  submitPulse: signedCamel<[params: PulseParams], PulseMessage>('auth/w/pulse/add content!:text title:text parent:text isPublic:bool isPin:bool attachments:texts', ['*'], (body, endpoint) => one(models.PulseMessage)(Array.isArray(body) && Array.isArray(body[0]) ? body[0] : body, endpoint)),
  /** `auth/w/pulse/del` (bfx-api-node-rest `deletePulse`; docs-2020 Pulse Delete): true when deleted. */
  deletePulse: signed<[pid: string], boolean>('auth/w/pulse/del pid!:text', ['pid'], truthy()),
  /** `auth/r/stats/perf:1D/hist` (bfx-api-node-rest `performance`; deprecated). [UNCERTAIN]: rows left raw. */
  getPerformanceHistory: signed<[], unknown[][]>('auth/r/stats/perf:1D/hist', [], array<unknown[]>()),
} as const;
