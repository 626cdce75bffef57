/**
 * What a failed call says about its outcome: a write that left and got no answer is an
 * OutcomeUnknownError carrying its cid and request (and the order is indeed placed), never the
 * error of a request that was not sent; refused writes reject with InputError carrying the
 * notification; timeouts and every numeric option are validated; bad params never leave.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BfxAbortError, BfxArgumentError, BfxNetworkError, BfxTimeoutError, InputError, OutcomeUnknownError } from '../../src/errors.js';
import { createRestClient, validateInputParams, type RestClient } from '../../src/rest/index.js';
import type { BfxSimulator } from '../../src/simulator/index.js';
import { API_KEY, API_SECRET, rejectionOf, startSim, startStub, type Stub } from './helpers.js';

const ORDER = { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 1_000 } as const;

describe('unknown outcomes', () => {
  let sim: BfxSimulator;
  let rest: RestClient;
  beforeAll(async () => {
    ({ sim, rest } = await startSim());
  });
  afterAll(async () => {
    sim.faults.rest.delay(0);
    await sim.close();
  });

  it('a write that times out after it left is OutcomeUnknownError with its cid, and the order was placed', async () => {
    sim.faults.rest.delay(800);
    let err: unknown;
    try {
      err = await rejectionOf(rest.auth.submitOrder(ORDER, { timeoutMs: 250 }));
    } finally {
      sim.faults.rest.delay(0);
    }
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(err).not.toBeInstanceOf(BfxTimeoutError);
    const e = err as OutcomeUnknownError;
    expect(e).toMatchObject({ code: 'ERR_BFX_OUTCOME_UNKNOWN', reason: 'timeout', timeoutMs: 250, endpoint: 'auth/w/order/submit' });
    expect(e.cid).toEqual(expect.any(Number));
    expect(e.request).toMatchObject({ symbol: 'tBTCUSD', cid: e.cid });
    // The server still executes it once its delay is over: the order is live, by its cid.
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await new Promise((r) => setTimeout(r, 100));
      found = (await rest.auth.getOrders()).some((o) => o.cid === e.cid);
    }
    expect(found).toBe(true);
  });

  it('a write aborted after it left is OutcomeUnknownError (reason aborted); aborted before, BfxAbortError', async () => {
    sim.faults.rest.delay(300);
    try {
      const ctrl = new AbortController();
      const p = rejectionOf(rest.auth.submitOrder({ ...ORDER, cid: 777 }, { signal: ctrl.signal }));
      setTimeout(() => ctrl.abort(), 50);
      expect(await p).toMatchObject({ code: 'ERR_BFX_OUTCOME_UNKNOWN', reason: 'aborted', cid: 777 });
      const gone = new AbortController();
      gone.abort();
      expect(await rejectionOf(rest.auth.submitOrder(ORDER, { signal: gone.signal }))).toBeInstanceOf(BfxAbortError);
    } finally {
      sim.faults.rest.delay(0);
    }
  });

  it('a signed call that times out waiting for its turn in the key lane was not sent', async () => {
    sim.faults.rest.delay(300);
    try {
      const first = rest.auth.getWallets();
      const err = await rejectionOf(rest.auth.submitOrder(ORDER, { timeoutMs: 100 }));
      expect(err).toBeInstanceOf(BfxTimeoutError);
      expect((err as Error).message).toContain('not sent');
      await first;
    } finally {
      sim.faults.rest.delay(0);
    }
  });

  it('a read that times out stays a BfxTimeoutError', async () => {
    sim.faults.rest.delay(300);
    try {
      expect(await rejectionOf(rest.auth.getWallets({ timeoutMs: 50 }))).toBeInstanceOf(BfxTimeoutError);
    } finally {
      sim.faults.rest.delay(0);
    }
  });

  it('a refused write rejects with InputError carrying the notification (REST and WS settle alike)', async () => {
    const err = await rejectionOf(rest.auth.cancelOrder({ id: 999_999 }));
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ code: 'ERR_BFX_INPUT_REJECTED', type: 'oc-req', status: 'ERROR', endpoint: 'auth/w/order/cancel' });
    expect((err as InputError).notification).toMatchObject({ type: 'oc-req', status: 'ERROR', text: expect.any(String) });
  });
});

describe('lost connections', () => {
  let server: Server;
  let url: string;
  let received = 0;
  beforeAll(async () => {
    // Reads the whole request, then drops the connection without answering.
    server = createServer((req) => {
      req.resume();
      req.on('end', () => {
        received++;
        req.socket.destroy();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('a write whose connection drops after it left is OutcomeUnknownError (reason network)', async () => {
    const client = createRestClient({ restHost: url, apiKey: 'drop-key', apiSecret: API_SECRET });
    const err = await rejectionOf(client.auth.submitOrder({ ...ORDER, cid: 42 }));
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(err).toMatchObject({ reason: 'network', cid: 42, endpoint: 'auth/w/order/submit' });
    expect(received).toBeGreaterThan(0);
  });

  it('a read whose connection drops is a BfxNetworkError', async () => {
    const client = createRestClient({ restHost: url, apiKey: 'drop-key', apiSecret: API_SECRET });
    expect(await rejectionOf(client.auth.getWallets())).toBeInstanceOf(BfxNetworkError);
  });

  it('a write that could not connect is a BfxNetworkError (not sent)', async () => {
    const stub = await startStub();
    const dead = stub.url;
    await stub.close();
    const client = createRestClient({ restHost: dead, apiKey: 'dead-key', apiSecret: API_SECRET });
    const err = await rejectionOf(client.auth.submitOrder(ORDER));
    expect(err).toBeInstanceOf(BfxNetworkError);
    expect(err).not.toBeInstanceOf(OutcomeUnknownError);
  });
});

describe('options and params validated before anything is sent', () => {
  let stub: Stub;
  beforeAll(async () => {
    stub = await startStub();
  });
  afterAll(() => stub.close());
  const client = (): RestClient => createRestClient({ restHost: stub.url, apiKey: API_KEY, apiSecret: API_SECRET });

  it('per-call timeoutMs must be a finite number in (0, 2^31 - 1]', async () => {
    const rest = client();
    for (const timeoutMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, '5']) {
      const err = await rejectionOf(rest.auth.getWallets({ timeoutMs } as never));
      expect(err).toBeInstanceOf(BfxArgumentError);
      expect(err).toMatchObject({ argument: 'timeoutMs' });
      expect((err as Error).message).toMatch(/timeoutMs.*\(0, 2147483647\]/);
    }
    expect(stub.requests).toHaveLength(0);
  });

  it('every numeric option of createRestClient is range-checked, naming the option', () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ timeoutMs: 0 }, 'timeoutMs'],
      [{ timeoutMs: Number.NaN }, 'timeoutMs'],
      [{ retry: { rateLimit: { retries: -1, baseDelayMs: 1, maxDelayMs: 2 } } }, 'retry.rateLimit.retries'],
      [{ retry: { rateLimit: { retries: 1, baseDelayMs: Number.NaN, maxDelayMs: 2 } } }, 'retry.rateLimit.baseDelayMs'],
      [{ pacing: { blockMs: 0 } }, 'pacing.blockMs'],
      [{ pacing: { limits: { book: -5 } } }, 'pacing.limits.book'],
      [{ pacing: { windowMs: Number.POSITIVE_INFINITY } }, 'pacing.windowMs'],
      [{ signing: { maxInFlight: 0 } }, 'signing.maxInFlight'],
      [{ signing: { nonceRetries: 1.5 } }, 'signing.nonceRetries'],
      [{ signing: { nonceRetryDelayMs: -1 } }, 'signing.nonceRetryDelayMs'],
      [{ timeoutMS: 5 }, 'options.timeoutMS'],
      [{ retry: { rateLimit: { retries: 1, baseDelayMs: 1 } } }, 'retry.rateLimit.maxDelayMs'],
      [{ retry: { rateLimit: 'yes' } }, 'retry.rateLimit'],
      [{ retry: { ratelimit: true } }, 'retry.ratelimit'],
      [{ retry: 3 }, 'retry'],
      [{ pacing: 'fast' }, 'pacing'],
      [{ pacing: { marginMs: -1 } }, 'pacing.marginMs'],
      [{ pacing: { limits: [] } }, 'pacing.limits'],
      [{ pacing: { now: 5 } }, 'pacing.now'],
      [{ signing: { maxinflight: 2 } }, 'signing.maxinflight'],
      [{ signing: 2 }, 'signing'],
      [{ restHost: 'ftp://example.com' }, 'restHost'],
      [{ fetch: 'fetch' }, 'fetch'],
      [{ nonce: 1 }, 'nonce'],
    ];
    for (const [options, argument] of bad) {
      let err: unknown;
      try {
        createRestClient(options as never);
      } catch (e) {
        err = e;
      }
      expect(err, argument).toBeInstanceOf(BfxArgumentError);
      expect(err).toMatchObject({ argument });
    }
    expect(() => createRestClient({ timeoutMS: 5 } as never)).toThrow(/Unknown option options\.timeoutMS \(expected restHost, apiKey, apiSecret, nonce, timeoutMs, retry, pacing, signing, logger, fetch\)/);
    // Valid edge values pass.
    expect(() => createRestClient({ pacing: { marginMs: 0, limits: { book: 1 } }, retry: { rateLimit: true }, signing: {} })).not.toThrow();
    expect(() => createRestClient({ pacing: false, retry: { rateLimit: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 } } })).not.toThrow();
  });

  it('submitOrder(undefined) and an unknown key (prce) are BfxArgumentError with nothing sent', async () => {
    const rest = client();
    expect(await rejectionOf(rest.auth.submitOrder(undefined as never))).toBeInstanceOf(BfxArgumentError);
    const err = await rejectionOf(rest.auth.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 1, price: 1, prce: 2 } as never));
    expect(err).toBeInstanceOf(BfxArgumentError);
    expect(err).toMatchObject({ argument: 'prce' });
    expect(await rejectionOf(rest.auth.getOrdersHistory({ limt: 5 } as never))).toMatchObject({ argument: 'limt' });
    expect(stub.requests).toHaveLength(0);
  });

  it('the shared input validators give WS inputs the same answers', () => {
    expect(() => validateInputParams('on', undefined)).toThrow(BfxArgumentError);
    expect(() => validateInputParams('on', { ...ORDER, prce: 1 })).toThrow(/Unknown parameter "prce"/);
    expect(() => validateInputParams('on', { ...ORDER, type: 'NOPE' })).toThrow(BfxArgumentError);
    expect(validateInputParams('on', { ...ORDER, priceAuxLimit: 5 })).toMatchObject({ type: 'EXCHANGE LIMIT', price_aux_limit: 5, cid: expect.any(Number) });
    expect(validateInputParams('foc', { id: 7 })).toEqual({ id: 7 });
    expect(() => validateInputParams('foc', { id: -7 })).toThrow(BfxArgumentError);
    expect(() => validateInputParams('oc', {})).toThrow(BfxArgumentError);
  });
});
