/**
 * Bitfinex's REST rate limits per route group (requests per minute per IP), the one table the
 * client's pacing and the simulator's enforcement both read. Sources beside each number:
 * `docs` = the endpoint's page on docs.bitfinex.com (current), `docs-2020` = the May-2020 export
 * of the same pages (f3rno64/bfx-oss-docs), `ccxt` = ccxt's bitfinex2 rate-limit weights; see
 * protocol.md §3.4. Where no number is documented the group gets {@link DEFAULT_ROUTE_LIMIT}, the
 * low end of the "10 to 90 requests per minute depending on endpoint" that the docs guarantee.
 * The exact current numbers are [UNCERTAIN]: Bitfinex says they may change.
 *
 * @module
 */

/** One row of the limits table. */
export interface RouteLimit {
  /** Bucket name shared by every route of the row; absent: one bucket per route (the route's path with its symbol left out). */
  readonly group?: string;
  /** Matches the request path after `/v2/` (no query string). */
  readonly pattern: RegExp;
  /** Requests per minute per IP. */
  readonly perMinute: number;
  /** Where the number comes from. */
  readonly source: string;
}

/** Requests per minute of a route group with no documented limit. */
export const DEFAULT_ROUTE_LIMIT = 10;

/** The documented limits, first match wins. */
export const REST_ROUTE_LIMITS: readonly RouteLimit[] = [
  { group: 'platform/status', pattern: /^platform\/status$/, perMinute: 30, source: 'docs (Platform Status: 30; docs-2020: 15)' },
  { group: 'tickers/hist', pattern: /^tickers\/hist$/, perMinute: 90, source: 'docs (Tickers History: 90)' },
  { group: 'tickers', pattern: /^tickers$/, perMinute: 90, source: 'docs (Tickers: 90; docs-2020: 30)' },
  { group: 'ticker', pattern: /^ticker\/[^/]+$/, perMinute: 30, source: 'docs-2020 (Ticker: 30; the current page says 90, unconfirmed)' },
  { group: 'trades', pattern: /^trades\/[^/]+\/hist$/, perMinute: 15, source: 'docs (Trades: 15; docs-2020: 30)' },
  { group: 'book', pattern: /^book\/[^/]+\/[^/]+$/, perMinute: 240, source: 'docs (Book: 240; docs-2020: 30)' },
  { group: 'stats1', pattern: /^stats1\//, perMinute: 90, source: 'docs (Stats: 90)' },
  { group: 'candles', pattern: /^candles\//, perMinute: 90, source: 'docs (Candles: 90; docs-2020: 60)' },
  { group: 'conf', pattern: /^conf\//, perMinute: 90, source: 'ccxt (conf: 90; docs-2020: 15)' },
  { group: 'status/deriv', pattern: /^status\/deriv(?:\/[^/]+\/hist)?$/, perMinute: 90, source: 'docs (Derivatives Status and its History: 90)' },
  { group: 'liquidations', pattern: /^liquidations\/hist$/, perMinute: 3, source: 'ccxt (liquidations weight ≈ 3 per minute)' },
  { group: 'rankings', pattern: /^rankings\//, perMinute: 90, source: 'docs (Leaderboards: 90)' },
  { group: 'pulse', pattern: /^pulse\//, perMinute: 90, source: 'docs (Pulse History / Pulse Profile: 90)' },
  { group: 'calc/trade/avg', pattern: /^calc\/trade\/avg$/, perMinute: 20, source: 'docs (Market Average Price: 20)' },
  { group: 'calc/fx', pattern: /^calc\/fx$/, perMinute: 20, source: 'docs (Foreign Exchange Rate: 20)' },
  { group: 'auth/calc/order/avail', pattern: /^auth\/calc\/order\/avail$/, perMinute: 30, source: 'docs (Balance Available for Orders/Offers: 30)' },
  { group: 'auth/w/deposit/address', pattern: /^auth\/w\/deposit\/address$/, perMinute: 10, source: 'docs (Deposit Address: ≈ 10)' },
  { group: 'auth/w/pulse/add', pattern: /^auth\/w\/pulse\/add$/, perMinute: 15, source: 'docs (Add Pulse: 15)' },
  { group: 'auth/r/deposit/address/all', pattern: /^auth\/r\/deposit\/address\/all$/, perMinute: 10, source: 'docs (Deposit Address List: 10)' },
  { pattern: /^auth\/w\/alert\//, perMinute: 90, source: 'docs (Alert Set / Alert Delete: 90)' },
  { pattern: /^auth\/r\/alerts$/, perMinute: 45, source: 'docs (Alert List: 45)' },
  { pattern: /^auth\/r\/funding\//, perMinute: 90, source: 'docs (funding offers/loans/credits/trades pages: 90; docs-2020: 45)' },
  { pattern: /^auth\/r\//, perMinute: 45, source: 'docs-2020 (authenticated reads: 45)' },
];

/** The group of a path that no row matches: the path with its variable segments (symbols, ids, keys) as `*`. */
export function defaultGroupOf(path: string): string {
  return path
    .split('/')
    .map((seg) => (/[A-Z0-9:]/.test(seg) ? '*' : seg))
    .join('/');
}

/** The limit row that applies to `path`, or undefined for the default. */
export function routeLimitOf(path: string, table: readonly RouteLimit[] = REST_ROUTE_LIMITS): RouteLimit | undefined {
  return table.find((row) => row.pattern.test(path));
}

/** Bucket name and limit of `path` (overrides by bucket name win over the table). */
export function resolveRouteLimit(
  path: string,
  overrides: Readonly<Record<string, number>> = {},
  defaultPerMinute = DEFAULT_ROUTE_LIMIT,
): { readonly group: string; readonly perMinute: number } {
  const row = routeLimitOf(path);
  const group = row?.group ?? defaultGroupOf(path);
  return { group, perMinute: overrides[group] ?? row?.perMinute ?? defaultPerMinute };
}
