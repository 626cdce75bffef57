/**
 * REST wallet routes: wallets, wallet history, ledgers, movements, transfers, withdrawals,
 * deposit addresses and Lightning invoices.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { SimRoute } from '../../contracts.js';
import type { ExchangeAccount } from '../account.js';
import { walletUpdate } from '../calc.js';
import { adjustWallet, available } from '../context.js';
import { fmt, r8 } from '../numbers.js';
import type { WalletType } from '../state.js';
import { ledgerArray, movementArray, notificationArray, walletArray } from '../wire.js';
import { authRoute, idList, invalid, optNumber, optString, reqNumber, reqString, windowed, withVariant } from './common.js';

const WALLET_TYPES: readonly string[] = ['exchange', 'margin', 'funding'];
const CCY = /^[A-Z0-9]{2,10}$/;
const NAMES: Readonly<Record<string, string>> = { USD: 'US Dollar', BTC: 'Bitcoin', ETH: 'Ethereum', UST: 'Tether USDt', EUR: 'Euro' };
/** Withdrawal / deposit methods and their currencies. */
export const METHODS: Readonly<Record<string, string>> = {
  bitcoin: 'BTC', ethereum: 'ETH', tetheruse: 'UST', tetherusx: 'UST', litecoin: 'LTC', wire: 'USD', lnx: 'LNX',
};

function walletType(v: string, field: string): WalletType {
  const t = v === 'trading' ? 'margin' : v;
  return WALLET_TYPES.includes(t) ? (t as WalletType) : invalid(field);
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function transfer(acc: ExchangeAccount, from: WalletType, to: WalletType, currency: string, currencyTo: string, amount: number): unknown[] {
  const ctx = acc.ctx;
  const mts = ctx.now();
  const data = [mts, from, to, null, currency, currencyTo === currency ? null : currencyTo, null, amount];
  if (amount > available(ctx, from, currency) + 1e-9) {
    return notificationArray(mts, 'acc_tf', data, 'ERROR', 'Currency transfer failed: insufficient balance.');
  }
  const desc = `Transfer of ${fmt(amount)} ${currency} from wallet ${cap(from)} to ${cap(to)}`;
  ctx.emit(walletUpdate(ctx, adjustWallet(ctx, from, currency, -amount, desc)));
  ctx.emit(walletUpdate(ctx, adjustWallet(ctx, to, currencyTo, amount, desc)));
  const text = `${amount.toFixed(1)} ${NAMES[currency] ?? currency} transferred from ${cap(from)} to ${cap(to)}`;
  return notificationArray(mts, 'acc_tf', data, 'SUCCESS', text);
}

function withdraw(acc: ExchangeAccount, wallet: WalletType, method: string, amount: number, address: string, paymentId: string | null): unknown[] {
  const ctx = acc.ctx;
  const currency = METHODS[method] ?? invalid('method');
  const fee = currency === 'BTC' ? 0.0004 : currency === 'ETH' ? 0.00135 : 0;
  const id = ctx.ids.next('movement');
  const data = [id, null, method, paymentId, wallet, amount, null, null, fee];
  if (amount + fee > available(ctx, wallet, currency) + 1e-9) {
    return notificationArray(ctx.now(), 'acc_wd-req', data, 'ERROR', 'Insufficient balance for withdrawal.');
  }
  ctx.emit(walletUpdate(ctx, adjustWallet(ctx, wallet, currency, -(amount + fee), `${cap(method)} Withdrawal #${id}`)));
  acc.state.movements.push({
    id, currency, currencyName: method.toUpperCase(), mtsStarted: ctx.now(), mtsUpdated: ctx.now(), status: 'PROCESSING',
    amount: -amount, fees: -fee, address, txid: '', note: null,
  });
  return notificationArray(ctx.now(), 'acc_wd-req', data, 'SUCCESS', 'Your withdrawal request has been successfully submitted.');
}

function hash(...parts: (string | number)[]): string {
  return createHash('sha256').update(parts.join('|')).digest('hex');
}

/** The wallet routes. */
export function walletRoutes(): SimRoute[] {
  return [
    authRoute('auth/r/wallets', 'wallets', 'read', (acc) =>
      [...acc.state.wallets.values()].map((w) => walletArray(w, available(acc.ctx, w.type, w.currency)))),
    // Wallet history rows: [TYPE, CURRENCY, BALANCE, UNSETTLED_INTEREST, BALANCE_AVAILABLE, null, MTS_UPDATE].
    authRoute('auth/r/wallets/hist', 'wallets', 'read', (acc, req) => {
      const currency = optString(req, 'currency');
      const end = optNumber(req, 'end') ?? acc.ctx.now();
      return [...acc.state.wallets.values()]
        .filter((w) => currency === undefined || w.currency === currency)
        .map((w) => [w.type, w.currency, w.balance, w.unsettledInterest, available(acc.ctx, w.type, w.currency), null, end]);
    }),
    ...withVariant(['auth/r/ledgers/hist', 'auth/r/ledgers/{currency}/hist'], 'history', 'read', (acc, req) => {
      const currency = req.params.currency;
      if (currency !== undefined && !CCY.test(currency)) invalid('currency');
      if (req.body.category !== undefined) optNumber(req, 'category');
      const rows = acc.state.ledgers.filter((l) => currency === undefined || l.currency === currency);
      return windowed(req, rows, (l) => l.mts, 2500, 25).map(ledgerArray);
    }),
    ...withVariant(['auth/r/movements/hist', 'auth/r/movements/{currency}/hist'], 'history', 'read', (acc, req) => {
      const currency = req.params.currency;
      if (currency !== undefined && !CCY.test(currency)) invalid('currency');
      const ids = idList(req, 'id');
      const address = optString(req, 'address');
      const rows = acc.state.movements.filter(
        (m) => (currency === undefined || m.currency === currency) && (ids === undefined || ids.includes(m.id)) && (address === undefined || m.address === address),
      );
      return windowed(req, rows, (m) => m.mtsUpdated, 1000, 25).map(movementArray);
    }),
    authRoute('auth/r/movements/info', 'history', 'read', (acc, req) => {
      const id = reqNumber(req, 'id');
      const m = acc.state.movements.find((x) => x.id === id);
      if (m === undefined) invalid('id');
      const row = movementArray(m);
      row.length = 32;
      row.fill(null, 22);
      row[24] = 0;
      row[28] = m.txid || null;
      row[29] = m.status;
      row[31] = {};
      return row;
    }),
    authRoute('auth/w/transfer', 'wallets', 'write', (acc, req) => {
      const from = walletType(reqString(req, 'from'), 'from');
      const to = walletType(reqString(req, 'to'), 'to');
      const currency = reqString(req, 'currency');
      if (!CCY.test(currency)) invalid('currency');
      const currencyTo = optString(req, 'currency_to') ?? currency;
      if (!CCY.test(currencyTo)) invalid('currency_to');
      const amount = reqNumber(req, 'amount');
      if (amount <= 0) invalid('amount');
      return transfer(acc, from, to, currency, currencyTo, r8(amount));
    }),
    authRoute('auth/w/withdraw', 'withdraw', 'write', (acc, req) => {
      const amount = reqNumber(req, 'amount');
      if (amount <= 0) invalid('amount');
      return withdraw(acc, walletType(reqString(req, 'wallet'), 'wallet'), reqString(req, 'method').toLowerCase(), amount,
        optString(req, 'address') ?? '', optString(req, 'payment_id') ?? null);
    }),
    authRoute('auth/w/deposit/address', 'wallets', 'write', (acc, req) => {
      walletType(reqString(req, 'wallet'), 'wallet');
      const method = reqString(req, 'method').toLowerCase();
      const currency = METHODS[method] ?? invalid('method');
      const renew = optNumber(req, 'op_renew') === 1 ? acc.ctx.now() : 0;
      const address = hash(acc.userId, method, renew).slice(0, 34);
      return notificationArray(acc.ctx.now(), 'acc_dep', [null, method.toUpperCase(), currency, null, address, null], 'SUCCESS', 'success');
    }),
    authRoute('auth/w/deposit/invoice', 'wallets', 'write', (acc, req) => {
      walletType(reqString(req, 'wallet'), 'wallet');
      if (reqString(req, 'currency') !== 'LNX') invalid('currency');
      const amount = reqNumber(req, 'amount');
      if (amount <= 0) invalid('amount');
      const h = hash(acc.userId, amount, acc.ctx.ids.next('misc'));
      return [h, `lnbc${Math.round(amount * 1e8)}n1p${h.slice(0, 40)}`, null, null, String(amount)];
    }),
  ];
}
