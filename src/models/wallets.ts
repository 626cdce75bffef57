/**
 * Wallet and balance models: wallets, available balance, balance and margin info, transfers,
 * withdrawals, deposit addresses and invoices, movements and ledger entries.
 *
 * @module
 */
import { defineModel } from './define.js';

/**
 * Wallet (7 fields): REST `auth/r/wallets`, WS `ws`/`wu`. `availableBalance` is `null` until
 * computed (the `ws` snapshot always sends `null`; the following `wu` fills it).
 */
export const Wallet = defineModel('Wallet', [
  ['walletType', 'string'],
  ['currency', 'string'],
  ['balance', 'number'],
  ['unsettledInterest', 'number?'],
  ['availableBalance', 'number?'],
  ['lastChange', 'string?'],
  ['tradeDetails', 'object?'],
] as const);

/** `auth/calc/order/avail`: `[AMOUNT_AVAIL]`. */
export const BalanceAvailable = defineModel('BalanceAvailable', [['amount', 'number']] as const);

/** WS `bu` balance update: `[AUM, AUM_NET]` (assets under management). */
export const BalanceInfo = defineModel('BalanceInfo', [
  ['aum', 'number'],
  ['aumNet', 'number'],
] as const);

/**
 * Margin info of one symbol, `["sym", SYMBOL, [TRADABLE_BALANCE, GROSS_BALANCE, BUY, SELL, ...]]`
 * (REST `auth/r/info/margin/{tSYMBOL}` and `sym_all` rows, WS `miu` with `"sym"`). Flat.
 */
export const SymbolMarginInfo = defineModel(
  'SymbolMarginInfo',
  [
    null,
    ['symbol', 'string'],
    ['tradableBalance', 'number?'],
    ['grossBalance', 'number?'],
    ['buy', 'number?'],
    ['sell', 'number?'],
  ] as const,
  { flat: true, layout: ['sym', 1, [2, 3, 4, 5, null, null, null, null]] },
);

/**
 * Base margin info, `["base", [USER_PL, USER_SWAPS, MARGIN_BALANCE, MARGIN_NET, MARGIN_MIN]]`
 * (REST `auth/r/info/margin/base`, WS `miu` with `"base"`). Flat.
 */
export const BaseMarginInfo = defineModel(
  'BaseMarginInfo',
  [
    null,
    ['userPl', 'number?'],
    ['userSwaps', 'number?'],
    ['marginBalance', 'number?'],
    ['marginNet', 'number?'],
    ['marginMin', 'number?'],
  ] as const,
  { flat: true, layout: ['base', [1, 2, 3, 4, 5]] },
);

/** Data of the `acc_tf` notification (`auth/w/transfer`). */
export const Transfer = defineModel('Transfer', [
  ['mts', 'number'],
  ['walletFrom', 'string'],
  ['walletTo', 'string'],
  null,
  ['currency', 'string'],
  ['currencyTo', 'string?'],
  null,
  ['amount', 'number'],
] as const);

/** Data of the `acc_wd-req` notification (`auth/w/withdraw`). */
export const Withdrawal = defineModel('Withdrawal', [
  ['withdrawalId', 'number'],
  null,
  ['method', 'string'],
  ['paymentId', 'string?'],
  ['wallet', 'string'],
  ['amount', 'number'],
  null,
  null,
  ['withdrawalFee', 'number?'],
] as const);

/** Data of the `acc_dep` notification (`auth/w/deposit/address`). */
export const DepositAddress = defineModel('DepositAddress', [
  null,
  ['method', 'string'],
  ['currencyCode', 'string'],
  null,
  ['address', 'string'],
  ['poolAddress', 'string?'],
] as const);

/** `auth/w/deposit/invoice` (not wrapped in a notification): `[INVOICE_HASH, INVOICE, _, _, AMOUNT]`. */
export const LightningNetworkInvoice = defineModel('LightningNetworkInvoice', [
  ['invoiceHash', 'string'],
  ['invoice', 'string'],
  null,
  null,
  ['amount', 'string'],
] as const);

/** `auth/r/movements/hist` row (22 fields; `movements/info` sends more, ignored). */
export const Movement = defineModel('Movement', [
  ['id', 'number'],
  ['currency', 'string'],
  ['currencyName', 'string?'],
  null,
  null,
  ['mtsStart', 'number?'],
  ['mtsUpdate', 'number?'],
  null,
  null,
  ['status', 'string?'],
  null,
  null,
  ['amount', 'number'],
  ['fees', 'number?'],
  null,
  null,
  ['destinationAddress', 'string?'],
  null,
  null,
  null,
  ['transactionId', 'string?'],
  ['withdrawTransactionNote', 'string?'],
] as const);

/** `auth/r/ledgers/hist` row `[ID, CURRENCY, WALLET, MTS, _, AMOUNT, BALANCE, _, DESCRIPTION]`. */
export const Ledger = defineModel('Ledger', [
  ['id', 'number'],
  ['currency', 'string'],
  ['wallet', 'string?'],
  ['mts', 'number'],
  null,
  ['amount', 'number'],
  ['balance', 'number?'],
  null,
  ['description', 'string?'],
] as const);
