/**
 * Funding models of the account: offers, credits, loans, own funding trades, auto-renew settings
 * and funding info (protocol.md §2.4 FUNDING_OFFER / FUNDING_CREDIT / FUNDING_LOAN / FUNDING_TRADE).
 *
 * @module
 */
import { defineModel } from './define.js';

/**
 * Funding offer (21 fields): REST offers/history, WS `fos`/`fon`/`fou`/`foc`, data of
 * `fon-req`/`foc-req` notifications (which leave most fields `null`).
 */
export const FundingOffer = defineModel('FundingOffer', [
  ['id', 'number'],
  ['symbol', 'string?'],
  ['mtsCreate', 'number?'],
  ['mtsUpdate', 'number?'],
  ['amount', 'number'],
  ['amountOrig', 'number?'],
  ['offerType', 'string?'],
  null,
  null,
  ['flags', 'number?'],
  ['offerStatus', 'string?'],
  null,
  null,
  null,
  ['rate', 'number'],
  ['period', 'number'],
  ['notify', 'number?'],
  ['hidden', 'number?'],
  null,
  ['renew', 'number?'],
  ['rateReal', 'number?'],
] as const);

const loanFields = [
  ['id', 'number'],
  ['symbol', 'string'],
  ['side', 'number'],
  ['mtsCreate', 'number'],
  ['mtsUpdate', 'number'],
  ['amount', 'number'],
  ['flags', 'number?'],
  ['status', 'string'],
  ['rateType', 'string?'],
  null,
  null,
  ['rate', 'number'],
  ['period', 'number'],
  ['mtsOpening', 'number?'],
  ['mtsLastPayout', 'number?'],
  ['notify', 'number?'],
  ['hidden', 'number?'],
  null,
  ['renew', 'number?'],
  ['rateReal', 'number?'],
  ['noClose', 'number?'],
] as const;

/**
 * Funding loan (21 fields, funding not used in positions): REST loans/history, WS
 * `fls`/`fln`/`flu`/`flc`. `side`: 1 lender, -1 borrower, 0 both.
 */
export const FundingLoan = defineModel('FundingLoan', loanFields);

/**
 * Funding credit (22 fields, funding used in positions): a {@link FundingLoan} plus the position's
 * pair. REST credits/history, WS `fcs`/`fcn`/`fcu`/`fcc`.
 */
export const FundingCredit = defineModel('FundingCredit', [
  ...loanFields,
  ['positionPair', 'string?'],
] as const);

/**
 * Own funding trade: REST `funding/trades/hist` rows and WS `fte`/`ftu` (which append `maker`,
 * currently always `null`).
 */
export const FundingTrade = defineModel('FundingTrade', [
  ['id', 'number'],
  ['currency', 'string'],
  ['mtsCreate', 'number'],
  ['offerId', 'number'],
  ['amount', 'number'],
  ['rate', 'number'],
  ['period', 'number'],
  ['maker', 'number?'],
] as const);

/** Data of the `fa-req` notification (`auth/w/funding/auto`): `[CURRENCY, PERIOD, RATE, THRESHOLD]`. */
export const FundingAutoRenew = defineModel('FundingAutoRenew', [
  ['currency', 'string'],
  ['period', 'number?'],
  ['rate', 'number?'],
  ['threshold', 'number?'],
] as const);

/**
 * Funding info, `["sym", fSYMBOL, [YIELD_LOAN, YIELD_LEND, DURATION_LOAN, DURATION_LEND]]`
 * (REST `auth/r/info/funding/{key}`, WS `fiu`). Flat: decoded after flattening; encodes back to
 * the nested wire shape.
 */
export const FundingInfo = defineModel(
  'FundingInfo',
  [
    null,
    ['symbol', 'string'],
    ['yieldLoan', 'number?'],
    ['yieldLend', 'number?'],
    ['durationLoan', 'number?'],
    ['durationLend', 'number?'],
  ] as const,
  { flat: true, layout: ['sym', 1, [2, 3, 4, 5]] },
);
