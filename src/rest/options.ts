/**
 * Validation of `createRestClient`'s options: every number is checked, with a
 * `BfxArgumentError` naming the option and its range, before the client exists.
 *
 * @module
 */
import { BfxArgumentError } from '../errors.js';
import type { PacingOptions } from './pacing.js';
import type { RetryPolicy } from './retry.js';
import type { RestClientOptions, SigningOptions } from './types.js';
import { invalidArgument, validateDuration, validateIntegerInRange, validatePositiveNumber } from './validate.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function known(obj: Record<string, unknown>, keys: readonly string[], name: string): void {
  for (const k of Object.keys(obj)) {
    if (!keys.includes(k)) throw new BfxArgumentError(`Unknown option ${name}.${k} (expected ${keys.join(', ')})`, `${name}.${k}`);
  }
}

function optional<T>(value: T | undefined, check: (v: unknown) => unknown): void {
  if (value !== undefined) check(value);
}

/** Checks `retry.rateLimit`. */
export function checkRetry(value: unknown): boolean | RetryPolicy | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  if (!isObject(value)) return invalidArgument('retry.rateLimit', 'true, false or { retries, baseDelayMs, maxDelayMs }', value);
  known(value, ['retries', 'baseDelayMs', 'maxDelayMs'], 'retry.rateLimit');
  validateIntegerInRange(value.retries, 'retry.rateLimit.retries', 0, 100);
  validateDuration(value.baseDelayMs, 'retry.rateLimit.baseDelayMs');
  validateDuration(value.maxDelayMs, 'retry.rateLimit.maxDelayMs');
  return value as unknown as RetryPolicy;
}

/** Checks `pacing`. */
export function checkPacing(value: unknown): PacingOptions | undefined {
  if (value === undefined || value === true) return {};
  if (value === false) return undefined;
  if (!isObject(value)) return invalidArgument('pacing', 'true, false or pacing options', value);
  known(value, ['limits', 'defaultPerMinute', 'blockMs', 'windowMs', 'marginMs', 'now'], 'pacing');
  const p = value as PacingOptions;
  if (p.limits !== undefined) {
    if (!isObject(p.limits)) invalidArgument('pacing.limits', 'an object of requests per minute by bucket name', p.limits);
    for (const [k, v] of Object.entries(p.limits)) validatePositiveNumber(v, `pacing.limits.${k}`);
  }
  optional(p.defaultPerMinute, (v) => validatePositiveNumber(v, 'pacing.defaultPerMinute'));
  optional(p.blockMs, (v) => validateDuration(v, 'pacing.blockMs'));
  optional(p.windowMs, (v) => validateDuration(v, 'pacing.windowMs'));
  optional(p.marginMs, (v) => (v === 0 ? 0 : validateDuration(v, 'pacing.marginMs')));
  if (p.now !== undefined && typeof p.now !== 'function') invalidArgument('pacing.now', 'a function returning ms', p.now);
  return p;
}

/** Checks `signing`. */
export function checkSigning(value: unknown): SigningOptions {
  if (value === undefined) return {};
  if (!isObject(value)) return invalidArgument('signing', 'an object { maxInFlight?, nonceRetries?, nonceRetryDelayMs? }', value);
  known(value, ['maxInFlight', 'nonceRetries', 'nonceRetryDelayMs'], 'signing');
  optional(value.maxInFlight, (v) => validateIntegerInRange(v, 'signing.maxInFlight', 1, 64));
  optional(value.nonceRetries, (v) => validateIntegerInRange(v, 'signing.nonceRetries', 0, 10));
  optional(value.nonceRetryDelayMs, (v) => validateDuration(v, 'signing.nonceRetryDelayMs'));
  return value as SigningOptions;
}

const OPTIONS = ['restHost', 'apiKey', 'apiSecret', 'nonce', 'timeoutMs', 'retry', 'pacing', 'signing', 'logger', 'fetch'] as const;

/** Checks the whole options object (unknown keys, types and every number's range). */
export function checkRestOptions(options: unknown): RestClientOptions {
  if (options === undefined) return {};
  if (!isObject(options)) return invalidArgument('options', 'an object', options);
  known(options, OPTIONS, 'options');
  const o = options as RestClientOptions;
  optional(o.timeoutMs, (v) => validateDuration(v, 'timeoutMs'));
  if (o.restHost !== undefined && (typeof o.restHost !== 'string' || !/^https?:\/\/./.test(o.restHost))) {
    invalidArgument('restHost', 'an http(s) URL', o.restHost);
  }
  if (o.retry !== undefined) {
    if (!isObject(o.retry)) invalidArgument('retry', 'an object { rateLimit }', o.retry);
    known(o.retry as Record<string, unknown>, ['rateLimit'], 'retry');
    checkRetry(o.retry.rateLimit);
  }
  checkPacing(o.pacing);
  checkSigning(o.signing);
  for (const fn of ['nonce', 'fetch'] as const) {
    if (o[fn] !== undefined && typeof o[fn] !== 'function') invalidArgument(fn, 'a function', o[fn]);
  }
  return o;
}
