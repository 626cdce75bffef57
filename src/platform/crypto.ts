/**
 * HMAC adapter on WebCrypto (`crypto.subtle`), which browsers, Node.js ≥ 20, Deno, Bun and
 * workers all provide, so the main entry never imports `node:crypto`. Imported keys are cached
 * per secret (a handful of keys per process), so a signature costs one `sign` call.
 *
 * @module
 */

/** The part of WebCrypto's `SubtleCrypto` this adapter uses. */
interface Subtle {
  importKey(format: 'raw', key: Uint8Array, algorithm: { name: 'HMAC'; hash: 'SHA-384' }, extractable: false, usages: ['sign']): Promise<unknown>;
  sign(algorithm: 'HMAC', key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}

/** Keys kept at most; beyond that the oldest is dropped. */
const MAX_KEYS = 16;
const keys = new Map<string, Promise<unknown>>();
const encoder = /* @__PURE__ */ new TextEncoder();
const HEX = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function subtle(): Subtle {
  const s = (globalThis as { crypto?: { subtle?: Subtle } }).crypto?.subtle;
  if (!s) throw new Error('WebCrypto (crypto.subtle) is not available: signing needs a secure context (https or localhost) or Node.js >= 20');
  return s;
}

function keyFor(secret: string): Promise<unknown> {
  let key = keys.get(secret);
  if (key === undefined) {
    // WebCrypto refuses a zero-length key; HMAC zero-pads short keys, so one zero byte is equivalent.
    const raw = secret.length === 0 ? new Uint8Array(1) : encoder.encode(secret);
    key = subtle().importKey('raw', raw, { name: 'HMAC', hash: 'SHA-384' }, false, ['sign']);
    key.catch(() => keys.delete(secret));
    if (keys.size >= MAX_KEYS) keys.delete(keys.keys().next().value as string);
    keys.set(secret, key);
  }
  return key;
}

async function compute(secret: string, message: string): Promise<string> {
  const mac = new Uint8Array(await subtle().sign('HMAC', await keyFor(secret), encoder.encode(message)));
  let hex = '';
  for (const byte of mac) hex += HEX[byte];
  return hex;
}

/** The last signature handed out; the next one settles after it. */
let tail: Promise<unknown> = Promise.resolve();

/**
 * Lowercase hex HMAC-SHA384 of `message` keyed with `secret` (both UTF-8).
 *
 * Signatures are computed concurrently but settle in call order. Callers draw a nonce and sign
 * at once, so requests leave in nonce order (WebCrypto's `sign` may otherwise finish out of
 * order, and Bitfinex refuses a nonce smaller than one it has seen, error 10114).
 */
export function hmacSha384Hex(secret: string, message: string): Promise<string> {
  const result = compute(secret, message);
  const ordered = tail.then(() => result);
  tail = ordered.catch(() => undefined);
  return ordered;
}
