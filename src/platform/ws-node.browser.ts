/**
 * The `ws` adapter in browser bundles (the package's `browser` field swaps `ws-node.ts` for this
 * module): `ws` does not run there, so {@link wsAvailable} is false and the default socket factory
 * is the global `WebSocket`. The Node.js adapter's code is not shipped to browsers.
 *
 * @module
 */
import type { SocketFactory } from './socket-types.js';

/** Whether `ws` is the real Node.js client: never in a browser bundle. */
export const wsAvailable: boolean = false;

/** The `ws` adapter is Node.js-only; in a browser bundle it throws, naming the factory to use instead. */
export const wsSocketFactory: SocketFactory = () => {
  throw new Error('wsSocketFactory needs the Node.js "ws" package, which does not run in browsers: use webSocketFactory (the global WebSocket)');
};
