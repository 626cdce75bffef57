/**
 * Authenticated funding endpoints: offers, loans, credits, funding trades, auto-renew, keep and
 * funding info (python-v3-surface.md §2.4, protocol.md §3.7).
 *
 * @module
 */
import { signed } from './definers.js';
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
import { list, notification, one } from './decode.js';
import type { Decoder } from './endpoint.js';
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

/** A `…/{symbol}` list endpoint and its `…/{symbol}/hist` history sibling. */
function withHistory<T extends object>(resource: string, decode: Decoder<T[]>) {
  return {
    current: signed<[symbol?: string], T[]>(`auth/r/funding/${resource}{/symbol} symbol:funding`, ['symbol'], decode),
    history: signed<[params?: FundingHistoryParams], T[]>(`auth/r/funding/${resource}{/symbol}/hist start end limit symbol:funding`, ['*'], decode),
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
  submitFundingOffer: signed<[params: SubmitFundingOfferParams], Notification<FundingOffer | null>>('auth/w/funding/offer/submit type!:offerType symbol!:funding amount!:decimal rate!:decimal period!:period flags', ['*'], notification(models.FundingOffer)),
  /** `auth/w/funding/offer/cancel`: `foc-req` notification. */
  cancelFundingOffer: signed<[id: number], Notification<FundingOffer | null>>('auth/w/funding/offer/cancel id!:int', ['id'], notification(models.FundingOffer)),
  /** `auth/w/funding/offer/cancel/all`: `foc_all-req` notification (currency without prefix, e.g. `USD`). */
  cancelAllFundingOffers: signed<[currency: string], Notification<unknown>>('auth/w/funding/offer/cancel/all currency!:text', ['currency'], notification()),
  /** `auth/w/funding/close`: close a funding credit or loan. */
  submitFundingClose: signed<[id: number], Notification<unknown>>('auth/w/funding/close id!:int', ['id'], notification()),
  /** `auth/w/funding/auto`: `fa-req` notification. */
  toggleAutoRenew: signed<[params: AutoRenewParams], Notification<FundingAutoRenew | null>>('auth/w/funding/auto status!:bool currency!:text amount:decimal rate:decimal period:period', ['*'], notification(models.FundingAutoRenew)),
  /** `auth/w/funding/keep` (body keys `type`, `id`, `changes`). */
  toggleKeepFunding: signed<[params: KeepFundingParams], Notification<unknown>>('auth/w/funding/keep type!:type ids:ids>id changes:record', ['*'], notification(), { checks: { type: (v, n) => validateOneOf(v, ['credit', 'loan'], n) } }),
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
  getFundingTradesHistory: signed<[params?: SortedHistoryParams & {
    /** Funding currency (`fUSD`); all when omitted. */
    readonly symbol?: string;
  }], FundingTrade[]>('auth/r/funding/trades{/symbol}/hist start end limit sort symbol:funding', ['*'], list(models.FundingTrade)),
  /** `auth/r/info/funding/{key}` (key like `fUSD`). */
  getFundingInfo: signed<[key: string], FundingInfo>('auth/r/info/funding/{key} key:funding', ['key'], one(models.FundingInfo)),
} as const;
