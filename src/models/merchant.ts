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
  /** Nationality (ISO 3166-1 alpha-3). */
  nationality?: string;
  /** Country of residence (ISO 3166-1 alpha-3). */
  residCountry?: string;
  /** State of residence. */
  residState?: string;
  /** City of residence. */
  residCity?: string;
  /** ZIP code of the residence. */
  residZipCode?: string;
  /** Street of the residence. */
  residStreet?: string;
  /** Building number of the residence. */
  residBuildingNo?: string;
  /** Full name. */
  fullName?: string;
  /** E-mail address. */
  email?: string;
  /** Whether the customer accepted the terms of service. */
  tosAccepted?: boolean;
}

/** One payable invoice of an {@link InvoiceSubmission} (one per pay currency). */
export interface Invoice {
  /** Amount to pay in `payCurrency`. */
  amount?: number;
  /** Currency of the invoice. */
  currency?: string;
  /** Currency the payer pays in. */
  payCurrency?: string;
  /** Currency of the deposit pool. */
  poolCurrency?: string;
  /** Address to pay to. */
  address?: string;
  /** Extra details. */
  ext?: Record<string, unknown>;
}

/** A payment received for an invoice. */
export interface Payment {
  /** Blockchain transaction id. */
  txid?: string;
  /** Amount paid. */
  amount?: number;
  /** Currency paid in. */
  currency?: string;
  /** Payment method (network). */
  method?: string;
  /** Payment status. */
  status?: PaymentStatus;
  /** Blockchain confirmations so far. */
  confirmations?: number;
  /** When it was created (ms since epoch). */
  createdAt?: string;
  /** When it last changed (ms since epoch). */
  updatedAt?: string;
  /** Deposit id. */
  depositId?: number;
  /** Ledger entry id. */
  ledgerId?: number;
  /** Whether the merchant completed it by hand. */
  forceCompleted?: boolean;
  /** Difference to the amount due. */
  amountDiff?: string;
}

/** A merchant invoice (`auth/w/ext/pay/invoice/create`, `auth/r/ext/pay/invoices`). */
export interface InvoiceSubmission {
  /** Invoice id. */
  id: string;
  /** Creation time (ms). */
  t: number;
  /** Invoice type (`ECOMMERCE`, `POS`). */
  type: 'ECOMMERCE' | 'POS';
  /** Seconds the invoice stays payable. */
  duration?: number;
  /** Amount in `currency`. */
  amount: number;
  /** Currency of the amount (`USD`). */
  currency: string;
  /** Your order id. */
  orderId?: string;
  /** Currencies the payer may pay in. */
  payCurrencies?: string[];
  /** URL notified of status changes. */
  webhook?: string;
  /** Where the payer is sent after paying. */
  redirectUrl?: string;
  /** Invoice status. */
  status: InvoiceStatus;
  /** Customer details. */
  customerInfo?: CustomerInfo | null;
  /** One payable invoice per pay currency. */
  invoices: Invoice[];
  /** The payment received, if any. */
  payment?: Payment | null;
  /** Payments beyond the first. */
  additionalPayments?: Payment[];
  /** Name of the merchant. */
  merchantName?: string;
}

/** A page of invoices (`auth/r/ext/pay/invoices/paginated`). */
export interface InvoicePage {
  /** Page number (from 1). */
  page: number;
  /** Items per page. */
  pageSize: number;
  /** Sort order (`asc`/`desc`). */
  sort: 'asc' | 'desc';
  /** Field to sort by. */
  sortField: 't' | 'amount' | 'status';
  /** Pages matching the query. */
  totalPages: number;
  /** Invoices matching the query. */
  totalItems: number;
  /** The invoices of this page. */
  items: InvoiceSubmission[];
}

/** One point of invoice statistics (count or earning per period). */
export interface InvoiceStats {
  /** Start of the time bucket (`YYYY-MM-DD`). */
  time: string;
  /** Invoices (or their value) in the bucket. */
  count: number;
}

/** A merchant currency conversion setting. */
export interface CurrencyConversion {
  /** Currency converted from. */
  baseCcy: string;
  /** Currency converted to. */
  convertCcy: string;
  /** When the conversion was set up (ms since epoch). */
  created: number;
}

/** A merchant deposit (linked to an invoice or a ledger entry). */
export interface MerchantDeposit {
  /** Deposit id. */
  id: number;
  /** Invoice the deposit paid. */
  invoiceId: string | null;
  /** Your order id. */
  orderId: string | null;
  /** Deposit type. */
  type: 'ledger' | 'deposit';
  /** Amount deposited. */
  amount: number;
  /** Time of the deposit (ms since epoch). */
  t: number;
  /** Blockchain transaction id. */
  txid: string;
  /** Currency (`USD`, `BTC`, ...). */
  currency: string;
  /** Deposit method (network). */
  method: string;
  /** Payment method. */
  payMethod: string;
}

/** A merchant deposit that is not linked to any invoice. */
export interface MerchantUnlinkedDeposit {
  /** Deposit id. */
  id: number;
  /** Deposit method (network). */
  method: string;
  /** Currency (`USD`, `BTC`, ...). */
  currency: string;
  /** When it was created (ms since epoch). */
  createdAt: number;
  /** When it last changed (ms since epoch). */
  updatedAt: number;
  /** Amount deposited. */
  amount: number;
  /** Fee. */
  fee: number;
  /** Blockchain transaction id. */
  txid: string;
  /** Crypto address. */
  address: string;
  /** Payment id or memo (for currencies that need one). */
  paymentId: number | null;
  /** Deposit status. */
  status: string;
  /** Note. */
  note: string | null;
}
