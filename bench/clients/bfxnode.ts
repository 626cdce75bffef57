/**
 * bitfinex-api-node 7.0.0 WSv2: one WSv2 per connection, listeners registered with
 * onOrderBook / onTradeEntry (the documented way). Variants: `raw` (transform off),
 * `transform` (transform on), and for book scenarios with sc.manage: manageOrderBooks on
 * (+ CHECKSUM flag in c-cs, so it verifies every `cs`).
 */
import { createRequire } from 'node:module';
import { Latency, Meter, config, fail, finish, ready, watchdog } from './harness.ts';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const WSv2 = require('bitfinex-api-node/lib/transports/ws2') as new (opts: Record<string, unknown>) => BfxWs;
interface BfxWs {
  open(): Promise<void>;
  enableFlag(flag: number): Promise<void>;
  subscribeOrderBook(symbol: string, prec: string, len: string): Promise<void>;
  subscribeTrades(symbol: string): Promise<void>;
  onOrderBook(f: Record<string, unknown>, cb: (ob: unknown) => void): void;
  onTrades(f: Record<string, unknown>, cb: (t: unknown) => void): void;
  onTradeEntry(f: Record<string, unknown>, cb: (t: unknown) => void): void;
  on(event: string, cb: (...a: unknown[]) => void): void;
}

const sc = config.scenario;
watchdog(300_000);
const transform = config.variant === 'transform';
const started = process.hrtime.bigint();
const meter = new Meter(sc.updates);
const latency = new Latency(sc.updates);
const perConn = Math.ceil(sc.subs.length / sc.connections);
let snapshots = 0;
const onSnapshot = (): void => {
  if (++snapshots !== sc.subs.length) return;
  if (sc.id === 'd') finish({ ok: true, subscribeMs: Number(process.hrtime.bigint() - started) / 1e6 });
  else ready();
};
const tradeId = (t: unknown): number => {
  if (Array.isArray(t)) return (Array.isArray(t[0]) ? t[0][0] : t[0]) as number;
  return (t as { id: number }).id;
};

for (let c = 0; c < sc.connections; c++) {
  const mine = sc.subs.slice(c * perConn, (c + 1) * perConn);
  if (mine.length === 0) continue;
  const ws = new WSv2({ url: config.url, transform, manageOrderBooks: sc.manage, autoReconnect: false });
  ws.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
  for (const s of mine) {
    if (s.channel === 'book') {
      let first = true;
      ws.onOrderBook({ symbol: s.symbol, prec: s.prec }, () => {
        if (first) {
          first = false;
          onSnapshot();
        } else meter.tick();
      });
    } else {
      ws.onTrades({ symbol: s.symbol }, () => onSnapshot());
      if (sc.id === 'f') ws.onTradeEntry({ symbol: s.symbol }, (t) => latency.record(tradeId(t)));
      else ws.onTradeEntry({ symbol: s.symbol }, () => meter.tick());
    }
  }
  await ws.open();
  if (sc.checksumFrames && sc.manage) void ws.enableFlag(131072);
  for (const s of mine) {
    if (s.channel === 'book') void ws.subscribeOrderBook(s.symbol!, s.prec ?? 'P0', '25');
    else void ws.subscribeTrades(s.symbol!);
  }
}
