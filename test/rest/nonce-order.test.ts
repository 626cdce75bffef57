/**
 * Signed calls reach the server in nonce order: per API key, the nonce is drawn when a request's
 * turn comes and requests leave in that order (one in flight by default), so 1,000 concurrent
 * signed calls draw no `10114` at all. A `10114` that still happens is retried with a fresh
 * nonce, a bounded number of times; `10100` is terminal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nonceLaneFor } from '../../src/auth/nonce.js';
import { BfxAbortError, BfxApiError } from '../../src/errors.js';
import { createRestClient, type FetchFn } from '../../src/rest/index.js';
import { createBfxSimulator, type BfxSimulator } from '../../src/simulator/index.js';
import { rejectionOf } from './helpers.js';

const SECRET = 'nonce-order-secret';

/** A fetch that records each signed request's nonce and counts the server's 10114 answers. */
function recorder(): { fetch: FetchFn; nonces: number[]; refused: () => number; reset: () => void } {
  let refused = 0;
  const nonces: number[] = [];
  return {
    nonces,
    refused: () => refused,
    reset: () => {
      refused = 0;
      nonces.length = 0;
    },
    fetch: async (input, init) => {
      const nonce = new Headers(init.headers).get('bfx-nonce');
      if (nonce !== null) nonces.push(Number(nonce));
      const res = await fetch(input, init);
      if ((await res.clone().text()).includes('10114')) refused++;
      return res;
    },
  };
}

describe('signed REST calls in nonce order', () => {
  let sim: BfxSimulator;
  beforeAll(async () => {
    sim = await createBfxSimulator({
      accounts: [{ apiKey: 'order-key', apiSecret: SECRET }, { apiKey: 'retry-key', apiSecret: SECRET }, { apiKey: 'wide-key', apiSecret: SECRET }],
      rest: { rateLimit: false },
      market: { updatesPerSecond: 0 },
    });
  });
  afterAll(() => sim.close());

  it('1,000 concurrent signed calls: 0 rejected, 0 refused by the server', async () => {
    const rec = recorder();
    const rest = createRestClient({ restHost: sim.restUrl, apiKey: 'order-key', apiSecret: SECRET, fetch: rec.fetch, pacing: false });
    const results = await Promise.allSettled(Array.from({ length: 1_000 }, (_, i) => (i % 2 ? rest.auth.getWallets() : rest.auth.getPositions())));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(rec.refused()).toBe(0);
    expect(rec.nonces).toHaveLength(1_000);
    // They left in increasing nonce order.
    expect(rec.nonces.every((n, i) => i === 0 || n > (rec.nonces[i - 1] as number))).toBe(true);
  });

  it('with several in flight, an overtaken request is retried with a fresh nonce and nothing is lost', async () => {
    const rec = recorder();
    const rest = createRestClient({
      restHost: sim.restUrl, apiKey: 'wide-key', apiSecret: SECRET, fetch: rec.fetch, pacing: false,
      signing: { maxInFlight: 8, nonceRetries: 5, nonceRetryDelayMs: 1 },
    });
    const results = await Promise.allSettled(Array.from({ length: 300 }, () => rest.auth.getWallets()));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(rec.nonces.length).toBe(300 + rec.refused());
    nonceLaneFor('wide-key', { maxInFlight: 1 });
  });

  it('a 10114 (another process on the key) is retried with a fresh nonce after a short backoff', async () => {
    const rec = recorder();
    const rest = createRestClient({ restHost: sim.restUrl, apiKey: 'retry-key', apiSecret: SECRET, fetch: rec.fetch, pacing: false });
    sim.faults.rest.failNext(2, 500, ['error', 10114, 'nonce: small']);
    await expect(rest.auth.getWallets()).resolves.toBeInstanceOf(Array);
    expect(rec.refused()).toBe(2);
    expect(rec.nonces).toHaveLength(3);
    expect(new Set(rec.nonces).size).toBe(3);
  });

  it('the nonce retry is bounded: the last 10114 is the caller’s', async () => {
    const rec = recorder();
    const rest = createRestClient({
      restHost: sim.restUrl, apiKey: 'retry-key', apiSecret: SECRET, fetch: rec.fetch, pacing: false, signing: { nonceRetries: 1, nonceRetryDelayMs: 1 },
    });
    sim.faults.rest.failNext(5, 500, ['error', 10114, 'nonce: small']);
    const err = await rejectionOf(rest.auth.getWallets());
    sim.faults.rest.failNext(0, 500, null);
    expect(err).toBeInstanceOf(BfxApiError);
    expect(err).toMatchObject({ bfxCode: 10114 });
    expect(rec.nonces).toHaveLength(2);
  });

  it('10100 (bad key or signature) is terminal: sent once, never retried', async () => {
    const rec = recorder();
    const rest = createRestClient({ restHost: sim.restUrl, apiKey: 'retry-key', apiSecret: 'wrong', fetch: rec.fetch, pacing: false });
    expect(await rejectionOf(rest.auth.getWallets())).toMatchObject({ bfxCode: 10100 });
    expect(rec.nonces).toHaveLength(1);
  });

  it('a call aborted while waiting for its turn is never signed nor sent', async () => {
    const rec = recorder();
    const rest = createRestClient({ restHost: sim.restUrl, apiKey: 'retry-key', apiSecret: SECRET, fetch: rec.fetch, pacing: false });
    sim.faults.rest.delay(200);
    try {
      const first = rest.auth.getWallets();
      const ctrl = new AbortController();
      const second = rejectionOf(rest.auth.getWallets({ signal: ctrl.signal }));
      setTimeout(() => ctrl.abort(), 20);
      expect(await second).toBeInstanceOf(BfxAbortError);
      await first;
      expect(rec.nonces).toHaveLength(1);
    } finally {
      sim.faults.rest.delay(0);
    }
  });
});

describe('the nonce lane', () => {
  it('starts tasks in FIFO order with increasing nonces and bounds those in flight', async () => {
    const lane = nonceLaneFor('lane-unit-key', { maxInFlight: 2 });
    const started: (number | string)[] = [];
    let live = 0;
    let peak = 0;
    const tasks = Array.from({ length: 20 }, () =>
      lane.run(async (nonce, dispatched) => {
        started.push(nonce);
        live++;
        peak = Math.max(peak, live);
        dispatched();
        await new Promise((r) => setTimeout(r, 2));
        live--;
        return nonce;
      }),
    );
    const nonces = await Promise.all(tasks);
    expect(nonces).toEqual(started);
    expect(nonces.every((n, i) => i === 0 || Number(n) > Number(nonces[i - 1]))).toBe(true);
    expect(peak).toBe(2);
    expect(lane.inFlight).toBe(0);
  });

  it('does not start the next task before the previous one is on the wire', async () => {
    const lane = nonceLaneFor('lane-unit-key-2', { maxInFlight: 4 });
    const events: string[] = [];
    let release: () => void = () => undefined;
    const a = lane.run(async (_n, dispatched) => {
      events.push('a start');
      await new Promise<void>((r) => (release = r));
      events.push('a sent');
      dispatched();
    });
    const b = lane.run(async () => {
      events.push('b start');
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual(['a start']);
    release();
    await Promise.all([a, b]);
    expect(events).toEqual(['a start', 'a sent', 'b start']);
  });
});
