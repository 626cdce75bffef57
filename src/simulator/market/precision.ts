/**
 * Bitfinex number precision: prices have 5 significant digits, book precisions P0–P4 aggregate
 * at 5/4/3/2/1 significant digits, amounts carry 8 decimals. Results are the exact doubles a
 * JSON parser would produce for the decimal text, so `String(n)` gives clean tokens.
 *
 * @module
 */

/** Significant figures of each aggregated precision. */
export const PRECISION_SIG_FIGS = { P0: 5, P1: 4, P2: 3, P3: 2, P4: 1 } as const;

/** Decimal exponent of |x| (x ≠ 0): 10^e ≤ |x| < 10^(e+1). */
function exponentOf(x: number): number {
  const a = Math.abs(x);
  let e = Math.floor(Math.log10(a));
  if (10 ** e > a) e -= 1;
  else if (10 ** (e + 1) <= a) e += 1;
  return e;
}

/** Scales x to an integer-ish mantissa for `sf` figures; returns the scaled value and the decimal shift. */
function scaled(x: number, sf: number): { y: number; shift: number } {
  const shift = sf - 1 - exponentOf(x);
  const y = shift >= 0 ? x * 10 ** shift : x / 10 ** -shift;
  return { y, shift };
}

/** Rebuilds the double for integer mantissa k shifted by `shift` decimals (correctly rounded). */
function unscale(k: number, shift: number): number {
  return shift >= 0 ? k / 10 ** shift : k * 10 ** -shift;
}

const EPS = 1e-7;

/** Rounds to `sf` significant digits (nearest). */
export function roundSig(x: number, sf = 5): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const { y, shift } = scaled(x, sf);
  return unscale(Math.round(y), shift);
}

/** Rounds down (toward -∞) to `sf` significant digits; used for bid levels. */
export function floorSig(x: number, sf: number): number {
  if (x <= 0 || !Number.isFinite(x)) return x;
  const { y, shift } = scaled(x, sf);
  return unscale(Math.floor(y + EPS), shift);
}

/** Rounds up (toward +∞) to `sf` significant digits; used for ask levels. */
export function ceilSig(x: number, sf: number): number {
  if (x <= 0 || !Number.isFinite(x)) return x;
  const { y, shift } = scaled(x, sf);
  return unscale(Math.ceil(y - EPS), shift);
}

/** The price step at 5 significant digits around `x` (one "tick"). */
export function tickOf(x: number): number {
  const shift = 4 - exponentOf(x);
  return shift >= 0 ? 1 / 10 ** shift : 10 ** -shift;
}

/** Rounds an amount to 8 decimals. */
export function roundAmount(x: number): number {
  return Math.round(x * 1e8) / 1e8;
}

/** Rounds to `d` decimals. */
export function roundTo(x: number, d: number): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}
