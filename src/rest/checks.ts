/**
 * Param checks shared by the endpoint tables (thin adapters from the validators to {@link Check}).
 *
 * @module
 */
import type { Check } from './endpoint.js';
import {
  invalidArgument,
  validateDecimal,
  validateFundingOfferType,
  validateOrderType,
  validatePeriod,
  validatePositiveInteger,
  validateString,
  validateOneOf,
  validatePrecision,
  validateSymbol,
  validateSymbols,
  validateTimeframe,
  validateCandleSymbol,
} from './validate.js';

/** A trading pair (`tBTCUSD`). */
export const tradingSymbol: Check = (v, n) => validateSymbol(v, 'trading', n);
/** A funding currency (`fUSD`). */
export const fundingSymbol: Check = (v, n) => validateSymbol(v, 'funding', n);
/** A trading or funding symbol. */
export const anySymbol: Check = (v, n) => validateSymbol(v, 'any', n);
/** A non-empty string. */
export const text: Check = (v, n) => validateString(v, n);
/** A number or decimal string. */
export const decimal: Check = (v, n) => validateDecimal(v, n);
/** A positive integer (ids, counts). */
export const positiveInteger: Check = (v, n) => validatePositiveInteger(v, n);
/** An order type. */
export const orderType: Check = (v, n) => validateOrderType(v, n);
/** A funding offer type. */
export const fundingOfferType: Check = (v, n) => validateFundingOfferType(v, n);
/** A funding period (2–120 days). */
export const period: Check = (v, n) => validatePeriod(v, n);
/** A boolean. */
export const boolean: Check = (v, n) => (typeof v === 'boolean' ? v : invalidArgument(n, 'true or false', v));
/** An array whose every element passes `item`. */
export const arrayOf =
  (item: Check): Check =>
  (v, n) =>
    Array.isArray(v) ? v.forEach((x, i) => item(x, `${n}[${i}]`)) : invalidArgument(n, 'an array', v);
/** A plain object. */
export const record: Check = (v, n) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? v : invalidArgument(n, 'an object', v);

/** The checks the endpoint definitions name (`symbol:trading`), by name. */
export const CHECKS: Readonly<Record<string, Check>> = {
  trading: tradingSymbol,
  funding: fundingSymbol,
  symbols: (v, n) => validateSymbols(v, 'any', n),
  text,
  decimal,
  int: positiveInteger,
  bool: boolean,
  record,
  period,
  orderType,
  offerType: fundingOfferType,
  ids: arrayOf(positiveInteger),
  texts: arrayOf(text),
  wallet: (v, n) => validateOneOf(v, ['exchange', 'margin', 'funding'], n),
  precision: (v, n) => validatePrecision(v, false, n),
  candle: validateCandleSymbol,
  timeframe: validateTimeframe,
};
