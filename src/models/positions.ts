/**
 * Margin and derivatives position models (protocol.md §2.4 POSITION, §3.7 position endpoints).
 *
 * @module
 */
import { defineModel, fieldsOf } from './define.js';

/**
 * Position (20 fields): REST `auth/r/positions`, WS `ps`/`pn`/`pu`/`pc`. Calculated values
 * (`pl`, `plPerc`, `priceLiq`, `leverage`) are `null` until the server computed them.
 */
export const Position = defineModel('Position', fieldsOf('symbol:s status:s amount basePrice marginFunding? marginFundingType? pl? plPerc? priceLiq? leverage? _ positionId mtsCreate? mtsUpdate? _ type? _ collateral? collateralMin? meta:o?'));

/**
 * Data of the `pm-req` notification (`auth/w/position/claim`). `meta` is sent as a JSON string
 * (docs) or an object, so it stays `unknown`.
 */
export const PositionClaim = defineModel('PositionClaim', fieldsOf('symbol:s positionStatus:s amount basePrice marginFunding? marginFundingType? _ _ _ _ _ positionId mtsCreate? mtsUpdate? _ posType? _ collateral? minCollateral? meta:u?'));

/**
 * `auth/r/position/increase/info`: `[[MAX_POS, CURRENT_POS], [BASE_CURRENCY_BALANCE,
 * [TRADABLE ×4, _ ×4], FUNDING_AVAIL], _, _, [FUNDING_VALUE, FUNDING_REQUIRED],
 * [FUNDING_VALUE_CURRENCY, FUNDING_REQUIRED_CURRENCY]]`. Flat: decoded after flattening.
 */
export const PositionIncreaseInfo = defineModel(
  'PositionIncreaseInfo',
  fieldsOf('maxPos? currentPos? baseCurrencyBalance? tradableBalanceQuoteCurrency? tradableBalanceQuoteTotal? tradableBalanceBaseCurrency? tradableBalanceBaseTotal? _ _ _ _ fundingAvail? _ _ fundingValue? fundingRequired? fundingValueCurrency:s? fundingRequiredCurrency:s?'),
  {
    flat: true,
    layout: [[0, 1], [2, [3, 4, 5, 6, 7, 8, 9, 10], 11], 12, 13, [14, 15], [16, 17]],
  },
);

/** Data of the `pmi-req` notification (`auth/w/position/increase`): `[SYMBOL, _, AMOUNT, BASE_PRICE]`. */
export const PositionIncrease = defineModel('PositionIncrease', fieldsOf('symbol:s _ amount basePrice?'));

const positionHistoryFields = fieldsOf('symbol:s status:s amount basePrice funding? fundingType? _ _ _ _ _ positionId mtsCreate? mtsUpdate?');

/** `auth/r/positions/hist` row (14 fields). */
export const PositionHistory = defineModel('PositionHistory', positionHistoryFields);

/** `auth/r/positions/snap` row (14 fields, same layout as {@link PositionHistory}). */
export const PositionSnapshot = defineModel('PositionSnapshot', positionHistoryFields);

/** `auth/r/positions/audit` row (20 fields): history fields plus type, collateral and meta. */
export const PositionAudit = defineModel('PositionAudit', [...positionHistoryFields, ...fieldsOf('_ type? _ collateral? collateralMin? meta:o?')] as const);

/**
 * `auth/w/deriv/collateral/set`: the response is `[[STATUS]]` (1 = success); decode accepts the
 * wrapped or the bare row, encode produces the wrapped form.
 */
export const DerivativePositionCollateral = defineModel(
  'DerivativePositionCollateral',
  fieldsOf('status'),
  { unwrap: true, layout: [[0]] },
);

/** `auth/calc/deriv/collateral/limit`: `[MIN_COLLATERAL, MAX_COLLATERAL]`. */
export const DerivativePositionCollateralLimits = defineModel('DerivativePositionCollateralLimits', fieldsOf('minCollateral maxCollateral'));
