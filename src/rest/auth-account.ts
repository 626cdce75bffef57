/**
 * Authenticated account endpoints: user info, wallets, ledgers, movements, transfers, deposits,
 * withdrawals (python-v3-surface.md §2.4), plus documented v2 endpoints python lacks: wallet
 * history, movement info, audit, permissions, summary, alerts, settings and auth tokens
 * (protocol.md §3.7).
 *
 * @module
 */
import { signed } from './definers.js';
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
import { array, list, notification, one, truthy } from './decode.js';
import type { Decoder } from './endpoint.js';
import { Alert, WalletHistory, type Permission } from './extra-models.js';
import { badShape } from './response.js';
import type { Decimal, HistoryParams } from './types.js';

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
  getUserInfo: signed<[], UserInfo>('auth/r/info/user', [], one(models.UserInfo)),
  /** `auth/r/logins/hist`. */
  getLoginHistory: signed<[params?: HistoryParams], LoginHistory[]>('auth/r/logins/hist start end limit', ['*'], list(models.LoginHistory)),
  /** `auth/r/wallets`. */
  getWallets: signed<[], Wallet[]>('auth/r/wallets', [], list(models.Wallet)),
  /** `auth/r/wallets/hist`: balances at `end` (ms). */
  getWalletsHistory: signed<[params?: {
    /** Balances as of this time (ms since epoch). */
    readonly end?: number;
    /** Currency; all when omitted. */
    readonly currency?: string;
  }], WalletHistory[]>('auth/r/wallets/hist end currency:text', ['*'], list(WalletHistory)),
  /** `auth/r/ledgers[/{currency}]/hist`. */
  getLedgers: signed<[params?: HistoryParams & {
    /** Currency; all when omitted. */
    readonly currency?: string;
    /** Ledger category code (e.g. 28 settlement). */
    readonly category?: number;
  }], Ledger[]>('auth/r/ledgers{/currency}/hist start end limit currency:text category:int', ['*'], list(models.Ledger)),
  /** `auth/w/transfer`: `acc_tf` notification. */
  transferBetweenWallets: signed<[params: TransferParams], Notification<Transfer | null>>('auth/w/transfer from!:wallet to!:wallet currency!:text currencyTo!:text amount!:decimal', ['*'], notification(models.Transfer)),
  /** `auth/w/withdraw`: `acc_wd-req` notification. */
  submitWalletWithdrawal: signed<[params: WithdrawalParams], Notification<Withdrawal | null>>('auth/w/withdraw wallet!:wallet method!:text address!:text amount!:decimal paymentId feeDeduct:bool', ['*'], notification(models.Withdrawal)),
  /** `auth/w/deposit/address`: `acc_dep` notification. */
  getDepositAddress: signed<[params: DepositAddressParams], Notification<DepositAddress | null>>('auth/w/deposit/address wallet!:wallet method!:text opRenew:bool', ['*'], notification(models.DepositAddress), { defaults: { opRenew: false } }),
  /** `auth/w/deposit/invoice`: a Lightning invoice (not a notification). */
  generateDepositInvoice: signed<[params: DepositInvoiceParams], LightningNetworkInvoice>('auth/w/deposit/invoice wallet!:wallet currency!:text amount!:decimal', ['*'], one(models.LightningNetworkInvoice)),
  /** `auth/r/movements[/{currency}]/hist`: deposits and withdrawals. */
  getMovements: signed<[params?: HistoryParams & {
    /** Currency; all when omitted. */
    readonly currency?: string;
  }], Movement[]>('auth/r/movements{/currency}/hist start end limit currency:text', ['*'], list(models.Movement)),
  /** `auth/r/movements/info`: one movement by id. */
  getMovementInfo: signed<[id: number], Movement>('auth/r/movements/info id!:int', ['id'], movementRow),
  /** `auth/r/audit/hist`: account change log rows (shape undocumented, left raw). */
  getAuditHistory: signed<[params?: HistoryParams], unknown[][]>('auth/r/audit/hist start end limit', ['*'], array<unknown[]>()),
  /** `auth/r/permissions`: read/write per scope of the API key. */
  getPermissions: signed<[], Record<string, Permission>>('auth/r/permissions', [], permissions),
  /** `auth/r/summary`: 30-day fees and volume summary (nested, left raw). */
  getSummary: signed<[], unknown[]>('auth/r/summary', [], array()),
  /** `auth/r/alerts`: price alerts. */
  getAlerts: signed<[type?: 'price'], Alert[]>('auth/r/alerts', ['type'], list(Alert), { defaults: { type: 'price' } }),
  /** `auth/w/alert/set`: create a price alert. */
  setAlert: signed<[params: SetAlertParams], Alert>('auth/w/alert/set symbol!:trading price!:decimal count:int', ['*'], one(Alert), { defaults: { type: 'price' } }),
  /**
   * `auth/w/alert/price:{symbol}:{price}/del` (the path docs.bitfinex.com documents, Alert Delete;
   * the node client's `auth/w/alert/del` with a `{symbol, price}` body is accepted by the simulator
   * too). True when the answer is `[true]` (Bitfinex answers so even when nothing was deleted).
   */
  deleteAlert: signed<[symbol: string, price: number], boolean>('auth/w/alert/price:{symbol}:{price}/del symbol:trading price:decimal', ['symbol', 'price'], truthy()),
  /** `auth/r/settings`: user settings by key (e.g. `api:bfx-actors`). */
  getSettings: signed<[keys: readonly string[]], Record<string, unknown>>('auth/r/settings keys!:texts', ['keys'], settings),
  /** `auth/w/settings/set`: write settings `{ key: value }`. */
  setSettings: signed<[settings: Readonly<Record<string, unknown>>], boolean>('auth/w/settings/set settings!:record', ['settings'], truthy()),
  /** `auth/w/settings/del`: delete settings by key. */
  deleteSettings: signed<[keys: readonly string[]], boolean>('auth/w/settings/del keys!:texts', ['keys'], truthy()),
  /** `auth/w/token`: a short-lived auth token (`bfx-token`). */
  generateToken: signed<[params?: TokenParams], string>('auth/w/token ttl:int scope:text writePermission:bool>writePermission caps:texts', ['*'], firstString),
  /** `auth/w/token/del`: true when the token was deleted. */
  deleteToken: signed<[token: string], boolean>('auth/w/token/del token!:text', ['token'], truthy()),
} as const;

