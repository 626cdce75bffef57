/**
 * Authenticated account endpoints: user info, wallets, ledgers, movements, transfers, deposits,
 * withdrawals (python-v3-surface.md §2.4), plus documented v2 endpoints python lacks: wallet
 * history, movement info, audit, permissions, summary, alerts, settings and auth tokens
 * (protocol.md §3.7).
 *
 * @module
 */
import {
  models,
  type DepositAddress,
  type Ledger,
  type LightningNetworkInvoice,
  type LoginHistory,
  type Movement,
  type Notification,
  type Transfer,
  type UserInfo,
  type Wallet,
  type Withdrawal,
} from '../models/index.js';
import type { WalletType } from '../models/enums.js';
import { SIGNED } from './auth-trading.js';
import { arrayOf, boolean, decimal, positiveInteger, record, text, tradingSymbol } from './checks.js';
import { array, list, notification, one, truthy } from './decode.js';
import { defineEndpoint, HISTORY_PARAMS, type Decoder } from './endpoint.js';
import { Alert, WalletHistory, type Permission } from './extra-models.js';
import { badShape } from './response.js';
import type { Decimal, HistoryParams } from './types.js';
import { validateOneOf } from './validate.js';

/** Parameters of `transferBetweenWallets`. */
export interface TransferParams {
  /** Source wallet: `exchange`, `margin` or `funding`. */
  readonly from: WalletType;
  /** Destination wallet: `exchange`, `margin` or `funding`. */
  readonly to: WalletType;
  /** Currency to transfer. */
  readonly currency: string;
  /** Destination currency (conversions such as `UST` → `USTF0`). */
  readonly currencyTo: string;
  /** Amount to transfer. */
  readonly amount: Decimal;
}

/** Parameters of `submitWalletWithdrawal`. */
export interface WithdrawalParams {
  /** Wallet to withdraw from. */
  readonly wallet: WalletType;
  /** Withdrawal method, e.g. `bitcoin`. */
  readonly method: string;
  /** Destination address. */
  readonly address: string;
  /** Amount to withdraw. */
  readonly amount: Decimal;
  /** Payment id or memo (for currencies that need one). */
  readonly paymentId?: string;
  /** Deduct the fee from the amount (1) or not (0). */
  readonly feeDeduct?: boolean;
}

/** Parameters of `getDepositAddress`. */
export interface DepositAddressParams {
  /** Wallet to credit: `exchange`, `margin` or `funding`. */
  readonly wallet: WalletType;
  /** Deposit method, e.g. `bitcoin`. */
  readonly method: string;
  /** Generate a new address. */
  readonly opRenew?: boolean;
}

/** Parameters of `generateDepositInvoice` (Lightning). */
export interface DepositInvoiceParams {
  /** Wallet to credit (`exchange`). */
  readonly wallet: WalletType;
  /** `LNX`. */
  readonly currency: string;
  /** Invoice amount (BTC, 0.000001 to 0.02). */
  readonly amount: Decimal;
}

/** Parameters of `setAlert`. */
export interface SetAlertParams {
  /** Alert type (`price`). */
  readonly type?: 'price';
  /** Symbol: a trading pair (`tBTCUSD`) or a funding currency (`fUSD`). */
  readonly symbol: string;
  /** Price that triggers the alert. */
  readonly price: Decimal;
  /** How many times the alert fires. */
  readonly count?: number;
}

/** Parameters of `generateToken`. */
export interface TokenParams {
  /** Lifetime in seconds. */
  readonly ttl?: number;
  /** e.g. `api`. */
  readonly scope?: string;
  /** Whether the token may write. */
  readonly writePermission?: boolean;
  /** Restrict to these capabilities (e.g. `['a', 'o', 'w']`). */
  readonly caps?: readonly string[];
}

const wallet = (v: unknown, n: string): unknown => validateOneOf(v, ['exchange', 'margin', 'funding'], n);
const keys = arrayOf(text);

const permissions: Decoder<Record<string, Permission>> = (body, endpoint) => {
  if (!Array.isArray(body)) throw badShape(endpoint, 'an array of [scope, read, write] rows', body);
  const out: Record<string, Permission> = {};
  for (const row of body) {
    if (!Array.isArray(row) || typeof row[0] !== 'string') throw badShape(endpoint, 'an array of [scope, read, write] rows', body);
    out[row[0]] = { read: row[1] === 1 || row[1] === true, write: row[2] === 1 || row[2] === true };
  }
  return out;
};

const settings: Decoder<Record<string, unknown>> = (body, endpoint) => {
  if (!Array.isArray(body) || !body.every((r) => Array.isArray(r) && typeof r[0] === 'string')) {
    throw badShape(endpoint, 'an array of [key, value] rows', body);
  }
  return Object.fromEntries(body as [string, unknown][]);
};

const movementRow: Decoder<Movement> = (body, endpoint) => {
  if (!Array.isArray(body)) throw badShape(endpoint, 'a movement array', body);
  return models.Movement.decode(Array.isArray(body[0]) ? (body[0] as unknown[]) : body);
};

const firstString: Decoder<string> = (body, endpoint) => {
  const token = Array.isArray(body) ? body[0] : body;
  if (typeof token !== 'string') throw badShape(endpoint, 'a token', body);
  return token;
};

/** The authenticated account endpoint table. */
export const authAccountEndpoints = {
  /** `auth/r/info/user`. */
  getUserInfo: defineEndpoint<[], UserInfo>({ ...SIGNED, path: 'auth/r/info/user', args: [], decode: one(models.UserInfo) }),
  /** `auth/r/logins/hist`. */
  getLoginHistory: defineEndpoint<[params?: HistoryParams], LoginHistory[]>({
    ...SIGNED, path: 'auth/r/logins/hist', args: ['*'], params: HISTORY_PARAMS,  decode: list(models.LoginHistory),
  }),
  /** `auth/r/wallets`. */
  getWallets: defineEndpoint<[], Wallet[]>({ ...SIGNED, path: 'auth/r/wallets', args: [], decode: list(models.Wallet) }),
  /** `auth/r/wallets/hist`: balances at `end` (ms). */
  getWalletsHistory: defineEndpoint<[params?: {
    /** Balances as of this time (ms since epoch). */
    readonly end?: number;
    /** Currency; all when omitted. */
    readonly currency?: string;
  }], WalletHistory[]>({
    ...SIGNED, path: 'auth/r/wallets/hist', args: ['*'], params: ['end'], check: { currency: text }, decode: list(WalletHistory),
  }),
  /** `auth/r/ledgers[/{currency}]/hist`. */
  getLedgers: defineEndpoint<[params?: HistoryParams & {
    /** Currency; all when omitted. */
    readonly currency?: string;
    /** Ledger category code (e.g. 28 settlement). */
    readonly category?: number;
  }], Ledger[]>({
    ...SIGNED, path: 'auth/r/ledgers{/currency}/hist', args: ['*'], params: HISTORY_PARAMS, check: { currency: text, category: positiveInteger }, decode: list(models.Ledger),
  }),
  /** `auth/w/transfer`: `acc_tf` notification. */
  transferBetweenWallets: defineEndpoint<[params: TransferParams], Notification<Transfer | null>>({
    ...SIGNED, path: 'auth/w/transfer', args: ['*'], required: ['from', 'to', 'currency', 'currencyTo', 'amount'],
    check: { from: wallet, to: wallet, currency: text, currencyTo: text, amount: decimal }, decode: notification(models.Transfer),
  }),
  /** `auth/w/withdraw`: `acc_wd-req` notification. */
  submitWalletWithdrawal: defineEndpoint<[params: WithdrawalParams], Notification<Withdrawal | null>>({
    ...SIGNED, path: 'auth/w/withdraw', args: ['*'], params: ['paymentId'], required: ['wallet', 'method', 'address', 'amount'],
    check: { wallet, method: text, address: text, amount: decimal, feeDeduct: boolean }, decode: notification(models.Withdrawal),
  }),
  /** `auth/w/deposit/address`: `acc_dep` notification. */
  getDepositAddress: defineEndpoint<[params: DepositAddressParams], Notification<DepositAddress | null>>({
    ...SIGNED, path: 'auth/w/deposit/address', args: ['*'], required: ['wallet', 'method'], defaults: { opRenew: false },
    check: { wallet, method: text, opRenew: boolean }, decode: notification(models.DepositAddress),
  }),
  /** `auth/w/deposit/invoice`: a Lightning invoice (not a notification). */
  generateDepositInvoice: defineEndpoint<[params: DepositInvoiceParams], LightningNetworkInvoice>({
    ...SIGNED, path: 'auth/w/deposit/invoice', args: ['*'], required: ['wallet', 'currency', 'amount'],
    check: { wallet, currency: text, amount: decimal }, decode: one(models.LightningNetworkInvoice),
  }),
  /** `auth/r/movements[/{currency}]/hist`: deposits and withdrawals. */
  getMovements: defineEndpoint<[params?: HistoryParams & {
    /** Currency; all when omitted. */
    readonly currency?: string;
  }], Movement[]>({
    ...SIGNED, path: 'auth/r/movements{/currency}/hist', args: ['*'], params: HISTORY_PARAMS, check: { currency: text }, decode: list(models.Movement),
  }),
  /** `auth/r/movements/info`: one movement by id. */
  getMovementInfo: defineEndpoint<[id: number], Movement>({
    ...SIGNED, path: 'auth/r/movements/info', args: ['id'], required: ['id'], check: { id: positiveInteger }, decode: movementRow,
  }),
  /** `auth/r/audit/hist`: account change log rows (shape undocumented, left raw). */
  getAuditHistory: defineEndpoint<[params?: HistoryParams], unknown[][]>({
    ...SIGNED, path: 'auth/r/audit/hist', args: ['*'], params: HISTORY_PARAMS,  decode: array<unknown[]>(),
  }),
  /** `auth/r/permissions`: read/write per scope of the API key. */
  getPermissions: defineEndpoint<[], Record<string, Permission>>({ ...SIGNED, path: 'auth/r/permissions', args: [], decode: permissions }),
  /** `auth/r/summary`: 30-day fees and volume summary (nested, left raw). */
  getSummary: defineEndpoint<[], unknown[]>({ ...SIGNED, path: 'auth/r/summary', args: [], decode: array() }),
  /** `auth/r/alerts`: price alerts. */
  getAlerts: defineEndpoint<[type?: 'price'], Alert[]>({
    ...SIGNED, path: 'auth/r/alerts', args: ['type'], defaults: { type: 'price' }, decode: list(Alert),
  }),
  /** `auth/w/alert/set`: create a price alert. */
  setAlert: defineEndpoint<[params: SetAlertParams], Alert>({
    ...SIGNED, path: 'auth/w/alert/set', args: ['*'], required: ['symbol', 'price'], defaults: { type: 'price' },
    check: { symbol: tradingSymbol, price: decimal, count: positiveInteger }, decode: one(Alert),
  }),
  /**
   * `auth/w/alert/price:{symbol}:{price}/del` (the path docs.bitfinex.com documents, Alert Delete;
   * the node client's `auth/w/alert/del` with a `{symbol, price}` body is accepted by the simulator
   * too). True when the answer is `[true]` (Bitfinex answers so even when nothing was deleted).
   */
  deleteAlert: defineEndpoint<[symbol: string, price: number], boolean>({
    ...SIGNED, path: 'auth/w/alert/price:{symbol}:{price}/del', args: ['symbol', 'price'], check: { symbol: tradingSymbol, price: decimal },
    decode: truthy(),
  }),
  /** `auth/r/settings`: user settings by key (e.g. `api:bfx-actors`). */
  getSettings: defineEndpoint<[keys: readonly string[]], Record<string, unknown>>({
    ...SIGNED, path: 'auth/r/settings', args: ['keys'], required: ['keys'], check: { keys }, decode: settings,
  }),
  /** `auth/w/settings/set`: write settings `{ key: value }`. */
  setSettings: defineEndpoint<[settings: Readonly<Record<string, unknown>>], boolean>({
    ...SIGNED, path: 'auth/w/settings/set', args: ['settings'], required: ['settings'], check: { settings: record }, decode: truthy(),
  }),
  /** `auth/w/settings/del`: delete settings by key. */
  deleteSettings: defineEndpoint<[keys: readonly string[]], boolean>({
    ...SIGNED, path: 'auth/w/settings/del', args: ['keys'], required: ['keys'], check: { keys }, decode: truthy(),
  }),
  /** `auth/w/token`: a short-lived auth token (`bfx-token`). */
  generateToken: defineEndpoint<[params?: TokenParams], string>({
    ...SIGNED, path: 'auth/w/token', args: ['*'], rename: { writePermission: 'writePermission' },
    check: { ttl: positiveInteger, scope: text, writePermission: boolean, caps: keys }, decode: firstString,
  }),
  /** `auth/w/token/del`: true when the token was deleted. */
  deleteToken: defineEndpoint<[token: string], boolean>({
    ...SIGNED, path: 'auth/w/token/del', args: ['token'], required: ['token'], check: { token: text }, decode: truthy(),
  }),
} as const;


