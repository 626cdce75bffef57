/**
 * Living with Bitfinex's connection limits, against the simulator enforcing its defaults (20 new
 * connections a minute on /ws/2, 5 per 15 s on /ws/2/auth) and the client's connection budget on
 * its defaults: no handshake is ever refused, and everything opens in about the time the budget
 * allows. The cases run concurrently (they mostly wait for the budget, they do not work).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createBfxSimulator, type BfxSimulator } from '../../src/simulator/index.js';
import { DEFAULT_SYMBOLS } from '../../src/simulator/market/symbols.js';
import { createBfxSystem, type BfxSystem } from '../../src/system.js';
import { allLiveOnce, waitFor } from './harness.js';

const opened: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  for (const o of opened.reverse()) await o.close();
});

async function sim(): Promise<BfxSimulator> {
  const s = await createBfxSimulator({ ws: { heartbeatMs: 2_000 }, market: { updatesPerSecond: 1 } });
  opened.push(s);
  return s;
}

function system(s: BfxSimulator, options: Parameters<typeof createBfxSystem>[0] = {}): BfxSystem {
  const bfx = createBfxSystem({ wssHost: s.wsUrl, restHost: s.restUrl, logLevel: 'silent', backoff: { initialMs: 50, maxMs: 500 }, ...options });
  opened.push(bfx);
  return bfx;
}

const PAIRS = DEFAULT_SYMBOLS.tradingPairs;

/** `n` distinct subscriptions: per pair a ticker, trades, two candles and a P0 book. */
function subscribeMany(bfx: BfxSystem, n: number): Array<Promise<unknown>> {
  const out: Array<Promise<unknown>> = [];
  const settle = (h: PromiseLike<unknown>): Promise<unknown> => Promise.resolve(h).then(() => null, (e: unknown) => e);
  for (const symbol of PAIRS) {
    if (out.length >= n) break;
    out.push(settle(bfx.ws.subscribe('ticker', { symbol })));
    out.push(settle(bfx.ws.subscribe('trades', { symbol })));
    out.push(settle(bfx.ws.subscribe('candles', { key: `trade:1m:${symbol}` })));
    out.push(settle(bfx.ws.subscribe('candles', { key: `trade:5m:${symbol}` })));
    out.push(settle(bfx.ws.subscribe('book', { symbol, prec: 'P0' })));
  }
  return out.slice(0, n);
}

describe('connection limits, defaults on both sides', () => {
  it.concurrent('30 connections × 25 subscriptions: 750 live, 0 handshakes refused, in about the minute the budget needs', { timeout: 120_000 }, async () => {
    const s = await sim();
    const bfx = system(s, { connections: 30 });
    const t0 = Date.now();
    const book = subscribeMany(bfx, 750);
    expect(book).toHaveLength(750);
    // The first 20 handshakes go at once; the 21st waits for the first to leave the minute.
    await waitFor(() => bfx.ws.connections().filter((c) => c.state === 'open').length === 20, 15_000, '20 open');
    await new Promise((r) => setTimeout(r, 2_000));
    expect(s.stats().handshakes).toBe(20);
    const results = await Promise.all(book);
    const elapsed = Date.now() - t0;
    expect(results.filter((r) => r !== null)).toEqual([]);
    expect(s.stats()).toMatchObject({ connections: 30, subscriptions: 750, handshakes: 30, rateLimited: 0 });
    expect(elapsed).toBeGreaterThanOrEqual(60_000);
    expect(elapsed).toBeLessThan(75_000);
    console.info(`750 subscriptions over 30 connections live after ${elapsed} ms, 0 refused`);
  });

  it.concurrent('five systems started in a row, 25 eager connections in all: 0 refused, the last five a minute later', { timeout: 120_000 }, async () => {
    const s = await sim();
    const t0 = Date.now();
    const systems = Array.from({ length: 5 }, (_, i) => system(s, { eager: true, systemIdPrefix: `s${i}.` }));
    await waitFor(() => systems.every((b) => b.ws.connections().every((c) => c.state === 'open')), 90_000, 'every connection open');
    const elapsed = Date.now() - t0;
    expect(s.stats()).toMatchObject({ connections: 25, handshakes: 25, rateLimited: 0 });
    expect(elapsed).toBeGreaterThanOrEqual(60_000);
    console.info(`five systems, 25 connections open after ${elapsed} ms, 0 refused`);
  });

  // The authenticated connection falls under 5 per 15 s: after the 8 first handshakes it waits ~16 s.
  it.concurrent('a full outage of 8 sockets: 0 refused, every subscription restored, the authenticated socket first', { timeout: 60_000 }, async () => {
    const s = await createBfxSimulator({ ws: { heartbeatMs: 2_000 }, market: { updatesPerSecond: 1 }, accounts: [{ apiKey: 'k-limits', apiSecret: 's-limits' }] });
    opened.push(s);
    const bfx = system(s, { connections: 8, eager: true, apiKey: 'k-limits', apiSecret: 's-limits' });
    const h = { sim: s, bfx, errors: [], close: async () => undefined };
    expect((await Promise.all(subscribeMany(bfx, 40))).filter((r) => r !== null)).toEqual([]);
    await waitFor(() => bfx.ws.connections().every((c) => c.state === 'open'), 10_000, 'all open');
    // Handshakes in the order the budget granted them.
    const order: number[] = [];
    bfx.actor.on('connection.connecting', (e) => void order.push(e.index));
    let reconnections = 0;
    bfx.ws.on('reconnection', () => void reconnections++);
    s.faults.dropAll();
    await waitFor(() => reconnections === 1 && allLiveOnce(h), 30_000, 'restored');
    expect(s.stats()).toMatchObject({ connections: 8, handshakes: 16, rateLimited: 0 });
    expect(order[0]).toBe(0);
    expect([...order].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
