/**
 * HMAC adapter. The only place the client touches `node:crypto`; a browser build swaps this file
 * for one on WebCrypto (`crypto.subtle.sign('HMAC', ...)`), which is why the signature is async.
 *
 * @module
 */
import { createHmac } from 'node:crypto';

/** Lowercase hex HMAC-SHA384 of `message` keyed with `secret` (both UTF-8). */
export async function hmacSha384Hex(secret: string, message: string): Promise<string> {
  return createHmac('sha384', secret).update(message, 'utf8').digest('hex');
}
