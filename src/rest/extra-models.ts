/**
 * Models of documented v2 endpoints that python's client lacks (REST only, no WebSocket event
 * uses them), defined with the same table machinery as `src/models`.
 *
 * @module
 */
import { defineModel, fieldsOf, type Infer } from '../models/define.js';

/** A price alert `[KEY, TYPE, SYMBOL, PRICE, COUNT]` (`auth/r/alerts`, `auth/w/alert/set`). */
export const Alert = defineModel('Alert', fieldsOf('key:s type:s symbol:s price count?'));
/** A decoded {@link Alert}. */
export type Alert = Infer<typeof Alert>;

/** A wallet history row `[TYPE, CURRENCY, BALANCE, UNSETTLED_INTEREST, AVAILABLE, DESCRIPTION, MTS]` (`auth/r/wallets/hist`). */
export const WalletHistory = defineModel('WalletHistory', fieldsOf('walletType:s currency:s balance unsettledInterest? availableBalance? description:s? mts?'));
/** A decoded {@link WalletHistory} row. */
export type WalletHistory = Infer<typeof WalletHistory>;

/** Read/write permission of one API key scope (`auth/r/permissions`). */
export interface Permission {
  /** Whether reading is allowed. */
  readonly read: boolean;
  /** Whether writing is allowed. */
  readonly write: boolean;
}

/**
 * Weighted averages of the account's trades (`auth/r/trades/calc`): `[TRADE_COUNT,
 * SUM_BUYING_SPENT, SUM_BUYING_AMOUNT, _, SUM_SELLING_SPENT, SUM_SELLING_AMOUNT, _,
 * BUYING_WEIGHTED_PRICE, SELLING_WEIGHTED_PRICE, _, FIRST_TRADE_MTS, LAST_TRADE_MTS]`.
 * Source: bitfinexcom/bfx-api-node-models lib/weighted_averages.js (the docs have no page).
 */
export const WeightedAverages = defineModel('WeightedAverages', fieldsOf('tradeCount sumBuyingSpent? sumBuyingAmount? _ sumSellingSpent? sumSellingAmount? _ buyingWeightedPrice? sellingWeightedPrice? _ firstTradeMts? lastTradeMts?'));
/** A decoded {@link WeightedAverages} row. */
export type WeightedAverages = Infer<typeof WeightedAverages>;

/**
 * One row of `auth/r/deposit/address/all`: `[ADDRESS, WALLET_TYPE, …]` (docs: Deposit Address
 * List). ADDRESS holds the tag / memo / payment id for currencies that need one. [UNCERTAIN]
 * beyond the two documented fields.
 */
export const DepositAddressEntry = defineModel('DepositAddressEntry', fieldsOf('address:s walletType:s?'));
/** A decoded {@link DepositAddressEntry}. */
export type DepositAddressEntry = Infer<typeof DepositAddressEntry>;

/** A Virtual Asset Service Provider (`GET ext/vasps`; docs: Virtual Asset Service Providers, changelog v2024-10-16). */
export interface Vasp {
  /** The VASP's decentralised id, for the `vasp_did` of a withdrawal (travel rule). */
  readonly id: string;
  /** The VASP's name. */
  readonly name: string;
}

/** A Thalex deposit or withdrawal (docs: Thalex Deposit Request / Thalex Withdrawal Request). */
export interface ThalexTransfer {
  /** `deposit` or `withdraw`. */
  readonly type: string;
  /** Destination address. */
  readonly addressDest: string;
  /** Amount (decimal string). */
  readonly amount: string;
  /** Currency (`USE`, `ETH`, `BTC`). */
  readonly ccy: string;
  /** Created (ms since epoch). */
  readonly createdAt: number;
  /** Last updated (ms since epoch). */
  readonly updatedAt: number;
  /** Transfer id. */
  readonly id: string;
  /** Status as Bitfinex reports it. */
  readonly status: string;
  /** Fee (decimal string). */
  readonly fee: string;
}

/** Free Thalex transfers left (docs: Thalex Free Transfer Count). */
export interface ThalexFreeTransferCount {
  /** Free deposits. */
  readonly deposits: FreeTransfers;
  /** Free withdrawals. */
  readonly withdrawals: FreeTransfers;
}

/** Free transfers of one direction. */
export interface FreeTransfers {
  /** How many are left. */
  readonly available: number;
  /** When the count resets (ms since epoch), if known. */
  readonly resetsAt: number | null;
}

/**
 * An LNX invoice or payment (docs: LNX Invoice Payments lists PAYMENT_HASH, CREATED_AT,
 * INVOICE_EXPIRY, INVOICE, RECIPIENT_PUB_KEY, MEMO, AMOUNT, BFX_AMOUNT, STATUS). [UNCERTAIN]: the
 * JSON key spelling is not documented, so the object is kept as Bitfinex sends it.
 */
export type LnxInvoicePayment = Readonly<Record<string, unknown>>;
