/**
 * Authenticated funding endpoints: offers, loans, credits, funding trades, auto-renew, keep and
 * funding info (python-v3-surface.md §2.4, protocol.md §3.7).
 *
 * @module
 */
import {
  models,
  type FundingAutoRenew,
  type FundingCredit,
  type FundingInfo,
  type FundingLoan,
  type FundingOffer,
  type FundingTrade,
  type Notification,
} from '../models/index.js';
import type { FundingOfferType } from '../models/enums.js';
import { SIGNED } from './auth-trading.js';
import { arrayOf, boolean, decimal, fundingOfferType, fundingSymbol, period, positiveInteger, record, text } from './checks.js';
import { list, notification, one } from './decode.js';
import { defineEndpoint, HISTORY_PARAMS, SORTED_HISTORY_PARAMS, type Decoder } from './endpoint.js';
import type { Decimal, HistoryParams, SortedHistoryParams } from './types.js';
import { validateOneOf } from './validate.js';

/** Parameters of `submitFundingOffer`. */
export interface SubmitFundingOfferParams {
  /** `LIMIT`, `FRRDELTAVAR` or `FRRDELTAFIX`. */
  readonly type: FundingOfferType;
  /** Funding currency, e.g. `fUSD`. */
  readonly symbol: string;
  /** Positive offers funding, negative asks for it. */
  readonly amount: Decimal;
  /** Daily rate (0 with FRR offers). */
  readonly rate: Decimal;
  /** Days, 2–120. */
  readonly period: number;
  /** Offer flags (e.g. 4096 hidden). */
  readonly flags?: number;
}

/** Parameters of `toggleAutoRenew`. */
export interface AutoRenewParams {
  /** Enable or disable auto-renew. */
  readonly status: boolean;
  /** Currency without prefix, e.g. `USD`. */
  readonly currency: string;
  /** Amount to keep lent (0 = all). */
  readonly amount?: Decimal;
  /** Rate (0 = FRR). */
  readonly rate?: Decimal;
  /** Period in days. */
  readonly period?: number;
}

/** Parameters of `toggleKeepFunding`. */
export interface KeepFundingParams {
  /** `credit` or `loan`. */
  readonly type: 'credit' | 'loan';
  /** Ids of the credits/loans. */
  readonly ids?: readonly number[];
  /** Per id: 1 keep, 2 do not keep. */
  readonly changes?: Readonly<Record<number, 1 | 2>>;
}

/** A funding history query optionally narrowed to one currency. */
export type FundingHistoryParams = HistoryParams & {
  /** Funding currency (`fUSD`); all when omitted. */
  readonly symbol?: string;
};

const symbol = { symbol: fundingSymbol };

/** A `…/{symbol}` list endpoint and its `…/{symbol}/hist` history sibling. */
function withHistory<T extends object>(resource: string, decode: Decoder<T[]>) {
  return {
    current: defineEndpoint<[symbol?: string], T[]>({ ...SIGNED, path: `auth/r/funding/${resource}{/symbol}`, args: ['symbol'], check: symbol, decode }),
    history: defineEndpoint<[params?: FundingHistoryParams], T[]>({
      ...SIGNED, path: `auth/r/funding/${resource}{/symbol}/hist`, args: ['*'], params: HISTORY_PARAMS,  check: symbol, decode,
    }),
  };
}

const offers = withHistory<FundingOffer>('offers', list(models.FundingOffer));
const loans = withHistory<FundingLoan>('loans', list(models.FundingLoan));
const credits = withHistory<FundingCredit>('credits', list(models.FundingCredit));

/** The authenticated funding endpoint table. */
export const authFundingEndpoints = {
  /** `auth/r/funding/offers[/{symbol}]`: active offers. */
  getFundingOffers: offers.current,
  /** `auth/w/funding/offer/submit`: `fon-req` notification. */
  submitFundingOffer: defineEndpoint<[params: SubmitFundingOfferParams], Notification<FundingOffer | null>>({
    ...SIGNED, path: 'auth/w/funding/offer/submit', args: ['*'], params: ['flags'], required: ['type', 'symbol', 'amount', 'rate', 'period'],
    check: { type: fundingOfferType, symbol: fundingSymbol, amount: decimal, rate: decimal, period }, decode: notification(models.FundingOffer),
  }),
  /** `auth/w/funding/offer/cancel`: `foc-req` notification. */
  cancelFundingOffer: defineEndpoint<[id: number], Notification<FundingOffer | null>>({
    ...SIGNED, path: 'auth/w/funding/offer/cancel', args: ['id'], required: ['id'], check: { id: positiveInteger }, decode: notification(models.FundingOffer),
  }),
  /** `auth/w/funding/offer/cancel/all`: `foc_all-req` notification (currency without prefix, e.g. `USD`). */
  cancelAllFundingOffers: defineEndpoint<[currency: string], Notification<unknown>>({
    ...SIGNED, path: 'auth/w/funding/offer/cancel/all', args: ['currency'], required: ['currency'], check: { currency: text }, decode: notification(),
  }),
  /** `auth/w/funding/close`: close a funding credit or loan. */
  submitFundingClose: defineEndpoint<[id: number], Notification<unknown>>({
    ...SIGNED, path: 'auth/w/funding/close', args: ['id'], required: ['id'], check: { id: positiveInteger }, decode: notification(),
  }),
  /** `auth/w/funding/auto`: `fa-req` notification. */
  toggleAutoRenew: defineEndpoint<[params: AutoRenewParams], Notification<FundingAutoRenew | null>>({
    ...SIGNED, path: 'auth/w/funding/auto', args: ['*'], required: ['status', 'currency'],
    check: { status: boolean, currency: text, amount: decimal, rate: decimal, period }, decode: notification(models.FundingAutoRenew),
  }),
  /** `auth/w/funding/keep` (body keys `type`, `id`, `changes`). */
  toggleKeepFunding: defineEndpoint<[params: KeepFundingParams], Notification<unknown>>({
    ...SIGNED, path: 'auth/w/funding/keep', args: ['*'], required: ['type'], rename: { ids: 'id' },
    check: { type: (v, n) => validateOneOf(v, ['credit', 'loan'], n), ids: arrayOf(positiveInteger), changes: record }, decode: notification(),
  }),
  /** `auth/r/funding/offers[/{symbol}]/hist`. */
  getFundingOffersHistory: offers.history,
  /** `auth/r/funding/loans[/{symbol}]`. */
  getFundingLoans: loans.current,
  /** `auth/r/funding/loans[/{symbol}]/hist`. */
  getFundingLoansHistory: loans.history,
  /** `auth/r/funding/credits[/{symbol}]`. */
  getFundingCredits: credits.current,
  /** `auth/r/funding/credits[/{symbol}]/hist`. */
  getFundingCreditsHistory: credits.history,
  /** `auth/r/funding/trades[/{symbol}]/hist`. */
  getFundingTradesHistory: defineEndpoint<[params?: SortedHistoryParams & {
    /** Funding currency (`fUSD`); all when omitted. */
    readonly symbol?: string;
  }], FundingTrade[]>({
    ...SIGNED, path: 'auth/r/funding/trades{/symbol}/hist', args: ['*'], params: SORTED_HISTORY_PARAMS, check: symbol, decode: list(models.FundingTrade),
  }),
  /** `auth/r/info/funding/{key}` (key like `fUSD`). */
  getFundingInfo: defineEndpoint<[key: string], FundingInfo>({
    ...SIGNED, path: 'auth/r/info/funding/{key}', args: ['key'], check: { key: fundingSymbol }, decode: one(models.FundingInfo),
  }),
} as const;
