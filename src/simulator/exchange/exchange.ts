/**
 * The in-memory exchange of the simulator: accounts (wallets, orders, positions, funding,
 * ledgers…) over the shared market engine, and credential verification shared by REST and
 * WebSocket.
 *
 * @module
 */
import type { MarketEngine, SimAccount, SimAccountConfig, SimExchange, VerifyResult } from '../contracts.js';
import { createAccount, type ExchangeAccount } from './account.js';
import { createIdSource } from './context.js';
import { createNonceBook, parseNonce, signatureValid } from './verify.js';

export { exchangeAccount, type ExchangeAccount } from './account.js';
export { frameMatchesFilter, narrowFrame } from './filter.js';

/** Options of {@link createSimExchange}. */
export interface SimExchangeOptions {
  readonly accounts: readonly SimAccountConfig[];
  readonly market: MarketEngine;
  /** Clock in ms; defaults to the market's clock. */
  readonly now?: () => number;
}

/**
 * Create the exchange.
 *
 * `verify`: unknown key → 10100 `apikey: invalid`; bad signature → 10100 `apikey: digest invalid`;
 * nonce malformed, above 2^53-1 or not strictly greater than the key's last accepted one →
 * 10114 `nonce: small`.
 */
export function createSimExchange(options: SimExchangeOptions): SimExchange {
  const now = options.now ?? (() => options.market.now());
  const ids = createIdSource();
  const byKey = new Map<string, { readonly secret: string; readonly account: ExchangeAccount }>();
  options.accounts.forEach((config, i) => {
    if (byKey.has(config.apiKey)) throw new Error(`duplicate simulator account key #${i}`);
    byKey.set(config.apiKey, { secret: config.apiSecret, account: createAccount(config, i, { market: options.market, ids, now }) });
  });
  const nonces = createNonceBook();
  const list: readonly SimAccount[] = [...byKey.values()].map((e) => e.account);
  return {
    verify(apiKey, nonce, payload, signature): VerifyResult {
      const entry = byKey.get(apiKey);
      if (entry === undefined) return { ok: false, code: 10100, msg: 'apikey: invalid' };
      if (!signatureValid(entry.secret, payload, signature)) return { ok: false, code: 10100, msg: 'apikey: digest invalid' };
      const n = parseNonce(nonce);
      if (n === undefined || !nonces.accept(apiKey, n)) return { ok: false, code: 10114, msg: 'nonce: small' };
      return { ok: true, account: entry.account };
    },
    account: (apiKey) => byKey.get(apiKey)?.account,
    accounts: () => list,
  };
}
