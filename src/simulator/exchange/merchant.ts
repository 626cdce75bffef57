/**
 * In-memory Bitfinex Pay (merchant) store of one account: invoices, currency conversions,
 * merchant settings and deposits. Values are the camelCase JSON objects Bitfinex Pay answers.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { ExchangeAccount } from './account.js';

/** A Bitfinex Pay invoice as answered (camelCase). */
export interface MerchantInvoice {
  id: string;
  t: number;
  type: 'ECOMMERCE' | 'POS';
  duration: number;
  amount: number;
  currency: string;
  orderId: string;
  payCurrencies: string[];
  webhook: string | null;
  redirectUrl: string | null;
  status: 'CREATED' | 'PENDING' | 'COMPLETED' | 'EXPIRED';
  customerInfo: Record<string, unknown>;
  invoices: { amount: number; currency: string; payCurrency: string; poolCurrency: string; address: string; ext: Record<string, unknown> }[];
  payment: Record<string, unknown> | null;
  additionalPayments: Record<string, unknown>[];
  merchantName: string;
}

/** A currency conversion setting. */
export interface CurrencyConversion {
  baseCcy: string;
  convertCcy: string;
  created: number;
}

/** The merchant store of one account. */
export interface MerchantStore {
  readonly invoices: MerchantInvoice[];
  readonly conversions: CurrencyConversion[];
  readonly settings: Map<string, unknown>;
  readonly deposits: Record<string, unknown>[];
  readonly unlinked: Record<string, unknown>[];
}

/** Merchant setting keys Bitfinex Pay knows. */
export const MERCHANT_SETTING_KEYS: readonly string[] = [
  'bfx_pay_preferred_fiat', 'bfx_pay_recommend_store', 'bfx_pay_notify_payment_completed',
  'bfx_pay_notify_payment_completed_email', 'bfx_pay_notify_autoconvert_executed', 'bfx_pay_dust_balance_ui',
  'bfx_pay_merchant_customer_support_url', 'bfx_pay_merchant_underpaid_threshold',
];

const stores = new WeakMap<ExchangeAccount, MerchantStore>();

/** A deterministic pseudo-address for an invoice. */
export function invoiceAddress(...parts: (string | number)[]): string {
  return createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 34);
}

/** The merchant store of an account (created with two seeded deposits on first use). */
export function merchantStore(acc: ExchangeAccount): MerchantStore {
  let s = stores.get(acc);
  if (s === undefined) {
    const now = acc.ctx.now();
    s = {
      invoices: [], conversions: [], settings: new Map(),
      deposits: [
        { id: 1, invoiceId: null, orderId: null, type: 'deposit', amount: 0.01, t: now - 86_400_000, txid: 'b2'.repeat(32), currency: 'BTC', method: 'BITCOIN', payMethod: 'bitcoin' },
      ],
      unlinked: [
        { id: 2, method: 'BITCOIN', currency: 'BTC', createdAt: now - 3_600_000, updatedAt: now - 3_600_000, amount: 0.002, fee: 0, txid: 'c3'.repeat(32), address: invoiceAddress(acc.userId, 'unlinked'), paymentId: null, status: 'COMPLETED', note: null },
      ],
    };
    stores.set(acc, s);
  }
  return s;
}
