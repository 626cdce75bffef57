/**
 * `ws.subscribe(...)`: validate what was asked for, refuse at the door what cannot work (closed
 * client, bad params, a sub id in use, an aborted signal), else register the handle and its sink
 * and queue the subscribe for the machines.
 *
 * @module
 */
import { nanoid } from 'nanoid';
import { BfxAbortError, BfxError, NotConnectedError, SubscriptionError } from '../errors.js';
import type { BfxLogger } from '../logging/logger.js';
import type { SubscribeOptions } from './client-options.js';
import type { Channel, ChannelParams, Subscription } from './contracts.js';
import type { ManagedChannelSink } from './dataplane/sinks.js';
import { normalizeSubscription, subscriptionKey } from './dataplane/subscriptions.js';
import type { SubscriptionHandle } from './handle.js';
import type { MachineHost } from './host.js';
import type { SubscriptionRegistry } from './registry.js';

/** What subscribing needs from its client. */
export interface SubscribeDeps {
  readonly registry: SubscriptionRegistry;
  readonly log: BfxLogger;
  closing(): boolean;
  newHandle(subId: string): SubscriptionHandle;
  sink(sub: Subscription, handle: SubscriptionHandle, manageBook: boolean): ManagedChannelSink;
  /** The machines' host: queues the subscribe, takes back one not sent yet, undoes one in flight. */
  readonly host: Pick<MachineHost, 'queueSubscribe' | 'unqueue' | 'send'>;
}

/**
 * The signal fired: a live subscription is unsubscribed (it ends `unsubscribed` once the server
 * confirms); one not live yet fails now and the machines undo whatever is in flight.
 */
function abort(d: SubscribeDeps, subId: string, live: boolean): void {
  if (live) {
    void closeSubscription(d, subId).catch(() => undefined);
    return;
  }
  if (!d.host.unqueue(subId)) d.host.send({ type: 'UNSUBSCRIBE', subId });
  d.registry.end(subId, 'failed', new BfxAbortError('The subscription was aborted'));
}

/** The error of a closed client. */
export const closedError = (): NotConnectedError =>
  new NotConnectedError('The WebSocket client is closed for good; create a new system (createBfxSystem) to connect again', 'ERR_BFX_CLOSED');

/** Subscribe: never throws; a refusal is a handle whose `ready` rejects with the typed error. */
export function openSubscription<C extends Channel>(d: SubscribeDeps, channel: C, params: ChannelParams[C], options: SubscribeOptions): SubscriptionHandle {
  const subId = options.subId ?? nanoid();
  const handle = d.newHandle(subId);
  const refuse = (error: BfxError): SubscriptionHandle => {
    handle.end('failed', error);
    return handle;
  };
  if (d.closing()) return refuse(closedError());
  let sub: Subscription;
  try {
    sub = normalizeSubscription(channel, params, subId);
  } catch (error) {
    return refuse(error instanceof BfxError ? error : new SubscriptionError(String(error), { subId }));
  }
  if (d.registry.has(subId)) {
    return refuse(new SubscriptionError(`Subscription id "${subId}" is already in use; choose another subId`, { subId, channel, code: 'ERR_BFX_DUPLICATE_SUB_ID' }));
  }
  if (options.signal?.aborted) return refuse(new BfxAbortError('The subscription was aborted before it started'));
  const sink = d.sink(sub, handle, options.manageBook ?? true);
  handle.bind(sub, () => sink.book);
  const entry = d.registry.add(sub, handle, sink);
  const signal = options.signal;
  if (signal) {
    const onAbort = (): void => abort(d, subId, handle.state === 'active');
    signal.addEventListener('abort', onAbort, { once: true });
    entry.cleanup.push(() => signal.removeEventListener('abort', onAbort));
  }
  const key = subscriptionKey(sub);
  d.log.debug({ subId, channel, key }, 'subscribe');
  d.host.queueSubscribe({ sub, key });
  return handle;
}

/**
 * Unsubscribe: a subscribe not sent yet is taken back (ends now); otherwise the machines
 * unsubscribe it and this resolves when its actor ends (see `WsClient.unsubscribe`). An unknown
 * sub id resolves at once.
 */
export function closeSubscription(d: SubscribeDeps, subId: string): Promise<void> {
  const entry = d.registry.get(subId);
  if (entry === undefined) return Promise.resolve();
  if (d.host.unqueue(subId)) {
    d.registry.end(subId, 'unsubscribed');
    return Promise.resolve();
  }
  const done = d.registry.waitForEnd(entry);
  d.host.send({ type: 'UNSUBSCRIBE', subId });
  return done;
}

/** Ask the machines for a fresh snapshot of `subId`; throws `ERR_BFX_UNKNOWN_SUBSCRIPTION` for an unknown one. */
export function resyncSubscription(d: SubscribeDeps, subId: string): void {
  if (!d.registry.has(subId)) {
    throw new SubscriptionError(`No subscription with sub id "${subId}"`, { subId, code: 'ERR_BFX_UNKNOWN_SUBSCRIPTION' });
  }
  d.host.send({ type: 'RESYNC', subId });
}
