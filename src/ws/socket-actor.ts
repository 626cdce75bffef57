/**
 * The socket actor: a `fromCallback` actor around one WebSocket (via the adapter in
 * `src/platform/websocket.ts`). It owns the socket's {@link FrameRouter}: data frames go router →
 * sink without touching a machine; only control frames (info, conf, auth, subscribed,
 * unsubscribed, error) are parsed into {@link SocketEvent}s and sent back to the connection
 * machine. It binds chanIds to the subscriptions' sinks on `subscribed`, binds chanId 0 to the
 * account sink on auth OK, and runs the heartbeat watchdog (a periodic check of the router's
 * `lastFrameAt`, pinging a quiet socket first).
 *
 * @module
 */
import { fromCallback } from 'xstate';
import { BfxProtocolError, SequenceError, type BfxError } from '../errors.js';
import type { ErrorInfo } from '../../machines/reports.js';
import type { SocketCommand, SocketEvent, SocketInput } from '../../machines/socket-protocol.js';
import type { BfxLogger } from '../logging/logger.js';
import { CLOSE_HTTP_REFUSED, type SocketFactory } from '../platform/websocket.js';
import { parseAuthReply } from './account/auth.js';
import type { AuthInfo } from './account/events.js';
import type { ChannelSink, Subscription } from './contracts.js';
import type { ManagedBook } from '../book/types.js';
import { createFrameRouter } from './dataplane/router.js';
import { ackMatches, subscribeFrame } from './dataplane/subscriptions.js';

/** Bitfinex "already subscribed" error (carries the existing chanId). */
const ERR_SUB_DUP = 10301;

/** What the socket actor needs from the runtime that hosts it (functions never enter machine context). */
export interface SocketRuntime {
  readonly socketFactory: SocketFactory;
  readonly log: BfxLogger;
  /** Reconnect when nothing arrived for this long (a ping is sent at half of it). */
  readonly watchdogMs: number;
  /** The subscription record of `subId` (registry lookup). */
  subscription(subId: string): Subscription | undefined;
  /** The sink of `subId`. */
  sink(subId: string): ChannelSink | undefined;
  /** The account-channel sink of connection `index` (after auth OK). */
  accountSink(index: number): ChannelSink | undefined;
  /** Build the auth frame of connection `index` (fresh nonce each time). */
  authFrame(index: number): Promise<Record<string, unknown>>;
  /** Auth succeeded on connection `index`. */
  authenticated(index: number, info: AuthInfo): void;
  /** Something the user must hear about (malformed frame, sequence gap, stray error event). */
  problem(index: number, error: BfxError): void;
  /** The socket of connection `index` is open: here is how to send frames on it. */
  attach(index: number, send: (frame: unknown) => boolean): void;
  /** The socket of connection `index` is gone. */
  detach(index: number): void;
}

const num = (v: unknown): number | null => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};

const errorInfo = (msg: Record<string, unknown>, fallback: string): ErrorInfo => {
  const code = num(msg.code);
  const text = typeof msg.msg === 'string' ? msg.msg : fallback;
  return code === null ? { code: 'ERR_BFX_SUBSCRIPTION', message: text } : { code: 'ERR_BFX_SUBSCRIPTION', message: text, bfxCode: code };
};

/** A sink feeding several subscriptions that share one server channel (10301 duplicates). */
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

/**
 * Create the socket actor logic bound to `runtime`. Provide it to the connection machine:
 * `connectionMachine.provide({ actors: { socket: createSocketActor(runtime) } })`.
 */
export function createSocketActor(runtime: SocketRuntime) {
  return fromCallback<SocketCommand, SocketInput>(({ input, sendBack, receive }) => {
    const { index } = input;
    const log = runtime.log.child({ conn: index });
    const back = (event: SocketEvent): void => sendBack(event);
    const chanOf = new Map<string, number>();
    const subsOf = new Map<number, string[]>();
    const awaiting = new Set<string>();
    const resubscribing = new Set<string>();
    const dropWhenAcked = new Set<string>();
    let requestedFlags = -1;
    let openedAt = 0;
    let pingedAt = 0;
    let finished = false;

    const send = (frame: unknown): boolean => socket.send(JSON.stringify(frame));
    /** Run a runtime callback from a socket/timer callback: a throw is reported, never rethrown into `ws`. */
    const safely = (what: string, fn: () => void): void => {
      try {
        fn();
      } catch (error) {
        log.error({ err: error instanceof Error ? error.message : String(error) }, `${what} failed`);
      }
    };

    const rebind = (chanId: number): void => {
      const subIds = subsOf.get(chanId) ?? [];
      const sinks = subIds.map((id) => runtime.sink(id)).filter((s): s is ChannelSink => s !== undefined);
      if (sinks.length === 0) router.unbind(chanId);
      else router.bind(chanId, sinks.length === 1 ? sinks[0] : fanOut(sinks));
    };

    const forget = (subId: string): number | undefined => {
      const chanId = chanOf.get(subId);
      if (chanId === undefined) return undefined;
      chanOf.delete(subId);
      const rest = (subsOf.get(chanId) ?? []).filter((s) => s !== subId);
      if (rest.length === 0) subsOf.delete(chanId);
      else subsOf.set(chanId, rest);
      rebind(chanId);
      return rest.length === 0 ? chanId : undefined;
    };

    const subscribe = (subId: string): void => {
      const sub = runtime.subscription(subId);
      if (sub === undefined) {
        back({ type: 'sub.error', subId, error: { code: 'ERR_BFX_UNKNOWN_SUBSCRIPTION', message: `Unknown subscription ${subId}` } });
        return;
      }
      runtime.sink(subId)?.reset();
      awaiting.add(subId);
      send(subscribeFrame(sub));
      log.debug({ subId, channel: sub.channel }, 'subscribe sent');
    };

    const unsubscribe = (subId: string): void => {
      if (awaiting.has(subId)) {
        dropWhenAcked.add(subId);
        return;
      }
      const chanId = forget(subId);
      if (chanId !== undefined) send({ event: 'unsubscribe', chanId });
    };

    const resubscribe = (subId: string): void => {
      const chanId = chanOf.get(subId);
      if (chanId === undefined || (subsOf.get(chanId)?.length ?? 0) > 1) {
        if (!awaiting.has(subId)) subscribe(subId);
        return;
      }
      forget(subId);
      resubscribing.add(subId);
      send({ event: 'unsubscribe', chanId });
      log.info({ subId, chanId }, 'resubscribing');
    };

    /** Which awaited subscription a server reply answers (its echoed subId, else its params). */
    const replyOwner = (msg: Record<string, unknown>): string | undefined => {
      if (msg.subId !== undefined && msg.subId !== null) {
        const id = String(msg.subId);
        return awaiting.has(id) || runtime.subscription(id) ? id : undefined;
      }
      for (const id of awaiting) {
        const sub = runtime.subscription(id);
        if (sub && ackMatches(sub, msg)) return id;
      }
      return undefined;
    };

    /** Snapshot rows of the managed book some subscriber of `chanId` keeps, if any. */
    const sharedSnapshot = (chanId: number): unknown[][] | undefined => {
      for (const id of subsOf.get(chanId) ?? []) {
        const book = (runtime.sink(id) as { book?: ManagedBook } | undefined)?.book;
        if (book !== undefined) return book.snapshotRows() as unknown[][];
      }
      return undefined;
    };

    const bound = (subId: string, chanId: number): void => {
      awaiting.delete(subId);
      chanOf.set(subId, chanId);
      subsOf.set(chanId, [...(subsOf.get(chanId) ?? []).filter((s) => s !== subId), subId]);
      rebind(chanId);
      if (dropWhenAcked.delete(subId)) {
        unsubscribe(subId);
        return;
      }
      back({ type: 'sub.ack', subId, chanId });
    };

    /** An `unsubscribed` ack: the channels being resynced are gone, subscribe them afresh. */
    const onUnsubscribed = (): void => {
      const waiting = [...resubscribing];
      resubscribing.clear();
      for (const subId of waiting) if (runtime.subscription(subId)) subscribe(subId);
    };

    const onError = (msg: Record<string, unknown>): void => {
      const subId = replyOwner(msg);
      const info = errorInfo(msg, 'subscription error');
      if (subId === undefined) {
        log.warn({ code: info.bfxCode, text: info.message }, 'error event');
        return;
      }
      const chanId = num(msg.chanId);
      if (info.bfxCode === ERR_SUB_DUP && chanId !== null) {
        log.info({ subId, chanId }, 'already subscribed (10301): sharing the channel');
        // The server sends no new snapshot for a shared channel: seed the newcomer from the book
        // an existing subscriber keeps, so its own book (and checksum checks) start consistent.
        const seed = sharedSnapshot(chanId);
        bound(subId, chanId);
        if (seed !== undefined) safely('shared snapshot', () => runtime.sink(subId)?.frame([seed]));
        return;
      }
      awaiting.delete(subId);
      dropWhenAcked.delete(subId);
      log.warn({ subId, code: info.bfxCode, text: info.message }, 'subscribe refused');
      back({ type: 'sub.error', subId, error: info });
    };

    const onAuth = (msg: Record<string, unknown>): void => {
      const reply = parseAuthReply(msg);
      if (reply.ok) {
        const sink = runtime.accountSink(index);
        if (sink) {
          sink.reset();
          router.bind(0, sink);
        }
        log.info({ userId: reply.info.userId }, 'authenticated');
        runtime.authenticated(index, reply.info);
        back({ type: 'socket.auth.ok', userId: reply.info.userId });
      } else {
        log.error({ code: reply.error.bfxCode, text: reply.error.message }, 'authentication failed');
        back({ type: 'socket.auth.failed', error: { code: reply.error.code, message: reply.error.message, bfxCode: reply.error.bfxCode } });
      }
    };

    const control = (msg: Record<string, unknown>): void => {
      switch (msg.event) {
        case 'info': {
          const version = num(msg.version);
          const code = num(msg.code);
          const platform = num((msg.platform as { status?: unknown } | undefined)?.status);
          log.info({ version, code, platform }, 'info');
          back(platform === null ? { type: 'socket.info', version, code } : { type: 'socket.info', version, code, platform });
          return;
        }
        case 'conf': {
          const flags = num(msg.flags) ?? -1;
          const ok = msg.status === 'OK';
          if (ok && flags === requestedFlags) router.setFlags(flags);
          log.debug({ flags, ok }, 'conf ack');
          back({ type: 'socket.conf', ok, flags });
          return;
        }
        case 'auth':
          return onAuth(msg);
        case 'subscribed': {
          const subId = replyOwner(msg);
          const chanId = num(msg.chanId);
          if (subId !== undefined && chanId !== null) bound(subId, chanId);
          return;
        }
        case 'unsubscribed':
          return onUnsubscribed();
        case 'error':
          return onError(msg);
        default:
          return;
      }
    };

    const router = createFrameRouter({
      control,
      resync: (subId) => back({ type: 'sub.resync', subId }),
      sequenceGap: (expected, received) => {
        runtime.problem(index, new SequenceError(expected, received));
        back({ type: 'socket.gap', expected, received });
      },
      problem: (error) => runtime.problem(index, error),
    });

    const finish = (code: number, reason: string): void => {
      if (finished) return;
      finished = true;
      clearInterval(watchdog);
      safely('detach', () => runtime.detach(index));
      log.info({ code, reason }, code === CLOSE_HTTP_REFUSED ? 'connection refused (HTTP 429)' : 'socket closed');
      back({ type: 'socket.closed', code, reason });
    };

    log.info({ url: input.url }, 'connecting');
    const socket = runtime.socketFactory(input.url, {
      onOpen() {
        openedAt = Date.now();
        log.info({}, 'socket open');
        safely('attach', () => runtime.attach(index, send));
        back({ type: 'socket.open' });
      },
      onMessage: (data) => router.handle(data),
      onClose: finish,
    });

    const tick = (): void => {
      if (openedAt === 0 || finished) return;
      const now = Date.now();
      const idle = now - Math.max(router.lastFrameAt, openedAt, 0);
      if (idle > runtime.watchdogMs) {
        log.warn({ idleMs: idle }, 'heartbeat watchdog: nothing received, reconnecting');
        socket.terminate();
        finish(1006, 'heartbeat timeout');
      } else if (idle > runtime.watchdogMs / 2 && now - pingedAt > runtime.watchdogMs / 2) {
        pingedAt = now;
        send({ event: 'ping', cid: now });
      }
    };
    const watchdog = setInterval(() => safely('watchdog', tick), Math.max(10, Math.floor(runtime.watchdogMs / 4)));

    receive((command) => {
      try {
        handleCommand(command);
      } catch (error) {
        // Never let a runtime callback break the connection actor.
        runtime.problem(index, new BfxProtocolError(`Socket command ${command.type} failed`, { cause: error }));
      }
    });

    function handleCommand(command: SocketCommand): void {
      switch (command.type) {
        case 'conf':
          requestedFlags = command.flags;
          send({ event: 'conf', flags: command.flags });
          return;
        case 'auth':
          runtime.authFrame(index).then(
            (frame) => {
              if (!finished) send(frame);
            },
            (error: unknown) => {
              const message = error instanceof Error ? error.message : String(error);
              back({ type: 'socket.auth.failed', error: { code: 'ERR_BFX_AUTH', message } });
            },
          );
          return;
        case 'subscribe':
          return subscribe(command.subId);
        case 'unsubscribe':
          return unsubscribe(command.subId);
        case 'resubscribe':
          return resubscribe(command.subId);
        case 'close':
          log.info({ code: command.code, reason: command.reason }, 'closing');
          socket.close(command.code, command.reason);
          return;
      }
    }

    return () => {
      clearInterval(watchdog);
      if (!finished) {
        finished = true;
        safely('detach', () => runtime.detach(index));
        socket.close(1000, 'connection actor stopped');
      }
      router.reset();
    };
  });
}
