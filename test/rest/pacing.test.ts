/**
 * Per-route pacing: token buckets from the shared limits table, tokens that come back one window
 * after their request left, waits that honour `signal` and `timeoutMs`, a 429 that closes the
 * bucket for the block time, and the rate-limit retry that waits for it. Against the simulator
 * (which enforces the same table), paced bursts draw no 429 at all.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BfxAbortError, BfxRateLimitError, BfxTimeoutError } from '../../src/errors.js';
import { createPacer, createRestClient, REST_ROUTE_LIMITS, resolveRouteLimit, type FetchFn, type RestClient } from '../../src/rest/index.js';
import { createBfxSimulator, type BfxSimulator } from '../../src/simulator/index.js';
import { rejectionOf, startStub } from './helpers.js';

const KEY = 'pacing-key';
const SECRET = 'pacing-secret';

/** A fetch counting HTTP 429 answers. */
function counting(): { fetch: FetchFn; count: { sent: number; limited: number } } {
  const count = { sent: 0, limited: 0 };
  return {
    count,
    fetch: async (input, init) => {
      count.sent++;
      const res = await fetch(input, init);
      if (res.status === 429) count.limited++;
      return res;
    },
  };
}

async function simWith(windowMs?: number): Promise<BfxSimulator> {
  return createBfxSimulator({
    accounts: [{ apiKey: KEY, apiSecret: SECRET }],
    rest: { rateLimit: windowMs === undefined ? {} : { windowMs } },
    market: { updatesPerSecond: 0 },
  });
}

describe('the limits table', () => {
  it('gives each documented route its number and source, and a per-route default elsewhere', () => {
    expect(resolveRouteLimit('book/tBTCUSD/P0')).toEqual({ group: 'book', perMinute: 240 });
    expect(resolveRouteLimit('trades/tETHUSD/hist')).toEqual({ group: 'trades', perMinute: 15 });
    expect(resolveRouteLimit('auth/r/orders/tBTCUSD/hist')).toEqual({ group: 'auth/r/orders/*/hist', perMinute: 45 });
    expect(resolveRouteLimit('auth/w/order/submit')).toEqual({ group: 'auth/w/order/submit', perMinute: 10 });
    expect(resolveRouteLimit('auth/w/order/submit', { 'auth/w/order/submit': 90 }).perMinute).toBe(90);
    for (const row of REST_ROUTE_LIMITS) expect(row.source.length).toBeGreaterThan(3);
  });
});

describe('the pacer (fake timers)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives perMinute tokens at once; the next comes back one window (+ margin) after the first answer', async () => {
    vi.useFakeTimers();
    const pacer = createPacer({ limits: { book: 3 }, marginMs: 100 });
    for (let i = 0; i < 3; i++) {
      const t = await pacer.take('book/tBTCUSD/P0');
      t.commit();
      t.release();
    }
    let granted = false;
    const next = pacer.take('book/tBTCUSD/P1').then((t) => {
      granted = true;
      return t;
    });
    await vi.advanceTimersByTimeAsync(60_099);
    expect(granted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    (await next).commit();
    expect(granted).toBe(true);
    // Another route group has its own bucket.
    expect(pacer.waitMs('ticker/tBTCUSD')).toBe(0);
  });

  it('a token given back unused is free again at once; an abort leaves the queue', async () => {
    vi.useFakeTimers();
    const pacer = createPacer({ limits: { ticker: 1 } });
    const held = await pacer.take('ticker/tBTCUSD');
    const ctrl = new AbortController();
    const waiting = pacer.take('ticker/tBTCUSD', ctrl.signal);
    ctrl.abort(new BfxAbortError());
    await expect(waiting).rejects.toBeInstanceOf(BfxAbortError);
    held.release();
    expect(pacer.waitMs('ticker/tBTCUSD')).toBe(0);
    const spent = await pacer.take('ticker/tBTCUSD');
    spent.commit();
    // In flight: no token until its answer, then one window and the margin.
    let granted = false;
    const next = pacer.take('ticker/tBTCUSD').then((t) => {
      granted = true;
      t.release();
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(granted).toBe(false);
    spent.release();
    expect(pacer.waitMs('ticker/tBTCUSD')).toBe(60_250);
    await vi.advanceTimersByTimeAsync(60_250);
    await next;
    expect(granted).toBe(true);
  });

  it('a 429 closes the bucket for the block time (60 s by default)', async () => {
    vi.useFakeTimers();
    const pacer = createPacer();
    pacer.penalise('book/tBTCUSD/P0');
    expect(pacer.waitMs('book/tBTCUSD/P0')).toBe(60_000);
    let granted = false;
    const next = pacer.take('book/tBTCUSD/P0').then(() => (granted = true));
    await vi.advanceTimersByTimeAsync(59_999);
    expect(granted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await next;
    expect(granted).toBe(true);
  });

  it('a call waits for its token within timeoutMs, else BfxTimeoutError with nothing sent', async () => {
    const stub = await startStub();
    try {
      const rest = createRestClient({ restHost: stub.url, pacing: { limits: { ticker: 1 } } });
      await rest.public.getTTicker('tBTCUSD').catch(() => undefined);
      const err = await rejectionOf(rest.public.getTTicker('tBTCUSD', { timeoutMs: 50 }));
      expect(err).toBeInstanceOf(BfxTimeoutError);
      expect((err as Error).message).toContain('not sent');
      const ctrl = new AbortController();
      const aborted = rejectionOf(rest.public.getTTicker('tETHUSD', { signal: ctrl.signal }));
      setTimeout(() => ctrl.abort(), 20);
      expect(await aborted).toBeInstanceOf(BfxAbortError);
      expect(stub.requests).toHaveLength(1);
    } finally {
      await stub.close();
    }
  });
});

describe('paced calls against the simulator (same table)', () => {
  let sim: BfxSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('without pacing, 100 concurrent calls to one route draw 429s (the test can fail)', async () => {
    sim = await simWith(500);
    const { fetch: f, count } = counting();
    const rest = createRestClient({ restHost: sim.restUrl, fetch: f, pacing: false });
    await Promise.allSettled(Array.from({ length: 100 }, () => rest.public.getTTicker('tBTCUSD')));
    expect(count.limited).toBeGreaterThan(0);
  });

  it('100 concurrent calls to one route: 0 responses of 429 (30 a window, 500 ms windows)', async () => {
    sim = await simWith(500);
    const { fetch: f, count } = counting();
    const rest = createRestClient({ restHost: sim.restUrl, fetch: f, pacing: { windowMs: 500, marginMs: 20 } });
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => rest.public.getTTicker('tBTCUSD')));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(count).toEqual({ sent: 100, limited: 0 });
  });

  it('1,000 mixed public and signed calls: 0 responses of 429', async () => {
    sim = await simWith(200);
    const { fetch: f, count } = counting();
    const rest: RestClient = createRestClient({
      restHost: sim.restUrl, apiKey: KEY, apiSecret: SECRET, fetch: f, pacing: { windowMs: 200, marginMs: 20 },
    });
    const calls: (() => Promise<unknown>)[] = [
      () => rest.public.getTTicker('tBTCUSD'),
      () => rest.public.getTBook('tBTCUSD', 'P0'),
      () => rest.public.getTickers(['tBTCUSD', 'fUSD']),
      () => rest.public.getCandlesHist('tBTCUSD', '1m', { limit: 5 }),
      () => rest.public.getTTrades('tETHUSD', { limit: 5 }),
      () => rest.public.getPlatformStatus(),
      () => rest.public.conf('pub:list:pair:exchange'),
      () => rest.auth.getWallets(),
      () => rest.auth.getPositions(),
      () => rest.auth.getOrders(),
    ];
    const results = await Promise.allSettled(Array.from({ length: 1_000 }, (_, i) => (calls[i % calls.length] as () => Promise<unknown>)()));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(count).toEqual({ sent: 1_000, limited: 0 });
  });

  it('real table, real minute: 100 concurrent book calls pass at once with 0 429s', async () => {
    sim = await simWith();
    const { fetch: f, count } = counting();
    const rest = createRestClient({ restHost: sim.restUrl, fetch: f });
    const started = Date.now();
    await Promise.all(Array.from({ length: 100 }, (_, i) => rest.public.getTBook(i % 2 ? 'tBTCUSD' : 'tETHUSD', 'P0')));
    expect(count).toEqual({ sent: 100, limited: 0 });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a signed call waiting for a throttled route does not hold up the key’s other signed calls', async () => {
    sim = await simWith();
    const rest = createRestClient({ restHost: sim.restUrl, apiKey: KEY, apiSecret: SECRET, pacing: { limits: { 'auth/w/order/submit': 1 } } });
    const order = { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 1_000 } as const;
    await rest.auth.submitOrder(order);
    const ctrl = new AbortController();
    const waiting = rejectionOf(rest.auth.submitOrder(order, { signal: ctrl.signal }));
    const started = Date.now();
    await expect(rest.auth.getWallets()).resolves.toBeInstanceOf(Array);
    expect(Date.now() - started).toBeLessThan(2_000);
    ctrl.abort();
    expect(await waiting).toBeInstanceOf(BfxAbortError);
  });

  it('default-paced clients of one host share the buckets (Bitfinex counts per IP)', async () => {
    sim = await simWith();
    const { fetch: f, count } = counting();
    const a = createRestClient({ restHost: sim.restUrl, fetch: f });
    const b = createRestClient({ restHost: sim.restUrl, fetch: f });
    // 15 trades calls a minute: 10 from one client, 5 from the other, then the 16th waits.
    await Promise.all([...Array.from({ length: 10 }, () => a.public.getTTrades('tBTCUSD')), ...Array.from({ length: 5 }, () => b.public.getTTrades('tETHUSD'))]);
    const err = await rejectionOf(b.public.getTTrades('tBTCUSD', {}, { timeoutMs: 200 }));
    expect(err).toBeInstanceOf(BfxTimeoutError);
    expect(count).toEqual({ sent: 15, limited: 0 });
  });

  it('a 429 penalises the bucket; retry.rateLimit retries after the block instead of giving up', async () => {
    sim = await simWith();
    const { fetch: f, count } = counting();
    const rest = createRestClient({ restHost: sim.restUrl, fetch: f, pacing: { blockMs: 150 }, retry: { rateLimit: true } });
    sim.faults.rest.rateLimitNext(1);
    const started = Date.now();
    await expect(rest.public.getPlatformStatus()).resolves.toEqual({ status: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(count).toEqual({ sent: 2, limited: 1 });

    const noRetry = createRestClient({ restHost: sim.restUrl, fetch: f, pacing: { blockMs: 150 } });
    sim.faults.rest.rateLimitNext(1);
    expect(await rejectionOf(noRetry.public.getPlatformStatus())).toBeInstanceOf(BfxRateLimitError);
    const again = Date.now();
    await noRetry.public.getPlatformStatus();
    expect(Date.now() - again).toBeGreaterThanOrEqual(140);
  });
});
