/**
 * Per-route pacing: one bucket per route group (limits.ts) holding `perMinute` tokens. A call
 * takes a token before it is sent; a spent token comes back one window (60 s, plus a margin)
 * after the request's answer, so no window of the server's per-minute count ever holds more than
 * `perMinute` of this client's requests, whatever the transit times: a paced client never draws a
 * 429 from its own traffic. Waiting calls queue in FIFO order and honour their abort signal (the
 * transport's timeout is one). A 429 / 11010 empties the bucket for the block time.
 *
 * @module
 */
import { resolveRouteLimit } from './limits.js';

/** Options of `createRestClient({ pacing })`. */
export interface PacingOptions {
  /** Requests per minute by bucket name (`'book'`, `'auth/w/order/submit'`...), overriding the table. */
  readonly limits?: Readonly<Record<string, number>>;
  /** Requests per minute of routes neither the table nor `limits` name (default 10). */
  readonly defaultPerMinute?: number;
  /** How long a bucket stays closed after a 429 / 11010 (default 60000 ms, Bitfinex's block time). */
  readonly blockMs?: number;
  /** Length of the counting window (default 60000 ms; smaller values are for tests). */
  readonly windowMs?: number;
  /** Extra delay before a token comes back, covering clock and transit jitter (default 250 ms). */
  readonly marginMs?: number;
  /** Clock (default `Date.now`; injectable for tests). */
  readonly now?: () => number;
}

/** A token taken for one request. */
export interface PacingTicket {
  /** The request is on the wire: the token is spent. */
  commit(): void;
  /**
   * The request is over: a spent token comes back one window (+ margin) from now, an unspent one
   * is free at once. Idempotent.
   */
  release(): void;
}

/** The pacer of a client. */
export interface Pacer {
  /** Waits for a token of `path`'s bucket; rejects with the signal's reason when it aborts first. */
  take(path: string, signal?: AbortSignal): Promise<PacingTicket>;
  /** Closes `path`'s bucket for the block time (after a 429 / 11010). */
  penalise(path: string): void;
  /** Ms until `path`'s bucket can give a token (0 when one is free). */
  waitMs(path: string): number;
}

/** Defaults of {@link PacingOptions}. */
export const DEFAULT_PACING: {
  /** How long a 429 / 11010 blocks a bucket (ms). */
  readonly blockMs: 60_000;
  /** The window a route's limit counts over (ms). */
  readonly windowMs: 60_000;
  /** Safety margin added to every wait (ms). */
  readonly marginMs: 250;
} = { blockMs: 60_000, windowMs: 60_000, marginMs: 250 };

interface Waiter {
  readonly grant: (t: PacingTicket) => void;
}

interface BucketClock {
  readonly windowMs: number;
  readonly marginMs: number;
  readonly blockMs: number;
  readonly now: () => number;
}

interface Bucket {
  /** Ms until a token is free; when every token is held by a request in flight, at least one window. */
  waitMs(): number;
  take(signal?: AbortSignal): Promise<PacingTicket>;
  penalise(): void;
}

/** One route group's bucket of `capacity` tokens (a closure: its state minifies to local names). */
function createBucket(capacity: number, o: BucketClock): Bucket {
  /** Times at which committed tokens come back. */
  const returns: number[] = [];
  let reserved = 0;
  let blockedUntil = 0;
  const waiters: Waiter[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const expire = (now: number): void => {
    while (returns.length > 0 && (returns[0] as number) <= now) returns.shift();
  };

  const waitMs = (): number => {
    const now = o.now();
    expire(now);
    const blocked = Math.max(0, blockedUntil - now);
    if (returns.length + reserved < capacity) return blocked;
    const next = returns[0];
    return Math.max(blocked, next === undefined ? o.windowMs + o.marginMs : next - now);
  };

  const free = (): boolean => {
    const now = o.now();
    expire(now);
    return blockedUntil <= now && returns.length + reserved < capacity;
  };

  const ticket = (): PacingTicket => {
    reserved++;
    let state: 'held' | 'sent' | 'done' = 'held';
    return {
      commit: () => {
        if (state === 'held') state = 'sent';
      },
      release: () => {
        if (state === 'done') return;
        reserved--;
        // A request that left counts until one window after its answer came (the server saw it
        // before answering), whatever the transit time was.
        if (state === 'sent') returns.push(o.now() + o.windowMs + o.marginMs);
        state = 'done';
        pump();
      },
    };
  };

  function pump(): void {
    while (waiters.length > 0 && free()) {
      (waiters.shift() as Waiter).grant(ticket());
    }
    schedule();
  }

  function schedule(): void {
    if (timer !== undefined || waiters.length === 0) return;
    // Every token is held by a request in flight: its release pumps.
    if (returns.length === 0 && blockedUntil <= o.now() && reserved >= capacity) return;
    const ms = waitMs();
    timer = setTimeout(() => {
      timer = undefined;
      pump();
    }, Math.max(1, ms));
  }

  return {
    waitMs,
    take: (signal) =>
      new Promise((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const onAbort = (): void => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) waiters.splice(i, 1);
          reject(signal?.reason);
          pump();
        };
        const waiter: Waiter = {
          grant: (t) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(t);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiters.push(waiter);
        pump();
      }),
    penalise: () => {
      blockedUntil = Math.max(blockedUntil, o.now() + o.blockMs);
      schedule();
    },
  };
}

/** Creates the pacer of one client (buckets are per client, i.e. per IP for one process). */
export function createPacer(options: PacingOptions = {}): Pacer {
  const o: BucketClock = {
    windowMs: options.windowMs ?? DEFAULT_PACING.windowMs,
    marginMs: options.marginMs ?? DEFAULT_PACING.marginMs,
    blockMs: options.blockMs ?? DEFAULT_PACING.blockMs,
    now: options.now ?? Date.now,
  };
  const buckets = new Map<string, Bucket>();
  const bucketOf = (path: string): Bucket => {
    const { group, perMinute } = resolveRouteLimit(path, options.limits, options.defaultPerMinute);
    let b = buckets.get(group);
    if (b === undefined) {
      b = createBucket(perMinute, o);
      buckets.set(group, b);
    }
    return b;
  };
  return {
    take: (path, signal) => bucketOf(path).take(signal),
    penalise: (path) => bucketOf(path).penalise(),
    waitMs: (path) => bucketOf(path).waitMs(),
  };
}

const shared = new Map<string, Pacer>();

/**
 * The process-wide pacer of a REST host with the default options: Bitfinex counts per IP, so
 * every client of one host in a process (each `createBfxSystem`, each `createRestClient` without
 * custom `pacing` options) draws from the same buckets.
 */
export function sharedPacerFor(host: string): Pacer {
  let pacer = shared.get(host);
  if (pacer === undefined) {
    pacer = createPacer();
    shared.set(host, pacer);
  }
  return pacer;
}
