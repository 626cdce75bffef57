/**
 * Bitfinex's REST rate limits per route group (requests per minute per IP), the one table the
 * client's pacing and the simulator's enforcement both read. The source of each number, row by row:
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

/**
 * The table the pacing reads: `[pattern, perMinute, group?]` per row, first match wins (the same
 * rows as {@link REST_ROUTE_LIMITS}, without the sources, so a client does not carry their text).
 */
const ROWS: readonly (readonly [pattern: RegExp, perMinute: number, group?: string])[] = [
  [/^platform\/status$/, 30, 'platform/status'],
  [/^tickers\/hist$/, 90, 'tickers/hist'],
  [/^tickers$/, 90, 'tickers'],
  [/^ticker\/[^/]+$/, 30, 'ticker'],
  [/^trades\/[^/]+\/hist$/, 15, 'trades'],
  [/^book\/[^/]+\/[^/]+$/, 240, 'book'],
  [/^stats1\//, 90, 'stats1'],
  [/^candles\//, 90, 'candles'],
  [/^conf\//, 90, 'conf'],
  [/^status\/deriv(?:\/[^/]+\/hist)?$/, 90, 'status/deriv'],
  [/^liquidations\/hist$/, 3, 'liquidations'],
  [/^rankings\//, 90, 'rankings'],
  [/^pulse\//, 90, 'pulse'],
  [/^calc\/trade\/avg$/, 20, 'calc/trade/avg'],
  [/^calc\/fx$/, 20, 'calc/fx'],
  [/^auth\/calc\/order\/avail$/, 30, 'auth/calc/order/avail'],
  [/^auth\/w\/deposit\/address$/, 10, 'auth/w/deposit/address'],
  [/^auth\/w\/pulse\/add$/, 15, 'auth/w/pulse/add'],
  [/^auth\/r\/deposit\/address\/all$/, 10, 'auth/r/deposit/address/all'],
  [/^auth\/w\/alert\//, 90],
  [/^auth\/r\/alerts$/, 45],
  [/^auth\/r\/funding\//, 90],
  [/^auth\/r\//, 45],
];

/** Where each row's number comes from, by row. */
const SOURCES: readonly string[] = [
  'docs (Platform Status: 30; docs-2020: 15)',
  'docs (Tickers History: 90)',
  'docs (Tickers: 90; docs-2020: 30)',
  'docs-2020 (Ticker: 30; the current page says 90, unconfirmed)',
  'docs (Trades: 15; docs-2020: 30)',
  'docs (Book: 240; docs-2020: 30)',
  'docs (Stats: 90)',
  'docs (Candles: 90; docs-2020: 60)',
  'ccxt (conf: 90; docs-2020: 15)',
  'docs (Derivatives Status and its History: 90)',
  'ccxt (liquidations weight ≈ 3 per minute)',
  'docs (Leaderboards: 90)',
  'docs (Pulse History / Pulse Profile: 90)',
  'docs (Market Average Price: 20)',
  'docs (Foreign Exchange Rate: 20)',
  'docs (Balance Available for Orders/Offers: 30)',
  'docs (Deposit Address: ≈ 10)',
  'docs (Add Pulse: 15)',
  'docs (Deposit Address List: 10)',
  'docs (Alert Set / Alert Delete: 90)',
  'docs (Alert List: 45)',
  'docs (funding offers/loans/credits/trades pages: 90; docs-2020: 45)',
  'docs-2020 (authenticated reads: 45)',
];

/** The documented limits, first match wins. */
export const REST_ROUTE_LIMITS: readonly RouteLimit[] = /*#__PURE__*/ ROWS.map(([pattern, perMinute, group], i) =>
  group === undefined ? { pattern, perMinute, source: SOURCES[i] as string } : { group, pattern, perMinute, source: SOURCES[i] as string },
);

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
  const row = ROWS.find(([pattern]) => pattern.test(path));
  const group = row?.[2] ?? defaultGroupOf(path);
  return { group, perMinute: overrides[group] ?? row?.[1] ?? defaultPerMinute };
}
