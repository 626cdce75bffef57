/**
 * Margin and derivatives position models (protocol.md §2.4 POSITION, §3.7 position endpoints).
 *
 * @module
 */
import { defineModel } from './define.js';

/**
 * Position (20 fields): REST `auth/r/positions`, WS `ps`/`pn`/`pu`/`pc`. Calculated values
 * (`pl`, `plPerc`, `priceLiq`, `leverage`) are `null` until the server computed them.
 */
export const Position = defineModel('Position', [
  ['symbol', 'string'],
  ['status', 'string'],
  ['amount', 'number'],
  ['basePrice', 'number'],
  ['marginFunding', 'number?'],
  ['marginFundingType', 'number?'],
  ['pl', 'number?'],
  ['plPerc', 'number?'],
  ['priceLiq', 'number?'],
  ['leverage', 'number?'],
  null,
  ['positionId', 'number'],
  ['mtsCreate', 'number?'],
  ['mtsUpdate', 'number?'],
  null,
  ['type', 'number?'],
  null,
  ['collateral', 'number?'],
  ['collateralMin', 'number?'],
  ['meta', 'object?'],
] as const);

/**
 * Data of the `pm-req` notification (`auth/w/position/claim`). `meta` is sent as a JSON string
 * (docs) or an object, so it stays `unknown`.
 */
export const PositionClaim = defineModel('PositionClaim', [
  ['symbol', 'string'],
  ['positionStatus', 'string'],
  ['amount', 'number'],
  ['basePrice', 'number'],
  ['marginFunding', 'number?'],
  ['marginFundingType', 'number?'],
  null,
  null,
  null,
  null,
  null,
  ['positionId', 'number'],
  ['mtsCreate', 'number?'],
  ['mtsUpdate', 'number?'],
  null,
  ['posType', 'number?'],
  null,
  ['collateral', 'number?'],
  ['minCollateral', 'number?'],
  ['meta', 'unknown?'],
] as const);

/**
 * `auth/r/position/increase/info`: `[[MAX_POS, CURRENT_POS], [BASE_CURRENCY_BALANCE,
 * [TRADABLE ×4, _ ×4], FUNDING_AVAIL], _, _, [FUNDING_VALUE, FUNDING_REQUIRED],
 * [FUNDING_VALUE_CURRENCY, FUNDING_REQUIRED_CURRENCY]]`. Flat: decoded after flattening.
 */
export const PositionIncreaseInfo = defineModel(
  'PositionIncreaseInfo',
  [
    ['maxPos', 'number?'],
    ['currentPos', 'number?'],
    ['baseCurrencyBalance', 'number?'],
    ['tradableBalanceQuoteCurrency', 'number?'],
    ['tradableBalanceQuoteTotal', 'number?'],
    ['tradableBalanceBaseCurrency', 'number?'],
    ['tradableBalanceBaseTotal', 'number?'],
    null,
    null,
    null,
    null,
    ['fundingAvail', 'number?'],
    null,
    null,
    ['fundingValue', 'number?'],
    ['fundingRequired', 'number?'],
    ['fundingValueCurrency', 'string?'],
    ['fundingRequiredCurrency', 'string?'],
  ] as const,
  {
    flat: true,
    layout: [[0, 1], [2, [3, 4, 5, 6, 7, 8, 9, 10], 11], 12, 13, [14, 15], [16, 17]],
  },
);

/** Data of the `pmi-req` notification (`auth/w/position/increase`): `[SYMBOL, _, AMOUNT, BASE_PRICE]`. */
export const PositionIncrease = defineModel('PositionIncrease', [
  ['symbol', 'string'],
  null,
  ['amount', 'number'],
  ['basePrice', 'number?'],
] as const);

const positionHistoryFields = [
  ['symbol', 'string'],
  ['status', 'string'],
  ['amount', 'number'],
  ['basePrice', 'number'],
  ['funding', 'number?'],
  ['fundingType', 'number?'],
  null,
  null,
  null,
  null,
  null,
  ['positionId', 'number'],
  ['mtsCreate', 'number?'],
  ['mtsUpdate', 'number?'],
] as const;

/** `auth/r/positions/hist` row (14 fields). */
export const PositionHistory = defineModel('PositionHistory', positionHistoryFields);

/** `auth/r/positions/snap` row (14 fields, same layout as {@link PositionHistory}). */
export const PositionSnapshot = defineModel('PositionSnapshot', positionHistoryFields);

/** `auth/r/positions/audit` row (20 fields): history fields plus type, collateral and meta. */
export const PositionAudit = defineModel('PositionAudit', [
  ...positionHistoryFields,
  null,
  ['type', 'number?'],
  null,
  ['collateral', 'number?'],
  ['collateralMin', 'number?'],
  ['meta', 'object?'],
] as const);

/**
 * `auth/w/deriv/collateral/set`: the response is `[[STATUS]]` (1 = success); decode accepts the
 * wrapped or the bare row, encode produces the wrapped form.
 */
export const DerivativePositionCollateral = defineModel(
  'DerivativePositionCollateral',
  [['status', 'number']] as const,
  { unwrap: true, layout: [[0]] },
);

/** `auth/calc/deriv/collateral/limit`: `[MIN_COLLATERAL, MAX_COLLATERAL]`. */
export const DerivativePositionCollateralLimits = defineModel('DerivativePositionCollateralLimits', [
  ['minCollateral', 'number'],
  ['maxCollateral', 'number'],
] as const);
