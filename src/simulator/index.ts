/**
 * The Bitfinex simulator: one `node:http` server on loopback serving the REST API under `/v2/`
 * (also `/api/v2/`) and the WebSocket API on `/ws/2`, fed by one seeded market and one
 * in-memory exchange, with fault injection for tests.
 *
 * ```ts
 * const sim = await createBfxSimulator({ accounts: [{ apiKey: 'k', apiSecret: 's' }] });
 * // sim.restUrl = http://127.0.0.1:PORT/v2, sim.wsUrl = ws://127.0.0.1:PORT/ws/2
 * sim.faults.dropAll();
 * await sim.close();
 * ```
 *
 * @module
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MarketEngine, SimAccountConfig, SimExchange } from './contracts.js';
import { createSimExchange } from './exchange/exchange.js';
import type { SimFeeSchedule } from './exchange/fees.js';
import { createSimFaults, type SimFaults } from './faults.js';
import { createRestHandler } from './http/handler.js';
import type { SimRateLimitOptions } from './http/rate-limit.js';
import { authRoutes } from './http/routes-auth.js';
import { merchantRoutes } from './http/routes-merchant.js';
import { extraRoutes } from './http/routes-extra.js';
import { publicRoutes } from './http/routes-public.js';
import { createMarketEngine, type MarketOptions } from './market/engine.js';
import { readRecording } from './replay/recording.js';
import { createReplayer } from './replay/replayer.js';
import { createWsFace } from './ws/face.js';
import { resolveWsOptions, type SimWsOptions } from './ws/options.js';

export type { MarketEngine, MarketEvent, MarketScenario, SimAccountConfig, SimBookOrder, SimExchange } from './contracts.js';
export { DEFAULT_FEES, type SimFeeSchedule } from './exchange/fees.js';
export type { MarketOptions } from './market/engine.js';
export type { RestFaults } from './http/faults.js';
export type { SimRateLimitOptions } from './http/rate-limit.js';
export type { DropOptions, MalformedKind, SimConnectionInfo, SimFaults, SimInfoCode, SocketTarget } from './faults.js';
export { applyFaultCommand, FAULT_COMMANDS_HELP } from './faults.js';
export { createFileRecordSink, type FileRecordSink, type FileRecordSinkOptions } from './record/file-sink.js';
export { recordingSocketFactory, recordedSubscriptionKey, type RecordSink, type RecordingOptions } from '../record/recorder.js';
export { parseRecording, readRecording, type RecordedFrame, type RecordedSub, type Recording } from './replay/recording.js';
export type { ConnectionLimit, SimWsOptions } from './ws/options.js';
export { BITFINEX_CONNECTION_LIMITS } from './ws/connection-limits.js';
export { WS_FLAGS } from './ws/flags.js';

/** Options of {@link createBfxSimulator}. */
export interface BfxSimulatorOptions {
  /** Interface to bind (default `127.0.0.1`). */
  readonly host?: string;
  /** Port (default 0 = any free port). */
  readonly port?: number;
  /** Market seed (default 1); `market.seed` wins when both are given. */
  readonly seed?: number;
  /** Accounts (API key + secret) the exchange knows. */
  readonly accounts?: readonly SimAccountConfig[];
  /** Market options, plus the rate of market events per subscribed symbol (default 5 per second; 0 = a still market). */
  readonly market?: MarketOptions & { readonly updatesPerSecond?: number };
  /** WebSocket face options. */
  readonly ws?: SimWsOptions;
  /**
   * REST face options: rate limits per route group per IP, by default the client's shared table
   * (`REST_ROUTE_LIMITS`); `{ perMinute }` for one limit everywhere, `{ limits }` per bucket, or false.
   */
  readonly rest?: { readonly rateLimit?: SimRateLimitOptions | false };
  /** Fee schedule of the paper-trading exchange (defaults: {@link DEFAULT_FEES}: maker 0.1 %, taker 0.2 %, derivatives -0.02 % / 0.065 %). */
  readonly fees?: Partial<SimFeeSchedule>;
  /** Interest on matched funding is paid every this many ms (default one day). */
  readonly fundingPayoutMs?: number;
  /**
   * Serve a recorded session (a file written through `recordingSocketFactory`, plain or gzip):
   * each public subscription whose channel was recorded gets the recorded frames under its own
   * chanId and sequence numbers; other subscriptions get the live simulated market.
   */
  readonly replay?: string;
  /** Replay speed (default 1 = as recorded; 10 = ten times faster). */
  readonly speed?: number;
}

/** Counters of a running simulator ({@link BfxSimulator.stats}). */
export interface SimStats {
  readonly connections: number;
  readonly subscriptions: number;
  readonly framesSent: number;
  /** WebSocket upgrades accepted since start. */
  readonly handshakes: number;
  /** WebSocket upgrades refused with HTTP 429 by the connection limits since start (faults not counted). */
  readonly rateLimited: number;
}

/** A running simulator. */
export interface BfxSimulator {
  /** `http://HOST:PORT/v2` */
  readonly restUrl: string;
  /** `ws://HOST:PORT/ws/2` (the public URL, like `api-pub.bitfinex.com`; auth works on it too). */
  readonly wsUrl: string;
  /** `ws://HOST:PORT/ws/2/auth`: the same service under the authenticated URL's connection limit. */
  readonly authWsUrl: string;
  readonly port: number;
  readonly faults: SimFaults;
  readonly market: MarketEngine;
  readonly exchange: SimExchange;
  /** Live counters: open sockets, public subscriptions, frames sent since start. */
  stats(): SimStats;
  /** Recorded subscription keys served by replay (empty without `replay`). */
  readonly replayKeys: readonly string[];
  /** Closes every socket, timer and the server. */
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts a simulator. */
export async function createBfxSimulator(options: BfxSimulatorOptions = {}): Promise<BfxSimulator> {
  const host = options.host ?? '127.0.0.1';
  const { updatesPerSecond, ...marketOptions } = options.market ?? {};
  const market = createMarketEngine({ seed: options.seed, ...marketOptions });
  const exchange = createSimExchange({ accounts: options.accounts ?? [], market, fees: options.fees, fundingPayoutMs: options.fundingPayoutMs });
  const rest = createRestHandler({
    routes: [...publicRoutes(market), ...authRoutes(exchange, market), ...merchantRoutes(exchange), ...extraRoutes(market)],
    exchange,
    rateLimit: options.rest?.rateLimit,
  });
  const replayer = options.replay === undefined ? undefined : createReplayer(readRecording(options.replay), { speed: options.speed });
  const ws = createWsFace(market, exchange, resolveWsOptions(options.ws, updatesPerSecond), replayer);
  const server = createServer((req, res) => rest.handle(req, res));
  server.on('upgrade', (req, socket, head) => ws.handleUpgrade(req, socket, head));
  server.on('clientError', (_err, socket) => socket.destroy());
  let port: number;
  try {
    port = await listen(server, options.port ?? 0, host);
  } catch (err) {
    await ws.close();
    throw err;
  }
  const hostPart = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    restUrl: `http://${hostPart}:${port}/v2`,
    wsUrl: `ws://${hostPart}:${port}/ws/2`,
    authWsUrl: `ws://${hostPart}:${port}/ws/2/auth`,
    port,
    faults: createSimFaults(ws, rest.faults),
    market,
    exchange,
    replayKeys: replayer?.keys() ?? [],
    stats: () => {
      const sessions = ws.sessions();
      const { accepted, rateLimited } = ws.handshakes();
      return {
        connections: sessions.length,
        subscriptions: sessions.reduce((n, s) => n + s.subscriptionCount, 0),
        framesSent: ws.framesSent(),
        handshakes: accepted,
        rateLimited,
      };
    },
    close() {
      closing ??= (async () => {
        await ws.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closing;
    },
  };
}
