/**
 * Bitfinex request signatures (HMAC-SHA384, lowercase hex) for REST calls and WebSocket auth.
 * The secret is only ever passed to the HMAC adapter; callers must never log the result.
 *
 * @module
 */
import { hmacSha384Hex } from '../platform/crypto.js';

/** The fixed prefix of the signed REST path; it does not depend on the host. */
export const REST_SIGNATURE_PREFIX = '/api/v2/';

/**
 * Signature of an authenticated REST call: HMAC-SHA384 of `'/api/v2/' + path + nonce + body`.
 *
 * @param secret - API secret.
 * @param path - Endpoint path without leading slash and without query string (`auth/r/wallets`).
 * @param nonce - The nonce sent in `bfx-nonce`.
 * @param body - The exact body string sent (`''` when no body is sent).
 */
export function signRest(secret: string, path: string, nonce: string | number, body: string): Promise<string> {
  return hmacSha384Hex(secret, `${REST_SIGNATURE_PREFIX}${path}${nonce}${body}`);
}

/** The signed part of a WebSocket `auth` frame. */
export interface WsAuthSignature {
  /** `'AUTH' + nonce`. */
  readonly authPayload: string;
  /** HMAC-SHA384 hex of `authPayload`. */
  readonly authSig: string;
}

/**
 * Signature of a WebSocket `auth` event: `authPayload = 'AUTH' + nonce`, `authSig` its HMAC.
 *
 * @param secret - API secret.
 * @param nonce - The nonce also sent as `authNonce`.
 */
export async function signWsAuth(secret: string, nonce: string | number): Promise<WsAuthSignature> {
  const authPayload = `AUTH${nonce}`;
  return { authPayload, authSig: await hmacSha384Hex(secret, authPayload) };
}
