/**
 * The REST client: three groups of methods (`public`, `auth`, `merchant`) generated from the
 * endpoint tables over one transport.
 *
 * @module
 */
import { nonceLaneFor, nonceSourceFor } from '../auth/nonce.js';
import { BfxCredentialsError } from '../errors.js';
import { REST_HOST } from '../hosts.js';
import { authEndpoints, type AuthApi } from './auth.js';
import { bindEndpoints } from './endpoint.js';
import { merchantEndpoints, type MerchantApi } from './merchant.js';
import { checkPacing, checkRestOptions, checkSigning } from './options.js';
import { createPacer, sharedPacerFor } from './pacing.js';
import { publicEndpoints, type PublicApi } from './public.js';
import { resolveRetryPolicy } from './retry.js';
import { createTransport, DEFAULT_NONCE_RETRY, type Credentials } from './transport.js';
import type { RestClientOptions } from './types.js';

/** The REST client. Every method takes an optional last `{ signal, timeoutMs }` argument. */
export interface RestClient {
  /** Public endpoints (never signed). */
  readonly public: PublicApi;
  /** Authenticated endpoints (need `apiKey` and `apiSecret`). */
  readonly auth: AuthApi;
  /** Merchant (Bitfinex Pay) endpoints (need `apiKey` and `apiSecret`). */
  readonly merchant: MerchantApi;
}

/** Default request timeout in ms. */
export const DEFAULT_REST_TIMEOUT_MS = 30_000;

function credentialsOf(options: RestClientOptions): Credentials | undefined {
  const { apiKey, apiSecret } = options;
  if (apiKey === undefined && apiSecret === undefined) return undefined;
  if (!apiKey || !apiSecret) throw new BfxCredentialsError('Both apiKey and apiSecret are required (only one was given)');
  // Registers a custom generator as the key's process-wide source (shared with WebSocket auth).
  nonceSourceFor(apiKey, options.nonce);
  const { maxInFlight } = checkSigning(options.signing);
  return { apiKey, apiSecret, lane: nonceLaneFor(apiKey, maxInFlight === undefined ? {} : { maxInFlight }) };
}

/**
 * Creates a REST client.
 *
 * @example
 * const rest = createRestClient({ apiKey, apiSecret });
 * const ticker = await rest.public.getTTicker('tBTCUSD');
 * const wallets = await rest.auth.getWallets({ signal: AbortSignal.timeout(5000) });
 * @throws BfxCredentialsError when only one of `apiKey` / `apiSecret` is given.
 * @throws BfxArgumentError when an option is unknown or out of range (named in the error).
 */
export function createRestClient(options: RestClientOptions = {}): RestClient {
  checkRestOptions(options);
  const timeoutMs = options.timeoutMs ?? DEFAULT_REST_TIMEOUT_MS;
  const fetchFn = options.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
  const pacing = checkPacing(options.pacing);
  const signing = checkSigning(options.signing);
  const host = options.restHost ?? REST_HOST;
  // Default pacing is shared by every client of the host (Bitfinex counts per IP); custom
  // pacing options get buckets of their own.
  const pacer = pacing === undefined ? undefined : options.pacing === undefined || options.pacing === true ? sharedPacerFor(host) : createPacer(pacing);
  const transport = createTransport({
    host,
    fetch: fetchFn,
    timeoutMs,
    retry: resolveRetryPolicy(options.retry?.rateLimit),
    logger: options.logger,
    credentials: credentialsOf(options),
    pacer,
    nonceRetry: {
      retries: signing.nonceRetries ?? DEFAULT_NONCE_RETRY.retries,
      delayMs: signing.nonceRetryDelayMs ?? DEFAULT_NONCE_RETRY.delayMs,
    },
  });
  return {
    public: bindEndpoints(publicEndpoints, transport),
    auth: bindEndpoints(authEndpoints, transport),
    merchant: bindEndpoints(merchantEndpoints, transport),
  };
}
