/**
 * Public market-data models: platform status, tickers, trades, books, stats, candles, derivatives
 * status, liquidations, leaderboards, funding statistics and the public calculations. Each table
 * serves the REST endpoint and the matching WebSocket channel (python-v3-surface.md §5.1,
 * protocol.md §1.9 and §3.6).
 *
 * @module
 */
import { defineModel } from './define.js';

/** `GET platform/status`: `[1]` operative, `[0]` maintenance. */
export const PlatformStatus = defineModel('PlatformStatus', [['status', 'number']] as const);

/** Trading ticker (REST ticker/tickers without the leading symbol; WS ticker channel). */
export const TradingPairTicker = defineModel('TradingPairTicker', [
  ['bid', 'number'],
  ['bidSize', 'number'],
  ['ask', 'number'],
  ['askSize', 'number'],
  ['dailyChange', 'number'],
  ['dailyChangeRelative', 'number'],
  ['lastPrice', 'number'],
  ['volume', 'number'],
  ['high', 'number'],
  ['low', 'number'],
] as const);

/** Funding ticker (16 fields; 2017 servers sent 13, so `frrAmountAvailable` may be `null`). */
export const FundingCurrencyTicker = defineModel('FundingCurrencyTicker', [
  ['frr', 'number'],
  ['bid', 'number'],
  ['bidPeriod', 'number'],
  ['bidSize', 'number'],
  ['ask', 'number'],
  ['askPeriod', 'number'],
  ['askSize', 'number'],
  ['dailyChange', 'number'],
  ['dailyChangeRelative', 'number'],
  ['lastPrice', 'number'],
  ['volume', 'number'],
  ['high', 'number'],
  ['low', 'number'],
  null,
  null,
  ['frrAmountAvailable', 'number?'],
] as const);

/** `GET tickers/hist` row: `[SYMBOL, BID, _, ASK, _ ×8, MTS]`. */
export const TickersHistory = defineModel('TickersHistory', [
  ['symbol', 'string'],
  ['bid', 'number?'],
  null,
  ['ask', 'number?'],
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  ['mts', 'number'],
] as const);

/** Public trading trade `[ID, MTS, AMOUNT, PRICE]` (AMOUNT sign = taker side). */
export const TradingPairTrade = defineModel('TradingPairTrade', [
  ['id', 'number'],
  ['mts', 'number'],
  ['amount', 'number'],
  ['price', 'number'],
] as const);

/** Public funding trade `[ID, MTS, AMOUNT, RATE, PERIOD]`. */
export const FundingCurrencyTrade = defineModel('FundingCurrencyTrade', [
  ['id', 'number'],
  ['mts', 'number'],
  ['amount', 'number'],
  ['rate', 'number'],
  ['period', 'number'],
] as const);

/** Aggregated trading book level `[PRICE, COUNT, AMOUNT]` (COUNT 0 deletes the level). */
export const TradingPairBook = defineModel('TradingPairBook', [
  ['price', 'number'],
  ['count', 'number'],
  ['amount', 'number'],
] as const);

/** Aggregated funding book level `[RATE, PERIOD, COUNT, AMOUNT]` (AMOUNT < 0 = bid). */
export const FundingCurrencyBook = defineModel('FundingCurrencyBook', [
  ['rate', 'number'],
  ['period', 'number'],
  ['count', 'number'],
  ['amount', 'number'],
] as const);

/** Raw (R0) trading book entry `[ORDER_ID, PRICE, AMOUNT]` (PRICE 0 deletes the order). */
export const TradingPairRawBook = defineModel('TradingPairRawBook', [
  ['orderId', 'number'],
  ['price', 'number'],
  ['amount', 'number'],
] as const);

/** Raw (R0) funding book entry `[OFFER_ID, PERIOD, RATE, AMOUNT]` (RATE 0 deletes the offer). */
export const FundingCurrencyRawBook = defineModel('FundingCurrencyRawBook', [
  ['offerId', 'number'],
  ['period', 'number'],
  ['rate', 'number'],
  ['amount', 'number'],
] as const);

/** `GET stats1/.../hist|last` point `[MTS, VALUE]`. */
export const Statistic = defineModel('Statistic', [
  ['mts', 'number'],
  ['value', 'number'],
] as const);

/** Candle `[MTS, OPEN, CLOSE, HIGH, LOW, VOLUME]` (note the O, C, H, L order on the wire). */
export const Candle = defineModel('Candle', [
  ['mts', 'number'],
  ['open', 'number'],
  ['close', 'number'],
  ['high', 'number'],
  ['low', 'number'],
  ['volume', 'number'],
] as const);

/**
 * Derivatives status (WS `status` `deriv:SYMBOL` frames and `GET status/deriv/{key}/hist` rows;
 * the REST `status/deriv` rows carry a leading KEY: decode `row.slice(1)`).
 */
export const DerivativesStatus = defineModel('DerivativesStatus', [
  ['mts', 'number'],
  null,
  ['derivPrice', 'number?'],
  ['spotPrice', 'number?'],
  null,
  ['insuranceFundBalance', 'number?'],
  null,
  ['nextFundingEvtMts', 'number?'],
  ['nextFundingAccrued', 'number?'],
  ['nextFundingStep', 'number?'],
  null,
  ['currentFunding', 'number?'],
  null,
  null,
  ['markPrice', 'number?'],
  null,
  null,
  ['openInterest', 'number?'],
  null,
  null,
  null,
  ['clampMin', 'number?'],
  ['clampMax', 'number?'],
] as const);

/**
 * Liquidation `["pos", POS_ID, MTS, _, SYMBOL, AMOUNT, BASE_PRICE, _, IS_MATCH, IS_MARKET_SOLD, _,
 * LIQUIDATION_PRICE]`. REST rows and WS payloads wrap each row once more (`[[...]]`): decode takes
 * either form; encode produces the wrapped form.
 */
export const Liquidation = defineModel(
  'Liquidation',
  [
    null,
    ['posId', 'number'],
    ['mts', 'number'],
    null,
    ['symbol', 'string'],
    ['amount', 'number'],
    ['basePrice', 'number?'],
    null,
    ['isMatch', 'number'],
    ['isMarketSold', 'number'],
    null,
    ['liquidationPrice', 'number?'],
  ] as const,
  { unwrap: true, layout: [['pos', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]] },
);

/** `GET rankings/...` row `[MTS, _, USERNAME, RANKING, _, _, VALUE, _, _, TWITTER_HANDLE]`. */
export const Leaderboard = defineModel('Leaderboard', [
  ['mts', 'number'],
  null,
  ['username', 'string'],
  ['ranking', 'number'],
  null,
  null,
  ['value', 'number'],
  null,
  null,
  ['twitterHandle', 'string?'],
] as const);

/** `GET funding/stats/{symbol}/hist` row. */
export const FundingStatistic = defineModel('FundingStatistic', [
  ['mts', 'number'],
  null,
  null,
  ['frr', 'number?'],
  ['avgPeriod', 'number?'],
  null,
  null,
  ['fundingAmount', 'number?'],
  ['fundingAmountUsed', 'number?'],
  null,
  null,
  ['fundingBelowThreshold', 'number?'],
] as const);

/** `POST calc/trade/avg` for a trading symbol: `[PRICE_AVG, AMOUNT]`. */
export const TradingMarketAveragePrice = defineModel('TradingMarketAveragePrice', [
  ['priceAvg', 'number'],
  ['amount', 'number'],
] as const);

/** `POST calc/trade/avg` for a funding symbol: `[RATE_AVG, AMOUNT]`. */
export const FundingMarketAveragePrice = defineModel('FundingMarketAveragePrice', [
  ['rateAvg', 'number'],
  ['amount', 'number'],
] as const);

/** `POST calc/fx`: `[CURRENT_RATE]`. */
export const FxRate = defineModel('FxRate', [['currentRate', 'number']] as const);
