/**
 * A small typed event hub for the data plane: `on` / `once` / `off` / `emit`, where a listener that
 * throws is caught and reported (never rethrown) and the remaining listeners still run.
 *
 * Built for the per-message hot path: emitting an event nobody listens to costs one `Map` lookup and
 * allocates nothing; listener lists are copy-on-write, so `emit` never copies and a listener may
 * add or remove listeners (itself included) while an emit is in progress.
 *
 * @module
 */

/** A map of event name → listener signature. */
export type EventMap<E> = { [K in keyof E]: (...args: never[]) => unknown };

/** One registered listener; `once` entries remove themselves before they run. */
interface Entry {
  readonly fn: (...args: unknown[]) => unknown;
  readonly once: boolean;
}

/**
 * Typed event hub.
 *
 * @example
 * const hub = new EventHub<{ tick(n: number): void }>((event, err) => console.error(event, err));
 * const stop = hub.on('tick', (n) => console.log(n));
 * hub.emit('tick', 1);
 * stop();
 */
export class EventHub<E extends EventMap<E>> {
  readonly #listeners = new Map<keyof E, readonly Entry[]>();
  readonly #onListenerError: (event: string, error: unknown) => void;

  /**
   * @param onListenerError called with the event name and the thrown value whenever a listener
   *   throws; it must not throw itself (if it does, the error is swallowed).
   */
  constructor(onListenerError: (event: string, error: unknown) => void) {
    this.#onListenerError = onListenerError;
  }

  /** Add a listener. Returns a function that removes it. */
  on<K extends keyof E>(event: K, listener: E[K]): () => void {
    return this.#add(event, listener, false);
  }

  /** Add a listener that is removed before its first call. Returns a function that removes it. */
  once<K extends keyof E>(event: K, listener: E[K]): () => void {
    return this.#add(event, listener, true);
  }

  /** Remove one registration of `listener` (added by `on` or `once`); no-op if absent. */
  off<K extends keyof E>(event: K, listener: E[K]): void {
    const list = this.#listeners.get(event);
    if (list === undefined) return;
    const fn = listener as unknown as Entry['fn'];
    const i = list.findIndex((e) => e.fn === fn);
    if (i >= 0) this.#removeAt(event, list, i);
  }

  /** Whether `event` has at least one listener (lets callers skip decoding nobody will see). */
  has(event: keyof E): boolean {
    return this.#listeners.has(event);
  }

  /** Number of listeners of `event`. */
  listenerCount(event: keyof E): number {
    return this.#listeners.get(event)?.length ?? 0;
  }

  /** Remove every listener of `event`, or of every event when called without argument. */
  removeAll(event?: keyof E): void {
    if (event === undefined) this.#listeners.clear();
    else this.#listeners.delete(event);
  }

  /**
   * Call every listener of `event` in registration order. A listener that throws, or returns a
   * promise that rejects, is reported to `onListenerError`; later listeners still run. Never throws.
   */
  emit<K extends keyof E>(event: K, ...args: Parameters<E[K]>): void;
  // Fixed leading parameters keep the common (≤ 3 argument) case a direct call with the exact
  // arity the caller used; longer argument lists fall back to a spread.
  emit(event: keyof E, a?: unknown, b?: unknown, c?: unknown, ...more: unknown[]): void {
    const list = this.#listeners.get(event);
    if (list === undefined) return;
    const argc = arguments.length - 1;
    for (let i = 0; i < list.length; i++) {
      const entry = list[i];
      if (entry.once) this.#removeEntry(event, entry);
      const fn = entry.fn;
      let result: unknown;
      try {
        switch (argc) {
          case 0:
            result = fn();
            break;
          case 1:
            result = fn(a);
            break;
          case 2:
            result = fn(a, b);
            break;
          case 3:
            result = fn(a, b, c);
            break;
          default:
            result = fn(a, b, c, ...more);
        }
      } catch (error) {
        this.#report(String(event), error);
        continue;
      }
      // An `async` listener that rejects is reported like one that throws (never an unhandled rejection).
      if (result !== undefined && typeof (result as PromiseLike<unknown>).then === 'function') {
        (result as PromiseLike<unknown>).then(undefined, (error: unknown) => this.#report(String(event), error));
      }
    }
  }

  #add(event: keyof E, listener: E[keyof E], once: boolean): () => void {
    const entry: Entry = { fn: listener as unknown as Entry['fn'], once };
    const list = this.#listeners.get(event);
    this.#listeners.set(event, list === undefined ? [entry] : [...list, entry]);
    return () => this.#removeEntry(event, entry);
  }

  #removeEntry(event: keyof E, entry: Entry): void {
    const list = this.#listeners.get(event);
    if (list === undefined) return;
    const i = list.indexOf(entry);
    if (i >= 0) this.#removeAt(event, list, i);
  }

  #removeAt(event: keyof E, list: readonly Entry[], i: number): void {
    if (list.length === 1) this.#listeners.delete(event);
    else this.#listeners.set(event, [...list.slice(0, i), ...list.slice(i + 1)]);
  }

  #report(event: string, error: unknown): void {
    try {
      this.#onListenerError(event, error);
    } catch {
      // The error reporter itself failed: nothing safe is left to tell.
    }
  }
}
