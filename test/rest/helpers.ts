/**
 * Test helpers of the REST suite: a simulator with one account, and a tiny `node:http` stub that
 * counts requests and answers whatever the test says.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { createRestClient, type RestClient, type RestClientOptions } from '../../src/rest/index.js';
import { createBfxSimulator, type BfxSimulator } from '../../src/simulator/index.js';

export const API_KEY = 'rest-test-key';
export const API_SECRET = 'rest-test-secret-d41d8cd98f00b204';

/** A simulator with one account (rate limit off unless asked) and a client pointed at it. */
export async function startSim(
  opts: { rateLimit?: { perMinute: number } | false } = {},
  client: RestClientOptions = {},
): Promise<{ sim: BfxSimulator; rest: RestClient }> {
  const sim = await createBfxSimulator({
    seed: 7,
    accounts: [{ apiKey: API_KEY, apiSecret: API_SECRET }],
    rest: { rateLimit: opts.rateLimit ?? false },
    market: { updatesPerSecond: 0 },
  });
  const rest = createRestClient({ restHost: sim.restUrl, apiKey: API_KEY, apiSecret: API_SECRET, ...client });
  return { sim, rest };
}

/** One request the stub received. */
export interface StubRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** What the stub answers: status, body text and optional delay. */
export interface StubAnswer {
  readonly status?: number;
  readonly body?: string;
  readonly contentType?: string;
  readonly delayMs?: number;
}

/** A loopback HTTP stub. */
export interface Stub {
  readonly url: string;
  readonly requests: StubRequest[];
  answer: (req: StubRequest) => StubAnswer;
  close(): Promise<void>;
}

/** Starts a stub on 127.0.0.1:0 (default answer: `200 []`). */
export async function startStub(answer: (req: StubRequest) => StubAnswer = () => ({ body: '[]' })): Promise<Stub> {
  const requests: StubRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const stub: Stub = {
    url: '',
    requests,
    answer,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: StubRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(r);
      const a = stub.answer(r);
      const send = (): void => {
        if (res.destroyed) return;
        res.writeHead(a.status ?? 200, { 'content-type': a.contentType ?? 'application/json' });
        res.end(a.body ?? '');
      };
      if (a.delayMs) {
        const t = setTimeout(() => {
          timers.delete(t);
          send();
        }, a.delayMs);
        timers.add(t);
      } else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  (stub as { url: string }).url = `http://127.0.0.1:${port}/v2`;
  return stub;
}

/** Every error a test saw, to check that no secret leaked into any of them. */
export const seenErrors: unknown[] = [];

/** Awaits `p`, expecting a rejection; records and returns the error. */
export async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    seenErrors.push(err);
    return err;
  }
  throw new Error('expected a rejection');
}

/** Everything an error holds, as text (own and hidden properties, causes, stack). */
export function dumpError(err: unknown): string {
  return `${inspect(err, { showHidden: true, depth: 8 })}\n${JSON.stringify(err)}\n${String(err)}`;
}
