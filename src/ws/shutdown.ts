/**
 * How a WebSocket client starts and ends: the promises of `connect()` and `close()`, and what a
 * close or a runtime failure settles (every subscription, every pending input). The machines own
 * the connections' states; this holds only the waiting promises and whether the user closed.
 *
 * @module
 */
import { DEFAULT_CLOSE_WAIT_MS } from '../defaults.js';
import { NotConnectedError, type BfxError } from '../errors.js';
import type { MachineHost } from './host.js';
import type { SubscriptionRegistry } from './registry.js';
import { closedError } from './subscribe.js';

/** What a shutdown settles. */
export interface ShutdownDeps {
  readonly host: MachineHost;
  readonly registry: SubscriptionRegistry;
  readonly inputs: { close(): void; fail(error: BfxError): void };
  /** Report a runtime failure (the client's `error` event). */
  readonly report: (error: BfxError) => void;
}

/** The start and end of one client. */
export class Shutdown {
  readonly #d: ShutdownDeps;
  #connectWaiters: Array<{ resolve: () => void; reject: (e: BfxError) => void }> = [];
  #closeWaiters: Array<() => void> = [];
  #closing = false;
  #closed = false;

  constructor(deps: ShutdownDeps) {
    this.#d = deps;
  }

  /** `close()` was called (or the runtime failed). */
  get closing(): boolean {
    return this.#closing;
  }

  /** A promise for the first open connection (`isOpen`: one is open already). */
  connect(isOpen: boolean): Promise<void> {
    if (this.#closing) return Promise.reject(closedError());
    if (isOpen) return Promise.resolve();
    const p = new Promise<void>((resolve, reject) => this.#connectWaiters.push({ resolve, reject }));
    this.#d.host.send({ type: 'CONNECT' });
    return p;
  }

  /** A connection opened (no `error`), or none can any more (`error`): settle `connect()`. */
  settleConnect(error?: BfxError): void {
    const waiters = this.#connectWaiters;
    this.#connectWaiters = [];
    for (const w of waiters) if (error === undefined) w.resolve();
    else w.reject(error);
  }

  /** Close every connection; resolves when the supervisor is done (or after the close wait). */
  close(code: number, reason: string): Promise<void> {
    if (this.#closed) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.#closeWaiters.push(resolve));
    if (this.#closing) return done;
    this.#closing = true;
    const { host } = this.#d;
    host.send({ type: 'CLOSE', code, reason });
    const actor = host.actor;
    if (!actor || host.stopped) {
      this.#finish();
      return done;
    }
    const sub = actor.subscribe({ complete: () => this.#finish(), error: () => this.#finish() });
    const timer = setTimeout(() => this.#finish(), DEFAULT_CLOSE_WAIT_MS);
    this.#closeWaiters.push(() => {
      clearTimeout(timer);
      sub.unsubscribe();
    });
    return done;
  }

  /** The supervisor actor failed: report it, fail everything pending at once, and close. */
  fail(cause: unknown): void {
    if (this.#closed) return;
    const message = cause instanceof Error ? cause.message : String(cause);
    const error = new NotConnectedError(`The WebSocket runtime failed: ${message}`, 'ERR_BFX_CLOSED');
    this.#d.report(error);
    this.#closing = true;
    this.settleConnect(error);
    for (const entry of [...this.#d.registry.entries()]) this.#d.registry.end(entry.sub.subId, 'failed', error);
    this.#d.inputs.fail(error);
    this.#finish();
  }

  /** The supervisor is done: settle everything. */
  #finish(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.settleConnect(closedError());
    for (const entry of [...this.#d.registry.entries()]) this.#d.registry.end(entry.sub.subId, 'unsubscribed', closedError());
    this.#d.inputs.close();
    const waiters = this.#closeWaiters;
    this.#closeWaiters = [];
    for (const w of waiters) w();
  }
}
