/**
 * The public REST endpoints (python-v3-surface.md §2.3), as data. Unsigned; GET with query
 * params, POST with a JSON body for the two calculations.
 *
 * @module
 */
import {
  models,
  type DerivativesStatus,
  type FundingCurrencyBook,
  type FundingCurrencyRawBook,
  type FundingCurrencyTicker,
  type FundingCurrencyTrade,
  type FundingMarketAveragePrice,
  type FundingStatistic,
  type FxRate,
  type Leaderboard,
  type Liquidation,
  type PlatformStatus,
  type PulseMessage,
  type PulseProfile,
  type Statistic,
  type TickersHistory,
  type TradingMarketAveragePrice,
  type TradingPairBook,
  type TradingPairRawBook,
  type TradingPairTicker,
  type TradingPairTrade,
} from '../models/index.js';
import { first, keyed, list, objects, one } from './decode.js';
import type { Vasp } from './extra-models.js';
import { defineEndpoint, HISTORY_PARAMS, SORTED_HISTORY_PARAMS, type ApiOf, type Check, type Decoder } from './endpoint.js';
import type { Decimal, HistoryParams, SortedHistoryParams } from './types.js';
import {
  validateCandleSymbol,
  validateDecimal,
  validatePeriod,
  validatePrecision,
  validateString,
  validateSymbol,
  validateSymbols,
  validateTimeframe,
  type BookLength,
  type BookPrecision,
  type Timeframe,
} from './validate.js';

/** A list of symbols, or `'ALL'`. */
export type SymbolList = readonly string[] | 'ALL';
/** `len` of book requests. */
export interface BookParams {
  /** Number of price levels: 1, 25 or 100. */
  readonly len?: BookLength;
}
/** Parameters of `getTradingMarketAveragePrice`. */
export interface TradingAveragePriceParams {
  /** Trading pair (`tBTCUSD`). */
  readonly symbol: string;
  /** Signed amount (positive buys). */
  readonly amount: Decimal;
  /** Limit price. */
  readonly priceLimit?: Decimal;
}
/** Parameters of `getFundingMarketAveragePrice`. */
export interface FundingAveragePriceParams {
  /** Funding currency (`fUSD`). */
  readonly symbol: string;
  /** Amount to lend (positive) or borrow (negative). */
  readonly amount: Decimal;
  /** Period in days (2–120). */
  readonly period: number;
  /** Limit rate. */
  readonly rateLimit?: Decimal;
}

const trading: Check = (v, n) => validateSymbol(v, 'trading', n);
const funding: Check = (v, n) => validateSymbol(v, 'funding', n);
const symbols: Check = (v, n) => validateSymbols(v, 'any', n);
const aggregated: Check = (v, n) => validatePrecision(v, false, n);
const text: Check = (v, n) => validateString(v, n);
const decimal: Check = (v, n) => validateDecimal(v, n);
const candle: Record<string, Check> = { symbol: validateCandleSymbol, tf: validateTimeframe };

const tickerModel = (key: string) => (key.startsWith('t') ? models.TradingPairTicker : key.startsWith('f') ? models.FundingCurrencyTicker : undefined);

/** `GET` endpoint defaults shared by the table. */
const GET = { method: 'GET', auth: false, keys: 'snake' } as const;

const tickers = <T extends object>(kind: 't' | 'f' | undefined) =>
  defineEndpoint<[symbols: SymbolList], Record<string, T>>({
    ...GET,
    path: 'tickers',
    args: ['symbols'],
    required: ['symbols'],
    check: { symbols },
    decode: keyed((key) => (kind === undefined || key.startsWith(kind) ? tickerModel(key) : undefined)) as Decoder<Record<string, T>>,
  });

const candles = <R>(section: 'hist' | 'last', decode: (b: unknown, e: string) => R) =>
  defineEndpoint<[symbol: string, tf?: Timeframe, query?: SortedHistoryParams], R>({
    ...GET,
    path: `candles/trade:{tf}:{symbol}/${section}`,
    args: ['symbol', 'tf', '*'],
    params: SORTED_HISTORY_PARAMS,
    defaults: { tf: '1m' },
    check: candle,
    decode,
  });

const candlesHist = candles('hist', list(models.Candle));

/** The public endpoint table. */
export const publicEndpoints = {
  /** `GET conf/{config}`: element `[0]` of the answer (e.g. `pub:list:pair:exchange` → `string[]`). */
  conf: defineEndpoint<[config: string], unknown>({ ...GET, path: 'conf/{config}', args: ['config'], check: { config: text }, decode: first() }),
  /** `GET platform/status`: 1 operative, 0 maintenance. */
  getPlatformStatus: defineEndpoint<[], PlatformStatus>({ ...GET, path: 'platform/status', args: [], decode: one(models.PlatformStatus) }),
  /** `GET tickers`: trading and funding tickers keyed by symbol. */
  getTickers: tickers<TradingPairTicker | FundingCurrencyTicker>(undefined),
  /** `GET tickers`: trading tickers keyed by symbol (`'ALL'` keeps the `t` rows). */
  getTTickers: tickers<TradingPairTicker>('t'),
  /** `GET tickers`: funding tickers keyed by symbol (`'ALL'` keeps the `f` rows). */
  getFTickers: tickers<FundingCurrencyTicker>('f'),
  /** `GET ticker/{symbol}` for a trading pair. */
  getTTicker: defineEndpoint<[symbol: string], TradingPairTicker>({
    ...GET, path: 'ticker/{symbol}', args: ['symbol'], check: { symbol: trading }, decode: one(models.TradingPairTicker),
  }),
  /** `GET ticker/{symbol}` for a funding currency. */
  getFTicker: defineEndpoint<[symbol: string], FundingCurrencyTicker>({
    ...GET, path: 'ticker/{symbol}', args: ['symbol'], check: { symbol: funding }, decode: one(models.FundingCurrencyTicker),
  }),
  /** `GET tickers/hist`. */
  getTickersHistory: defineEndpoint<[symbols: SymbolList, query?: HistoryParams], TickersHistory[]>({
    ...GET, path: 'tickers/hist', args: ['symbols', '*'], params: HISTORY_PARAMS,  required: ['symbols'], check: { symbols }, decode: list(models.TickersHistory),
  }),
  /** `GET trades/{symbol}/hist` for a trading pair. */
  getTTrades: defineEndpoint<[symbol: string, query?: SortedHistoryParams], TradingPairTrade[]>({
    ...GET, path: 'trades/{symbol}/hist', args: ['symbol', '*'], params: SORTED_HISTORY_PARAMS,  check: { symbol: trading }, decode: list(models.TradingPairTrade),
  }),
  /** `GET trades/{symbol}/hist` for a funding currency. */
  getFTrades: defineEndpoint<[symbol: string, query?: SortedHistoryParams], FundingCurrencyTrade[]>({
    ...GET, path: 'trades/{symbol}/hist', args: ['symbol', '*'], params: SORTED_HISTORY_PARAMS,  check: { symbol: funding }, decode: list(models.FundingCurrencyTrade),
  }),
  /** `GET book/{symbol}/{precision}` (P0–P4) for a trading pair. */
  getTBook: defineEndpoint<[symbol: string, precision: BookPrecision, query?: BookParams], TradingPairBook[]>({
    ...GET, path: 'book/{symbol}/{precision}', args: ['symbol', 'precision', '*'], params: ['len'], check: { symbol: trading, precision: aggregated },
    decode: list(models.TradingPairBook),
  }),
  /** `GET book/{symbol}/{precision}` (P0–P4) for a funding currency. */
  getFBook: defineEndpoint<[symbol: string, precision: BookPrecision, query?: BookParams], FundingCurrencyBook[]>({
    ...GET, path: 'book/{symbol}/{precision}', args: ['symbol', 'precision', '*'], params: ['len'], check: { symbol: funding, precision: aggregated },
    decode: list(models.FundingCurrencyBook),
  }),
  /** `GET book/{symbol}/R0`: raw trading book (orders). */
  getTRawBook: defineEndpoint<[symbol: string, query?: BookParams], TradingPairRawBook[]>({
    ...GET, path: 'book/{symbol}/R0', args: ['symbol', '*'], params: ['len'], check: { symbol: trading }, decode: list(models.TradingPairRawBook),
  }),
  /** `GET book/{symbol}/R0`: raw funding book (offers). */
  getFRawBook: defineEndpoint<[symbol: string, query?: BookParams], FundingCurrencyRawBook[]>({
    ...GET, path: 'book/{symbol}/R0', args: ['symbol', '*'], params: ['len'], check: { symbol: funding }, decode: list(models.FundingCurrencyRawBook),
  }),
  /** `GET stats1/{resource}/hist`, e.g. `pos.size:1m:tBTCUSD:long`. */
  getStatsHist: defineEndpoint<[resource: string, query?: SortedHistoryParams], Statistic[]>({
    ...GET, path: 'stats1/{resource}/hist', args: ['resource', '*'], params: SORTED_HISTORY_PARAMS,  check: { resource: text }, decode: list(models.Statistic),
  }),
  /** `GET stats1/{resource}/last`. */
  getStatsLast: defineEndpoint<[resource: string, query?: SortedHistoryParams], Statistic>({
    ...GET, path: 'stats1/{resource}/last', args: ['resource', '*'], params: SORTED_HISTORY_PARAMS,  check: { resource: text }, decode: one(models.Statistic),
  }),
  /** `GET candles/trade:{tf}:{symbol}/hist` (funding symbols like `fUSD:a30:p2:p30`). */
  getCandlesHist: candlesHist,
  /** `GET candles/trade:{tf}:{symbol}/last`. */
  getCandlesLast: candles('last', one(models.Candle)),
  /** `GET status/deriv?keys=`: derivatives status keyed by key. */
  getDerivativesStatus: defineEndpoint<[keys: SymbolList], Record<string, DerivativesStatus>>({
    ...GET, path: 'status/deriv', args: ['keys'], required: ['keys'], check: { keys: (v, n) => validateSymbols(v, 'trading', n) },
    decode: keyed(() => models.DerivativesStatus),
  }),
  /** `GET status/deriv/{key}/hist`. */
  getDerivativesStatusHistory: defineEndpoint<[key: string, query?: SortedHistoryParams], DerivativesStatus[]>({
    ...GET, path: 'status/deriv/{key}/hist', args: ['key', '*'], params: SORTED_HISTORY_PARAMS,  check: { key: trading }, decode: list(models.DerivativesStatus),
  }),
  /** `GET liquidations/hist` (each row arrives wrapped once more; the model unwraps it). */
  getLiquidations: defineEndpoint<[query?: SortedHistoryParams], Liquidation[]>({
    ...GET, path: 'liquidations/hist', args: ['*'], params: SORTED_HISTORY_PARAMS,  decode: list(models.Liquidation),
  }),
  /** Same entry as {@link publicEndpoints.getCandlesHist} (python's `get_seed_candles` duplicated it). */
  getSeedCandles: candlesHist,
  /** `GET rankings/{resource}/hist`, e.g. `vol:1w:tBTCUSD`. */
  getLeaderboardsHist: defineEndpoint<[resource: string, query?: SortedHistoryParams], Leaderboard[]>({
    ...GET, path: 'rankings/{resource}/hist', args: ['resource', '*'], params: SORTED_HISTORY_PARAMS,  check: { resource: text }, decode: list(models.Leaderboard),
  }),
  /** `GET rankings/{resource}/last`. */
  getLeaderboardsLast: defineEndpoint<[resource: string, query?: SortedHistoryParams], Leaderboard>({
    ...GET, path: 'rankings/{resource}/last', args: ['resource', '*'], params: SORTED_HISTORY_PARAMS,  check: { resource: text }, decode: one(models.Leaderboard),
  }),
  /** `GET funding/stats/{symbol}/hist`. */
  getFundingStats: defineEndpoint<[symbol: string, query?: HistoryParams], FundingStatistic[]>({
    ...GET, path: 'funding/stats/{symbol}/hist', args: ['symbol', '*'], params: HISTORY_PARAMS,  check: { symbol: funding }, decode: list(models.FundingStatistic),
  }),
  /** `GET pulse/profile/{nickname}`. */
  getPulseProfileDetails: defineEndpoint<[nickname: string], PulseProfile>({
    ...GET, path: 'pulse/profile/{nickname}', args: ['nickname'], check: { nickname: text }, decode: one(models.PulseProfile),
  }),
  /** `GET pulse/hist` (the nested profile is decoded by the model). */
  getPulseMessageHistory: defineEndpoint<[query?: {
    /** Messages before this time (ms since epoch). */
    readonly end?: number;
    /** Maximum number of messages. */
    readonly limit?: number;
  }], PulseMessage[]>({
    ...GET, path: 'pulse/hist', args: ['*'], params: ['end', 'limit'], decode: list(models.PulseMessage),
  }),
  /** `POST calc/trade/avg` for a trading pair (`price_limit`). */
  getTradingMarketAveragePrice: defineEndpoint<[params: TradingAveragePriceParams], TradingMarketAveragePrice>({
    method: 'POST', auth: false, keys: 'snake', path: 'calc/trade/avg', args: ['*'], required: ['symbol', 'amount'],
    check: { symbol: trading, amount: decimal, priceLimit: decimal }, decode: one(models.TradingMarketAveragePrice),
  }),
  /** `POST calc/trade/avg` for a funding currency (`period`, `rate_limit`). */
  getFundingMarketAveragePrice: defineEndpoint<[params: FundingAveragePriceParams], FundingMarketAveragePrice>({
    method: 'POST', auth: false, keys: 'snake', path: 'calc/trade/avg', args: ['*'], required: ['symbol', 'amount', 'period'],
    check: { symbol: funding, amount: decimal, rateLimit: decimal, period: (v, n) => validatePeriod(v, n) }, decode: one(models.FundingMarketAveragePrice),
  }),
  /** `GET ext/vasps` (docs: Virtual Asset Service Providers, changelog v2024-10-16): ids for a withdrawal's `vasp_did`. */
  getVasps: defineEndpoint<[], Vasp[]>({ ...GET, path: 'ext/vasps', args: [], decode: objects<Vasp>('VASP') }),
  /** `POST calc/fx`: rate of `ccy1` in `ccy2`. */
  getFxRate: defineEndpoint<[ccy1: string, ccy2: string], FxRate>({
    method: 'POST', auth: false, keys: 'snake', path: 'calc/fx', args: ['ccy1', 'ccy2'], check: { ccy1: text, ccy2: text },
    decode: one(models.FxRate),
  }),
} as const;

/** The public REST API: one method per entry of {@link publicEndpoints}. */
export type PublicApi = ApiOf<typeof publicEndpoints>;
