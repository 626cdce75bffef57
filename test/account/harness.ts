/**
 * A minimal authenticated session over a real socket, built only from the data-plane pieces
 * (platform socket adapter + frame router + account sink + inputs): what the connection machine
 * does for the account channel, without the machine. Used to drive every account event and input
 * against the simulator.
 */
import { nodeSocketFactory, type SocketConnection } from '../../src/platform/websocket.js';
import { buildAuthFrame, nextAuthNonce, parseAuthReply, type AuthReply } from '../../src/ws/account/auth.js';
import { createInputs, type InputPolicy, type InputsConnectionState } from '../../src/ws/account/inputs.js';
import { createAccountSink } from '../../src/ws/account/sink.js';
import { createFrameRouter } from '../../src/ws/dataplane/router.js';
import { recorder, type Recorder } from './recorder.js';

/** Options of {@link openAccountSession}. */
export interface SessionOptions {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly filter?: readonly string[];
  readonly dms?: boolean;
  readonly policy?: InputPolicy;
  readonly timeoutMs?: number;
  readonly recoveryMs?: number;
}

/** A live authenticated session. */
export interface AccountSession {
  readonly rec: Recorder;
  readonly inputs: ReturnType<typeof createInputs>;
  /** The reply to the latest auth. */
  auth(): Promise<AuthReply>;
  /** Open a new socket and authenticate again (after a drop). */
  reconnect(): Promise<AuthReply>;
  /** Resolves when the current socket has closed. */
  closed(): Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

/** Connect, send the auth frame, and resolve once the server answered it. */
export async function openAccountSession(url: string, o: SessionOptions): Promise<AccountSession> {
  const rec = recorder();
  let state: InputsConnectionState = 'connecting';
  let socket: SocketConnection | undefined;
  let closing = false;
  let authReply: Promise<AuthReply> = Promise.resolve({ ok: false } as AuthReply);
  let closedPromise: Promise<{ code: number; reason: string }> = Promise.resolve({ code: 0, reason: '' });
  const inputs = createInputs({
    send: (frame) => {
      if (!socket?.send(JSON.stringify(frame))) throw new Error('socket not open');
    },
    state: () => state,
    timeoutMs: o.timeoutMs ?? 5000,
    policy: o.policy ?? 'reject',
    recoveryMs: o.recoveryMs,
  });

  const connect = (): Promise<AuthReply> => {
    let settleAuth: (r: AuthReply) => void = () => undefined;
    let settleClosed: (v: { code: number; reason: string }) => void = () => undefined;
    authReply = new Promise((resolve) => (settleAuth = resolve));
    closedPromise = new Promise((resolve) => (settleClosed = resolve));
    const router = createFrameRouter({
      control(msg) {
        if (msg.event !== 'auth') return;
        const reply = parseAuthReply(msg);
        if (reply.ok) {
          router.bind(0, createAccountSink(rec.emit, inputs));
          state = 'authenticated';
          rec.emit('authenticated', reply.info);
          inputs.onAuthenticated();
        } else {
          rec.emit('error', reply.error);
        }
        settleAuth(reply);
      },
      resync() {},
      sequenceGap() {},
      problem(error) {
        rec.emit('error', error);
      },
    });
    socket = nodeSocketFactory(url, {
      onOpen() {
        void buildAuthFrame({ apiKey: o.apiKey, apiSecret: o.apiSecret, nonce: nextAuthNonce(o.apiKey), filter: o.filter, dms: o.dms }).then((frame) =>
          socket?.send(JSON.stringify(frame)),
        );
      },
      onMessage: (data) => router.handle(data),
      onClose(code, reason) {
        state = closing ? 'closed' : 'connecting';
        inputs.onDisconnected();
        settleAuth({ ok: false } as AuthReply);
        settleClosed({ code, reason });
      },
    });
    return authReply;
  };

  await connect();
  return {
    rec,
    inputs,
    auth: () => authReply,
    reconnect: connect,
    closed: () => closedPromise,
    async close() {
      closing = true;
      state = 'closed';
      inputs.close();
      socket?.close(1000, 'test done');
      await closedPromise;
    },
  };
}
