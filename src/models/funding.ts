/**
 * Funding models of the account: offers, credits, loans, own funding trades, auto-renew settings
 * and funding info (protocol.md §2.4 FUNDING_OFFER / FUNDING_CREDIT / FUNDING_LOAN / FUNDING_TRADE).
 *
 * @module
 */
import { defineModel, fieldsOf } from './define.js';

/**
 * Funding offer (21 fields): REST offers/history, WS `fos`/`fon`/`fou`/`foc`, data of
 * `fon-req`/`foc-req` notifications (which leave most fields `null`).
 */
export const FundingOffer = defineModel('FundingOffer', fieldsOf('id symbol:s? mtsCreate? mtsUpdate? amount amountOrig? offerType:s? _ _ flags? offerStatus:s? _ _ _ rate period notify? hidden? _ renew? rateReal?'));

const loanFields = fieldsOf('id symbol:s side mtsCreate mtsUpdate amount flags? status:s rateType:s? _ _ rate period mtsOpening? mtsLastPayout? notify? hidden? _ renew? rateReal? noClose?');

/**
 * Funding loan (21 fields, funding not used in positions): REST loans/history, WS
 * `fls`/`fln`/`flu`/`flc`. `side`: 1 lender, -1 borrower, 0 both.
 */
export const FundingLoan = defineModel('FundingLoan', loanFields);

/**
 * Funding credit (22 fields, funding used in positions): a {@link FundingLoan} plus the position's
 * pair. REST credits/history, WS `fcs`/`fcn`/`fcu`/`fcc`.
 */
export const FundingCredit = defineModel('FundingCredit', [...loanFields, ...fieldsOf('positionPair:s?')] as const);

/**
 * Own funding trade: REST `funding/trades/hist` rows and WS `fte`/`ftu` (which append `maker`,
 * currently always `null`).
 */
export const FundingTrade = defineModel('FundingTrade', fieldsOf('id currency:s mtsCreate offerId amount rate period maker?'));

/** Data of the `fa-req` notification (`auth/w/funding/auto`): `[CURRENCY, PERIOD, RATE, THRESHOLD]`. */
export const FundingAutoRenew = defineModel('FundingAutoRenew', fieldsOf('currency:s period? rate? threshold?'));

/**
 * Funding info, `["sym", fSYMBOL, [YIELD_LOAN, YIELD_LEND, DURATION_LOAN, DURATION_LEND]]`
 * (REST `auth/r/info/funding/{key}`, WS `fiu`). Flat: decoded after flattening; encodes back to
 * the nested wire shape.
 */
export const FundingInfo = defineModel(
  'FundingInfo',
  fieldsOf('_ symbol:s yieldLoan? yieldLend? durationLoan? durationLend?'),
  { flat: true, layout: ['sym', 1, [2, 3, 4, 5]] },
);
