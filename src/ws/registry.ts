/**
 * The one subscription registry of a WebSocket client: per sub id, what functions the machines
 * must not hold (the handle, the channel sink, the abort listener) and who waits for its
 * unsubscribe. It holds no protocol state: a subscription's phase and chanId live in its actor.
 *
 * @module
 */
import type { BfxError } from '../errors.js';
import type { Subscription } from './contracts.js';
import type { ManagedChannelSink } from './dataplane/sinks.js';
import type { SubscriptionHandle } from './handle.js';

/** One registered subscription. */
export interface RegistryEntry {
  readonly sub: Subscription;
  readonly handle: SubscriptionHandle;
  readonly sink: ManagedChannelSink;
  /** Undo what was registered outside (abort listeners). */
  readonly cleanup: Array<() => void>;
  /** `unsubscribe()` calls waiting for the end. */
  readonly waiters: Array<{ resolve(): void; reject(error: BfxError): void }>;
}

/** The registry. */
export class SubscriptionRegistry {
  readonly #entries = new Map<string, RegistryEntry>();

  /** Register a subscription. */
  add(sub: Subscription, handle: SubscriptionHandle, sink: ManagedChannelSink): RegistryEntry {
    const entry: RegistryEntry = { sub, handle, sink, cleanup: [], waiters: [] };
    this.#entries.set(sub.subId, entry);
    return entry;
  }

  get(subId: string): RegistryEntry | undefined {
    return this.#entries.get(subId);
  }

  has(subId: string): boolean {
    return this.#entries.has(subId);
  }

  entries(): IterableIterator<RegistryEntry> {
    return this.#entries.values();
  }

  /** Wait for the end of `subId` (resolves when unsubscribed, rejects when the unsubscribe failed). */
  waitForEnd(entry: RegistryEntry): Promise<void> {
    return new Promise<void>((resolve, reject) => entry.waiters.push({ resolve, reject }));
  }

  /**
   * End `subId`: forget it, end its handle, settle its waiters (`failed` rejects them with `error`
   * when one is given). Returns the entry, or undefined when it was not (or no longer) registered.
   */
  end(subId: string, state: 'unsubscribed' | 'failed', error?: BfxError): RegistryEntry | undefined {
    const entry = this.#entries.get(subId);
    if (entry === undefined) return undefined;
    this.#entries.delete(subId);
    for (const off of entry.cleanup) off();
    entry.handle.end(state, error);
    for (const w of entry.waiters) {
      if (state === 'failed' && error !== undefined) w.reject(error);
      else w.resolve();
    }
    return entry;
  }
}
