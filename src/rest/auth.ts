/**
 * The authenticated endpoint table: trading, funding and account entries together.
 *
 * @module
 */
import { authAccountEndpoints } from './auth-account.js';
import { authFundingEndpoints } from './auth-funding.js';
import { authTradingEndpoints } from './auth-trading.js';
import type { ApiOf } from './endpoint.js';

/** Every authenticated endpoint (44 of python's surface plus documented extras). */
export const authEndpoints = { ...authAccountEndpoints, ...authTradingEndpoints, ...authFundingEndpoints } as const;

/** The authenticated REST API: one method per entry of {@link authEndpoints}. */
export type AuthApi = ApiOf<typeof authEndpoints>;
