/**
 * Encoding of input payloads the way Bitfinex documents them: decimals as strings without an
 * exponent (`1e-7` → `"0.0000001"`), integers as numbers, booleans as `1` / `0`, `undefined`
 * keys dropped, camelCase option names mapped to the wire's snake_case.
 *
 * @module
 */
import { BfxArgumentError } from '../../errors.js';
import { plainDecimal } from '../../rest/encode.js';
import type { Decimal } from '../../rest/types.js';

export type { Decimal } from '../../rest/types.js';

const DECIMAL_STRING = /^-?(\d+\.?\d*|\.\d+)$/;

/**
 * A finite number written as a plain decimal string, never with an exponent
 * (`1e-7` → `"0.0000001"`, `1.5e21` → `"1500000000000000000000"`, via the REST encoder's
 * `plainDecimal`). Strings are checked and passed through.
 *
 * @throws BfxArgumentError when the value is not finite or not a decimal string.
 */
export function decimalString(value: Decimal, name = 'value'): string {
  if (typeof value === 'string') {
    if (!DECIMAL_STRING.test(value)) throw new BfxArgumentError(`${name} must be a decimal string, got "${value}"`, name);
    return value;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new BfxArgumentError(`${name} must be a finite number, got ${String(value)}`, name);
  }
  return plainDecimal(value);
}

/** How one field is written on the wire. */
export type FieldEncoding = 'decimal' | 'integer' | 'string' | 'flag' | 'raw';

/** A field of an input: its wire name and its encoding. */
export interface FieldRule {
  readonly wire: string;
  readonly as: FieldEncoding;
}

/** A map from the TypeScript option name to its {@link FieldRule}. */
export type FieldRules = Readonly<Record<string, FieldRule>>;

function encodeValue(value: unknown, rule: FieldRule, name: string): unknown {
  switch (rule.as) {
    case 'decimal':
      return decimalString(value as Decimal, name);
    case 'integer':
      if (typeof value === 'boolean') return value ? 1 : 0;
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        throw new BfxArgumentError(`${name} must be an integer, got ${String(value)}`, name);
      }
      return value;
    case 'flag':
      return value === true || value === 1 ? 1 : 0;
    case 'string':
      if (typeof value !== 'string') throw new BfxArgumentError(`${name} must be a string`, name);
      return value;
    case 'raw':
      return typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
}

/**
 * Encode an input object field by field. Keys without a rule are rejected (a typo would otherwise
 * be sent and silently ignored by the server); `undefined` values are dropped.
 *
 * @throws BfxArgumentError on an unknown key or a value of the wrong kind.
 */
export function encodePayload(input: object, rules: FieldRules, what: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const rule = rules[name];
    if (rule === undefined) throw new BfxArgumentError(`${what}: unknown option "${name}"`, name);
    out[rule.wire] = encodeValue(value, rule, name);
  }
  return out;
}

/** Check that the required options are present. */
export function requireFields(input: object, names: readonly string[], what: string): void {
  const record = input as Record<string, unknown>;
  for (const name of names) {
    if (record[name] === undefined || record[name] === null) {
      throw new BfxArgumentError(`${what}: "${name}" is required`, name);
    }
  }
}
