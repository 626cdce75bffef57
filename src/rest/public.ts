/**
 * The public REST endpoints (python-v3-surface.md §2.3), as data. Unsigned; GET with query
 * params, POST with a JSON body for the two calculations.
 *
 * @module
 */
import { get, post } from './definers.js';
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
import { type ApiOf, type Decoder } from './endpoint.js';
import type { Decimal, HistoryParams, SortedHistoryParams } from './types.js';
import {
  validateSymbols,
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

const tickerModel = (key: string) => (key.startsWith('t') ? models.TradingPairTicker : key.startsWith('f') ? models.FundingCurrencyTicker : undefined);

const tickersDecoder = <T extends object>(kind: 't' | 'f' | undefined): Decoder<Record<string, T>> =>
  keyed((key) => (kind === undefined || key.startsWith(kind) ? tickerModel(key) : undefined)) as Decoder<Record<string, T>>;

const tickers = <T extends object>(kind: 't' | 'f' | undefined) =>
  get<[symbols: SymbolList], Record<string, T>>('tickers symbols!:symbols', ['symbols'], tickersDecoder<T>(kind));

const candles = <R>(section: 'hist' | 'last', decode: (b: unknown, e: string) => R) =>
  get<[symbol: string, tf?: Timeframe, query?: SortedHistoryParams], R>(`candles/trade:{tf}:{symbol}/${section} start end limit sort symbol:candle tf:timeframe`, ['symbol', 'tf', '*'], decode, { defaults: { tf: '1m' } });

const candlesHist = candles('hist', list(models.Candle));

/** The public endpoint table. */
export const publicEndpoints = {
  /** `GET conf/{config}`: element `[0]` of the answer (e.g. `pub:list:pair:exchange` → `string[]`). */
  conf: get<[config: string], unknown>('conf/{config} config:text', ['config'], first()),
  /** `GET platform/status`: 1 operative, 0 maintenance. */
  getPlatformStatus: get<[], PlatformStatus>('platform/status', [], one(models.PlatformStatus)),
  /** `GET tickers`: trading and funding tickers keyed by symbol. */
  getTickers: tickers<TradingPairTicker | FundingCurrencyTicker>(undefined),
  /** `GET tickers`: trading tickers keyed by symbol (`'ALL'` keeps the `t` rows). */
  getTTickers: tickers<TradingPairTicker>('t'),
  /** `GET tickers`: funding tickers keyed by symbol (`'ALL'` keeps the `f` rows). */
  getFTickers: tickers<FundingCurrencyTicker>('f'),
  /** `GET ticker/{symbol}` for a trading pair. */
  getTTicker: get<[symbol: string], TradingPairTicker>('ticker/{symbol} symbol:trading', ['symbol'], one(models.TradingPairTicker)),
  /** `GET ticker/{symbol}` for a funding currency. */
  getFTicker: get<[symbol: string], FundingCurrencyTicker>('ticker/{symbol} symbol:funding', ['symbol'], one(models.FundingCurrencyTicker)),
  /** `GET tickers/hist`. */
  getTickersHistory: get<[symbols: SymbolList, query?: HistoryParams], TickersHistory[]>('tickers/hist symbols!:symbols start end limit', ['symbols', '*'], list(models.TickersHistory)),
  /** `GET trades/{symbol}/hist` for a trading pair. */
  getTTrades: get<[symbol: string, query?: SortedHistoryParams], TradingPairTrade[]>('trades/{symbol}/hist start end limit sort symbol:trading', ['symbol', '*'], list(models.TradingPairTrade)),
  /** `GET trades/{symbol}/hist` for a funding currency. */
  getFTrades: get<[symbol: string, query?: SortedHistoryParams], FundingCurrencyTrade[]>('trades/{symbol}/hist start end limit sort symbol:funding', ['symbol', '*'], list(models.FundingCurrencyTrade)),
  /** `GET book/{symbol}/{precision}` (P0–P4) for a trading pair. */
  getTBook: get<[symbol: string, precision: BookPrecision, query?: BookParams], TradingPairBook[]>('book/{symbol}/{precision} len symbol:trading precision:precision', ['symbol', 'precision', '*'], list(models.TradingPairBook)),
  /** `GET book/{symbol}/{precision}` (P0–P4) for a funding currency. */
  getFBook: get<[symbol: string, precision: BookPrecision, query?: BookParams], FundingCurrencyBook[]>('book/{symbol}/{precision} len symbol:funding precision:precision', ['symbol', 'precision', '*'], list(models.FundingCurrencyBook)),
  /** `GET book/{symbol}/R0`: raw trading book (orders). */
  getTRawBook: get<[symbol: string, query?: BookParams], TradingPairRawBook[]>('book/{symbol}/R0 len symbol:trading', ['symbol', '*'], list(models.TradingPairRawBook)),
  /** `GET book/{symbol}/R0`: raw funding book (offers). */
  getFRawBook: get<[symbol: string, query?: BookParams], FundingCurrencyRawBook[]>('book/{symbol}/R0 len symbol:funding', ['symbol', '*'], list(models.FundingCurrencyRawBook)),
  /** `GET stats1/{resource}/hist`, e.g. `pos.size:1m:tBTCUSD:long`. */
  getStatsHist: get<[resource: string, query?: SortedHistoryParams], Statistic[]>('stats1/{resource}/hist start end limit sort resource:text', ['resource', '*'], list(models.Statistic)),
  /** `GET stats1/{resource}/last`. */
  getStatsLast: get<[resource: string, query?: SortedHistoryParams], Statistic>('stats1/{resource}/last start end limit sort resource:text', ['resource', '*'], one(models.Statistic)),
  /** `GET candles/trade:{tf}:{symbol}/hist` (funding symbols like `fUSD:a30:p2:p30`). */
  getCandlesHist: candlesHist,
  /** `GET candles/trade:{tf}:{symbol}/last`. */
  getCandlesLast: candles('last', one(models.Candle)),
  /** `GET status/deriv?keys=`: derivatives status keyed by key. */
  getDerivativesStatus: get<[keys: SymbolList], Record<string, DerivativesStatus>>('status/deriv keys!:keys', ['keys'], keyed(() => models.DerivativesStatus), { checks: { keys: (v, n) => validateSymbols(v, 'trading', n) } }),
  /** `GET status/deriv/{key}/hist`. */
  getDerivativesStatusHistory: get<[key: string, query?: SortedHistoryParams], DerivativesStatus[]>('status/deriv/{key}/hist start end limit sort key:trading', ['key', '*'], list(models.DerivativesStatus)),
  /** `GET liquidations/hist` (each row arrives wrapped once more; the model unwraps it). */
  getLiquidations: get<[query?: SortedHistoryParams], Liquidation[]>('liquidations/hist start end limit sort', ['*'], list(models.Liquidation)),
  /** Same entry as {@link publicEndpoints.getCandlesHist} (python's `get_seed_candles` duplicated it). */
  getSeedCandles: candlesHist,
  /** `GET rankings/{resource}/hist`, e.g. `vol:1w:tBTCUSD`. */
  getLeaderboardsHist: get<[resource: string, query?: SortedHistoryParams], Leaderboard[]>('rankings/{resource}/hist start end limit sort resource:text', ['resource', '*'], list(models.Leaderboard)),
  /** `GET rankings/{resource}/last`. */
  getLeaderboardsLast: get<[resource: string, query?: SortedHistoryParams], Leaderboard>('rankings/{resource}/last start end limit sort resource:text', ['resource', '*'], one(models.Leaderboard)),
  /** `GET funding/stats/{symbol}/hist`. */
  getFundingStats: get<[symbol: string, query?: HistoryParams], FundingStatistic[]>('funding/stats/{symbol}/hist start end limit symbol:funding', ['symbol', '*'], list(models.FundingStatistic)),
  /** `GET pulse/profile/{nickname}`. */
  getPulseProfileDetails: get<[nickname: string], PulseProfile>('pulse/profile/{nickname} nickname:text', ['nickname'], one(models.PulseProfile)),
  /** `GET pulse/hist` (the nested profile is decoded by the model). */
  getPulseMessageHistory: get<[query?: {
    /** Messages before this time (ms since epoch). */
    readonly end?: number;
    /** Maximum number of messages. */
    readonly limit?: number;
  }], PulseMessage[]>('pulse/hist end limit', ['*'], list(models.PulseMessage)),
  /** `POST calc/trade/avg` for a trading pair (`price_limit`). */
  getTradingMarketAveragePrice: post<[params: TradingAveragePriceParams], TradingMarketAveragePrice>('calc/trade/avg symbol!:trading amount!:decimal priceLimit:decimal', ['*'], one(models.TradingMarketAveragePrice)),
  /** `POST calc/trade/avg` for a funding currency (`period`, `rate_limit`). */
  getFundingMarketAveragePrice: post<[params: FundingAveragePriceParams], FundingMarketAveragePrice>('calc/trade/avg symbol!:funding amount!:decimal period!:period rateLimit:decimal', ['*'], one(models.FundingMarketAveragePrice)),
  /** `GET ext/vasps` (docs: Virtual Asset Service Providers, changelog v2024-10-16): ids for a withdrawal's `vasp_did`. */
  getVasps: get<[], Vasp[]>('ext/vasps', [], objects<Vasp>('VASP')),
  /** `POST calc/fx`: rate of `ccy1` in `ccy2`. */
  getFxRate: post<[ccy1: string, ccy2: string], FxRate>('calc/fx ccy1:text ccy2:text', ['ccy1', 'ccy2'], one(models.FxRate)),
} as const;

/** The public REST API: one method per entry of {@link publicEndpoints}. */
export type PublicApi = ApiOf<typeof publicEndpoints>;
