/**
 * Merchant (Bitfinex Pay) endpoints (python-v3-surface.md §2.5): signed POSTs whose body keys and
 * answers are camelCase JSON objects, kept as Bitfinex sends them. The unlinked-deposits path has
 * no double slash (python's bug is not carried over).
 *
 * @module
 */
import { signedCamel } from './definers.js';
import type {
  CurrencyConversion,
  CustomerInfo,
  InvoicePage,
  InvoiceStats,
  InvoiceSubmission,
  MerchantDeposit,
  MerchantUnlinkedDeposit,
} from '../models/merchant.js';
import { object, objects, raw, truthy } from './decode.js';
import type { ApiOf } from './endpoint.js';
import type { Decimal, HistoryParams } from './types.js';
import { validateOneOf } from './validate.js';

/** Parameters of `submitInvoice`. */
export interface SubmitInvoiceParams {
  /** Amount in `currency`. */
  readonly amount: Decimal;
  /** Invoice currency, e.g. `USD`. */
  readonly currency: string;
  /** Your order id. */
  readonly orderId: string;
  /** Customer details. */
  readonly customerInfo: CustomerInfo;
  /** Currencies the customer may pay with, e.g. `['BTC', 'ETH']`. */
  readonly payCurrencies: readonly string[];
  /** Seconds until the invoice expires. */
  readonly duration?: number;
  /** URL notified of status changes. */
  readonly webhook?: string;
  /** Where the payer is sent after paying. */
  readonly redirectUrl?: string;
}

/** Parameters of `getInvoicesPaginated` (defaults: page 1, 10 per page, ascending by `t`). */
export interface InvoicesPageParams {
  /** Page number (from 1). */
  readonly page?: number;
  /** Items per page. */
  readonly pageSize?: number;
  /** Sort order: 1 ascending, -1 descending. */
  readonly sort?: 'asc' | 'desc';
  /** Field to sort by. */
  readonly sortField?: 't' | 'amount' | 'status';
  /** Restrict to these statuses. */
  readonly status?: readonly ('CREATED' | 'PENDING' | 'COMPLETED' | 'EXPIRED')[];
  /** Restrict to these fiat currencies. */
  readonly fiat?: readonly string[];
  /** Restrict to these crypto currencies. */
  readonly crypto?: readonly string[];
  /** Invoice id. */
  readonly id?: string;
  /** Your order id. */
  readonly orderId?: string;
}

/** Parameters of `completeInvoice`. */
export interface CompleteInvoiceParams {
  /** Invoice id. */
  readonly id: string;
  /** Currency the invoice was paid in. */
  readonly payCurrency: string;
  /** Deposit id. */
  readonly depositId?: number;
  /** Ledger entry id. */
  readonly ledgerId?: number;
}

/** Stats grouping format. */
export type StatsFormat = 'Y' | 'M' | 'W' | 'D';

const format = (v: unknown, n: string): unknown => validateOneOf(v, ['Y', 'M', 'W', 'D'], n);

const convert = (action: 'create' | 'remove') =>
  signedCamel<[baseCcy: string, convertCcy: string], boolean>(`auth/w/ext/pay/settings/convert/${action} baseCcy:text convertCcy:text`, ['baseCcy', 'convertCcy'], truthy());

/** The merchant endpoint table. */
export const merchantEndpoints = {
  /** `auth/w/ext/pay/invoice/create`. */
  submitInvoice: signedCamel<[params: SubmitInvoiceParams], InvoiceSubmission>('auth/w/ext/pay/invoice/create amount!:decimal currency!:text orderId!:text customerInfo!:record payCurrencies!:texts webhook redirectUrl duration:int', ['*'], object('invoice')),
  /** `auth/r/ext/pay/invoices`. */
  getInvoices: signedCamel<[params?: HistoryParams & {
    /** Invoice id. */
    readonly id?: string;
  }], InvoiceSubmission[]>('auth/r/ext/pay/invoices start end limit id:text', ['*'], objects('invoice')),
  /** `auth/r/ext/pay/invoices/paginated`. */
  getInvoicesPaginated: signedCamel<[params?: InvoicesPageParams], InvoicePage>('auth/r/ext/pay/invoices/paginated id orderId page:int pageSize:int sort:sort sortField:sortField status:texts fiat:texts crypto:texts', ['*'], object('invoice page'), { checks: { sort: (v, n) => validateOneOf(v, ['asc', 'desc'], n), sortField: (v, n) => validateOneOf(v, ['t', 'amount', 'status'], n) }, defaults: { page: 1, pageSize: 10, sort: 'asc', sortField: 't' } }),
  /** `auth/r/ext/pay/invoice/stats/count`. */
  getInvoiceCountStats: signedCamel<[status: 'CREATED' | 'PENDING' | 'COMPLETED' | 'EXPIRED', format: StatsFormat], InvoiceStats[]>('auth/r/ext/pay/invoice/stats/count status!:text format!:format', ['status', 'format'], objects('stats'), { checks: { format } }),
  /** `auth/r/ext/pay/invoice/stats/earning`. */
  getInvoiceEarningStats: signedCamel<[currency: string, format: StatsFormat], InvoiceStats[]>('auth/r/ext/pay/invoice/stats/earning currency!:text format!:format', ['currency', 'format'], objects('stats'), { checks: { format } }),
  /** `auth/w/ext/pay/invoice/complete` (body key `payCcy`). */
  completeInvoice: signedCamel<[params: CompleteInvoiceParams], InvoiceSubmission>('auth/w/ext/pay/invoice/complete id!:text payCurrency!:text>payCcy depositId:int ledgerId:int', ['*'], object('invoice')),
  /** `auth/w/ext/pay/invoice/expire`. */
  expireInvoice: signedCamel<[id: string], InvoiceSubmission>('auth/w/ext/pay/invoice/expire id!:text', ['id'], object('invoice')),
  /** `auth/r/ext/pay/settings/convert/list`. */
  getCurrencyConversionList: signedCamel<[], CurrencyConversion[]>('auth/r/ext/pay/settings/convert/list', [], objects('currency conversion')),
  /** `auth/w/ext/pay/settings/convert/create`: true on success. */
  addCurrencyConversion: convert('create'),
  /** `auth/w/ext/pay/settings/convert/remove`: true on success. */
  removeCurrencyConversion: convert('remove'),
  /** `auth/w/ext/pay/settings/set`: true on success. */
  setMerchantSettings: signedCamel<[key: string, val: unknown], boolean>('auth/w/ext/pay/settings/set key!:text val!', ['key', 'val'], truthy()),
  /** `auth/r/ext/pay/settings/get`: the raw setting value. */
  getMerchantSettings: signedCamel<[key: string], unknown>('auth/r/ext/pay/settings/get key!:text', ['key'], raw()),
  /** `auth/r/ext/pay/settings/list`: settings by key (all when `keys` is empty). */
  listMerchantSettings: signedCamel<[keys?: readonly string[]], Record<string, unknown>>('auth/r/ext/pay/settings/list keys:texts', ['keys'], object('settings'), { defaults: { keys: [] } }),
  /** `auth/r/ext/pay/deposits` between `from` and `to` (ms). */
  getDeposits: signedCamel<[params: {
    /** Start of the time range (ms since epoch). */
    readonly from: number;
    /** End of the time range (ms since epoch). */
    readonly to: number;
    /** Currency; all when omitted. */
    readonly ccy?: string;
    /** Only deposits not linked to an invoice. */
    readonly unlinked?: boolean;
  }], MerchantDeposit[]>('auth/r/ext/pay/deposits from!:int to!:int ccy:text unlinked:bool', ['*'], objects('deposit')),
  /** `auth/r/ext/pay/deposits/unlinked`. */
  getUnlinkedDeposits: signedCamel<[params: {
    /** Currency; all when omitted. */
    readonly ccy: string;
    /** Start of the time range (ms since epoch). */
    readonly start?: number;
    /** End of the time range (ms since epoch). */
    readonly end?: number;
  }], MerchantUnlinkedDeposit[]>('auth/r/ext/pay/deposits/unlinked ccy!:text start end', ['*'], objects('deposit')),
} as const;

/** The merchant REST API: one method per entry of {@link merchantEndpoints}. */
export type MerchantApi = ApiOf<typeof merchantEndpoints>;
