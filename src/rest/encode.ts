/**
 * Request encoding: path segments, query strings and JSON bodies. Absent values (`undefined`,
 * `null`) are dropped, booleans become `1` / `0`, and numbers that JavaScript would print in
 * exponent notation are sent as exact decimal strings (`1e-7` → `"0.0000001"`).
 *
 * @module
 */
import { BfxArgumentError } from '../errors.js';

/**
 * The plain decimal form of a finite number, from its shortest round-trip representation, never
 * in exponent notation: `1e-7` → `"0.0000001"`, `1.5e21` → `"1500000000000000000000"`.
 */
export function plainDecimal(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int, frac = '', expText] = m;
  const exp = Number(expText);
  const digits = int + frac;
  const point = int.length + exp;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`.replace(/\.?0+$/, '');
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Normalises one value for the wire (recursively): drops absent entries, booleans → 1/0. */
export function wireValue(value: unknown, name: string): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new BfxArgumentError(`Invalid ${name}: expected a finite number, got ${value}`, name);
    return /e/i.test(String(value)) ? plainDecimal(value) : value;
  }
  if (Array.isArray(value)) return value.map((v, i) => wireValue(v, `${name}[${i}]`));
  if (typeof value === 'object' && value !== null) return wireObject(value as Record<string, unknown>, name);
  return value;
}

/** {@link wireValue} over an object's entries, dropping `undefined` and `null`. */
export function wireObject(obj: Readonly<Record<string, unknown>>, name = 'params'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v !== undefined && v !== null) out[k] = wireValue(v, name === 'params' ? k : `${name}.${k}`);
  }
  return out;
}

/** A query string (`?a=1&b=x,y`, or `''`): arrays are comma-joined, absent values dropped. */
export function encodeQuery(params: Readonly<Record<string, unknown>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(wireObject(params))) {
    q.set(k, Array.isArray(v) ? v.join(',') : typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

/** One path segment, percent-encoded except for `:` (symbols like `tBTCF0:USTF0`, candle keys). */
export function encodeSegment(value: unknown, name: string): string {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new BfxArgumentError(`Invalid ${name}: expected a string or a number`, name);
  }
  const s = String(value);
  if (s === '' || s === '.' || s === '..') throw new BfxArgumentError(`Invalid ${name}: empty or dot path segment`, name);
  return encodeURIComponent(s).replace(/%3A/gi, ':');
}

/** `camelCase` → `snake_case` (wire keys of the trading endpoints). */
export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Joins a host and a path with exactly one slash. */
export function joinUrl(host: string, path: string): string {
  return `${host.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
