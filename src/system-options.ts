/**
 * The door of `createBfxSystem`: every host and numeric option checked before anything starts,
 * each mistake a `BfxArgumentError` naming the option and what it accepts. A value that passes
 * cannot start a reconnect storm (no zero or NaN delays) or fail later with a misleading error.
 *
 * @module
 */
import { invalidArgument } from './rest/validate.js';

interface NumberRule {
  readonly min: number;
  readonly integer?: boolean;
  readonly max?: number;
}

/** A URL with one of `protocols` (`ws:`, `wss:` / `http:`, `https:`). */
export function checkUrl(value: unknown, name: string, protocols: readonly string[]): void {
  const expected = `a ${protocols.join(' or ')}// URL`;
  if (typeof value !== 'string') invalidArgument(name, expected, value);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return invalidArgument(name, expected, value);
  }
  if (!protocols.includes(url.protocol) || url.hostname === '') invalidArgument(name, expected, value);
}

/** An optional finite number within a range (integers only when `integer`). */
export function checkNumber(value: unknown, name: string, rule: NumberRule): void {
  if (value === undefined) return;
  const { min, max = Number.MAX_SAFE_INTEGER, integer = false } = rule;
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
  if (!ok) invalidArgument(name, `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`, value);
}

/** What of the system options this module checks. */
export interface CheckedOptions {
  readonly wssHost?: string;
  readonly restHost?: string;
  readonly connections?: number;
  readonly capacity?: number;
  readonly heartbeatTimeoutMs?: number;
  readonly subscribeTimeoutMs?: number;
  readonly maxAttempts?: number;
  readonly inputs?: { readonly timeoutMs?: number };
  readonly backoff?: { readonly initialMs?: number; readonly maxMs?: number; readonly factor?: number; readonly jitter?: number };
}

/** Check the options of `createBfxSystem`; throws `BfxArgumentError` on the first mistake. */
export function checkSystemOptions(o: CheckedOptions): void {
  if (o.wssHost !== undefined) checkUrl(o.wssHost, 'wssHost', ['ws:', 'wss:']);
  if (o.restHost !== undefined) checkUrl(o.restHost, 'restHost', ['http:', 'https:']);
  checkNumber(o.connections, 'connections', { min: 1, max: 1_000, integer: true });
  checkNumber(o.capacity, 'capacity', { min: 1, max: 1_000, integer: true });
  checkNumber(o.heartbeatTimeoutMs, 'heartbeatTimeoutMs', { min: 100 });
  checkNumber(o.subscribeTimeoutMs, 'subscribeTimeoutMs', { min: 1 });
  checkNumber(o.maxAttempts, 'maxAttempts', { min: 1, integer: true });
  checkNumber(o.inputs?.timeoutMs, 'inputs.timeoutMs', { min: 1, max: 2_147_483_647 });
  const b = o.backoff;
  if (b !== undefined) {
    checkNumber(b.initialMs, 'backoff.initialMs', { min: 1 });
    checkNumber(b.maxMs, 'backoff.maxMs', { min: b.initialMs ?? 1 });
    checkNumber(b.factor, 'backoff.factor', { min: 1, max: 100 });
    checkNumber(b.jitter, 'backoff.jitter', { min: 0, max: 1 });
  }
}
