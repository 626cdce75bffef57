/**
 * Wallet and balance models: wallets, available balance, balance and margin info, transfers,
 * withdrawals, deposit addresses and invoices, movements and ledger entries.
 *
 * @module
 */
import { defineModel, fieldsOf } from './define.js';

/**
 * Wallet (7 fields): REST `auth/r/wallets`, WS `ws`/`wu`. `availableBalance` is `null` until
 * computed (the `ws` snapshot always sends `null`; the following `wu` fills it).
 */
export const Wallet = defineModel('Wallet', fieldsOf('walletType:s currency:s balance unsettledInterest? availableBalance? lastChange:s? tradeDetails:o?'));

/** `auth/calc/order/avail`: `[AMOUNT_AVAIL]`. */
export const BalanceAvailable = defineModel('BalanceAvailable', fieldsOf('amount'));

/** WS `bu` balance update: `[AUM, AUM_NET]` (assets under management). */
export const BalanceInfo = defineModel('BalanceInfo', fieldsOf('aum aumNet'));

/**
 * Margin info of one symbol, `["sym", SYMBOL, [TRADABLE_BALANCE, GROSS_BALANCE, BUY, SELL, ...]]`
 * (REST `auth/r/info/margin/{tSYMBOL}` and `sym_all` rows, WS `miu` with `"sym"`). Flat.
 */
export const SymbolMarginInfo = defineModel(
  'SymbolMarginInfo',
  fieldsOf('_ symbol:s tradableBalance? grossBalance? buy? sell?'),
  { flat: true, layout: ['sym', 1, [2, 3, 4, 5, null, null, null, null]] },
);

/**
 * Base margin info, `["base", [USER_PL, USER_SWAPS, MARGIN_BALANCE, MARGIN_NET, MARGIN_MIN]]`
 * (REST `auth/r/info/margin/base`, WS `miu` with `"base"`). Flat.
 */
export const BaseMarginInfo = defineModel(
  'BaseMarginInfo',
  fieldsOf('_ userPl? userSwaps? marginBalance? marginNet? marginMin?'),
  { flat: true, layout: ['base', [1, 2, 3, 4, 5]] },
);

/** Data of the `acc_tf` notification (`auth/w/transfer`). */
export const Transfer = defineModel('Transfer', fieldsOf('mts walletFrom:s walletTo:s _ currency:s currencyTo:s? _ amount'));

/** Data of the `acc_wd-req` notification (`auth/w/withdraw`). */
export const Withdrawal = defineModel('Withdrawal', fieldsOf('withdrawalId _ method:s paymentId:s? wallet:s amount _ _ withdrawalFee?'));

/** Data of the `acc_dep` notification (`auth/w/deposit/address`). */
export const DepositAddress = defineModel('DepositAddress', fieldsOf('_ method:s currencyCode:s _ address:s poolAddress:s?'));

/** `auth/w/deposit/invoice` (not wrapped in a notification): `[INVOICE_HASH, INVOICE, _, _, AMOUNT]`. */
export const LightningNetworkInvoice = defineModel('LightningNetworkInvoice', fieldsOf('invoiceHash:s invoice:s _ _ amount:s'));

/** `auth/r/movements/hist` row (22 fields; `movements/info` sends more, ignored). */
export const Movement = defineModel('Movement', fieldsOf('id currency:s currencyName:s? _ _ mtsStart? mtsUpdate? _ _ status:s? _ _ amount fees? _ _ destinationAddress:s? _ _ _ transactionId:s? withdrawTransactionNote:s?'));

/** `auth/r/ledgers/hist` row `[ID, CURRENCY, WALLET, MTS, _, AMOUNT, BALANCE, _, DESCRIPTION]`. */
export const Ledger = defineModel('Ledger', fieldsOf('id currency:s wallet:s? mts _ amount balance? _ description:s?'));
