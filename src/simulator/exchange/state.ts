/**
 * In-memory records of one simulated account. Everything an account holds lives in one
 * {@link AccountState}; the wire arrays are built from these records by `wire.ts`.
 *
 * @module
 */

/** One fill of an order (used to build `EXECUTED @ …: was PARTIALLY FILLED @ …` strings). */
export interface FillRec {
  readonly price: number;
  readonly amount: number;
}

/** An order (active or historical). */
export interface OrderRec {
  id: number;
  gid: number | null;
  cid: number | null;
  symbol: string;
  mtsCreate: number;
  mtsUpdate: number;
  /** Remaining amount, signed. */
  amount: number;
  amountOrig: number;
  type: string;
  typePrev: string | null;
  mtsTif: number | null;
  flags: number;
  status: string;
  price: number;
  priceAvg: number;
  priceTrailing: number;
  priceAuxLimit: number;
  notify: number;
  hidden: number;
  routing: string;
  meta: Record<string, unknown>;
  lev: number | null;
  fills: FillRec[];
  /** The other order of an OCO pair (internal). */
  ocoId?: number;
  /** Trailing stops: the best price seen since placement (internal). */
  trailRef?: number;
}

/** An own trade. */
export interface TradeRec {
  id: number;
  symbol: string;
  mts: number;
  orderId: number;
  execAmount: number;
  execPrice: number;
  orderType: string;
  orderPrice: number;
  maker: 1 | -1;
  fee: number;
  feeCurrency: string;
  cid: number | null;
}

/** Wallet types. */
export type WalletType = 'exchange' | 'margin' | 'funding';

/** A wallet. */
export interface WalletRec {
  type: WalletType;
  currency: string;
  balance: number;
  unsettledInterest: number;
  description: string | null;
  meta: Record<string, unknown> | null;
}

/** A position (margin or derivatives). */
export interface PositionRec {
  id: number;
  symbol: string;
  status: 'ACTIVE' | 'CLOSED';
  amount: number;
  basePrice: number;
  marginFunding: number;
  marginFundingType: 0 | 1;
  mtsCreate: number;
  mtsUpdate: number;
  /** 0 margin, 1 derivatives. */
  type: 0 | 1;
  collateral: number;
  collateralMin: number;
  leverage: number;
  meta: Record<string, unknown>;
}

/** A funding offer. */
export interface OfferRec {
  id: number;
  symbol: string;
  mtsCreate: number;
  mtsUpdate: number;
  amount: number;
  amountOrig: number;
  type: string;
  flags: number;
  status: string;
  rate: number;
  period: number;
  notify: number;
  hidden: number;
  renew: number;
}

/** A funding credit (used in a position) or loan. */
export interface CreditRec {
  id: number;
  symbol: string;
  side: 1 | -1 | 0;
  mtsCreate: number;
  mtsUpdate: number;
  amount: number;
  flags: number;
  status: string;
  rateType: 'FIXED' | 'VAR';
  rate: number;
  period: number;
  mtsOpening: number;
  mtsLastPayout: number;
  notify: number;
  hidden: number;
  renew: number;
  noClose: number;
  /** Credits only. */
  positionPair: string | null;
  /** True when created by matching an own offer (its principal is reserved; internal). */
  matched?: boolean;
}

/** A funding trade. */
export interface FundingTradeRec {
  id: number;
  currency: string;
  mts: number;
  offerId: number;
  amount: number;
  rate: number;
  period: number;
}

/** A ledger entry. */
export interface LedgerRec {
  id: number;
  currency: string;
  wallet: WalletType;
  mts: number;
  amount: number;
  balance: number;
  description: string;
}

/** A deposit or withdrawal. */
export interface MovementRec {
  id: number;
  currency: string;
  currencyName: string;
  mtsStarted: number;
  mtsUpdated: number;
  status: string;
  amount: number;
  fees: number;
  address: string;
  txid: string;
  note: string | null;
}

/** Permission caps. */
export type Caps = Readonly<Record<string, { readonly read: 0 | 1; readonly write: 0 | 1 }>>;

/** Everything one account holds. */
export interface AccountState {
  readonly userId: number;
  readonly apiKey: string;
  readonly email: string;
  readonly username: string;
  readonly caps: Caps;
  readonly mtsCreated: number;
  /** Keyed `type:CCY`, in creation order. */
  readonly wallets: Map<string, WalletRec>;
  /** Active orders by id. */
  readonly orders: Map<number, OrderRec>;
  /** Closed orders (executed or cancelled), oldest first. */
  readonly ordersHist: OrderRec[];
  /** Own trades, oldest first. */
  readonly trades: TradeRec[];
  /** Active positions by symbol. */
  readonly positions: Map<string, PositionRec>;
  /** Closed positions, oldest first. */
  readonly positionsHist: PositionRec[];
  readonly offers: Map<number, OfferRec>;
  readonly offersHist: OfferRec[];
  readonly credits: Map<number, CreditRec>;
  readonly creditsHist: CreditRec[];
  readonly loans: Map<number, CreditRec>;
  readonly loansHist: CreditRec[];
  readonly fundingTrades: FundingTradeRec[];
  readonly ledgers: LedgerRec[];
  readonly movements: MovementRec[];
  /** Price alerts by key (`price:tBTCUSD:50000`) → `[KEY,"price",SYMBOL,PRICE,COUNT]`. */
  readonly alerts: Map<string, unknown[]>;
  readonly settings: Map<string, unknown>;
  /** Auth tokens (`pub:api:…`) → expiry MTS. */
  readonly tokens: Map<string, number>;
  /** Auto-renew configurations by currency: `[CURRENCY,PERIOD,RATE,THRESHOLD]`. */
  readonly autoRenew: Map<string, unknown[]>;
  /** Derivatives collateral set per symbol. */
  readonly collateral: Map<string, number>;
  /** Login history rows `[ID,null,TIME,null,IP,null,null,EXTRA_INFO]`. */
  readonly logins: unknown[][];
  /** Audit rows `[MTS,null,ACTION,null,null,IP,USER_AGENT]`. */
  readonly audit: unknown[][];
}
