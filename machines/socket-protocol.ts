/**
 * The events between a connection machine and its socket actor: commands the machine sends to the
 * socket (`sendTo('socket', ...)`) and the wire events the socket sends back. Plain data only.
 * The socket actor is a pipe: it turns control frames into these events, sends the frames it is
 * told to, and routes data frames to the sinks it is told to bind; data frames never reach a machine.
 *
 * @module
 */
import type { ActorRef, Snapshot } from 'xstate';
import type { AuthInfo } from '../src/ws/account/events.js';
import type { Subscription } from '../src/ws/contracts.js';
import type { ErrorInfo } from './emitted.js';

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
  /** Reset the subscription's sink and send its subscribe frame. */
  | { type: 'subscribe'; sub: Subscription }
  /** Send `{event:'unsubscribe', chanId}`. */
  | { type: 'unsubscribe'; chanId: number }
  /** Route `chanId`'s data frames to the sink of `subId` too; `shared`: seed it from a sink already bound there. */
  | { type: 'bind'; chanId: number; subId: string; shared: boolean }
  /** Stop routing `chanId` to `subId` (every sink when `subId` is absent). */
  | { type: 'unbind'; chanId: number; subId?: string }
  | { type: 'close'; code: number; reason: string };

/**
 * A socket actor as a subscription sees it: something to send {@link SocketCommand}s to. A
 * subscription is handed its connection's socket with `CONNECTED` and sends its own subscribe
 * frame through it (one hop less per subscribe than asking the connection to forward it).
 */
export type SocketRef = ActorRef<Snapshot<unknown>, SocketCommand>;

/** The fields of a server `subscribed` / `error` reply that identify its request (as echoed). */
export type ServerReply = {
  readonly channel?: string;
  readonly chanId?: number;
  readonly subId?: string;
  readonly symbol?: string;
  readonly prec?: string;
  readonly freq?: string;
  readonly len?: string;
  readonly key?: string;
};

/** Events the socket actor sends back to its connection machine. */
export type SocketEvent =
  | { type: 'socket.open' }
  /** `platform`: `platform.status` of the greeting info (1 operative, 0 maintenance), when present. */
  | { type: 'socket.info'; version: number | null; code: number | null; platform?: number }
  | { type: 'socket.conf'; ok: boolean; flags: number }
  | { type: 'socket.auth.ok'; info: AuthInfo }
  | { type: 'socket.auth.failed'; error: ErrorInfo }
  /** `afterSubscribe`: the sub id whose subscribe was the last frame sent, nothing received since. */
  | { type: 'socket.closed'; code: number; reason: string; afterSubscribe?: string }
  | { type: 'socket.gap'; expected: number; received: number }
  /** `{event:'subscribed'}` replies, in order: those of one event-loop turn come as one event. */
  | { type: 'wire.subscribed'; acks: ReadonlyArray<{ readonly chanId: number; readonly reply: ServerReply }> }
  /** `{event:'unsubscribed'}`. */
  | { type: 'wire.unsubscribed'; chanId: number }
  /** `{event:'error'}` (subscribe or unsubscribe refused, or stray). */
  | { type: 'wire.error'; reply: ServerReply; error: ErrorInfo }
  /** The data plane asks for a fresh snapshot of `subId` (checksum mismatch). */
  | { type: 'sub.resync'; subId: string };
