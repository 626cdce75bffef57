/**
 * Type tests of the public signatures (checked by `npm run typecheck`; the bodies never run): the
 * seed README's multi-event `on` compiles without annotations under `strict` and types the
 * listener's arguments as what those events deliver; unsound or misspelt combinations are errors;
 * a handle only accepts its channel's events.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { createBfxSystem, type BfxSystem } from '../../src/system.js';
import type { GovernorContext } from '../../machines/governor.machine.js';
import { processGovernor } from '../../src/ws/governor.js';
import type { Subscription } from '../../src/ws/contracts.js';
import type { FundingCurrencyTicker, Order, TradingPairTicker } from '../../src/models/index.js';

declare const bfx: BfxSystem;

function compileOnly(): void {
  // The seed README, as written: no annotation.
  bfx.ws.on('t_ticker_update', 'f_ticker_update', (sub, ticker) => {
    expectTypeOf(sub).toEqualTypeOf<Subscription>();
    expectTypeOf(ticker).toEqualTypeOf<TradingPairTicker | FundingCurrencyTicker>();
  });
  bfx.ws.on('reconnection', async (attempts, downtimeMs) => {
    expectTypeOf(attempts).toEqualTypeOf<number>();
    expectTypeOf(downtimeMs).toEqualTypeOf<number>();
  });
  bfx.ws.on('order_new', (order) => expectTypeOf(order).toEqualTypeOf<Order>());
  bfx.ws.on('open', () => undefined);
  // @ts-expect-error an Order is not a number
  bfx.ws.on('reconnection', 'order_new', (x: number) => x);
  // @ts-expect-error a misspelt event
  bfx.ws.on('t_ticker_updat', () => undefined);
  const ticker = bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' });
  ticker.on('t_ticker_update', (sub, t) => expectTypeOf(t).toEqualTypeOf<TradingPairTicker>());
  // @ts-expect-error a ticker handle has no book events
  ticker.on('t_book_update', () => undefined);
  const book = bfx.ws.subscribe('book', { symbol: 'tBTCUSD' });
  book.on('t_book_update', 'checksum_mismatch', () => undefined);
  void (async () => {
    const t = await bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' });
    expectTypeOf(t.symbol).toEqualTypeOf<string | undefined>();
    t.on('t_ticker_update', () => undefined);
    await t.unsubscribe();
  })();
  // The connection budget: limits per kind of host, a block time, or off.
  createBfxSystem({ eager: true, connectionBudget: { public: { count: 20, windowMs: 60_000 }, auth: { count: 5, windowMs: 15_000 }, blockMs: 60_000 } });
  createBfxSystem({ connectionBudget: false });
  // @ts-expect-error a limit is a count per window
  createBfxSystem({ connectionBudget: { public: { count: '20', windowMs: 60_000 } } });
  // @ts-expect-error `true` is not an option: leave it out for the default
  createBfxSystem({ connectionBudget: true });
  expectTypeOf(processGovernor().getSnapshot().context).toEqualTypeOf<GovernorContext>();
  processGovernor().on('budget.granted', (e) => expectTypeOf(e.waitedMs).toEqualTypeOf<number>());
  // The managed account: complete once synced.
  expectTypeOf(bfx.account.synced).toEqualTypeOf<boolean>();
  expectTypeOf(bfx.account.whenSynced({ timeoutMs: 5_000 })).toEqualTypeOf<Promise<void>>();
  bfx.account.on('account_synced', (e) => {
    expectTypeOf(e.session).toEqualTypeOf<number>();
    expectTypeOf(e.resync).toEqualTypeOf<boolean>();
  });
  // @ts-expect-error `timeoutMs` is a number
  void bfx.account.whenSynced({ timeoutMs: '5s' });
}

describe('public types', () => {
  it('compile (see compileOnly)', () => {
    expectTypeOf(compileOnly).toBeFunction();
  });
});
