/**
 * Public market-data models: platform status, tickers, trades, books, stats, candles, derivatives
 * status, liquidations, leaderboards, funding statistics and the public calculations. Each table
 * serves the REST endpoint and the matching WebSocket channel (python-v3-surface.md §5.1,
 * protocol.md §1.9 and §3.6).
 *
 * @module
 */
import { defineModel, fieldsOf } from './define.js';

/** `GET platform/status`: `[1]` operative, `[0]` maintenance. */
export const PlatformStatus = defineModel('PlatformStatus', fieldsOf('status'));

/** Trading ticker (REST ticker/tickers without the leading symbol; WS ticker channel). */
export const TradingPairTicker = defineModel('TradingPairTicker', fieldsOf('bid bidSize ask askSize dailyChange dailyChangeRelative lastPrice volume high low'));

/** Funding ticker (16 fields; 2017 servers sent 13, so `frrAmountAvailable` may be `null`). */
export const FundingCurrencyTicker = defineModel('FundingCurrencyTicker', fieldsOf('frr bid bidPeriod bidSize ask askPeriod askSize dailyChange dailyChangeRelative lastPrice volume high low _ _ frrAmountAvailable?'));

/** `GET tickers/hist` row: `[SYMBOL, BID, _, ASK, _ ×8, MTS]`. */
export const TickersHistory = defineModel('TickersHistory', fieldsOf('symbol:s bid? _ ask? _ _ _ _ _ _ _ _ mts'));

/** Public trading trade `[ID, MTS, AMOUNT, PRICE]` (AMOUNT sign = taker side). */
export const TradingPairTrade = defineModel('TradingPairTrade', fieldsOf('id mts amount price'));

/** Public funding trade `[ID, MTS, AMOUNT, RATE, PERIOD]`. */
export const FundingCurrencyTrade = defineModel('FundingCurrencyTrade', fieldsOf('id mts amount rate period'));

/** Aggregated trading book level `[PRICE, COUNT, AMOUNT]` (COUNT 0 deletes the level). */
export const TradingPairBook = defineModel('TradingPairBook', fieldsOf('price count amount'));

/** Aggregated funding book level `[RATE, PERIOD, COUNT, AMOUNT]` (AMOUNT < 0 = bid). */
export const FundingCurrencyBook = defineModel('FundingCurrencyBook', fieldsOf('rate period count amount'));

/** Raw (R0) trading book entry `[ORDER_ID, PRICE, AMOUNT]` (PRICE 0 deletes the order). */
export const TradingPairRawBook = defineModel('TradingPairRawBook', fieldsOf('orderId price amount'));

/** Raw (R0) funding book entry `[OFFER_ID, PERIOD, RATE, AMOUNT]` (RATE 0 deletes the offer). */
export const FundingCurrencyRawBook = defineModel('FundingCurrencyRawBook', fieldsOf('offerId period rate amount'));

/** `GET stats1/.../hist|last` point `[MTS, VALUE]`. */
export const Statistic = defineModel('Statistic', fieldsOf('mts value'));

/** Candle `[MTS, OPEN, CLOSE, HIGH, LOW, VOLUME]` (note the O, C, H, L order on the wire). */
export const Candle = defineModel('Candle', fieldsOf('mts open close high low volume'));

/**
 * Derivatives status (WS `status` `deriv:SYMBOL` frames and `GET status/deriv/{key}/hist` rows;
 * the REST `status/deriv` rows carry a leading KEY: decode `row.slice(1)`).
 */
export const DerivativesStatus = defineModel('DerivativesStatus', fieldsOf('mts _ derivPrice? spotPrice? _ insuranceFundBalance? _ nextFundingEvtMts? nextFundingAccrued? nextFundingStep? _ currentFunding? _ _ markPrice? _ _ openInterest? _ _ _ clampMin? clampMax?'));

/**
 * Liquidation `["pos", POS_ID, MTS, _, SYMBOL, AMOUNT, BASE_PRICE, _, IS_MATCH, IS_MARKET_SOLD, _,
 * LIQUIDATION_PRICE]`. REST rows and WS payloads wrap each row once more (`[[...]]`): decode takes
 * either form; encode produces the wrapped form.
 */
export const Liquidation = defineModel(
  'Liquidation',
  fieldsOf('_ posId mts _ symbol:s amount basePrice? _ isMatch isMarketSold _ liquidationPrice?'),
  { unwrap: true, layout: [['pos', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]] },
);

/** `GET rankings/...` row `[MTS, _, USERNAME, RANKING, _, _, VALUE, _, _, TWITTER_HANDLE]`. */
export const Leaderboard = defineModel('Leaderboard', fieldsOf('mts _ username:s ranking _ _ value _ _ twitterHandle:s?'));

/** `GET funding/stats/{symbol}/hist` row. */
export const FundingStatistic = defineModel('FundingStatistic', fieldsOf('mts _ _ frr? avgPeriod? _ _ fundingAmount? fundingAmountUsed? _ _ fundingBelowThreshold?'));

/** `POST calc/trade/avg` for a trading symbol: `[PRICE_AVG, AMOUNT]`. */
export const TradingMarketAveragePrice = defineModel('TradingMarketAveragePrice', fieldsOf('priceAvg amount'));

/** `POST calc/trade/avg` for a funding symbol: `[RATE_AVG, AMOUNT]`. */
export const FundingMarketAveragePrice = defineModel('FundingMarketAveragePrice', fieldsOf('rateAvg amount'));

/** `POST calc/fx`: `[CURRENT_RATE]`. */
export const FxRate = defineModel('FxRate', fieldsOf('currentRate'));
