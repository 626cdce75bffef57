/**
 * Bitfinex Pay (merchant) models. Unlike the array-backed models these arrive as JSON objects with
 * camelCase keys, so they are plain interfaces (python-v3-surface.md §5.2).
 *
 * @module
 */

/** Invoice status values. */
export type InvoiceStatus = 'CREATED' | 'PENDING' | 'COMPLETED' | 'EXPIRED';

/** Payment status values. */
export type PaymentStatus = 'CREATED' | 'COMPLETED' | 'PROCESSING';

/** Customer details attached to an invoice. */
export interface CustomerInfo {
  nationality?: string;
  residCountry?: string;
  residState?: string;
  residCity?: string;
  residZipCode?: string;
  residStreet?: string;
  residBuildingNo?: string;
  fullName?: string;
  email?: string;
  tosAccepted?: boolean;
}

/** One payable invoice of an {@link InvoiceSubmission} (one per pay currency). */
export interface Invoice {
  amount?: number;
  currency?: string;
  payCurrency?: string;
  poolCurrency?: string;
  address?: string;
  ext?: Record<string, unknown>;
}

/** A payment received for an invoice. */
export interface Payment {
  txid?: string;
  amount?: number;
  currency?: string;
  method?: string;
  status?: PaymentStatus;
  confirmations?: number;
  createdAt?: string;
  updatedAt?: string;
  depositId?: number;
  ledgerId?: number;
  forceCompleted?: boolean;
  amountDiff?: string;
}

/** A merchant invoice (`auth/w/ext/pay/invoice/create`, `auth/r/ext/pay/invoices`). */
export interface InvoiceSubmission {
  id: string;
  /** Creation time (ms). */
  t: number;
  type: 'ECOMMERCE' | 'POS';
  duration?: number;
  amount: number;
  currency: string;
  orderId?: string;
  payCurrencies?: string[];
  webhook?: string;
  redirectUrl?: string;
  status: InvoiceStatus;
  customerInfo?: CustomerInfo | null;
  invoices: Invoice[];
  payment?: Payment | null;
  additionalPayments?: Payment[];
  merchantName?: string;
}

/** A page of invoices (`auth/r/ext/pay/invoices/paginated`). */
export interface InvoicePage {
  page: number;
  pageSize: number;
  sort: 'asc' | 'desc';
  sortField: 't' | 'amount' | 'status';
  totalPages: number;
  totalItems: number;
  items: InvoiceSubmission[];
}

/** One point of invoice statistics (count or earning per period). */
export interface InvoiceStats {
  time: string;
  count: number;
}

/** A merchant currency conversion setting. */
export interface CurrencyConversion {
  baseCcy: string;
  convertCcy: string;
  created: number;
}

/** A merchant deposit (linked to an invoice or a ledger entry). */
export interface MerchantDeposit {
  id: number;
  invoiceId: string | null;
  orderId: string | null;
  type: 'ledger' | 'deposit';
  amount: number;
  t: number;
  txid: string;
  currency: string;
  method: string;
  payMethod: string;
}

/** A merchant deposit that is not linked to any invoice. */
export interface MerchantUnlinkedDeposit {
  id: number;
  method: string;
  currency: string;
  createdAt: number;
  updatedAt: number;
  amount: number;
  fee: number;
  txid: string;
  address: string;
  paymentId: number | null;
  status: string;
  note: string | null;
}
