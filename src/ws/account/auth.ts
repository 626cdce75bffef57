/**
 * WebSocket authentication: the `auth` frame (HMAC-SHA384 over `'AUTH' + nonce`, optional
 * `filter`, dead-man switch and `calc`) and the parsing of the server's reply into an
 * {@link AuthInfo} or a typed {@link AuthError}.
 *
 * The frame necessarily carries the API key and the signature; log it only through
 * {@link redactAuthFrame}. Nothing this module throws or returns as an error contains the key,
 * the secret or the signature.
 *
 * @module
 */
import { signWsAuth } from '../../auth/signer.js';
import { nonceSourceFor, type NonceGenerator } from '../../auth/nonce.js';
import { AuthError } from '../../errors.js';
import type { AuthCapability, AuthInfo } from './events.js';

/** Bitfinex's dead-man-switch value: cancel every order of the account when this socket closes. */
export const DMS_CANCEL_ON_DISCONNECT = 4;

/** Options of {@link buildAuthFrame}. */
export interface AuthFrameOptions {
  readonly apiKey: string;
  readonly apiSecret: string;
  /** Strictly increasing per API key and shared with REST (see {@link nextAuthNonce}). */
  readonly nonce: number | string;
  /**
   * Account-channel filter (`trading`, `trading-tBTCUSD`, `funding`, `funding-fUSD`, `wallet`,
   * `wallet-exchange-BTC`, `algo`, `balance`, `notify`); default: everything.
   */
  readonly filter?: readonly string[];
  /** Dead-man switch: when this socket closes, Bitfinex cancels every order of the account. */
  readonly dms?: boolean;
  /** Ask for calculated values (`calc: 1`). */
  readonly calc?: boolean;
}

/** The next auth nonce of `apiKey` from the nonce source it shares with REST. */
export function nextAuthNonce(apiKey: string, custom?: NonceGenerator): number | string {
  return nonceSourceFor(apiKey, custom)();
}

/**
 * Build the `auth` event: `{ event: 'auth', apiKey, authSig, authNonce, authPayload, filter?, dms?, calc? }`.
 *
 * @example
 * const frame = await buildAuthFrame({ apiKey, apiSecret, nonce: nextAuthNonce(apiKey), dms: true });
 * socket.send(JSON.stringify(frame));
 */
export async function buildAuthFrame(o: AuthFrameOptions): Promise<Record<string, unknown>> {
  const { authPayload, authSig } = await signWsAuth(o.apiSecret, o.nonce);
  const frame: Record<string, unknown> = {
    event: 'auth',
    apiKey: o.apiKey,
    authSig,
    authNonce: typeof o.nonce === 'string' && /^\d+$/.test(o.nonce) && Number.isSafeInteger(Number(o.nonce)) ? Number(o.nonce) : o.nonce,
    authPayload,
  };
  if (o.filter !== undefined && o.filter.length > 0) frame.filter = [...o.filter];
  if (o.dms === true) frame.dms = DMS_CANCEL_ON_DISCONNECT;
  if (o.calc !== undefined) frame.calc = o.calc ? 1 : 0;
  return frame;
}

const SECRET_FIELDS = new Set(['apiKey', 'authSig', 'apiSecret', 'authToken']);

/** A copy of an auth frame (or any control frame) that is safe to log: key, signature and secret masked. */
export function redactAuthFrame(frame: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(frame)) out[k] = SECRET_FIELDS.has(k) ? '[redacted]' : v;
  return out;
}

/** Result of {@link parseAuthReply}. */
export type AuthReply = { readonly ok: true; readonly info: AuthInfo } | { readonly ok: false; readonly error: AuthError };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function flag(v: unknown): number {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

/** Normalise `caps`: an object (modern) or a JSON string with string digits (2020 docs). */
export function parseCaps(caps: unknown): Record<string, AuthCapability> {
  let value = caps;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return {};
    }
  }
  const out: Record<string, AuthCapability> = {};
  if (!isRecord(value)) return out;
  for (const [name, cap] of Object.entries(value)) {
    if (isRecord(cap)) out[name] = { read: flag(cap.read), write: flag(cap.write) };
  }
  return out;
}

/**
 * Interpret the server's `auth` event. `status: "OK"` gives the {@link AuthInfo} for the
 * `authenticated` event; anything else (`FAILED`, the 2020 docs' `FAIL`) gives an
 * {@link AuthError} carrying Bitfinex's code (10100 bad key or signature, 10114 nonce too small, ...).
 */
export function parseAuthReply(msg: Record<string, unknown>): AuthReply {
  if (msg.status === 'OK') {
    const userId = typeof msg.userId === 'number' ? msg.userId : Number(msg.userId ?? NaN);
    const authId = typeof msg.auth_id === 'string' ? msg.auth_id : typeof msg.authId === 'string' ? msg.authId : '';
    return { ok: true, info: { userId, authId, caps: parseCaps(msg.caps), raw: { ...msg } } };
  }
  const code = typeof msg.code === 'number' ? msg.code : typeof msg.code === 'string' && /^\d+$/.test(msg.code) ? Number(msg.code) : undefined;
  const text = typeof msg.msg === 'string' && msg.msg !== '' ? msg.msg : `status ${String(msg.status ?? 'missing')}`;
  const message = `WebSocket authentication failed${code === undefined ? '' : ` (${code})`}: ${text}`;
  return { ok: false, error: new AuthError(message, code === undefined ? {} : { bfxCode: code }) };
}
