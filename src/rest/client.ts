/**
 * The REST client: three groups of methods (`public`, `auth`, `merchant`) generated from the
 * endpoint tables over one transport.
 *
 * @module
 */
import { nonceSourceFor } from '../auth/nonce.js';
import { BfxArgumentError, BfxCredentialsError } from '../errors.js';
import { REST_HOST } from '../hosts.js';
import { authEndpoints, type AuthApi } from './auth.js';
import { bindEndpoints } from './endpoint.js';
import { merchantEndpoints, type MerchantApi } from './merchant.js';
import { publicEndpoints, type PublicApi } from './public.js';
import { resolveRetryPolicy } from './retry.js';
import { createTransport, type Credentials } from './transport.js';
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
  return { apiKey, apiSecret, nonce: nonceSourceFor(apiKey, options.nonce) };
}

/**
 * Creates a REST client.
 *
 * @example
 * const rest = createRestClient({ apiKey, apiSecret });
 * const ticker = await rest.public.getTTicker('tBTCUSD');
 * const wallets = await rest.auth.getWallets({ signal: AbortSignal.timeout(5000) });
 * @throws BfxCredentialsError when only one of `apiKey` / `apiSecret` is given.
 */
export function createRestClient(options: RestClientOptions = {}): RestClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_REST_TIMEOUT_MS;
  if (!(timeoutMs > 0)) throw new BfxArgumentError('Invalid timeoutMs: expected a positive number', 'timeoutMs');
  const fetchFn = options.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
  const transport = createTransport({
    host: options.restHost ?? REST_HOST,
    fetch: fetchFn,
    timeoutMs,
    retry: resolveRetryPolicy(options.retry?.rateLimit),
    logger: options.logger,
    credentials: credentialsOf(options),
  });
  return {
    public: bindEndpoints(publicEndpoints, transport),
    auth: bindEndpoints(authEndpoints, transport),
    merchant: bindEndpoints(merchantEndpoints, transport),
  };
}
