/**
 * A fake socket actor for machine tests: provide it as the connection machine's `socket` and drive
 * the server side by hand (open, info, conf ack, auth reply, subscribed, unsubscribed, error,
 * close), reading the commands the machine sent. With `auto` it answers like a healthy server.
 */
import { fromCallback } from 'xstate';
import type { SocketCommand, SocketEvent, SocketInput } from '../../machines/socket-protocol.js';
import type { AuthInfo } from '../../src/ws/account/events.js';

/** One fake socket instance (one per session). */
export interface FakeSocket {
  readonly input: SocketInput;
  readonly commands: SocketCommand[];
  stopped: boolean;
  emit(event: SocketEvent): void;
  /** The chanId the (auto) server gave `subId`'s latest subscribe. */
  chanOf(subId: string): number | undefined;
}

/** Controller of every fake socket the machine started. */
export interface FakeSockets {
  readonly all: FakeSocket[];
  /** The latest socket. */
  readonly current: FakeSocket;
  readonly logic: ReturnType<typeof fromCallback<SocketCommand, SocketInput>>;
  /** Auto-reply like a healthy server: open → info v2, conf → ack, auth → ok, subscribe → subscribed, unsubscribe → unsubscribed, close → closed. */
  auto: boolean;
  /** With `auto`, answer `close` commands (default true). */
  autoClose: boolean;
  /** With `auto`, answer `subscribe` commands (default true). */
  ackSubscribes: boolean;
}

export const AUTH_INFO: AuthInfo = { userId: 1, authId: 'a', caps: {}, raw: {} };

export function createFakeSockets(options: { auto?: boolean; autoClose?: boolean; ackSubscribes?: boolean } = {}): FakeSockets {
  const all: FakeSocket[] = [];
  let nextChan = 100;
  const ctl: FakeSockets = {
    all,
    get current() {
      const s = all[all.length - 1];
      if (!s) throw new Error('no socket started');
      return s;
    },
    auto: options.auto ?? false,
    autoClose: options.autoClose ?? true,
    ackSubscribes: options.ackSubscribes ?? true,
    logic: fromCallback<SocketCommand, SocketInput>(({ input, sendBack, receive }) => {
      const chans = new Map<string, number>();
      const socket: FakeSocket = {
        input,
        commands: [],
        stopped: false,
        emit: (e) => !socket.stopped && sendBack(e),
        chanOf: (subId) => chans.get(subId),
      };
      all.push(socket);
      receive((cmd) => {
        socket.commands.push(cmd);
        if (cmd.type === 'subscribe') chans.set(cmd.sub.subId, nextChan++);
        if (!ctl.auto) return;
        if (cmd.type === 'conf') socket.emit({ type: 'socket.conf', ok: true, flags: cmd.flags });
        else if (cmd.type === 'auth') socket.emit({ type: 'socket.auth.ok', info: AUTH_INFO });
        else if (cmd.type === 'subscribe' && ctl.ackSubscribes) {
          socket.emit({ type: 'wire.subscribed', acks: [{ chanId: chans.get(cmd.sub.subId)!, reply: { channel: cmd.sub.channel, subId: cmd.sub.subId } }] });
        } else if (cmd.type === 'unsubscribe') socket.emit({ type: 'wire.unsubscribed', chanId: cmd.chanId });
        else if (cmd.type === 'close' && ctl.autoClose) socket.emit({ type: 'socket.closed', code: cmd.code, reason: cmd.reason });
      });
      if (ctl.auto) {
        queueMicrotask(() => {
          socket.emit({ type: 'socket.open' });
          socket.emit({ type: 'socket.info', version: 2, code: null });
        });
      }
      return () => {
        socket.stopped = true;
      };
    }),
  };
  return ctl;
}

/** A ticker subscription record. */
export const ticker = (subId: string, symbol = `t${subId.toUpperCase()}USD`) => ({ subId, channel: 'ticker' as const, symbol });
