/**
 * Argument validation shared by the REST client (and reusable by the WebSocket client). Every
 * check throws a {@link BfxArgumentError} naming the argument, before anything is sent.
 *
 * @module
 */
import { BfxArgumentError } from '../errors.js';
import { FUNDING_OFFER_TYPES, ORDER_TYPES, type FundingOfferType, type OrderType } from '../models/enums.js';

/** Which kind of symbol is accepted: `t` trading pairs, `f` funding currencies, or either. */
export type SymbolKind = 'trading' | 'funding' | 'any';

/** Aggregated book precisions. */
export type BookPrecision = 'P0' | 'P1' | 'P2' | 'P3' | 'P4';
/** Book precisions including raw books. */
export type AnyBookPrecision = BookPrecision | 'R0';
/** Book lengths Bitfinex accepts. */
export type BookLength = 1 | 25 | 100 | 250;
/** Candle timeframes (`1W` and `7D` are both accepted). */
export type Timeframe = '1m' | '5m' | '15m' | '30m' | '1h' | '3h' | '6h' | '12h' | '1D' | '1W' | '7D' | '14D' | '1M';
/** History sort: 1 = oldest first, -1 = newest first. */
export type Sort = 1 | -1;

const TRADING = /^t(?:[A-Z0-9]{6}|[A-Z0-9]{2,}:[A-Z0-9]{2,})$/;
const FUNDING = /^f[A-Z0-9]{2,}$/;
const PRECISIONS: readonly string[] = ['P0', 'P1', 'P2', 'P3', 'P4'];
const LENGTHS: readonly number[] = [1, 25, 100, 250];
const TIMEFRAMES: readonly string[] = ['1m', '5m', '15m', '30m', '1h', '3h', '6h', '12h', '1D', '1W', '7D', '14D', '1M'];
const FUNDING_CANDLE = /^(f[A-Z0-9]{2,}):(?:p(\d{1,3})|a(?:10|30):p(\d{1,3}):p(\d{1,3}))$/;


const show = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === undefined || value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'an array' : typeof value;
};

/** Throws a {@link BfxArgumentError} for `name` with `expected` in the message. */
export function invalidArgument(name: string, expected: string, value: unknown): never {
  throw new BfxArgumentError(`Invalid ${name}: expected ${expected}, got ${show(value)}`, name);
}

/** Throws when a required argument is missing (`undefined`, `null` or `''`). */
export function validateRequired(value: unknown, name: string): void {
  if (value === undefined || value === null || value === '') {
    throw new BfxArgumentError(`Missing required argument ${name}`, name);
  }
}

/**
 * A Bitfinex symbol: `t` + uppercase pair (`tBTCUSD`, `tBTCF0:USTF0`) or `f` + uppercase currency
 * (`fUSD`).
 */
export function validateSymbol(value: unknown, kind: SymbolKind = 'any', name = 'symbol'): string {
  const ok = typeof value === 'string' && ((kind !== 'funding' && TRADING.test(value)) || (kind !== 'trading' && FUNDING.test(value)));
  if (!ok) {
    const expected = {
      trading: 'a trading pair like "tBTCUSD" or "tBTCF0:USTF0"',
      funding: 'a funding currency like "fUSD"',
      any: 'a symbol like "tBTCUSD", "tBTCF0:USTF0" or "fUSD"',
    }[kind];
    invalidArgument(name, expected, value);
  }
  return value;
}

/** A non-empty list of symbols, or the literal `'ALL'`. */
export function validateSymbols(value: unknown, kind: SymbolKind = 'any', name = 'symbols'): readonly string[] | 'ALL' {
  if (value === 'ALL') return 'ALL';
  if (!Array.isArray(value) || value.length === 0) return invalidArgument(name, 'a non-empty array of symbols or "ALL"', value);
  value.forEach((s, i) => (s === 'ALL' ? undefined : validateSymbol(s, kind, `${name}[${i}]`)));
  return value as readonly string[];
}

/** A book precision `P0`–`P4`, or `R0` too when `allowRaw`. */
export function validatePrecision(value: unknown, allowRaw = true, name = 'precision'): AnyBookPrecision {
  if (typeof value === 'string' && (PRECISIONS.includes(value) || (allowRaw && value === 'R0'))) return value as AnyBookPrecision;
  return invalidArgument(name, allowRaw ? 'one of P0, P1, P2, P3, P4, R0' : 'one of P0, P1, P2, P3, P4', value);
}

/** A book length: 1, 25, 100 or 250 (number or digit string). */
export function validateBookLength(value: unknown, name = 'len'): BookLength {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n === 'number' && LENGTHS.includes(n)) return n as BookLength;
  return invalidArgument(name, 'one of 1, 25, 100, 250', value);
}

/** A candle timeframe (`1m` … `1M`). */
export function validateTimeframe(value: unknown, name = 'timeframe'): Timeframe {
  if (typeof value === 'string' && TIMEFRAMES.includes(value)) return value as Timeframe;
  return invalidArgument(name, `one of ${TIMEFRAMES.join(' ')}`, value);
}

const validPeriod = (p: string | undefined): boolean => p === undefined || (Number(p) >= 2 && Number(p) <= 120);

/**
 * The symbol part of a candle key: a trading pair, or a funding currency with a period
 * (`fUSD:p30`) or an aggregate (`fUSD:a30:p2:p30`).
 */
export function validateCandleSymbol(value: unknown, name = 'symbol'): string {
  if (typeof value === 'string' && TRADING.test(value)) return value;
  const m = typeof value === 'string' ? FUNDING_CANDLE.exec(value) : null;
  if (m && validPeriod(m[2]) && validPeriod(m[3]) && validPeriod(m[4]) && (m[3] === undefined || Number(m[3]) <= Number(m[4]))) {
    return value as string;
  }
  return invalidArgument(name, 'a trading pair like "tBTCUSD" or a funding key like "fUSD:p30" / "fUSD:a30:p2:p30"', value);
}

/** A full candle key `trade:TF:SYMBOL` (e.g. `trade:1m:tBTCUSD`, `trade:1h:fUSD:a30:p2:p30`). */
export function validateCandleKey(value: unknown, name = 'key'): string {
  if (typeof value !== 'string') return invalidArgument(name, 'a candle key like "trade:1m:tBTCUSD"', value);
  const [prefix, tf, ...rest] = value.split(':');
  if (prefix !== 'trade' || rest.length === 0) return invalidArgument(name, 'a candle key like "trade:1m:tBTCUSD"', value);
  validateTimeframe(tf, `${name} timeframe`);
  validateCandleSymbol(rest.join(':'), `${name} symbol`);
  return value;
}

/** A sort direction: 1 (oldest first) or -1 (newest first). */
export function validateSort(value: unknown, name = 'sort'): Sort {
  if (value === 1 || value === -1) return value;
  return invalidArgument(name, '1 or -1', value);
}

/** A positive integer (limits, counts). */
export function validatePositiveInteger(value: unknown, name = 'limit'): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  return invalidArgument(name, 'a positive integer', value);
}

/** A millisecond timestamp (non-negative integer). */
export function validateTimestamp(value: unknown, name = 'start'): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  return invalidArgument(name, 'a timestamp in ms (non-negative integer)', value);
}

/** A decimal amount: a finite number, or a decimal string like `"0.001"`. */
export function validateDecimal(value: unknown, name = 'amount'): number | string {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^[-+]?(\d+\.?\d*|\.\d+)$/.test(value)) return value;
  return invalidArgument(name, 'a finite number or a decimal string', value);
}

/** An order type (`EXCHANGE LIMIT`, `MARKET`, ...). */
export function validateOrderType(value: unknown, name = 'type'): OrderType {
  if (typeof value === 'string' && (ORDER_TYPES as readonly string[]).includes(value)) return value as OrderType;
  return invalidArgument(name, `one of ${ORDER_TYPES.map((t) => JSON.stringify(t)).join(', ')}`, value);
}

/** A non-empty string. */
export function validateString(value: unknown, name: string): string {
  if (typeof value === 'string' && value !== '') return value;
  return invalidArgument(name, 'a non-empty string', value);
}

/** A funding period in days: an integer from 2 to 120. */
export function validatePeriod(value: unknown, name = 'period'): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 2 && value <= 120) return value;
  return invalidArgument(name, 'an integer number of days from 2 to 120', value);
}

/** A funding offer type (`LIMIT`, `FRRDELTAVAR`, `FRRDELTAFIX`). */
export function validateFundingOfferType(value: unknown, name = 'type'): FundingOfferType {
  if (typeof value === 'string' && (FUNDING_OFFER_TYPES as readonly string[]).includes(value)) return value as FundingOfferType;
  return invalidArgument(name, `one of ${FUNDING_OFFER_TYPES.join(', ')}`, value);
}

/** One of a fixed set of string values. */
export function validateOneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return invalidArgument(name, `one of ${allowed.join(', ')}`, value);
}

/** The longest delay a timer honours (2^31 - 1 ms, about 24.8 days); longer ones fire at once. */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * A duration in ms: a finite number greater than 0 (or at least `min`) and at most
 * {@link MAX_TIMER_MS}. Used for every timeout and delay option.
 */
export function validateDuration(value: unknown, name: string, min = 0): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && (min === 0 ? value > 0 : value >= min) && value <= MAX_TIMER_MS;
  if (ok) return value;
  const low = min === 0 ? '(0' : `[${min}`;
  return invalidArgument(name, `a finite number of ms in ${low}, ${MAX_TIMER_MS}]`, value);
}

/** An integer from `min` to `max` (counts, retries, concurrency). */
export function validateIntegerInRange(value: unknown, name: string, min: number, max: number): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max) return value;
  return invalidArgument(name, `an integer from ${min} to ${max}`, value);
}

/** A finite number from `min` to `max` (factors, fractions). */
export function validateNumberInRange(value: unknown, name: string, min: number, max: number): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max) return value;
  return invalidArgument(name, `a number from ${min} to ${max}`, value);
}

/** A finite number greater than 0 (rates, sizes). */
export function validatePositiveNumber(value: unknown, name: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  return invalidArgument(name, 'a finite number greater than 0', value);
}
