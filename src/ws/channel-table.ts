/**
 * The socket's chanId → sink table, as the machines bind and unbind it: one sink per channel
 * normally, a fan-out when several subscriptions share a server channel (10301). The router holds
 * the resulting sink per chanId, so the per-frame path stays one `Map` lookup.
 *
 * @module
 */
import type { ManagedBook } from '../book/types.js';
import type { ChannelSink, FrameRouter } from './contracts.js';

type BookSink = ChannelSink & { readonly book?: ManagedBook };

/** A sink feeding several subscriptions that share one server channel. */
function fanOut(sinks: readonly ChannelSink[]): ChannelSink {
  return {
    frame(payload) {
      for (const s of sinks) s.frame(payload);
    },
    reset() {
      for (const s of sinks) s.reset();
    },
  };
}

/** Bindings of one socket. */
export class ChannelTable {
  readonly #router: FrameRouter;
  readonly #bound = new Map<number, Map<string, ChannelSink>>();

  constructor(router: FrameRouter) {
    this.#router = router;
  }

  /** Route `chanId` to `sink` (under `subId`) as well as to what it already feeds. */
  bind(chanId: number, subId: string, sink: ChannelSink): void {
    const sinks = this.#bound.get(chanId) ?? new Map<string, ChannelSink>();
    sinks.set(subId, sink);
    this.#bound.set(chanId, sinks);
    this.#apply(chanId, sinks);
  }

  /** Stop routing `chanId` to `subId` (to everything when `subId` is absent). */
  unbind(chanId: number, subId?: string): void {
    const sinks = this.#bound.get(chanId);
    if (sinks === undefined) return;
    if (subId === undefined) sinks.clear();
    else sinks.delete(subId);
    if (sinks.size === 0) this.#bound.delete(chanId);
    this.#apply(chanId, sinks);
  }

  /** Snapshot rows of a managed book some other subscription on `chanId` keeps (to seed a newcomer). */
  sharedRows(chanId: number, except: string): unknown[][] | undefined {
    for (const [subId, sink] of this.#bound.get(chanId) ?? []) {
      const book = (sink as BookSink).book;
      if (subId !== except && book !== undefined) return book.snapshotRows() as unknown[][];
    }
    return undefined;
  }

  /** Forget every binding (the socket is gone). */
  clear(): void {
    this.#bound.clear();
    this.#router.reset();
  }

  #apply(chanId: number, sinks: ReadonlyMap<string, ChannelSink>): void {
    if (sinks.size === 0) this.#router.unbind(chanId);
    else if (sinks.size === 1) this.#router.bind(chanId, sinks.values().next().value as ChannelSink);
    else this.#router.bind(chanId, fanOut([...sinks.values()]));
  }
}
