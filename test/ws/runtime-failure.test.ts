/**
 * If the supervisor actor itself fails (an internal fault), nothing is left hanging: pending
 * subscriptions fail at once with a typed error, `error` is emitted, and no rejection goes unhandled.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, unhandledRejections, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('supervisor failure', () => {
  it('fails every subscription at once with ERR_BFX_CLOSED and reports it on `error`', async () => {
    h = await startHarness({}, { subscribeTimeoutMs: 60_000 });
    const before = unhandledRejections();
    const live = h.bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' });
    await live;
    const pending = h.bfx.ws.subscribe('trades', { symbol: 'tETHUSD' });
    const started = Date.now();
    // A malformed control event makes the supervisor's action throw: the actor errors.
    h.bfx.actor.send({ type: 'SUBSCRIBE_BATCH', subs: null } as never);
    await expect(pending.ready).rejects.toMatchObject({ code: 'ERR_BFX_CLOSED' });
    expect(Date.now() - started).toBeLessThan(5_000); // not the 60 s subscribe timeout
    expect(live.state).toBe('failed');
    expect(h.errors.some((e) => e.code === 'ERR_BFX_CLOSED')).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(unhandledRejections()).toBe(before);
  });
});
