/**
 * The blaster: a loopback Bitfinex WS server that speaks just enough of the protocol (info, conf
 * ack, subscribed acks with deterministic chanIds, snapshots, pong, unsubscribed) and then writes
 * pre-serialised, pre-framed update bytes as fast as the socket drains (socket.write backpressure).
 * Identical bytes for every client. Driven over IPC by run.ts:
 *   parent → { type: 'scenario', scenario }            ← { type: 'listening', port }
 *   parent → { type: 'go' }                            (blast to every connection with subscriptions)
 *   parent → { type: 'outage' } / { type: 'release' } (scenario e: drop + refuse, then accept again)
 *   parent → { type: 'accepts' }                       ← { type: 'accepts', accepts: { routeKey: acceptedAtUs } }
 *   parent → { type: 'drop' }                          (close every socket: end of a measurement)
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { chanIdOf, LATENCY_RATE, nowUs, subKey, type Scenario } from './lib/scenarios.ts';
import { bookStream, candlesSnapshot, packChunks, tickerRow, tradeFrames, tradesSnapshot, wsFrame } from './lib/streams.ts';

interface Conn {
  ws: WebSocket;
  sock: Socket;
  subs: number[]; // indices into scenario.subs
  acceptedAt: number;
}

let sc: Scenario | undefined;
const index = new Map<string, number>();
const conns = new Set<Conn>();
const frameCache = new Map<number, string[]>();
const snapCache = new Map<number, string>();
const chunkCache = new Map<string, Buffer[]>();
let refusing = false;
const accepts: Record<string, number> = {};

const traceCounts = new Map<string, number>();
/** BENCH_TRACE: print the time (hrtime ms) of the 1st, 10th, 100th, ... occurrence of `what`. */
function trace(what: string): void {
  const n = (traceCounts.get(what) ?? 0) + 1;
  traceCounts.set(what, n);
  if (/^10*$/.test(String(n)) || n === 2500) process.stderr.write(`[blaster] ${what} #${n} at ${(nowUs() / 1000).toFixed(0)} ms\n`);
}

const send = (msg: unknown): void => {
  process.send?.(msg);
};

function snapshotText(i: number): string {
  let s = snapCache.get(i);
  if (s !== undefined) return s;
  const spec = sc!.subs[i];
  const chan = chanIdOf(i);
  if (spec.channel === 'book') s = JSON.stringify([chan, bookStream(chan, 1, false, 7 + i).snapshot]);
  else if (spec.channel === 'trades') s = JSON.stringify([chan, tradesSnapshot(11 + i)]);
  else if (spec.channel === 'ticker') s = JSON.stringify([chan, tickerRow(13 + i)]);
  else s = JSON.stringify([chan, candlesSnapshot(17 + i)]);
  snapCache.set(i, s);
  return s;
}

function updateFrames(i: number, perChannel: number): string[] {
  let f = frameCache.get(i);
  if (f !== undefined) return f;
  const spec = sc!.subs[i];
  const chan = chanIdOf(i);
  f = spec.channel === 'book' ? bookStream(chan, perChannel, sc!.checksumFrames, 7 + i).frames : tradeFrames(chan, perChannel, 11 + i);
  frameCache.set(i, f);
  return f;
}

/** The connection's stream: its channels' updates interleaved round-robin, packed into chunks. */
function chunksFor(conn: Conn): Buffer[] {
  const sig = [...conn.subs].sort((a, b) => a - b).join(',');
  let chunks = chunkCache.get(sig);
  if (chunks !== undefined) return chunks;
  const perChannel = Math.floor(sc!.updates / sc!.subs.length);
  const lists = conn.subs.map((i) => updateFrames(i, perChannel));
  const texts: string[] = [];
  const longest = Math.max(...lists.map((l) => l.length));
  for (let k = 0; k < longest; k++) for (const l of lists) if (k < l.length) texts.push(l[k]);
  chunks = packChunks(texts);
  chunkCache.set(sig, chunks);
  return chunks;
}

function blast(conn: Conn): void {
  const chunks = chunksFor(conn);
  let i = 0;
  const pump = (): void => {
    while (i < chunks.length) {
      if (conn.sock.destroyed) return;
      if (!conn.sock.write(chunks[i++])) {
        conn.sock.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

/** Scenario f: one trade per 1/RATE s, the send time (hrtime µs) as the trade ID, in ~1 ms batches. */
function paced(conn: Conn): void {
  const total = sc!.updates;
  const chan = chanIdOf(conn.subs[0]);
  const start = nowUs();
  let sent = 0;
  const tick = (): void => {
    if (conn.sock.destroyed) return;
    const due = Math.min(total, Math.floor(((nowUs() - start) * LATENCY_RATE) / 1e6) + 1);
    const parts: Buffer[] = [];
    while (sent < due) {
      const t = nowUs();
      const amount = sent === total - 1 ? 999 : 0.01;
      parts.push(wsFrame(`[${chan},"te",[${t},${Math.floor(t / 1000)},${amount},86700]]`));
      sent++;
    }
    if (parts.length > 0) conn.sock.write(parts.length === 1 ? parts[0] : Buffer.concat(parts));
    if (sent < total) setTimeout(tick, 1);
  };
  tick();
}

function onMessage(conn: Conn, data: string): void {
  let msg: Record<string, unknown>;
  try {
    msg = JSON.parse(data) as Record<string, unknown>;
  } catch {
    return;
  }
  switch (msg.event) {
    case 'conf':
      conn.ws.send(JSON.stringify({ event: 'conf', status: 'OK', flags: msg.flags }));
      return;
    case 'ping':
      conn.ws.send(JSON.stringify({ event: 'pong', ts: Date.now(), cid: msg.cid }));
      return;
    case 'unsubscribe':
      conn.ws.send(JSON.stringify({ event: 'unsubscribed', status: 'OK', chanId: msg.chanId }));
      return;
    case 'subscribe': {
      if (process.env.BENCH_TRACE) trace('subscribe');
      const key = subKey(msg);
      const i = index.get(key);
      if (i === undefined) {
        conn.ws.send(JSON.stringify({ ...msg, event: 'error', msg: 'symbol: invalid', code: 10300 }));
        return;
      }
      const spec = sc!.subs[i];
      const ack: Record<string, unknown> = { event: 'subscribed', channel: spec.channel, chanId: chanIdOf(i) };
      if (spec.symbol !== undefined) ack.symbol = spec.symbol;
      if (spec.channel === 'book') {
        ack.prec = spec.prec ?? 'P0';
        ack.freq = 'F0';
        ack.len = '25';
      }
      if (spec.key !== undefined) ack.key = spec.key;
      if (msg.subId !== undefined) ack.subId = msg.subId;
      if (spec.symbol !== undefined) ack.pair = spec.symbol.slice(1);
      conn.subs.push(i);
      accepts[key] = conn.acceptedAt;
      conn.ws.send(JSON.stringify(ack));
      conn.ws.send(snapshotText(i));
      return;
    }
    default:
  }
}

const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 1 << 20 });
const server = createServer((_req, res) => {
  res.writeHead(404).end();
});
server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
  if (refusing) {
    socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    return;
  }
  const acceptedAt = nowUs();
  if (process.env.BENCH_TRACE) trace('upgrade');
  wss.handleUpgrade(req, socket, head, (ws) => {
    socket.setNoDelay(true);
    const conn: Conn = { ws, sock: socket, subs: [], acceptedAt };
    conns.add(conn);
    ws.on('message', (d) => onMessage(conn, String(d)));
    ws.on('close', () => conns.delete(conn));
    ws.on('error', () => conns.delete(conn));
    ws.send(JSON.stringify({ event: 'info', version: 2, serverId: '00000000-0000-4000-8000-000000000000', platform: { status: 1 } }));
  });
});
server.on('clientError', (_e, s) => s.destroy());

process.on('message', (m: { type: string; scenario?: Scenario }) => {
  switch (m.type) {
    case 'scenario':
      sc = m.scenario!;
      index.clear();
      frameCache.clear();
      snapCache.clear();
      chunkCache.clear();
      sc.subs.forEach((s, i) => index.set(subKey(s), i));
      if (server.listening) send({ type: 'listening', port: (server.address() as AddressInfo).port });
      else server.listen(0, '127.0.0.1', () => send({ type: 'listening', port: (server.address() as AddressInfo).port }));
      return;
    case 'prepare':
      // pre-build the update frames (outside any measurement)
      if (sc !== undefined && sc.updates > 0 && sc.id !== 'f') {
        const per = Math.floor(sc.updates / sc.subs.length);
        for (let i = 0; i < sc.subs.length; i++) updateFrames(i, per);
      }
      send({ type: 'prepared' });
      return;
    case 'go':
      for (const c of conns) if (c.subs.length > 0) (sc!.id === 'f' ? paced : blast)(c);
      return;
    case 'outage':
      refusing = true;
      for (const c of conns) c.sock.destroy();
      conns.clear();
      return;
    case 'release':
      refusing = false;
      return;
    case 'accepts':
      send({ type: 'accepts', accepts });
      return;
    case 'drop':
      for (const c of conns) c.sock.destroy();
      conns.clear();
      for (const k of Object.keys(accepts)) delete accepts[k];
      traceCounts.clear();
      send({ type: 'dropped' });
      return;
    case 'exit':
      process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
