/**
 * The adapter on the standard `WebSocket` (browsers, Deno, Bun, Node ≥ 22, workers). Same
 * contract as the `ws` adapter: exactly one `onClose`, whatever happened. A browser cannot see
 * the HTTP status of a refused upgrade, so a 429 there is a plain 1006.
 *
 * @module
 */
import { HANDSHAKE_TIMEOUT_MS, type SocketFactory } from './socket-types.js';

/** The part of the standard `WebSocket` this adapter uses. */
export interface StandardSocket {
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  /** Set to `'arraybuffer'` so binary frames arrive as `ArrayBuffer`. */
  binaryType: string;
  /** Called when the handshake completed. */
  onopen: ((ev: unknown) => void) | null;
  /** Called for each frame. */
  onmessage: ((ev: { readonly data: unknown }) => void) | null;
  /** Called on errors (a close always follows). */
  onerror: ((ev: unknown) => void) | null;
  /** Called once when the socket is gone. */
  onclose: ((ev: { readonly code: number; readonly reason: string }) => void) | null;
  /** Send a text frame. */
  send(data: string): void;
  /** Close (code 1000 or 3000–4999). */
  close(code?: number, reason?: string): void;
}

/** The constructor of the standard `WebSocket`. */
export type StandardSocketClass = new (url: string) => StandardSocket;

const OPEN = 1;
const CONNECTING = 0;

/** The global `WebSocket` constructor, when the runtime has one. */
export function globalWebSocket(): StandardSocketClass | undefined {
  const ctor = (globalThis as { WebSocket?: unknown }).WebSocket;
  return typeof ctor === 'function' ? (ctor as StandardSocketClass) : undefined;
}

const decoder = /* @__PURE__ */ new TextDecoder();

const text = (data: unknown): string => {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return decoder.decode(new Uint8Array(data));
  if (ArrayBuffer.isView(data)) return decoder.decode(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return String(data);
};

/** Codes a standard `WebSocket` accepts in `close()`. */
const closeCode = (code: number): number => (code === 1000 || (code >= 3000 && code <= 4999) ? code : 1000);

/** A socket factory on the given standard `WebSocket` constructor (default: the global one). */
export function createWebSocketFactory(ctor?: StandardSocketClass): SocketFactory {
  return (url, handlers) => {
    let closed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let socket: StandardSocket | undefined;
    const finish = (code: number, reason: string): void => {
      if (closed) return;
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      if (socket) socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
      handlers.onClose(code, reason);
    };
    const Ctor = ctor ?? globalWebSocket();
    try {
      if (!Ctor) throw new Error('no WebSocket implementation in this runtime');
      socket = new Ctor(url);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      queueMicrotask(() => finish(1006, reason));
      return { send: () => false, close: () => finish(1006, reason), terminate: () => finish(1006, reason) };
    }
    const ws = socket;
    ws.binaryType = 'arraybuffer';
    timer = setTimeout(() => {
      ws.close();
      finish(1006, 'handshake timeout');
    }, HANDSHAKE_TIMEOUT_MS);
    ws.onopen = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      handlers.onOpen();
    };
    ws.onmessage = (ev) => {
      if (!closed) handlers.onMessage(text(ev.data));
    };
    ws.onerror = () => undefined;
    ws.onclose = (ev) => finish(ev.code, ev.reason);
    return {
      send(data) {
        if (closed || ws.readyState !== OPEN) return false;
        ws.send(data);
        return true;
      },
      close(code = 1000, reason = '') {
        if (ws.readyState === CONNECTING) {
          ws.close();
          finish(code, reason);
        } else if (ws.readyState === OPEN) ws.close(closeCode(code), reason.slice(0, 120));
      },
      terminate() {
        if (ws.readyState === CONNECTING || ws.readyState === OPEN) ws.close();
        finish(1006, 'terminated');
      },
    };
  };
}

/** A socket factory on the global `WebSocket`. */
export const webSocketFactory: SocketFactory = (url, handlers) => createWebSocketFactory()(url, handlers);
