/**
 * Injectable REST faults: maintenance, forced failures, forced rate-limit answers, latency.
 *
 * @module
 */

/** Fault controls of the REST face. */
export interface RestFaults {
  /** Maintenance mode: `platform/status` answers `[0]`, other public endpoints `["error",20060,"maintenance"]`. */
  maintenance(on: boolean): void;
  /** The next `count` requests answer `status` with `body` (JSON). */
  failNext(count: number, status: number, body: unknown): void;
  /** The next `count` requests answer HTTP 429 `["error",11010,"ratelimit: error"]`. */
  rateLimitNext(count: number): void;
  /** Delay every answer of a known route by `ms` (0 = no delay), after its credentials and nonce were checked. */
  delay(ms: number): void;
}

/** What the handler consults on each request. */
export interface FaultState {
  maintenance: boolean;
  fail: { count: number; status: number; body: unknown };
  rateLimited: number;
  delayMs: number;
}

/** Creates fault state and its controls. */
export function createFaults(): { state: FaultState; controls: RestFaults } {
  const state: FaultState = { maintenance: false, fail: { count: 0, status: 500, body: null }, rateLimited: 0, delayMs: 0 };
  const count = (n: number): number => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);
  return {
    state,
    controls: {
      maintenance: (on) => {
        state.maintenance = on;
      },
      failNext: (n, status, body) => {
        state.fail = { count: count(n), status, body };
      },
      rateLimitNext: (n) => {
        state.rateLimited = count(n);
      },
      delay: (ms) => {
        state.delayMs = Math.max(0, Number.isFinite(ms) ? ms : 0);
      },
    },
  };
}
