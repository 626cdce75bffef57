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

class Bucket {
  /** Times at which committed tokens come back. */
  private readonly returns: number[] = [];
  private reserved = 0;
  private blockedUntil = 0;
  private readonly waiters: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly capacity: number,
    private readonly o: { readonly windowMs: number; readonly marginMs: number; readonly blockMs: number; readonly now: () => number },
  ) {}

  /** Ms until a token is free; when every token is held by a request in flight, at least one window. */
  waitMs(): number {
    const now = this.o.now();
    this.expire(now);
    const blocked = Math.max(0, this.blockedUntil - now);
    if (this.returns.length + this.reserved < this.capacity) return blocked;
    const next = this.returns[0];
    return Math.max(blocked, next === undefined ? this.o.windowMs + this.o.marginMs : next - now);
  }

  private free(): boolean {
    const now = this.o.now();
    this.expire(now);
    return this.blockedUntil <= now && this.returns.length + this.reserved < this.capacity;
  }

  take(signal?: AbortSignal): Promise<PacingTicket> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = (): void => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(signal?.reason);
        this.pump();
      };
      const waiter: Waiter = {
        grant: (t) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(t);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      this.pump();
    });
  }

  penalise(): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.o.now() + this.o.blockMs);
    this.schedule();
  }

  private expire(now: number): void {
    while (this.returns.length > 0 && (this.returns[0] as number) <= now) this.returns.shift();
  }

  private ticket(): PacingTicket {
    this.reserved++;
    let state: 'held' | 'sent' | 'done' = 'held';
    return {
      commit: () => {
        if (state === 'held') state = 'sent';
      },
      release: () => {
        if (state === 'done') return;
        this.reserved--;
        // A request that left counts until one window after its answer came (the server saw it
        // before answering), whatever the transit time was.
        if (state === 'sent') this.returns.push(this.o.now() + this.o.windowMs + this.o.marginMs);
        state = 'done';
        this.pump();
      },
    };
  }

  private pump(): void {
    while (this.waiters.length > 0 && this.free()) {
      (this.waiters.shift() as Waiter).grant(this.ticket());
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined || this.waiters.length === 0) return;
    // Every token is held by a request in flight: its release pumps.
    if (this.returns.length === 0 && this.blockedUntil <= this.o.now() && this.reserved >= this.capacity) return;
    const ms = this.waitMs();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, Math.max(1, ms));
  }
}

/** Creates the pacer of one client (buckets are per client, i.e. per IP for one process). */
export function createPacer(options: PacingOptions = {}): Pacer {
  const o = {
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
      b = new Bucket(perMinute, o);
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
