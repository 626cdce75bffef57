/**
 * Data-plane fan-out of a WebSocket client: what sinks emit through (each event to the handle's
 * listeners, its async iterators and the client's listeners), the callbacks sinks use for rare
 * events (resync, problems), and the report of a listener that threw.
 *
 * @module
 */
import { ListenerError, type BfxError } from '../errors.js';
import { DATA_EVENTS } from './client-support.js';
import { ConfFlag, type DataPlaneEvents, type Subscription } from './contracts.js';
import { createChannelSink, type ManagedChannelSink } from './dataplane/sinks.js';
import type { BfxWsEventName, BfxWsEvents, SinkEmitter } from './events.js';
import type { HandleMessage, SubscriptionHandle } from './handle.js';
import type { EventHub } from './hub.js';
import type { BfxLogger } from '../logging/logger.js';

/** The fan-out of one client. */
export interface FanOut {
  /** Emit to the client's listeners only (the account channel). */
  readonly global: SinkEmitter;
  /** The emitter of one subscription's sink. */
  emitterFor(handle: SubscriptionHandle): SinkEmitter;
  /** Rare data-plane events of every sink. */
  readonly events: DataPlaneEvents;
  /** A listener threw or rejected: report it on `error` (an `error` listener's failure is logged, to avoid a loop). */
  listenerFailed(event: string, error: unknown, subId?: string): void;
  /** The sink of a new subscription, emitting through its handle (checksums verified when the book is kept and `cs` is on). */
  sinkFor(sub: Subscription, handle: SubscriptionHandle, manageBook: boolean): ManagedChannelSink;
}

/**
 * Create the fan-out over the client's `hub`.
 *
 * @param problem where data-plane problems go (the `error` event)
 * @param resync ask the machines for a fresh snapshot of a subscription
 * @param flags the client's conf flags (checksum, bulk updates)
 */
export function createFanOut(
  hub: EventHub<BfxWsEvents>,
  problem: (error: BfxError) => void,
  resync: (subId: string) => void,
  log: BfxLogger,
  flags: number,
): FanOut {
  const fanOut: FanOut = {
    global: (event, ...args) => hub.emit(event, ...args),
    emitterFor(handle) {
      const own = handle.hub;
      return ((event: BfxWsEventName, ...args: unknown[]) => {
        const e = event as 'error';
        const a = args as [BfxError];
        own.emit(e, ...a);
        if (handle.iterating && DATA_EVENTS.has(event)) handle.push({ event, args } as unknown as HandleMessage);
        hub.emit(e, ...a);
      }) as SinkEmitter;
    },
    events: {
      control: () => undefined,
      resync: (subId) => resync(subId),
      sequenceGap: () => undefined,
      problem,
    },
    listenerFailed(event, error, subId) {
      if (event === 'error') {
        log.error({ subId, err: error instanceof Error ? error.message : String(error) }, 'an "error" listener failed');
        return;
      }
      hub.emit('error', new ListenerError(event, error, subId));
    },
    sinkFor: (sub, handle, manageBook) =>
      createChannelSink(sub, fanOut.emitterFor(handle), fanOut.events, {
        // Checksum verification needs the book; without one the `checksum` event still fires.
        checksum: manageBook && (flags & ConfFlag.OB_CHECKSUM) !== 0,
        manageBook,
        bulk: (flags & ConfFlag.BULK_UPDATES) !== 0,
      }),
  };
  return fanOut;
}
