/**
 * Models of documented v2 endpoints that python's client lacks (REST only, no WebSocket event
 * uses them), defined with the same table machinery as `src/models`.
 *
 * @module
 */
import { defineModel, type Infer } from '../models/define.js';

/** A price alert `[KEY, TYPE, SYMBOL, PRICE, COUNT]` (`auth/r/alerts`, `auth/w/alert/set`). */
export const Alert = defineModel('Alert', [
  ['key', 'string'],
  ['type', 'string'],
  ['symbol', 'string'],
  ['price', 'number'],
  ['count', 'number?'],
] as const);
/** A decoded {@link Alert}. */
export type Alert = Infer<typeof Alert>;

/** A wallet history row `[TYPE, CURRENCY, BALANCE, UNSETTLED_INTEREST, AVAILABLE, DESCRIPTION, MTS]` (`auth/r/wallets/hist`). */
export const WalletHistory = defineModel('WalletHistory', [
  ['walletType', 'string'],
  ['currency', 'string'],
  ['balance', 'number'],
  ['unsettledInterest', 'number?'],
  ['availableBalance', 'number?'],
  ['description', 'string?'],
  ['mts', 'number?'],
] as const);
/** A decoded {@link WalletHistory} row. */
export type WalletHistory = Infer<typeof WalletHistory>;

/** Read/write permission of one API key scope (`auth/r/permissions`). */
export interface Permission {
  /** Whether reading is allowed. */
  readonly read: boolean;
  /** Whether writing is allowed. */
  readonly write: boolean;
}
