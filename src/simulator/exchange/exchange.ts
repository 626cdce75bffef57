/**
 * The in-memory exchange of the simulator: accounts (wallets, orders, positions, funding,
 * ledgers…) over the shared market engine, and credential verification shared by REST and
 * WebSocket.
 *
 * @module
 */
import type { MarketEngine, MarketEvent, SimAccount, SimAccountConfig, SimExchange, VerifyResult } from '../contracts.js';
import { createAccount, type ExchangeAccount } from './account.js';
import { createIdSource } from './context.js';
import { resolveFees, type SimFeeSchedule } from './fees.js';
import { fundingFill, settleFunding } from './funding-match.js';
import { makerFill } from './order-exec.js';
import { checkTriggers } from './order-triggers.js';
import { createSerial } from './serial.js';
import { createNonceBook, parseNonce, signatureValid } from './verify.js';

export { exchangeAccount, type ExchangeAccount } from './account.js';
export { DEFAULT_FEES, type SimFeeSchedule } from './fees.js';
export { frameMatchesFilter, narrowFrame } from './filter.js';

/** Options of {@link createSimExchange}. */
export interface SimExchangeOptions {
  readonly accounts: readonly SimAccountConfig[];
  readonly market: MarketEngine;
  /** Clock in ms; defaults to the market's clock. */
  readonly now?: () => number;
  /** Fee schedule (defaults: {@link DEFAULT_FEES}). */
  readonly fees?: Partial<SimFeeSchedule>;
  /** Interest on matched funding is paid every this many ms (default 86,400,000 = daily, as Bitfinex). */
  readonly fundingPayoutMs?: number;
}

/** Market events are checked for funding settlement at most this often (market clock). */
const SETTLE_EVERY_MS = 1000;

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
  const fees = resolveFees(options.fees);
  const serial = createSerial();
  const payoutMs = options.fundingPayoutMs ?? 86_400_000;
  const byKey = new Map<string, { readonly secret: string; readonly account: ExchangeAccount }>();
  options.accounts.forEach((config, i) => {
    if (byKey.has(config.apiKey)) throw new Error(`duplicate simulator account key #${i}`);
    byKey.set(config.apiKey, { secret: config.apiSecret, account: createAccount(config, i, { market: options.market, ids, now, fees, serial }) });
  });
  const nonces = createNonceBook();
  const all: readonly ExchangeAccount[] = [...byKey.values()].map((e) => e.account);
  const list: readonly SimAccount[] = all;

  const settle = (): void => {
    const t = now();
    for (const acc of all) {
      settleFunding(acc.ctx, t, payoutMs, (payload) => void acc.input('fon', payload, 'ws'));
    }
  };
  let lastSettle = now();
  const onMarket = (e: MarketEvent): void => {
    if (e.type === 'fill') {
      for (const acc of all) {
        const order = acc.state.orders.get(e.orderId);
        if (order !== undefined) return makerFill(acc.ctx, order, { price: e.price, amount: e.amount });
        const offer = acc.state.offers.get(e.orderId);
        if (offer !== undefined) return fundingFill(acc.ctx, offer, { price: e.price, amount: e.amount });
      }
    } else if (e.type === 'trade' && options.market.isTradingPair(e.symbol)) {
      const price = e.row[3];
      if (typeof price !== 'number') return;
      for (const acc of all) if (acc.state.orders.size > 0) checkTriggers(acc.ctx, e.symbol, price);
    } else if (e.type === 'book' && now() - lastSettle >= SETTLE_EVERY_MS) {
      lastSettle = now();
      settle();
    }
  };
  if (all.length > 0) options.market.on((e) => serial.defer(() => onMarket(e)));
  return {
    settleFunding: () => serial.run(settle),
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
