/**
 * Number helpers of the simulated exchange: input parsing (numbers or decimal strings, as
 * Bitfinex accepts both) and rounding to 8 decimals so balances do not drift.
 *
 * @module
 */

/** Is `v` a plain JSON object (not null, not an array)? */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `v` when it is a plain JSON object, else `{}`. */
export function asRecord(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A finite number from a JSON number or a decimal string; undefined for anything else. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && DECIMAL.test(value.trim())) {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** An integer from a JSON number or a digit string; undefined otherwise. */
export function toInteger(value: unknown): number | undefined {
  const n = toNumber(value);
  return n !== undefined && Number.isSafeInteger(n) ? n : undefined;
}

/** Round to 8 decimals (the platform's precision). */
export function r8(x: number): number {
  const r = Math.round(x * 1e8) / 1e8;
  return r === 0 ? 0 : r;
}

/** Format a number the way status strings show it (`107.6`, `-0.2`). */
export function fmt(x: number): string {
  return String(r8(x));
}

/** A base/quote split of a trading pair: `tBTCUSD` → BTC/USD, `tBTCF0:USTF0` → BTCF0/USTF0. */
export interface PairParts {
  readonly base: string;
  readonly quote: string;
}

/** Split a trading symbol into base and quote currencies; undefined when it is not a pair. */
export function splitPair(symbol: string): PairParts | undefined {
  if (!symbol.startsWith('t')) return undefined;
  const pair = symbol.slice(1);
  const colon = pair.indexOf(':');
  if (colon > 0) return { base: pair.slice(0, colon), quote: pair.slice(colon + 1) };
  if (pair.length !== 6) return undefined;
  return { base: pair.slice(0, 3), quote: pair.slice(3) };
}

/** Is the pair a derivatives pair (`…F0:…F0`)? */
export function isDerivPair(symbol: string): boolean {
  return /F0:[A-Z0-9]+F0$/.test(symbol);
}
