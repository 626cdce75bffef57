/**
 * Merchant (Bitfinex Pay) endpoints (python-v3-surface.md §2.5): signed POSTs whose body keys and
 * answers are camelCase JSON objects, kept as Bitfinex sends them. The unlinked-deposits path has
 * no double slash (python's bug is not carried over).
 *
 * @module
 */
import type {
  CurrencyConversion,
  CustomerInfo,
  InvoicePage,
  InvoiceStats,
  InvoiceSubmission,
  MerchantDeposit,
  MerchantUnlinkedDeposit,
} from '../models/merchant.js';
import { arrayOf, boolean, decimal, positiveInteger, record, text } from './checks.js';
import { object, objects, raw, truthy } from './decode.js';
import { defineEndpoint, HISTORY_PARAMS, type ApiOf } from './endpoint.js';
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

const MERCHANT = { method: 'POST', auth: true, keys: 'camel' } as const;
const strings = arrayOf(text);
const format = (v: unknown, n: string): unknown => validateOneOf(v, ['Y', 'M', 'W', 'D'], n);
const conversion = { baseCcy: text, convertCcy: text };

const convert = (action: 'create' | 'remove') =>
  defineEndpoint<[baseCcy: string, convertCcy: string], boolean>({
    ...MERCHANT, path: `auth/w/ext/pay/settings/convert/${action}`, args: ['baseCcy', 'convertCcy'], check: conversion, decode: truthy(),
  });

/** The merchant endpoint table. */
export const merchantEndpoints = {
  /** `auth/w/ext/pay/invoice/create`. */
  submitInvoice: defineEndpoint<[params: SubmitInvoiceParams], InvoiceSubmission>({
    ...MERCHANT, path: 'auth/w/ext/pay/invoice/create', args: ['*'], required: ['amount', 'currency', 'orderId', 'customerInfo', 'payCurrencies'],
    params: ['webhook', 'redirectUrl'],
    check: { amount: decimal, currency: text, orderId: text, customerInfo: record, payCurrencies: strings, duration: positiveInteger },
    decode: object('invoice'),
  }),
  /** `auth/r/ext/pay/invoices`. */
  getInvoices: defineEndpoint<[params?: HistoryParams & {
    /** Invoice id. */
    readonly id?: string;
  }], InvoiceSubmission[]>({
    ...MERCHANT, path: 'auth/r/ext/pay/invoices', args: ['*'], params: HISTORY_PARAMS, check: { id: text }, decode: objects('invoice'),
  }),
  /** `auth/r/ext/pay/invoices/paginated`. */
  getInvoicesPaginated: defineEndpoint<[params?: InvoicesPageParams], InvoicePage>({
    ...MERCHANT, path: 'auth/r/ext/pay/invoices/paginated', args: ['*'], params: ['id', 'orderId'], defaults: { page: 1, pageSize: 10, sort: 'asc', sortField: 't' },
    check: {
      page: positiveInteger, pageSize: positiveInteger, sort: (v, n) => validateOneOf(v, ['asc', 'desc'], n),
      sortField: (v, n) => validateOneOf(v, ['t', 'amount', 'status'], n), status: strings, fiat: strings, crypto: strings,
    },
    decode: object('invoice page'),
  }),
  /** `auth/r/ext/pay/invoice/stats/count`. */
  getInvoiceCountStats: defineEndpoint<[status: 'CREATED' | 'PENDING' | 'COMPLETED' | 'EXPIRED', format: StatsFormat], InvoiceStats[]>({
    ...MERCHANT, path: 'auth/r/ext/pay/invoice/stats/count', args: ['status', 'format'], required: ['status', 'format'],
    check: { status: text, format }, decode: objects('stats'),
  }),
  /** `auth/r/ext/pay/invoice/stats/earning`. */
  getInvoiceEarningStats: defineEndpoint<[currency: string, format: StatsFormat], InvoiceStats[]>({
    ...MERCHANT, path: 'auth/r/ext/pay/invoice/stats/earning', args: ['currency', 'format'], required: ['currency', 'format'],
    check: { currency: text, format }, decode: objects('stats'),
  }),
  /** `auth/w/ext/pay/invoice/complete` (body key `payCcy`). */
  completeInvoice: defineEndpoint<[params: CompleteInvoiceParams], InvoiceSubmission>({
    ...MERCHANT, path: 'auth/w/ext/pay/invoice/complete', args: ['*'], required: ['id', 'payCurrency'], rename: { payCurrency: 'payCcy' },
    check: { id: text, payCurrency: text, depositId: positiveInteger, ledgerId: positiveInteger }, decode: object('invoice'),
  }),
  /** `auth/w/ext/pay/invoice/expire`. */
  expireInvoice: defineEndpoint<[id: string], InvoiceSubmission>({
    ...MERCHANT, path: 'auth/w/ext/pay/invoice/expire', args: ['id'], required: ['id'], check: { id: text }, decode: object('invoice'),
  }),
  /** `auth/r/ext/pay/settings/convert/list`. */
  getCurrencyConversionList: defineEndpoint<[], CurrencyConversion[]>({
    ...MERCHANT, path: 'auth/r/ext/pay/settings/convert/list', args: [], decode: objects('currency conversion'),
  }),
  /** `auth/w/ext/pay/settings/convert/create`: true on success. */
  addCurrencyConversion: convert('create'),
  /** `auth/w/ext/pay/settings/convert/remove`: true on success. */
  removeCurrencyConversion: convert('remove'),
  /** `auth/w/ext/pay/settings/set`: true on success. */
  setMerchantSettings: defineEndpoint<[key: string, val: unknown], boolean>({
    ...MERCHANT, path: 'auth/w/ext/pay/settings/set', args: ['key', 'val'], required: ['key', 'val'], check: { key: text }, decode: truthy(),
  }),
  /** `auth/r/ext/pay/settings/get`: the raw setting value. */
  getMerchantSettings: defineEndpoint<[key: string], unknown>({
    ...MERCHANT, path: 'auth/r/ext/pay/settings/get', args: ['key'], required: ['key'], check: { key: text }, decode: raw(),
  }),
  /** `auth/r/ext/pay/settings/list`: settings by key (all when `keys` is empty). */
  listMerchantSettings: defineEndpoint<[keys?: readonly string[]], Record<string, unknown>>({
    ...MERCHANT, path: 'auth/r/ext/pay/settings/list', args: ['keys'], defaults: { keys: [] }, check: { keys: strings }, decode: object('settings'),
  }),
  /** `auth/r/ext/pay/deposits` between `from` and `to` (ms). */
  getDeposits: defineEndpoint<[params: {
    /** Start of the time range (ms since epoch). */
    readonly from: number;
    /** End of the time range (ms since epoch). */
    readonly to: number;
    /** Currency; all when omitted. */
    readonly ccy?: string;
    /** Only deposits not linked to an invoice. */
    readonly unlinked?: boolean;
  }], MerchantDeposit[]>({
    ...MERCHANT, path: 'auth/r/ext/pay/deposits', args: ['*'], required: ['from', 'to'],
    check: { from: positiveInteger, to: positiveInteger, ccy: text, unlinked: boolean }, decode: objects('deposit'),
  }),
  /** `auth/r/ext/pay/deposits/unlinked`. */
  getUnlinkedDeposits: defineEndpoint<[params: {
    /** Currency; all when omitted. */
    readonly ccy: string;
    /** Start of the time range (ms since epoch). */
    readonly start?: number;
    /** End of the time range (ms since epoch). */
    readonly end?: number;
  }], MerchantUnlinkedDeposit[]>({
    ...MERCHANT, path: 'auth/r/ext/pay/deposits/unlinked', args: ['*'], params: ['start', 'end'], required: ['ccy'], check: { ccy: text }, decode: objects('deposit'),
  }),
} as const;

/** The merchant REST API: one method per entry of {@link merchantEndpoints}. */
export type MerchantApi = ApiOf<typeof merchantEndpoints>;
