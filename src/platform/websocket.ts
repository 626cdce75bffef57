/**
 * Socket adapters and the default one. In Node.js the default is the `ws` client (handshake
 * timeout, HTTP status of a refused upgrade); everywhere else (browsers, workers, Deno, Bun) it is
 * the global `WebSocket`. The choice is made by feature detection: bundlers for browsers resolve
 * `ws` to its browser stub, which {@link wsAvailable} recognises.
 *
 * @module
 */
import type { SocketFactory } from './socket-types.js';
import { wsAvailable, wsSocketFactory } from './ws-node.js';
import { webSocketFactory } from './web-socket.js';

export { CLOSE_HTTP_REFUSED, HANDSHAKE_TIMEOUT_MS, type SocketConnection, type SocketFactory, type SocketHandlers } from './socket-types.js';
export { wsAvailable, wsSocketFactory } from './ws-node.js';
export { createWebSocketFactory, webSocketFactory, type StandardSocket, type StandardSocketClass } from './web-socket.js';

/** The socket factory for this runtime: `ws` where it works (Node.js), else the global `WebSocket`. */
export const defaultSocketFactory: SocketFactory = (url, handlers) => (wsAvailable ? wsSocketFactory : webSocketFactory)(url, handlers);

/**
 * The default socket factory (see {@link defaultSocketFactory}).
 *
 * Kept under its old name for existing imports; it is no longer Node-only.
 */
export const nodeSocketFactory: SocketFactory = defaultSocketFactory;
