/**
 * The authenticated REST routes of the simulator (`POST /v2/auth/...`, every one `auth: true`):
 * every path of the Python v3 surface (44 methods, 56 concrete paths) plus the extras of
 * protocol.md §3.7. Reads answer arrays of wire arrays; writes answer notifications produced by
 * the same input path the WebSocket uses. Bad parameters → `["error",10020,"<field>: invalid"]`;
 * a key without the needed permission → `["error",10001,"api_key: permission invalid"]`.
 *
 * @module
 */
import type { MarketEngine, SimExchange, SimRoute } from '../contracts.js';
import { accountRoutes } from '../exchange/rest/account.js';
import { fundingRoutes } from '../exchange/rest/funding.js';
import { orderRoutes } from '../exchange/rest/orders.js';
import { positionRoutes } from '../exchange/rest/positions.js';
import { walletRoutes } from '../exchange/rest/wallets.js';

/**
 * Build the authenticated routes. The REST handler verifies the signature through
 * `exchange.verify` and hands the account over as `req.account`; routes only accept accounts
 * created by {@link createSimExchange}.
 */
export function authRoutes(_exchange: SimExchange, market: MarketEngine): SimRoute[] {
  return [
    ...orderRoutes(market),
    ...positionRoutes(market),
    ...fundingRoutes(market),
    ...walletRoutes(),
    ...accountRoutes(market),
  ];
}
