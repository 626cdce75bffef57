/**
 * The param checks the endpoint definitions name (`symbol:trading`), by name: the validators
 * themselves where their `(value, name)` signature already is a {@link Check}, thin adapters
 * where a validator takes a kind or a set.
 *
 * @module
 */
import type { Check } from './endpoint.js';
import {
  invalidArgument,
  validateCandleSymbol,
  validateDecimal,
  validateFundingOfferType,
  validateOneOf,
  validateOrderType,
  validatePeriod,
  validatePositiveInteger,
  validatePrecision,
  validateString,
  validateSymbol,
  validateSymbols,
  validateTimeframe,
} from './validate.js';

/** An array whose every element passes `item`. */
const arrayOf =
  (item: Check): Check =>
  (v, n) =>
    Array.isArray(v) ? v.forEach((x, i) => item(x, `${n}[${i}]`)) : invalidArgument(n, 'an array', v);

/** The checks the endpoint definitions name, by name. */
export const CHECKS: Readonly<Record<string, Check>> = {
  /** A trading pair (`tBTCUSD`). */
  trading: (v, n) => validateSymbol(v, 'trading', n),
  /** A funding currency (`fUSD`). */
  funding: (v, n) => validateSymbol(v, 'funding', n),
  /** A list of symbols, or `'ALL'`. */
  symbols: (v, n) => validateSymbols(v, 'any', n),
  /** A non-empty string. */
  text: validateString,
  /** A number or decimal string. */
  decimal: validateDecimal,
  /** A positive integer (ids, counts). */
  int: validatePositiveInteger,
  /** A boolean. */
  bool: (v, n) => (typeof v === 'boolean' ? v : invalidArgument(n, 'true or false', v)),
  /** A plain object. */
  record: (v, n) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : invalidArgument(n, 'an object', v)),
  /** A funding period (2–120 days). */
  period: validatePeriod,
  /** An order type. */
  orderType: validateOrderType,
  /** A funding offer type. */
  offerType: validateFundingOfferType,
  /** A list of positive integers. */
  ids: arrayOf(validatePositiveInteger),
  /** A list of non-empty strings. */
  texts: arrayOf(validateString),
  /** A wallet name. */
  wallet: (v, n) => validateOneOf(v, ['exchange', 'margin', 'funding'], n),
  /** An aggregated book precision (`P0`–`P4`). */
  precision: (v, n) => validatePrecision(v, false, n),
  /** The symbol part of a candle key. */
  candle: validateCandleSymbol,
  /** A candle timeframe. */
  timeframe: validateTimeframe,
};
