/**
 * The `ws` adapter: the only module that imports `ws`. It opens one client socket and reports
 * everything that can happen to it through plain callbacks. No error ever reaches an
 * EventEmitter `'error'` without a listener: refused connects, HTTP errors at the upgrade
 * (`unexpected-response`, e.g. 429) and protocol errors all end in exactly one `onClose`.
 *
 * Bundlers targeting browsers resolve `ws` to its tiny browser stub (its `browser` export
 * condition); {@link wsAvailable} tells the stub from the real thing.
 *
 * @module
 */
import WebSocket from 'ws';
import { CLOSE_HTTP_REFUSED, HANDSHAKE_TIMEOUT_MS, type SocketFactory } from './socket-types.js';

/** Whether `ws` is the real Node.js client (false for its browser stub). */
export const wsAvailable: boolean = typeof WebSocket === 'function' && (WebSocket as { OPEN?: unknown }).OPEN === 1;

const text = (data: WebSocket.RawData): string => {
  if (typeof data === 'string') return data;
  // The common case (a text frame arrives as a Buffer): decode in place, never `Buffer.from` (a copy).
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
};

/** The Node.js socket factory built on `ws`. */
export const wsSocketFactory: SocketFactory = (url, handlers) => {
  let closed = false;
  let lastError = '';
  const finish = (code: number, reason: string): void => {
    if (closed) return;
    closed = true;
    handlers.onClose(code, reason);
  };
  const ws = new WebSocket(url, { handshakeTimeout: HANDSHAKE_TIMEOUT_MS });
  ws.on('open', () => handlers.onOpen());
  ws.on('message', (data) => {
    if (!closed) handlers.onMessage(text(data));
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
