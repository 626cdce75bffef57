/**
 * One-at-a-time execution for the exchange: an account input runs to its end before market
 * events it causes (maker fills of resting orders, stop triggers) are handled, so the events
 * of one order never interleave with those of another. Work deferred while something runs is
 * queued and drained, in order, before control returns.
 *
 * @module
 */

/** A serial executor. */
export interface Serial {
  /** Run `fn` now (inputs); work deferred meanwhile runs right after it. */
  run<T>(fn: () => T): T;
  /** Run `fn` now when idle, else after the running work. */
  defer(fn: () => void): void;
}

/** Create a {@link Serial}. */
export function createSerial(): Serial {
  let running = false;
  const queue: (() => void)[] = [];
  const drain = (): void => {
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
      try {
        job();
      } catch {
        // A failing market reaction must not block the others.
      }
    }
  };
  const run = <T>(fn: () => T): T => {
    if (running) return fn();
    running = true;
    try {
      return fn();
    } finally {
      drain();
      running = false;
    }
  };
  return {
    run,
    defer(fn) {
      if (running) queue.push(fn);
      else run(fn);
    },
  };
}
