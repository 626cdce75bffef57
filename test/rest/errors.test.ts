/**
 * Typed errors of the REST client over real HTTP: Bitfinex error bodies, bad key, stale nonce,
 * rate limits (with and without the opt-in retry), malformed bodies, 404, timeouts, aborts,
 * network failures, credentials — and no secret or signature in any of them.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BfxAbortError,
  BfxApiError,
  BfxCredentialsError,
  BfxNetworkError,
  BfxProtocolError,
  BfxRateLimitError,
  BfxTimeoutError,
} from '../../src/errors.js';
import { createRestClient, type FetchFn, type RestClient, type RestLogger } from '../../src/rest/index.js';
import { createBfxSimulator, type BfxSimulator } from '../../src/simulator/index.js';
import { API_KEY, API_SECRET, dumpError, rejectionOf, seenErrors, startSim, startStub } from './helpers.js';

/** Signatures the client sent, to check that none of them leaks. */
const signatures = new Set<string>();
const recordingFetch: FetchFn = (input, init) => {
  const sig = new Headers(init.headers).get('bfx-signature');
  if (sig) signatures.add(sig);
  return fetch(input, init);
};
const logs: string[] = [];
const logger: RestLogger = {
  debug: (obj, msg) => logs.push(JSON.stringify(obj) + (msg ?? '')),
  warn: (obj, msg) => logs.push(JSON.stringify(obj) + (msg ?? '')),
};

describe('REST errors', () => {
  let sim: BfxSimulator;
  let rest: RestClient;
  beforeAll(async () => {
    ({ sim, rest } = await startSim({}, { fetch: recordingFetch, logger }));
  });
  afterAll(async () => {
    sim.faults.rest.delay(0);
    await sim.close();
  });

  it('a wrong API key gives BfxApiError 10100 with status and endpoint', async () => {
    const bad = createRestClient({ restHost: sim.restUrl, apiKey: 'unknown-key', apiSecret: API_SECRET, fetch: recordingFetch });
    const err = await rejectionOf(bad.auth.getWallets());
    expect(err).toBeInstanceOf(BfxApiError);
    expect(err).toMatchObject({ code: 'ERR_BFX_API', bfxCode: 10100, status: 500, endpoint: 'auth/r/wallets' });
  });

  it('a wrong secret gives 10100 too', async () => {
    const bad = createRestClient({ restHost: sim.restUrl, apiKey: API_KEY, apiSecret: 'not-the-secret', fetch: recordingFetch });
    expect(await rejectionOf(bad.auth.getUserInfo())).toMatchObject({ bfxCode: 10100 });
  });

  it('a nonce that does not increase gives 10114 after the bounded nonce retries (custom generator honoured)', async () => {
    // A key of its own: a custom generator becomes the key's process-wide source.
    const own = await createBfxSimulator({ accounts: [{ apiKey: 'fixed-nonce-key', apiSecret: API_SECRET }], rest: { rateLimit: false } });
    try {
      let calls = 0;
      const fixed = createRestClient({
        restHost: own.restUrl, apiKey: 'fixed-nonce-key', apiSecret: API_SECRET, fetch: recordingFetch,
        signing: { nonceRetries: 2, nonceRetryDelayMs: 5 },
        nonce: () => {
          calls++;
          return 9_000_000_000_000_000;
        },
      });
      await expect(fixed.auth.getWallets()).resolves.toBeInstanceOf(Array);
      const err = await rejectionOf(fixed.auth.getWallets());
      expect(err).toBeInstanceOf(BfxApiError);
      expect(err).toMatchObject({ bfxCode: 10114, endpoint: 'auth/r/wallets' });
      // One accepted call, then the refused one: its first attempt and 2 retries, each with a new nonce draw.
      expect(calls).toBe(4);
    } finally {
      await own.close();
    }
  });

  it('HTTP 500 with an error body gives BfxApiError with code, message and status', async () => {
    sim.faults.rest.failNext(1, 500, ['error', 10020, 'symbol: invalid']);
    const err = await rejectionOf(rest.public.getTTicker('tBTCUSD'));
    expect(err).toBeInstanceOf(BfxApiError);
    expect(err).toMatchObject({ bfxCode: 10020, status: 500, endpoint: 'ticker/tBTCUSD' });
    expect((err as Error).message).toContain('symbol: invalid');
  });

  it('maintenance gives BfxApiError 20060', async () => {
    sim.faults.rest.maintenance(true);
    try {
      expect(await rejectionOf(rest.public.getTBook('tBTCUSD', 'P0'))).toMatchObject({ bfxCode: 20060 });
      await expect(rest.public.getPlatformStatus()).resolves.toEqual({ status: 0 });
    } finally {
      sim.faults.rest.maintenance(false);
    }
  });

  it('HTTP 429 gives BfxRateLimitError (11010)', async () => {
    sim.faults.rest.rateLimitNext(1);
    const err = await rejectionOf(rest.public.getTTicker('tBTCUSD'));
    expect(err).toBeInstanceOf(BfxRateLimitError);
    expect(err).toMatchObject({ code: 'ERR_BFX_RATE_LIMIT', bfxCode: 11010, status: 429, retries: 0 });
  });

  it("the simulator's own per-minute limit surfaces as BfxRateLimitError", async () => {
    const limited = await startSim({ rateLimit: { perMinute: 2 } });
    try {
      await limited.rest.public.getPlatformStatus();
      await limited.rest.public.getPlatformStatus();
      expect(await rejectionOf(limited.rest.public.getPlatformStatus())).toBeInstanceOf(BfxRateLimitError);
    } finally {
      await limited.sim.close();
    }
  });

  it('the opt-in retry backs off and succeeds after rate limits', async () => {
    const retrying = createRestClient({
      restHost: sim.restUrl, apiKey: API_KEY, apiSecret: API_SECRET, fetch: recordingFetch, logger, pacing: false,
      retry: { rateLimit: { retries: 3, baseDelayMs: 5, maxDelayMs: 20 } },
    });
    sim.faults.rest.rateLimitNext(2);
    await expect(retrying.auth.getWallets()).resolves.toBeInstanceOf(Array);
    expect(logs.filter((l) => l.includes('rate limited')).length).toBeGreaterThanOrEqual(2);
  });

  it('the retry gives up after its retries with the count', async () => {
    const retrying = createRestClient({ restHost: sim.restUrl, pacing: false, retry: { rateLimit: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 } } });
    sim.faults.rest.rateLimitNext(5);
    const err = await rejectionOf(retrying.public.getPlatformStatus());
    sim.faults.rest.rateLimitNext(0);
    expect(err).toBeInstanceOf(BfxRateLimitError);
    expect(err).toMatchObject({ retries: 2 });
  });

  it('an abort during the backoff stops the retry', async () => {
    const retrying = createRestClient({ restHost: sim.restUrl, pacing: false, retry: { rateLimit: { retries: 5, baseDelayMs: 10_000, maxDelayMs: 10_000 } } });
    sim.faults.rest.rateLimitNext(1);
    const ctrl = new AbortController();
    const p = rejectionOf(retrying.public.getPlatformStatus({ signal: ctrl.signal }));
    setTimeout(() => ctrl.abort(), 50);
    expect(await p).toBeInstanceOf(BfxAbortError);
  });

  it('a body of the wrong shape gives BfxProtocolError ERR_BFX_BAD_RESPONSE', async () => {
    sim.faults.rest.failNext(1, 200, { unexpected: true });
    const err = await rejectionOf(rest.public.getTTrades('tBTCUSD'));
    expect(err).toBeInstanceOf(BfxProtocolError);
    expect(err).toMatchObject({ code: 'ERR_BFX_BAD_RESPONSE' });
  });

  it('an unknown path (HTML 404) gives BfxProtocolError ERR_BFX_BAD_RESPONSE', async () => {
    const wrong = createRestClient({ restHost: `${sim.restUrl}/nowhere` });
    const err = await rejectionOf(wrong.public.getPlatformStatus());
    expect(err).toBeInstanceOf(BfxProtocolError);
    expect(err).toMatchObject({ code: 'ERR_BFX_BAD_RESPONSE' });
    expect((err as BfxProtocolError).excerpt).toContain('Cannot GET');
  });

  it('a non-JSON body gives BfxProtocolError', async () => {
    const stub = await startStub(() => ({ status: 200, body: '<html>oops</html>', contentType: 'text/html' }));
    try {
      const client = createRestClient({ restHost: stub.url });
      expect(await rejectionOf(client.public.getPlatformStatus())).toMatchObject({ code: 'ERR_BFX_BAD_RESPONSE' });
    } finally {
      await stub.close();
    }
  });

  it('a slow answer gives BfxTimeoutError (per call and per client)', async () => {
    sim.faults.rest.delay(2_000);
    try {
      const err = await rejectionOf(rest.public.getPlatformStatus({ timeoutMs: 50 }));
      expect(err).toBeInstanceOf(BfxTimeoutError);
      expect(err).toMatchObject({ timeoutMs: 50, endpoint: 'platform/status' });
      const quick = createRestClient({ restHost: sim.restUrl, apiKey: API_KEY, apiSecret: API_SECRET, timeoutMs: 50, fetch: recordingFetch });
      expect(await rejectionOf(quick.auth.getWallets())).toBeInstanceOf(BfxTimeoutError);
    } finally {
      sim.faults.rest.delay(0);
    }
  });

  it('an abort in flight gives BfxAbortError', async () => {
    sim.faults.rest.delay(2_000);
    try {
      const ctrl = new AbortController();
      const p = rejectionOf(rest.auth.getWallets({ signal: ctrl.signal }));
      setTimeout(() => ctrl.abort(), 30);
      expect(await p).toBeInstanceOf(BfxAbortError);
    } finally {
      sim.faults.rest.delay(0);
    }
  });

  it('an already aborted signal sends nothing', async () => {
    const stub = await startStub();
    try {
      const client = createRestClient({ restHost: stub.url });
      const ctrl = new AbortController();
      ctrl.abort();
      expect(await rejectionOf(client.public.getPlatformStatus({ signal: ctrl.signal }))).toBeInstanceOf(BfxAbortError);
      expect(stub.requests).toHaveLength(0);
    } finally {
      await stub.close();
    }
  });

  it('a refused connection gives BfxNetworkError', async () => {
    const stub = await startStub();
    const url = stub.url;
    await stub.close();
    const client = createRestClient({ restHost: url, apiKey: API_KEY, apiSecret: API_SECRET, fetch: recordingFetch });
    const err = await rejectionOf(client.auth.getWallets());
    expect(err).toBeInstanceOf(BfxNetworkError);
    expect(err).toMatchObject({ code: 'ERR_BFX_NETWORK', endpoint: 'auth/r/wallets' });
  });

  it('credentials: one of key/secret throws, auth calls without them reject', async () => {
    expect(() => createRestClient({ apiKey: API_KEY })).toThrow(BfxCredentialsError);
    expect(() => createRestClient({ apiSecret: API_SECRET })).toThrow(BfxCredentialsError);
    const anonymous = createRestClient({ restHost: sim.restUrl });
    expect(await rejectionOf(anonymous.auth.getWallets())).toBeInstanceOf(BfxCredentialsError);
    expect(await rejectionOf(anonymous.merchant.getInvoices())).toBeInstanceOf(BfxCredentialsError);
  });

  it('accepts a pino logger', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
    const client = createRestClient({ restHost: sim.restUrl, apiKey: API_KEY, apiSecret: API_SECRET, logger: log, fetch: recordingFetch });
    await client.auth.getWallets();
    expect(lines.some((l) => l.includes('auth/r/wallets'))).toBe(true);
    logs.push(...lines);
  });

  it('no error and no log line holds the secret or a signature', () => {
    expect(seenErrors.length).toBeGreaterThanOrEqual(15);
    expect(signatures.size).toBeGreaterThan(3);
    const texts = [...seenErrors.map(dumpError), ...logs];
    for (const text of texts) {
      expect(text).not.toContain(API_SECRET);
      for (const sig of signatures) expect(text).not.toContain(sig);
    }
  });
});
