/**
 * Nonces for authenticated REST calls and WebSocket auth. Bitfinex requires a strictly increasing
 * nonce per API key, shared by REST and WebSocket, at most 2^53 - 1. The default source counts
 * microseconds from the wall clock but never goes backwards: when the clock stalls or steps back,
 * it returns the previous value + 1. One source per API key is kept in a registry, so every
 * client built for that key (REST and WS, in one process, whichever build loaded it) draws from
 * the same counter.
 *
 * @module
 */

/** Produces the next nonce. Must return strictly increasing integers (as numbers or digit strings). */
export type NonceGenerator = () => number | string;

/** Options of {@link createNonceSource}. */
export interface NonceSourceOptions {
  /** Wall clock in ms (injectable for tests). Default `Date.now`. */
  readonly now?: () => number;
}

/** A strictly increasing microsecond nonce source that survives a clock stepping backwards. */
export function createNonceSource(options: NonceSourceOptions = {}): () => number {
  const now = options.now ?? Date.now;
  let last = 0;
  return () => {
    const candidate = Math.floor(now() * 1000);
    last = candidate > last ? candidate : last + 1;
    return last;
  };
}

/**
 * The registry lives on `globalThis` under a registered symbol, so the ESM and CommonJS builds
 * (and any duplicate copy of the package) loaded in one process share one counter per key.
 */
const REGISTRY_KEY = Symbol.for('bfx-actors.nonce-registry.v1');

function registry(): Map<string, NonceGenerator> {
  const holder = globalThis as { [REGISTRY_KEY]?: Map<string, NonceGenerator> };
  return (holder[REGISTRY_KEY] ??= new Map<string, NonceGenerator>());
}

/**
 * The shared nonce source of an API key: the custom generator if one is given (it then becomes
 * the key's source), otherwise the one already registered, otherwise a new default source.
 */
export function nonceSourceFor(apiKey: string, custom?: NonceGenerator): NonceGenerator {
  const keys = registry();
  if (custom !== undefined) {
    keys.set(apiKey, custom);
    return custom;
  }
  let source = keys.get(apiKey);
  if (source === undefined) {
    source = createNonceSource();
    keys.set(apiKey, source);
  }
  return source;
}

/** Options of a key's {@link NonceLane}. */
export interface NonceLaneOptions {
  /**
   * Signed requests of the key allowed on the wire at once (default {@link DEFAULT_SIGNED_IN_FLIGHT}).
   * 1 guarantees that the server sees nonces in order; more trades order for throughput (a request
   * overtaken on the wire draws `10114` and is retried with a fresh nonce by the REST client).
   */
  readonly maxInFlight?: number;
}

/** A task run by a {@link NonceLane}: gets the nonce drawn for it and a callback to call once it is on the wire. */
export type LaneTask<T> = (nonce: number | string, dispatched: () => void) => Promise<T>;

/**
 * The per-key ordered dispatcher of signed traffic. Tasks start in FIFO order; each draws its
 * nonce from the key's shared source at the moment it starts, and the next task starts only
 * once the previous one reported itself on the wire (`dispatched()`, or settled) and a slot is
 * free. So nonces leave in increasing order, and with `maxInFlight: 1` they also arrive in order.
 */
export interface NonceLane {
  /**
   * Runs `task` when its turn comes. An abort of `signal` while still queued removes the task
   * (nothing was signed or sent) and rejects with the signal's reason.
   */
  run<T>(task: LaneTask<T>, signal?: AbortSignal): Promise<T>;
  /** Tasks started and not yet settled. */
  readonly inFlight: number;
  /** Tasks waiting for their turn. */
  readonly queued: number;
  /** Changes the in-flight bound (the latest client's option wins). */
  configure(options: NonceLaneOptions): void;
}

/** Default in-flight bound of a key's signed traffic (measured: see README, "Nonces"). */
export const DEFAULT_SIGNED_IN_FLIGHT = 1;

interface Waiter {
  readonly start: () => void;
}

function createLane(apiKey: string, options: NonceLaneOptions): NonceLane {
  let max = options.maxInFlight ?? DEFAULT_SIGNED_IN_FLIGHT;
  let inFlight = 0;
  let preparing = false;
  const queue: Waiter[] = [];

  const pump = (): void => {
    while (!preparing && inFlight < max && queue.length > 0) {
      const next = queue.shift() as Waiter;
      next.start();
    }
  };

  return {
    get inFlight() {
      return inFlight;
    },
    get queued() {
      return queue.length;
    },
    configure(o) {
      if (o.maxInFlight !== undefined) max = o.maxInFlight;
      pump();
    },
    run<T>(task: LaneTask<T>, signal?: AbortSignal): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        let onAbort: (() => void) | undefined;
        const waiter: Waiter = {
          start: () => {
            if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
            inFlight++;
            preparing = true;
            let released = false;
            const dispatched = (): void => {
              if (released) return;
              released = true;
              preparing = false;
              pump();
            };
            const settle = (): void => {
              dispatched();
              inFlight--;
              pump();
            };
            let nonce: number | string;
            try {
              nonce = nonceSourceFor(apiKey)();
            } catch (err) {
              settle();
              reject(err);
              return;
            }
            task(nonce, dispatched).then(
              (v) => {
                settle();
                resolve(v);
              },
              (err: unknown) => {
                settle();
                reject(err);
              },
            );
          },
        };
        if (signal !== undefined) {
          onAbort = () => {
            const i = queue.indexOf(waiter);
            if (i >= 0) queue.splice(i, 1);
            reject(signal.reason);
          };
          signal.addEventListener('abort', onAbort, { once: true });
        }
        queue.push(waiter);
        pump();
      });
    },
  };
}

const lanes = new Map<string, NonceLane>();

/**
 * The ordered dispatcher of `apiKey`'s signed traffic, one per key and process, shared by every
 * REST client of the key. WebSocket auth can take its nonce from it too, at send time:
 *
 * @example
 * await nonceLaneFor(apiKey).run(async (nonce, dispatched) => {
 *   socket.send(JSON.stringify(await buildAuthFrame({ apiKey, apiSecret, nonce })));
 *   dispatched();
 *   await authAnswer; // hold the slot until the server has seen this nonce
 * });
 */
export function nonceLaneFor(apiKey: string, options: NonceLaneOptions = {}): NonceLane {
  let lane = lanes.get(apiKey);
  if (lane === undefined) {
    lane = createLane(apiKey, options);
    lanes.set(apiKey, lane);
  } else lane.configure(options);
  return lane;
}
