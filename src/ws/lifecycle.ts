/**
 * What the supervisor emits, told to the user: each machine event becomes the user event, the
 * log line and the settled handle or promise it stands for. One function per event kind; the
 * state each one looks at is read from the actors' snapshots through the host.
 *
 * @module
 */
import type { SupervisorEmitted } from '../../machines/emitted.js';
import { BfxTimeoutError, type BfxError } from '../errors.js';
import type { BfxLogger } from '../logging/logger.js';
import type { InputsControl } from './account/inputs.js';
import { toError } from './client-support.js';
import type { BfxWsEvents } from './events.js';
import type { MachineHost } from './host.js';
import type { EventHub } from './hub.js';
import type { SubscriptionRegistry } from './registry.js';

/** What the lifecycle needs from its client. */
export interface LifecycleDeps {
  readonly hub: EventHub<BfxWsEvents>;
  readonly registry: SubscriptionRegistry;
  readonly host: MachineHost;
  readonly inputs: InputsControl;
  readonly log: BfxLogger;
  /** The client authenticates connection 0. */
  readonly auth: boolean;
  readonly connections: number;
  readonly capacity: number;
  /** Tell the account actor a session began or ended (connection 0). */
  account?(event: { readonly type: 'account.authenticated' } | { readonly type: 'account.lost' }): void;
  /** A connection is open: settle `connect()`. */
  connected(): void;
  /** Every connection is closed for good: reject `connect()` with `error`. */
  unreachable(error: BfxError): void;
}

const GONE = new Set(['closed', 'idle']);

type Of<T extends SupervisorEmitted['type']> = Extract<SupervisorEmitted, { type: T }>;

/** The listener of the supervisor's emitted events for one client. */
export function createLifecycle(d: LifecycleDeps): (event: SupervisorEmitted) => void {
  const { hub, registry, host, log } = d;
  const others = (index: number, test: (i: number) => boolean): boolean => {
    for (let i = 0; i < d.connections; i++) if (i !== index && test(i)) return true;
    return false;
  };

  const subError = (subId: string, info: Of<'subscription.rejected'>['error']): BfxError => {
    const error = toError(info, { subId, channel: registry.get(subId)?.sub.channel, connections: d.connections, capacity: d.capacity });
    return info.code === 'ERR_BFX_TIMEOUT' ? new BfxTimeoutError(`Subscription ${subId}: ${info.message}`, { timeoutMs: info.timeoutMs ?? 0 }) : error;
  };

  const on = {
    'connection.connecting': (e: Of<'connection.connecting'>) => log.info({ conn: e.index, attempt: e.attempt }, 'connection attempt'),
    'connection.open': (e: Of<'connection.open'>) => {
      log.info({ conn: e.index, attempts: e.attempts }, 'connection open');
      d.connected();
      if (!others(e.index, (i) => host.connectionState(i) === 'open')) hub.emit('open');
      if (e.downtimeMs !== null) hub.emit('connection_restored', e.index, e.attempts, e.downtimeMs);
    },
    'connection.authenticated': (e: Of<'connection.authenticated'>) => {
      d.account?.({ type: 'account.authenticated' });
      hub.emit('authenticated', e.info);
      d.inputs.onAuthenticated();
    },
    'connection.lost': (e: Of<'connection.lost'>) => {
      log.warn({ conn: e.index, code: e.code, reason: e.reason }, 'connection lost');
      if (e.index === 0 && d.auth) {
        d.account?.({ type: 'account.lost' });
        d.inputs.onDisconnected();
      }
      hub.emit('disconnection', e.code, e.reason);
    },
    'connection.attempt_failed': (e: Of<'connection.attempt_failed'>) =>
      log.warn({ conn: e.index, attempt: e.attempt, code: e.code, reason: e.reason }, 'connection attempt failed'),
    'connection.reconnecting': (e: Of<'connection.reconnecting'>) =>
      log.info({ conn: e.index, attempt: e.attempt, delayMs: e.delayMs }, 'reconnecting after backoff'),
    'connection.closed': (e: Of<'connection.closed'>) => {
      log.info({ conn: e.index, code: e.code, reason: e.reason, error: e.error?.message }, 'connection closed');
      if (e.error === null) return;
      const error = toError(e.error);
      hub.emit('error', error);
      // The authenticated connection will not come back: queued inputs fail now, not at their timeout.
      if (e.index === 0 && d.auth) d.inputs.fail(error);
      // Not opened yet counts as gone: nothing else is under way that could open.
      if (!others(e.index, (i) => !GONE.has(host.connectionState(i)))) d.unreachable(error);
    },
    'connection.maintenance': (e: Of<'connection.maintenance'>) => {
      // The client is in maintenance while any connection is: tell the first start and the last end.
      if (others(e.index, (i) => host.paused(i))) return;
      log.warn({ active: e.active }, 'maintenance');
      hub.emit('maintenance', e.active);
    },
    'connection.error': (e: Of<'connection.error'>) => {
      log.warn({ conn: e.index, code: e.error.bfxCode, err: e.error.message }, 'server error event');
      hub.emit('error', toError(e.error));
    },
    'subscription.acked': (e: Of<'subscription.acked'>) => {
      const entry = registry.get(e.subId);
      if (entry === undefined) return;
      entry.handle.acknowledged(entry.sub);
      entry.handle.hub.emit('subscribed', entry.sub);
      hub.emit('subscribed', entry.sub);
    },
    'subscription.ended': (e: Of<'subscription.ended'>) => {
      const entry = registry.get(e.subId);
      if (entry === undefined) return;
      if (e.state === 'unsubscribed') {
        registry.end(e.subId, 'unsubscribed');
        entry.handle.hub.emit('unsubscribed', entry.sub);
        hub.emit('unsubscribed', entry.sub);
        return;
      }
      const error = subError(e.subId, e.error ?? { code: 'ERR_BFX_SUBSCRIPTION', message: 'subscription failed' });
      const wasActive = entry.handle.state === 'active';
      log.debug({ subId: e.subId, code: error.code, bfxCode: error.bfxCode, err: error.message }, 'subscription failed');
      registry.end(e.subId, 'failed', error);
      // Nobody awaits a live subscription's end: tell the user on `error`.
      if (wasActive && entry.waiters.length === 0) hub.emit('error', error);
    },
    'subscription.rejected': (e: Of<'subscription.rejected'>) => {
      const error = subError(e.subId, e.error);
      log.debug({ subId: e.subId, code: error.code, err: error.message }, 'subscription refused');
      registry.end(e.subId, 'failed', error);
    },
    'system.reconnection': (e: Of<'system.reconnection'>) => hub.emit('reconnection', e.attempts, e.downtimeMs),
    'system.closed': (e: Of<'system.closed'>) => hub.emit('disconnection', e.code, e.reason),
  } satisfies { [K in SupervisorEmitted['type']]: (e: Of<K>) => void };

  return (event) => {
    try {
      (on[event.type] as (e: SupervisorEmitted) => void)(event);
    } catch (error) {
      // A failure here must never reach the machines (that would stop the whole system).
      log.error({ event: event.type, err: error instanceof Error ? error.message : String(error) }, 'lifecycle handling failed');
    }
  };
}
