/**
 * Validation of `createRestClient`'s options: every number is checked, with a
 * `BfxArgumentError` naming the option and its range, before the client exists. Each options
 * object is described once, as a table of rules by key ({@link checkGroup}): the table names the
 * accepted keys (an unknown one is an error listing them) and checks each value given.
 *
 * @module
 */
import { BfxArgumentError } from '../errors.js';
import type { PacingOptions } from './pacing.js';
import type { RestClientOptions, SigningOptions } from './types.js';
import { invalidArgument, validateDuration, validateIntegerInRange, validatePositiveNumber } from './validate.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks one option's value (never undefined unless the group requires it); `name` is its full name. */
type Rule = (value: unknown, name: string) => unknown;

const integerIn =
  (min: number, max: number): Rule =>
  (v, n) =>
    validateIntegerInRange(v, n, min, max);
const fn: Rule = (v, n) => (typeof v === 'function' ? v : invalidArgument(n, 'a function', v));
const any: Rule = () => undefined;

/**
 * Checks the options object `value` named `name`: `expected` says what it must be when it is not an
 * object; a key without a rule is refused (the error lists the accepted keys); each given value
 * (every value, given or not, when `required`) passes its rule, named `prefix` + key.
 */
function checkGroup(value: unknown, name: string, expected: string, rules: Readonly<Record<string, Rule>>, prefix = `${name}.`, required = false): Record<string, unknown> {
  if (!isObject(value)) return invalidArgument(name, expected, value);
  const keys = Object.keys(rules);
  for (const k of Object.keys(value)) {
    if (!keys.includes(k)) throw new BfxArgumentError(`Unknown option ${name}.${k} (expected ${keys.join(', ')})`, `${name}.${k}`);
  }
  for (const k of keys) if (required || value[k] !== undefined) rules[k]!(value[k], prefix + k);
  return value;
}

const RETRY_RULES = { retries: integerIn(0, 100), baseDelayMs: validateDuration, maxDelayMs: validateDuration };

/** `retry.rateLimit`: true, false or a whole policy. */
const rateLimit: Rule = (v, n) => (typeof v === 'boolean' ? v : checkGroup(v, n, 'true, false or { retries, baseDelayMs, maxDelayMs }', RETRY_RULES, `${n}.`, true));

const PACING_RULES: Readonly<Record<string, Rule>> = {
  limits: (v, n) => {
    if (!isObject(v)) return invalidArgument(n, 'an object of requests per minute by bucket name', v);
    for (const [k, perMinute] of Object.entries(v)) validatePositiveNumber(perMinute, `${n}.${k}`);
  },
  defaultPerMinute: validatePositiveNumber,
  blockMs: validateDuration,
  windowMs: validateDuration,
  marginMs: (v, n) => (v === 0 ? 0 : validateDuration(v, n)),
  now: (v, n) => (typeof v === 'function' ? v : invalidArgument(n, 'a function returning ms', v)),
};

/** Checks `pacing`: `{}` for the default pacing (`undefined` or `true`), `undefined` when off. */
export function checkPacing(value: unknown): PacingOptions | undefined {
  if (value === undefined || value === true) return {};
  if (value === false) return undefined;
  return checkGroup(value, 'pacing', 'true, false or pacing options', PACING_RULES) as PacingOptions;
}

const SIGNING_RULES = { maxInFlight: integerIn(1, 64), nonceRetries: integerIn(0, 10), nonceRetryDelayMs: validateDuration };

/** Checks `signing`. */
export function checkSigning(value: unknown): SigningOptions {
  if (value === undefined) return {};
  return checkGroup(value, 'signing', 'an object { maxInFlight?, nonceRetries?, nonceRetryDelayMs? }', SIGNING_RULES) as SigningOptions;
}

const OPTION_RULES: Readonly<Record<string, Rule>> = {
  restHost: (v, n) => (typeof v === 'string' && /^https?:\/\/./.test(v) ? v : invalidArgument(n, 'an http(s) URL', v)),
  apiKey: any,
  apiSecret: any,
  nonce: fn,
  timeoutMs: validateDuration,
  retry: (v, n) => checkGroup(v, n, 'an object { rateLimit }', { rateLimit }),
  pacing: checkPacing,
  signing: checkSigning,
  logger: any,
  fetch: fn,
};

/** Checks the whole options object (unknown keys, types and every number's range). */
export function checkRestOptions(options: unknown): RestClientOptions {
  if (options === undefined) return {};
  return checkGroup(options, 'options', 'an object', OPTION_RULES, '') as RestClientOptions;
}
