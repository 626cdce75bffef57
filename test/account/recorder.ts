/** Test helper: a SinkEmitter that records every emitted event in order and lets a test wait for one. */
import type { SinkEmitter } from '../../src/ws/events.js';

/** One recorded emission. */
export interface Emitted {
  readonly event: string;
  readonly args: unknown[];
}

/** A recording emitter. */
export interface Recorder {
  readonly emit: SinkEmitter;
  readonly events: Emitted[];
  names(from?: number): string[];
  last(event: string): unknown;
  /**
   * The first argument of the first `event` at index ≥ `from` matching `match`; waits for it up to
   * `timeoutMs` (then rejects, naming what was seen).
   */
  waitFor(event: string, match?: (arg: unknown) => boolean, from?: number, timeoutMs?: number): Promise<unknown>;
}

export function recorder(): Recorder {
  const events: Emitted[] = [];
  const waiters = new Set<() => void>();
  const emit: SinkEmitter = (event, ...args) => {
    events.push({ event, args });
    for (const w of [...waiters]) w();
  };
  const find = (event: string, match: (arg: unknown) => boolean, from: number): Emitted | undefined =>
    events.slice(from).find((e) => e.event === event && match(e.args[0]));
  return {
    emit,
    events,
    names: (from = 0) => events.slice(from).map((e) => e.event),
    last: (event) => [...events].reverse().find((e) => e.event === event)?.args[0],
    waitFor(event, match = () => true, from = 0, timeoutMs = 5000) {
      const hit = find(event, match, from);
      if (hit) return Promise.resolve(hit.args[0]);
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = find(event, match, from);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found.args[0]);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${event}; saw ${events.slice(from).map((e) => e.event).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
      });
    },
  };
}
