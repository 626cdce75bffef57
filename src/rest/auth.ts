/**
 * The authenticated endpoint table: trading, funding and account entries together.
 *
 * @module
 */
import { authAccountEndpoints } from './auth-account.js';
import { authExtraEndpoints } from './auth-extra.js';
import { authFundingEndpoints } from './auth-funding.js';
import { authTradingEndpoints } from './auth-trading.js';
import type { ApiOf } from './endpoint.js';

/** Every authenticated endpoint (python's 44 plus the documented extras and issue 15's additions). */
export const authEndpoints = { ...authAccountEndpoints, ...authTradingEndpoints, ...authFundingEndpoints, ...authExtraEndpoints } as const;

/** The authenticated REST API: one method per entry of {@link authEndpoints}. */
export type AuthApi = ApiOf<typeof authEndpoints>;
