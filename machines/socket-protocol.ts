/**
 * The events between a connection machine and its socket actor: commands the machine sends to the
 * socket (`sendTo('socket', ...)`) and the events the socket sends back. Plain data only; control
 * frames are parsed into these in the socket actor, data frames never reach the machine.
 *
 * @module
 */
import type { ErrorInfo } from './reports.js';

/** Input of the socket actor. */
export interface SocketInput {
  /** Connection index within its supervisor (0 carries auth). */
  readonly index: number;
  readonly url: string;
  /** Conf flags to request after `info`. */
  readonly flags: number;
}

/** Commands the connection machine sends to its socket actor. */
export type SocketCommand =
  | { type: 'conf'; flags: number }
  | { type: 'auth' }
  | { type: 'subscribe'; subId: string }
  | { type: 'unsubscribe'; subId: string }
  | { type: 'resubscribe'; subId: string }
  | { type: 'close'; code: number; reason: string };

/** Events the socket actor sends back to its connection machine. */
export type SocketEvent =
  | { type: 'socket.open' }
  /** `platform`: `platform.status` of the greeting info (1 operative, 0 maintenance), when present. */
  | { type: 'socket.info'; version: number | null; code: number | null; platform?: number }
  | { type: 'socket.conf'; ok: boolean; flags: number }
  | { type: 'socket.auth.ok'; userId: number }
  | { type: 'socket.auth.failed'; error: ErrorInfo }
  | { type: 'socket.closed'; code: number; reason: string }
  | { type: 'socket.gap'; expected: number; received: number }
  | { type: 'sub.ack'; subId: string; chanId: number }
  | { type: 'sub.error'; subId: string; error: ErrorInfo }
  | { type: 'sub.unsubscribed'; subId: string }
  | { type: 'sub.resync'; subId: string };
