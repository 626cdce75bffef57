/**
 * The floor: `ws` + `JSON.parse` + a `Map` route by chanId, counting messages. In (c) it keeps
 * the book in two plain Maps (price → amount), no sorting, no checksum: the cheapest possible
 * managed book.
 */
import WebSocket from 'ws';
import { Latency, Meter, config, finish, ready, watchdog } from './harness.ts';

const sc = config.scenario;
const started = process.hrtime.bigint();
watchdog(120_000);
const meter = new Meter(sc.updates);
const latency = new Latency(sc.updates);
const perConn = Math.ceil(sc.subs.length / sc.connections);
let snapshots = 0;
const bids = new Map<number, number>();
const asks = new Map<number, number>();

type Route = (msg: unknown[]) => void;
const routes = new Map<number, Route>();

function routeFor(channel: string): Route {
  let snap = false;
  const first = (): boolean => {
    if (snap) return false;
    snap = true;
    if (++snapshots === sc.subs.length) {
      if (sc.id === 'd') finish({ ok: true, subscribeMs: Number(process.hrtime.bigint() - started) / 1e6 });
      else ready();
    }
    return true;
  };
  if (sc.id === 'f') {
    return (m) => {
      if (first()) return;
      if (m[1] === 'te') latency.record((m[2] as number[])[0]);
    };
  }
  if (channel === 'book' && sc.manage) {
    return (m) => {
      const p = m[1];
      if (first()) {
        for (const r of p as number[][]) (r[2] > 0 ? bids : asks).set(r[0], r[2]);
        return;
      }
      if (typeof p === 'string') return; // cs / hb
      const r = p as number[];
      const side = r[2] > 0 ? bids : asks;
      if (r[1] === 0) side.delete(r[0]);
      else side.set(r[0], r[2]);
      meter.tick();
    };
  }
  return (m) => {
    if (first()) return;
    if (m[1] === 'hb' || m[1] === 'cs') return;
    meter.tick();
  };
}

for (let c = 0; c < sc.connections; c++) {
  const mine = sc.subs.slice(c * perConn, (c + 1) * perConn);
  if (mine.length === 0) continue;
  const ws = new WebSocket(config.url);
  ws.on('open', () => {
    for (const s of mine) ws.send(JSON.stringify({ event: 'subscribe', ...s }));
  });
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as unknown;
    if (Array.isArray(msg)) {
      routes.get(msg[0] as number)?.(msg);
      return;
    }
    const ev = msg as { event?: string; chanId?: number; channel?: string };
    if (ev.event === 'subscribed') routes.set(ev.chanId!, routeFor(ev.channel!));
  });
  ws.on('error', (e) => finish({ ok: false, error: e.message }));
}
