/**
 * The socket actor: a `fromCallback` actor around one WebSocket (via the adapter in
 * `src/platform/websocket.ts`), and a pipe. Control frames (info, conf, auth, subscribed,
 * unsubscribed, error) become {@link SocketEvent}s for the connection machine; the frames the
 * machine asks for are sent; data frames go router → sink without touching a machine, through the
 * chanId → sink table the machine binds and unbinds. It keeps no subscription bookkeeping of its
 * own, only the `subscribed` replies of the current read: those go up as one `wire.subscribed`
 * event at the end of the read (or before the next other control frame, or the close), and data
 * frames for their channels wait until the machine bound them. It also runs the heartbeat
 * watchdog (pinging a quiet socket first).
 *
 * @module
 */
import { fromCallback } from 'xstate';
import type { ErrorInfo } from '../../machines/emitted.js';
import type { ServerReply, SocketCommand, SocketEvent, SocketInput } from '../../machines/socket-protocol.js';
import { BfxProtocolError, SequenceError, type BfxError } from '../errors.js';
import type { BfxLogger } from '../logging/logger.js';
import { CLOSE_HTTP_REFUSED, type SocketFactory } from '../platform/websocket.js';
import { parseAuthReply } from './account/auth.js';
import { ChannelTable } from './channel-table.js';
import type { ChannelSink } from './contracts.js';
import { createFrameRouter } from './dataplane/router.js';
import { subscribeFrame } from './dataplane/subscriptions.js';

/** What the socket actor needs from the runtime that hosts it (functions never enter machine context). */
export interface SocketRuntime {
  readonly socketFactory: SocketFactory;
  readonly log: BfxLogger;
  /** Reconnect when nothing arrived for this long (a ping is sent at half of it). */
  readonly watchdogMs: number;
  /** The sink of `subId`. */
  sink(subId: string): ChannelSink | undefined;
  /** The account-channel sink of connection `index`. */
  accountSink(index: number): ChannelSink | undefined;
  /** Build the auth frame of connection `index` (fresh nonce each time). */
  authFrame(index: number): Promise<Record<string, unknown>>;
  /** Something the user must hear about (malformed frame, sequence gap). */
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

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** The fields of a reply that identify its request. */
function replyOf(msg: Record<string, unknown>): ServerReply {
  const reply: Record<string, string | number> = {};
  const chanId = num(msg.chanId);
  if (chanId !== null) reply.chanId = chanId;
  for (const field of ['channel', 'subId', 'symbol', 'prec', 'freq', 'len', 'key'] as const) {
    const value = str(msg[field]);
    if (value !== undefined) reply[field] = value;
  }
  return reply as ServerReply;
}

const errorInfo = (msg: Record<string, unknown>): ErrorInfo => {
  const code = num(msg.code);
  const text = typeof msg.msg === 'string' ? msg.msg : 'error event';
  return code === null ? { code: 'ERR_BFX_SUBSCRIPTION', message: text } : { code: 'ERR_BFX_SUBSCRIPTION', message: text, bfxCode: code };
};

/**
 * Create the socket actor logic bound to `runtime`. Provide it to the connection machine:
 * `connectionMachine.provide({ actors: { socket: createSocketActor(runtime) } })`.
 */
export function createSocketActor(runtime: SocketRuntime) {
  return fromCallback<SocketCommand, SocketInput>(({ input, sendBack, receive }) => {
    const { index } = input;
    const log = runtime.log.child({ conn: index });
    const back = (event: SocketEvent): void => sendBack(event);
    let requestedFlags = -1;
    /** The sub id whose subscribe is the last frame sent, until anything arrives (poison-pill evidence). */
    let lastSubscribe: string | undefined;
    let openedAt = 0;
    let pingedAt = 0;
    let finished = false;
    /**
     * `subscribed` acks not yet told: the acks of one event-loop turn (one TCP read) go to the
     * machine as one `wire.subscribed` event at its end (a microtask), or before any other
     * control frame, so control frames keep their order. Data frames for those channels arrive
     * before the machine could bind them: they wait in `early` and are delivered right after.
     */
    let acks: Array<{ chanId: number; reply: ServerReply }> = [];
    let early: Array<[number, unknown[]]> = [];
    const flushAcks = (): void => {
      if (acks.length === 0 || finished) return;
      const told = acks;
      const waiting = early;
      acks = [];
      early = [];
      back({ type: 'wire.subscribed', acks: told });
      for (const [chanId, frame] of waiting) router.deliver(chanId, frame);
    };

    const send = (frame: unknown): boolean => {
      lastSubscribe = undefined;
      return socket.send(JSON.stringify(frame));
    };
    /** Run a runtime callback from a socket/timer callback: a throw is reported, never rethrown into `ws`. */
    const safely = (what: string, fn: () => void): void => {
      try {
        fn();
      } catch (error) {
        log.error({ err: error instanceof Error ? error.message : String(error) }, `${what} failed`);
      }
    };

    const onAuth = (msg: Record<string, unknown>): void => {
      const reply = parseAuthReply(msg);
      if (reply.ok) {
        log.info({ userId: reply.info.userId }, 'authenticated');
        back({ type: 'socket.auth.ok', info: reply.info });
      } else {
        log.error({ code: reply.error.bfxCode, text: reply.error.message }, 'authentication failed');
        back({ type: 'socket.auth.failed', error: { code: reply.error.code, message: reply.error.message, bfxCode: reply.error.bfxCode } });
      }
    };

    const control = (msg: Record<string, unknown>): void => {
      if (msg.event === 'subscribed') {
        const chanId = num(msg.chanId);
        if (chanId === null) return;
        if (acks.length === 0) queueMicrotask(flushAcks);
        acks.push({ chanId, reply: replyOf(msg) });
        return;
      }
      flushAcks();
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
        case 'unsubscribed': {
          const chanId = num(msg.chanId);
          if (chanId !== null) back({ type: 'wire.unsubscribed', chanId });
          return;
        }
        case 'error': {
          const error = errorInfo(msg);
          log.debug({ code: error.bfxCode, text: error.message }, 'error event');
          back({ type: 'wire.error', reply: replyOf(msg), error });
          return;
        }
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
      unbound: (chanId, frame) => {
        // Rare (a frame for no bound channel); the acks of one read are few.
        if (!acks.some((a) => a.chanId === chanId)) return false;
        early.push([chanId, frame]);
        return true;
      },
    });
    const table = new ChannelTable(router);

    const bind = (chanId: number, subId: string, shared: boolean): void => {
      if (chanId === 0) {
        const account = runtime.accountSink(index);
        if (account === undefined) return;
        account.reset();
        router.bind(0, account);
        return;
      }
      const sink = runtime.sink(subId);
      if (sink === undefined) return;
      // The server sends no new snapshot for a shared channel (10301): seed the newcomer from the
      // book another subscriber keeps, so its own book (and checksum checks) start consistent.
      const seed = shared ? table.sharedRows(chanId, subId) : undefined;
      table.bind(chanId, subId, sink);
      if (seed !== undefined) safely('shared snapshot', () => sink.frame([seed]));
    };

    const finish = (code: number, reason: string): void => {
      if (finished) return;
      flushAcks();
      finished = true;
      clearInterval(watchdog);
      table.clear();
      safely('detach', () => runtime.detach(index));
      log.info({ code, reason }, code === CLOSE_HTTP_REFUSED ? 'connection refused (HTTP 429)' : 'socket closed');
      back(lastSubscribe === undefined ? { type: 'socket.closed', code, reason } : { type: 'socket.closed', code, reason, afterSubscribe: lastSubscribe });
    };

    log.info({ url: input.url }, 'connecting');
    const socket = runtime.socketFactory(input.url, {
      onOpen() {
        openedAt = Date.now();
        log.info({}, 'socket open');
        safely('attach', () => runtime.attach(index, send));
        back({ type: 'socket.open' });
      },
      onMessage: (data) => {
        lastSubscribe = undefined;
        router.handle(data);
      },
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
          runtime.sink(command.sub.subId)?.reset();
          send(subscribeFrame(command.sub));
          lastSubscribe = command.sub.subId;
          log.debug({ subId: command.sub.subId, channel: command.sub.channel }, 'subscribe sent');
          return;
        case 'unsubscribe':
          send({ event: 'unsubscribe', chanId: command.chanId });
          return;
        case 'bind':
          return bind(command.chanId, command.subId, command.shared);
        case 'unbind':
          table.unbind(command.chanId, command.subId);
          return;
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
      table.clear();
    };
  });
}
