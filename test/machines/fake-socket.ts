/**
 * A fake socket actor for machine tests: provide it as the connection machine's `socket` and drive
 * the server side by hand (open, info, conf ack, auth reply, close), reading the commands the
 * machine sent.
 */
import { fromCallback } from 'xstate';
import type { SocketCommand, SocketEvent, SocketInput } from '../../machines/socket-protocol.js';

/** One fake socket instance (one per session). */
export interface FakeSocket {
  readonly input: SocketInput;
  readonly commands: SocketCommand[];
  stopped: boolean;
  emit(event: SocketEvent): void;
}

/** Controller of every fake socket the machine started. */
export interface FakeSockets {
  readonly all: FakeSocket[];
  /** The latest socket. */
  readonly current: FakeSocket;
  readonly logic: ReturnType<typeof fromCallback<SocketCommand, SocketInput>>;
  /** Auto-reply like a healthy server: open → info v2, conf → ack, auth → ok, subscribe → ack, close → closed. */
  auto: boolean;
  /** With `auto`, answer `close` commands (default true). */
  autoClose: boolean;
}

export function createFakeSockets(options: { auto?: boolean; autoClose?: boolean } = {}): FakeSockets {
  const all: FakeSocket[] = [];
  let chanId = 100;
  const ctl: FakeSockets = {
    all,
    get current() {
      const s = all[all.length - 1];
      if (!s) throw new Error('no socket started');
      return s;
    },
    auto: options.auto ?? false,
    autoClose: options.autoClose ?? true,
    logic: fromCallback<SocketCommand, SocketInput>(({ input, sendBack, receive }) => {
      const socket: FakeSocket = { input, commands: [], stopped: false, emit: (e) => !socket.stopped && sendBack(e) };
      all.push(socket);
      receive((cmd) => {
        socket.commands.push(cmd);
        if (!ctl.auto) return;
        if (cmd.type === 'conf') socket.emit({ type: 'socket.conf', ok: true, flags: cmd.flags });
        else if (cmd.type === 'auth') socket.emit({ type: 'socket.auth.ok', userId: 1 });
        else if (cmd.type === 'subscribe' || cmd.type === 'resubscribe') socket.emit({ type: 'sub.ack', subId: cmd.subId, chanId: chanId++ });
        else if (cmd.type === 'unsubscribe') socket.emit({ type: 'sub.unsubscribed', subId: cmd.subId });
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
