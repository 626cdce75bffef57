/**
 * The socket actor's runtime for one client: the platform socket factory, the heartbeat watchdog,
 * the sinks the registry holds, the auth frame (credentials never leave this closure), problems
 * to the `error` event, and the senders of open sockets (used by the authenticated inputs).
 *
 * @module
 */
import { AuthError, type BfxError } from '../errors.js';
import { DEFAULT_HEARTBEAT_TIMEOUT_MS } from '../defaults.js';
import type { BfxLogger } from '../logging/logger.js';
import { defaultSocketFactory } from '../platform/websocket.js';
import { buildAuthFrame, nextAuthNonce } from './account/auth.js';
import type { WsClientOptions } from './client-options.js';
import type { ChannelSink } from './contracts.js';
import type { SocketRuntime } from './socket-actor.js';

/** What the runtime reads from its client. */
export interface RuntimeDeps {
  sink(subId: string): ChannelSink | undefined;
  accountSink(index: number): ChannelSink | undefined;
  /** Open sockets' senders by connection index (kept by the runtime). */
  readonly senders: Map<number, (frame: unknown) => boolean>;
  problem(error: BfxError): void;
}

/** Build the socket runtime of a client. */
export function createSocketRuntime(o: WsClientOptions, log: BfxLogger, deps: RuntimeDeps): SocketRuntime {
  return {
    socketFactory: o.socketFactory ?? defaultSocketFactory,
    log,
    watchdogMs: o.heartbeatTimeoutMs ?? DEFAULT_HEARTBEAT_TIMEOUT_MS,
    sink: deps.sink,
    accountSink: deps.accountSink,
    authFrame(index) {
      if (index !== 0 || o.apiKey === undefined || o.apiSecret === undefined) {
        return Promise.reject(new AuthError('No credentials for this connection'));
      }
      try {
        return buildAuthFrame({
          apiKey: o.apiKey,
          apiSecret: o.apiSecret,
          nonce: nextAuthNonce(o.apiKey, o.nonce),
          filter: o.filter,
          dms: o.dms,
          calc: o.calc,
        });
      } catch (error) {
        // A custom nonce generator that throws must not break the connection actor.
        return Promise.reject(error instanceof Error ? error : new AuthError(String(error)));
      }
    },
    problem(index, error) {
      log.warn({ conn: index, code: error.code, err: error.message }, 'problem');
      deps.problem(error);
    },
    attach: (index, send) => void deps.senders.set(index, send),
    detach: (index) => void deps.senders.delete(index),
  };
}
