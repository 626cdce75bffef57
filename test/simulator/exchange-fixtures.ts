/**
 * Test fixtures for the exchange and auth-route tests: a tiny deterministic market (fixed
 * books that `take` consumes), an exchange over it, signing helpers and a frame collector.
 */
import { createHmac } from 'node:crypto';
import type { AccountFrame, Fill, MarketEngine, SimAccount, SimRequest } from '../../src/simulator/contracts.js';
import { createSimExchange } from '../../src/simulator/exchange/exchange.js';

type Level = [price: number, amount: number];

/** A fake market: books per symbol (asks ascending, bids descending), clock fixed unless advanced. */
export function fakeMarket(books: Record<string, { bids: Level[]; asks: Level[] }> = defaultBooks()) {
  let clock = 1_700_000_000_000;
  const market: MarketEngine & { advance(ms: number): void } = {
    symbols: { tradingPairs: Object.keys(books), fundingCurrencies: ['fUSD', 'fBTC', 'fUST'], derivatives: ['tBTCF0:USTF0'] },
    now: () => clock,
    advance: (ms) => void (clock += ms),
    isTradingPair: (s) => s in books,
    isFundingCurrency: (s) => ['fUSD', 'fBTC', 'fUST'].includes(s),
    normalizeSymbol: (s) => (s in books ? s : undefined),
    ticker: () => [],
    trades: () => [],
    bookSnapshot: (s) => {
      const b = books[s];
      if (!b) return [];
      return [...b.bids.map(([p, a]) => [p, 1, a]), ...b.asks.map(([p, a]) => [p, 1, -a])];
    },
    openBookView: () => {
      throw new Error('not in fake');
    },
    candles: () => undefined,
    derivStatus: () => undefined,
    liquidations: () => [],
    bestBid: (s) => books[s]?.bids[0]?.[0],
    bestAsk: (s) => books[s]?.asks[0]?.[0],
    take(symbol, amount, limitPrice) {
      const b = books[symbol];
      if (!b) return [];
      const side = amount > 0 ? b.asks : b.bids;
      const fills: Fill[] = [];
      let left = Math.abs(amount);
      while (left > 1e-12 && side.length > 0) {
        const lvl = side[0]!;
        if (limitPrice !== undefined && (amount > 0 ? lvl[0] > limitPrice : lvl[0] < limitPrice)) break;
        const q = Math.min(left, lvl[1]);
        fills.push({ price: lvl[0], amount: Math.sign(amount) * q });
        left -= q;
        lvl[1] -= q;
        if (lvl[1] <= 1e-12) side.shift();
      }
      return fills;
    },
    tick: () => undefined,
    lastPrice: (s) => books[s]?.bids[0]?.[0],
    place: () => undefined,
    cancel: () => true,
    scenario: () => undefined,
    nextPeriodTicks: () => 1,
    on: () => () => undefined,
  };
  return market;
}

/** Default books: tBTCUSD asks 0.22 @ 915.9 then 5 @ 916.2, bids 1 @ 915 then 5 @ 914. */
export function defaultBooks(): Record<string, { bids: Level[]; asks: Level[] }> {
  return {
    tBTCUSD: { bids: [[915, 1], [914, 5]], asks: [[915.9, 0.22], [916.2, 5]] },
    tETHUSD: { bids: [[100, 50]], asks: [[101, 50]] },
    'tBTCF0:USTF0': { bids: [[915, 10]], asks: [[916, 10]] },
  };
}

/** Credentials of the fixture accounts. */
export const ALICE = { apiKey: 'alice-key', apiSecret: 'alice-secret' } as const;
export const BOB = { apiKey: 'bob-key', apiSecret: 'bob-secret' } as const;

/** An exchange with Alice and Bob over a fresh fake market. */
export function fixture(books?: Record<string, { bids: Level[]; asks: Level[] }>) {
  const market = fakeMarket(books);
  const exchange = createSimExchange({ accounts: [ALICE, BOB], market });
  const alice = exchange.account(ALICE.apiKey)!;
  return { market, exchange, alice };
}

/** Lowercase hex HMAC-SHA384. */
export function sign(secret: string, payload: string): string {
  return createHmac('sha384', secret).update(payload).digest('hex');
}

/** Collect an account's frames; `flush()` waits for queued deliveries. */
export function collect(account: SimAccount) {
  const frames: AccountFrame[] = [];
  const stop = account.subscribe((f) => frames.push(f));
  return {
    frames,
    stop,
    types: () => frames.map((f) => f[0]),
    of: (type: string) => frames.filter((f) => f[0] === type).map((f) => f[1] as unknown[]),
    clear: () => void frames.splice(0),
  };
}

/** Let queued account events be delivered. */
export const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Build a SimRequest for a route handler. */
export function request(account: SimAccount, path: string, body: Record<string, unknown> = {}, params: Record<string, string> = {}): SimRequest {
  return { method: 'POST', path, params, query: new URLSearchParams(), body, rawBody: JSON.stringify(body), account };
}
