/**
 * Credential checks: API key, HMAC-SHA384 signature and a strictly increasing nonce per key
 * (one counter shared by REST and WebSocket). A failed check never advances the nonce.
 *
 * @module
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Largest accepted nonce (2^53 - 1). */
export const MAX_NONCE = 9007199254740991n;

/** Parse a nonce given as a number or a digit string; undefined when malformed or out of range. */
export function parseNonce(nonce: string | number): bigint | undefined {
  let n: bigint;
  if (typeof nonce === 'number') {
    if (!Number.isSafeInteger(nonce) || nonce < 0) return undefined;
    n = BigInt(nonce);
  } else {
    if (!/^\d{1,20}$/.test(nonce)) return undefined;
    n = BigInt(nonce);
  }
  return n <= MAX_NONCE ? n : undefined;
}

/** Constant-time comparison of a hex signature with the expected HMAC-SHA384 of `payload`. */
export function signatureValid(secret: string, payload: string, signature: string): boolean {
  const expected = createHmac('sha384', secret).update(payload, 'utf8').digest();
  if (!/^[0-9a-fA-F]{96}$/.test(signature)) return false;
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

/** Last accepted nonce per API key. */
export interface NonceBook {
  /** Accept `nonce` for `apiKey` if strictly greater than the last one (and record it). */
  accept(apiKey: string, nonce: bigint): boolean;
}

/** Create an empty {@link NonceBook}. */
export function createNonceBook(): NonceBook {
  const last = new Map<string, bigint>();
  return {
    accept(apiKey, nonce) {
      const prev = last.get(apiKey);
      if (prev !== undefined && nonce <= prev) return false;
      last.set(apiKey, nonce);
      return true;
    },
  };
}
