/**
 * The socket contract every platform adapter implements: plain callbacks in, a small handle out.
 *
 * @module
 */

/** Callbacks of one socket; `onClose` is called exactly once, whatever happened. */
export interface SocketHandlers {
  /** The handshake completed; frames can be sent. */
  onOpen(): void;
  /** A text frame arrived (binary frames are decoded as UTF-8). */
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

/** Handshake timeout of the built-in adapters, in ms. */
export const HANDSHAKE_TIMEOUT_MS = 10_000;
