/**
 * The `ws` adapter: the only module that imports `ws`. It opens one client socket and reports
 * everything that can happen to it through plain callbacks. No error ever reaches an
 * EventEmitter `'error'` without a listener: refused connects, HTTP errors at the upgrade
 * (`unexpected-response`, e.g. 429) and protocol errors all end in exactly one `onClose`.
 *
 * @module
 */
import WebSocket from 'ws';

/** Callbacks of one socket; `onClose` is called exactly once, whatever happened. */
export interface SocketHandlers {
  onOpen(): void;
  onMessage(data: string): void;
  /** The socket is gone: close code (1006 when there was no close frame) and reason. */
  onClose(code: number, reason: string): void;
}

/** One open (or opening) socket. */
export interface SocketConnection {
  /** Send a text frame; ignored when the socket is not open. Returns whether it was sent. */
  send(data: string): boolean;
  /** Close with a close frame (or abort the handshake when still connecting). */
  close(code?: number, reason?: string): void;
  /** Cut the connection without a close frame. */
  terminate(): void;
}

/** Opens a socket to `url`. */
export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketConnection;

/** Close code reported when the server refused the upgrade with an HTTP status. */
export const CLOSE_HTTP_REFUSED = 4429;

const text = (data: WebSocket.RawData): string => {
  if (typeof data === 'string') return data;
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
};

/** The Node.js socket factory built on `ws`. */
export const nodeSocketFactory: SocketFactory = (url, handlers) => {
  let closed = false;
  let lastError = '';
  const finish = (code: number, reason: string): void => {
    if (closed) return;
    closed = true;
    handlers.onClose(code, reason);
  };
  const ws = new WebSocket(url, { handshakeTimeout: 10_000 });
  ws.on('open', () => handlers.onOpen());
  ws.on('message', (data, isBinary) => {
    if (!closed) handlers.onMessage(isBinary ? text(data) : text(data));
  });
  ws.on('error', (err: Error) => {
    lastError = err.message;
  });
  ws.on('unexpected-response', (req, res) => {
    const status = res.statusCode ?? 0;
    res.resume();
    req.destroy();
    finish(status === 429 ? CLOSE_HTTP_REFUSED : 1006, `HTTP ${status} at upgrade`);
  });
  ws.on('close', (code: number, reason: Buffer) => {
    finish(code, reason.length > 0 ? reason.toString('utf8') : lastError);
  });
  return {
    send(data) {
      if (ws.readyState !== WebSocket.OPEN) return false;
      ws.send(data);
      return true;
    },
    close(code = 1000, reason = '') {
      if (ws.readyState === WebSocket.CONNECTING) {
        ws.terminate();
        finish(code, reason);
      } else if (ws.readyState === WebSocket.OPEN) ws.close(code, reason);
    },
    terminate() {
      ws.terminate();
    },
  };
};
