/**
 * A fresh account's state from its configuration: default wallets, a few movements, logins and
 * audit rows, one funding credit and one loan.
 *
 * @module
 */
import type { SimAccountConfig } from '../contracts.js';
import { walletKey, type IdSource } from './context.js';
import type { AccountState, Caps, WalletRec } from './state.js';

/** Default wallets: 10 BTC / 100,000 USD / 20 ETH / 100,000 UST in exchange and margin, 50,000 USD funding, 100,000 USTF0 margin collateral. */
export const DEFAULT_WALLETS: SimAccountConfig['wallets'] = [
  ...(['exchange', 'margin'] as const).flatMap((type) => [
    { type, currency: 'BTC', balance: 10 },
    { type, currency: 'USD', balance: 100_000 },
    { type, currency: 'ETH', balance: 20 },
    { type, currency: 'UST', balance: 100_000 },
  ]),
  { type: 'margin', currency: 'USTF0', balance: 100_000 },
  { type: 'funding', currency: 'USD', balance: 50_000 },
];

/** Default caps: read and write on everything. */
export const DEFAULT_CAPS: Caps = Object.fromEntries(
  ['account', 'history', 'orders', 'positions', 'funding', 'settings', 'wallets', 'withdraw', 'ui_withdraw', 'bfxpay'].map(
    (k) => [k, { read: 1, write: 1 } as const],
  ),
);

/** Build the state of a new account. */
export function createAccountState(config: SimAccountConfig, index: number, now: number, ids: IdSource): AccountState {
  const userId = config.userId ?? 3_159_883 + index;
  const wallets = new Map<string, WalletRec>();
  for (const w of config.wallets ?? DEFAULT_WALLETS ?? []) {
    wallets.set(walletKey(w.type, w.currency), {
      type: w.type, currency: w.currency, balance: w.balance, unsettledInterest: 0, description: null, meta: null,
    });
  }
  const day = 86_400_000;
  return {
    userId, apiKey: config.apiKey, email: config.email ?? `user${userId}@example.com`,
    username: config.username ?? `user${userId}`, caps: config.caps ?? DEFAULT_CAPS, mtsCreated: now - 365 * day,
    wallets, orders: new Map(), ordersHist: [], trades: [], positions: new Map(), positionsHist: [],
    offers: new Map(), offersHist: [], credits: new Map(), creditsHist: [], loans: new Map(), loansHist: [],
    fundingTrades: [], ledgers: [],
    movements: [
      { id: ids.next('movement'), currency: 'BTC', currencyName: 'BITCOIN', mtsStarted: now - 30 * day, mtsUpdated: now - 30 * day + 3_600_000, status: 'COMPLETED', amount: 1, fees: 0, address: 'bc1qsimulatordeposit0', txid: 'a1'.repeat(32), note: null },
      { id: ids.next('movement'), currency: 'USD', currencyName: 'WIRE', mtsStarted: now - 20 * day, mtsUpdated: now - 19 * day, status: 'COMPLETED', amount: 50_000, fees: 0, address: '', txid: '', note: 'wire deposit' },
      { id: ids.next('movement'), currency: 'ETH', currencyName: 'ETHEREUM', mtsStarted: now - 10 * day, mtsUpdated: now - 10 * day + 600_000, status: 'CANCELED', amount: -0.24, fees: -0.00135, address: '0xsimulatoraddress', txid: '', note: 'Purchase of 100 pizzas' },
    ],
    alerts: new Map(), settings: new Map(), tokens: new Map(), autoRenew: new Map(), collateral: new Map(),
    logins: [
      [ids.next('misc'), null, now - 2 * day, null, '127.0.0.1', null, null, '{"user_agent":"bfx-actors"}'],
      [ids.next('misc'), null, now - day, null, '127.0.0.1', null, null, '{"user_agent":"bfx-actors"}'],
    ],
    audit: [[now - 365 * day, null, 'settings: api key created', null, null, '127.0.0.1', 'bfx-actors']],
  };
}
