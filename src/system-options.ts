/**
 * The door of `createBfxSystem`: every host and numeric option checked before anything starts (the
 * numbers by the same validators as the REST client's options, `src/rest/validate.ts`),
 * each mistake a `BfxArgumentError` naming the option and what it accepts. A value that passes
 * cannot start a reconnect storm (no zero or NaN delays) or fail later with a misleading error.
 *
 * @module
 */
import { invalidArgument, validateDuration, validateIntegerInRange, validateNumberInRange } from './rest/validate.js';

/** Run `check` when `value` is given (absent options take their defaults). */
const given = (value: unknown, check: (v: unknown) => unknown): void => {
  if (value !== undefined) check(value);
};

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

/** What of the system options this module checks. */
export interface CheckedOptions {
  readonly wssHost?: string;
  readonly restHost?: string;
  readonly connections?: number;
  readonly capacity?: number;
  readonly heartbeatTimeoutMs?: number;
  readonly subscribeTimeoutMs?: number;
  readonly maxAttempts?: number;
  readonly inputs?: { readonly timeoutMs?: number; readonly recoveryMs?: number };
  readonly backoff?: { readonly initialMs?: number; readonly maxMs?: number; readonly factor?: number; readonly jitter?: number };
  readonly connectionBudget?: false | {
    readonly public?: { readonly count?: number; readonly windowMs?: number };
    readonly auth?: { readonly count?: number; readonly windowMs?: number };
    readonly blockMs?: number;
  };
}

/** A connection limit: a whole count of handshakes per window of at most 10 minutes. */
function checkLimit(limit: { readonly count?: number; readonly windowMs?: number } | undefined, name: string): void {
  if (limit === undefined) return;
  validateIntegerInRange(limit.count, `${name}.count`, 1, 10_000);
  validateIntegerInRange(limit.windowMs, `${name}.windowMs`, 1, 600_000);
}

/** Check the options of `createBfxSystem`; throws `BfxArgumentError` on the first mistake. */
export function checkSystemOptions(o: CheckedOptions): void {
  if (o.wssHost !== undefined) checkUrl(o.wssHost, 'wssHost', ['ws:', 'wss:']);
  if (o.restHost !== undefined) checkUrl(o.restHost, 'restHost', ['http:', 'https:']);
  given(o.connections, (v) => validateIntegerInRange(v, 'connections', 1, 1_000));
  given(o.capacity, (v) => validateIntegerInRange(v, 'capacity', 1, 1_000));
  given(o.heartbeatTimeoutMs, (v) => validateDuration(v, 'heartbeatTimeoutMs', 100));
  given(o.subscribeTimeoutMs, (v) => validateDuration(v, 'subscribeTimeoutMs'));
  given(o.maxAttempts, (v) => validateIntegerInRange(v, 'maxAttempts', 1, Number.MAX_SAFE_INTEGER));
  given(o.inputs?.timeoutMs, (v) => validateDuration(v, 'inputs.timeoutMs'));
  const budget = o.connectionBudget;
  if (budget !== undefined && budget !== false) {
    checkLimit(budget.public, 'connectionBudget.public');
    checkLimit(budget.auth, 'connectionBudget.auth');
    given(budget.blockMs, (v) => validateDuration(v, 'connectionBudget.blockMs'));
  }
  given(o.inputs?.recoveryMs, (v) => validateDuration(v, 'inputs.recoveryMs'));
  const b = o.backoff;
  if (b !== undefined) {
    given(b.initialMs, (v) => validateDuration(v, 'backoff.initialMs'));
    given(b.maxMs, (v) => validateDuration(v, 'backoff.maxMs', typeof b.initialMs === 'number' ? b.initialMs : 1));
    given(b.factor, (v) => validateNumberInRange(v, 'backoff.factor', 1, 100));
    given(b.jitter, (v) => validateNumberInRange(v, 'backoff.jitter', 0, 1));
  }
}
