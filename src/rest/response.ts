/**
 * Response classification: Bitfinex error arrays, rate limits, malformed bodies.
 *
 * @module
 */
import { BfxApiError, BfxProtocolError, BfxRateLimitError, type BfxError } from '../errors.js';

const RATE_LIMIT_CODE = 11010;

/** A short, single-line excerpt of a response body for error messages. */
export function excerpt(text: string, max = 120): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

function isErrorArray(body: unknown): body is ['error', unknown, unknown, ...unknown[]] {
  return Array.isArray(body) && body[0] === 'error';
}

/**
 * Turns an HTTP answer into its JSON body, or the typed error it stands for:
 * `["error", code, msg]` (any status) → {@link BfxApiError}; HTTP 429 or code 11010 →
 * {@link BfxRateLimitError}; 404, HTML or non-JSON → {@link BfxProtocolError} `ERR_BFX_BAD_RESPONSE`.
 */
export function parseResponse(status: number, text: string, endpoint: string): { ok: true; body: unknown } | { ok: false; error: BfxError } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    if (status === 429) return { ok: false, error: new BfxRateLimitError(`Rate limited on ${endpoint} (HTTP 429)`, { status, endpoint }) };
    const kind = status === 404 ? 'HTTP 404 (unknown endpoint)' : `HTTP ${status}, body is not JSON`;
    return { ok: false, error: new BfxProtocolError(`Bad response from ${endpoint}: ${kind}`, { code: 'ERR_BFX_BAD_RESPONSE', excerpt: excerpt(text) }) };
  }
  if (isErrorArray(body)) {
    const code = typeof body[1] === 'number' ? body[1] : undefined;
    const msg = typeof body[2] === 'string' ? body[2] : 'unknown error';
    if (status === 429 || code === RATE_LIMIT_CODE) {
      return { ok: false, error: new BfxRateLimitError(`Rate limited on ${endpoint}: ${msg}`, { status, endpoint, bfxCode: code }) };
    }
    return { ok: false, error: new BfxApiError(`${endpoint}: ${msg}${code === undefined ? '' : ` (${code})`}`, { bfxCode: code, status, endpoint }) };
  }
  const objectError = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { error?: unknown }).error : undefined;
  if (status === 429 || objectError === 'ERR_RATE_LIMIT') {
    return { ok: false, error: new BfxRateLimitError(`Rate limited on ${endpoint} (HTTP ${status})`, { status, endpoint }) };
  }
  if (status === 404) {
    return { ok: false, error: new BfxProtocolError(`Bad response from ${endpoint}: HTTP 404`, { code: 'ERR_BFX_BAD_RESPONSE', excerpt: excerpt(text) }) };
  }
  if (status < 200 || status >= 300) {
    const msg = typeof objectError === 'string' ? objectError : `HTTP ${status}`;
    return { ok: false, error: new BfxApiError(`${endpoint}: ${msg}`, { status, endpoint }) };
  }
  return { ok: true, body };
}

/** A {@link BfxProtocolError} for a body whose shape does not match the endpoint. */
export function badShape(endpoint: string, expected: string, body: unknown): BfxProtocolError {
  let text: string;
  try {
    text = JSON.stringify(body) ?? String(body);
  } catch {
    text = String(body);
  }
  return new BfxProtocolError(`Bad response from ${endpoint}: expected ${expected}`, { code: 'ERR_BFX_BAD_RESPONSE', excerpt: excerpt(text) });
}
