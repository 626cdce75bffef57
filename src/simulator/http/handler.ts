/**
 * The REST face of the simulator: a `(req, res)` handler for `node:http` serving `/v2/<path>`
 * (also `/api/v2/<path>`) from route templates, with Bitfinex's error shapes, per-route per-IP
 * rate limits, authentication of `auth: true` routes through the exchange, and fault injection.
 *
 * @module
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimHttpError, type SimAccount, type SimExchange, type SimRequest, type SimRoute } from '../contracts.js';
import { applyCors } from './cors.js';
import { createFaults, type FaultState, type RestFaults } from './faults.js';
import { RouteRateLimiter, type SimRateLimitOptions } from './rate-limit.js';
import { sendError, sendJson, sendNotFound } from './respond.js';
import { compileRoutes, matchRoute, type RouteMatch } from './router.js';

export type { RestFaults } from './faults.js';

/** Options of {@link createRestHandler}. */
export interface RestHandlerOptions {
  readonly routes: readonly SimRoute[];
  /** Verifies `auth: true` routes (without it every auth request fails with 10100). */
  readonly exchange?: SimExchange;
  /**
   * Requests per minute per route bucket per client IP: by default the client's shared table
   * (`REST_ROUTE_LIMITS`), or one `perMinute` for all, per-bucket `limits`, or false to disable.
   */
  readonly rateLimit?: SimRateLimitOptions | false;
  /** Clock for the rate limiter (default `Date.now`). */
  readonly clock?: () => number;
}

/** The REST handler. */
export interface RestHandler {
  /** Serves one request (never throws; every failure becomes an HTTP answer). */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Fault injection. */
  readonly faults: RestFaults;
}

const MAX_BODY = 1 << 20;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => (size > MAX_BODY ? reject(new SimHttpError(10020, 'body: too large')) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new SimHttpError(10020, 'body: incomplete'));
    });
  });
}

function parseBody(raw: string): Record<string, unknown> {
  if (raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new SimHttpError(10020, 'body: invalid');
  }
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

function authenticate(req: IncomingMessage, exchange: SimExchange | undefined, path: string, rawBody: string): SimAccount {
  const apiKey = header(req, 'bfx-apikey');
  const nonce = header(req, 'bfx-nonce');
  const signature = header(req, 'bfx-signature');
  if (!exchange || !apiKey || !nonce || !signature) throw new SimHttpError(10100, 'apikey: invalid');
  const result = exchange.verify(apiKey, nonce, `/api/v2/${path}${nonce}${rawBody}`, signature);
  if (!result.ok) throw new SimHttpError(result.code, result.msg);
  return result.account;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Creates the REST handler. */
export function createRestHandler(options: RestHandlerOptions): RestHandler {
  const compiled = compileRoutes(options.routes);
  const clock = options.clock ?? Date.now;
  const limiter = options.rateLimit === false ? undefined : new RouteRateLimiter(options.rateLimit ?? {}, clock);
  const { state, controls } = createFaults();

  const injected = (res: ServerResponse, s: FaultState): boolean => {
    if (s.fail.count > 0) {
      s.fail.count--;
      sendJson(res, s.fail.status, s.fail.body);
      return true;
    }
    if (s.rateLimited > 0) {
      s.rateLimited--;
      sendError(res, 429, 11010, 'ratelimit: error');
      return true;
    }
    return false;
  };

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://sim.local');
    const prefix = url.pathname.startsWith('/api/v2/') ? '/api/v2/' : url.pathname.startsWith('/v2/') ? '/v2/' : undefined;
    const rawPath = prefix ? url.pathname.slice(prefix.length) : url.pathname;
    if (injected(res, state)) return;
    const match: RouteMatch | undefined =
      prefix && (method === 'GET' || method === 'POST') ? matchRoute(compiled, method, rawPath) : undefined;
    if (!match) {
      sendNotFound(res, method, prefix ? `/api/v2/${rawPath}` : url.pathname);
      return;
    }
    const { route, params } = match;
    const ip = req.socket.remoteAddress ?? 'unknown';
    if (limiter && !limiter.allow(ip, decodeURIComponentSafe(rawPath), route.bucket)) {
      sendError(res, 429, 11010, 'ratelimit: error');
      return;
    }
    if (state.maintenance && !route.auth) {
      if (route.path === 'platform/status') sendJson(res, 200, [0]);
      else sendError(res, 500, 20060, 'maintenance');
      return;
    }
    // Credentials and nonce are checked on arrival, as Bitfinex does; a delay fault slows the
    // processing after that (so a request that times out client-side still executes, in order).
    const account = route.auth ? authenticate(req, options.exchange, rawPath, rawBody) : undefined;
    if (state.delayMs > 0) await sleep(state.delayMs);
    const simReq: SimRequest = {
      method: route.method,
      path: decodeURIComponentSafe(rawPath),
      params,
      query: url.searchParams,
      body: method === 'POST' ? parseBody(rawBody) : {},
      rawBody,
      account,
    };
    const result = await route.handler(simReq);
    sendJson(res, 200, result === undefined ? null : result);
  }

  return {
    faults: controls,
    handle(req, res) {
      if (applyCors(req, res)) return;
      serve(req, res).catch((err: unknown) => {
        if (err instanceof SimHttpError) sendError(res, err.status, err.bfxCode, err.message);
        else sendError(res, 500, 10001, err instanceof Error ? `internal error: ${err.message}` : 'internal error');
      });
    },
  };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
