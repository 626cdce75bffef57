/**
 * The WebSocket face: accepts upgrades on `/ws/2` (connection-rate limit and refusal fault
 * answer with a plain HTTP status), runs one {@link Session} per socket, routes market events
 * to subscriptions and drives the market for subscribed symbols.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { MarketEngine, SimExchange } from '../contracts.js';
import { exchangeAccount } from '../exchange/account.js';
import type { Replayer } from '../replay/replayer.js';
import { ConnectionLimiter } from './connection-limits.js';
import { createFanout } from './channels.js';
import { handleMessage } from './dispatch.js';
import { startDriver } from './driver.js';
import type { ResolvedWsOptions } from './options.js';
import { Session } from './session.js';
import type { Sub, WsContext, WsFaultState } from './types.js';

/** The WebSocket face of one simulator. */
export interface WsFace {
  /** Handles an HTTP upgrade request (any path other than `/ws/2` gets 404). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Open sockets, oldest first. */
  sessions(): readonly Session[];
  /** Shared fault state. */
  readonly faults: WsFaultState;
  /** Frames sent on every socket since start. */
  framesSent(): number;
  /** Upgrades accepted, and refused with HTTP 429 by the connection limits, since start. */
  handshakes(): { readonly accepted: number; readonly rateLimited: number };
  /** Sends an event to every open socket. */
  broadcast(event: Readonly<Record<string, unknown>>): void;
  /** Closes every socket and timer. */
  close(): Promise<void>;
}

const STATUS_TEXT: Readonly<Record<number, string>> = { 404: 'Not Found', 429: 'Too Many Requests', 503: 'Service Unavailable' };

function refuse(socket: Duplex, status: number): void {
  const text = STATUS_TEXT[status] ?? 'Error';
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`);
  socket.destroy();
}

/** Creates the WebSocket face. */
export function createWsFace(market: MarketEngine, exchange: SimExchange, options: ResolvedWsOptions, replay?: Replayer): WsFace {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 1 << 20 });
  const open = new Set<Session>();
  const bySymbol = new Map<string, Set<Sub>>();
  const liquidations = new Set<Sub>();
  const limiter = new ConnectionLimiter(options.connectionLimits);
  const faults: WsFaultState = { delayMs: 0, refuseUntil: 0, refuseStatus: 503, rejectAuth: { count: 0, code: 10100 }, maintenance: false };
  let accepted = 0;
  let rateLimited = 0;

  const ctx: WsContext = {
    market,
    exchange,
    options,
    faults,
    serverId: randomUUID(),
    stats: { framesSent: 0 },
    addSub(sub) {
      if (replay?.attach(sub) === true) {
        sub.replayed = true;
        return;
      }
      if (sub.spec.symbol === undefined) {
        liquidations.add(sub);
        return;
      }
      let set = bySymbol.get(sub.spec.symbol);
      if (!set) bySymbol.set(sub.spec.symbol, (set = new Set()));
      set.add(sub);
    },
    removeSub(sub) {
      if (sub.replayed === true) {
        replay?.detach(sub);
        return;
      }
      if (sub.spec.symbol === undefined) {
        liquidations.delete(sub);
        return;
      }
      const set = bySymbol.get(sub.spec.symbol);
      set?.delete(sub);
      if (set?.size === 0) bySymbol.delete(sub.spec.symbol);
    },
  };

  const stopListening = market.on(
    createFanout(market, { bySymbol: (s) => [...(bySymbol.get(s) ?? [])], liquidations: () => [...liquidations] }),
  );
  // Symbols with a subscriber, plus those where an account has a resting order or offer (so a
  // paper-trading bot's orders keep filling without a public subscription).
  const driven = (): Iterable<string> => {
    const set = new Set(bySymbol.keys());
    for (const acc of exchange.accounts()) {
      const state = exchangeAccount(acc)?.state;
      if (state === undefined) continue;
      for (const o of state.orders.values()) set.add(o.symbol);
      for (const f of state.offers.values()) set.add(f.symbol);
    }
    return set;
  };
  const driver = startDriver(market, options.updatesPerSecond, driven, () => liquidations.size > 0);

  const accept = (ws: WebSocket, ip: string): void => {
    const session = new Session(ws, ctx, accepted++, ip);
    open.add(session);
    ws.on('message', (data, isBinary) => {
      if (!isBinary) handleMessage(session, data.toString());
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      open.delete(session);
      session.dispose();
    });
    session.sendEvent({ event: 'info', version: 2, serverId: ctx.serverId, platform: { status: faults.maintenance ? 0 : 1 } });
  };

  return {
    faults,
    sessions: () => [...open],
    framesSent: () => ctx.stats.framesSent,
    handshakes: () => ({ accepted, rateLimited }),
    handleUpgrade(req, socket, head) {
      const path = new URL(req.url ?? '/', 'http://sim.local').pathname.replace(/\/$/, '');
      const kind = path === '/ws/2' ? 'public' : path === '/ws/2/auth' ? 'auth' : undefined;
      if (kind === undefined) return refuse(socket, 404);
      if (faults.refuseUntil > Date.now()) return refuse(socket, faults.refuseStatus);
      const ip = req.socket.remoteAddress ?? 'unknown';
      if (!limiter.allow(kind, ip)) {
        rateLimited++;
        return refuse(socket, 429);
      }
      wss.handleUpgrade(req, socket, head, (ws) => accept(ws, ip));
    },
    broadcast(event) {
      for (const s of open) s.sendEvent(event);
    },
    async close() {
      driver.stop();
      replay?.close();
      stopListening();
      for (const s of open) {
        s.dispose();
        s.ws.terminate();
      }
      open.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
