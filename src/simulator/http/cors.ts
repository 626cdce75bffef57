/**
 * CORS for the simulator's REST face, so a page on another origin (a dashboard under test) can
 * call it: every response allows any origin, and `OPTIONS` preflights are answered with 204.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Headers a browser may send: the Bitfinex auth headers and the JSON body type. */
export const CORS_ALLOWED_HEADERS = 'bfx-nonce, bfx-apikey, bfx-signature, content-type';

/** Adds the CORS headers to `res`; returns true when `req` was a preflight and is answered. */
export function applyCors(req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader('access-control-allow-origin', '*');
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': CORS_ALLOWED_HEADERS,
    'access-control-max-age': '600',
    'content-length': 0,
  });
  res.end();
  return true;
}
