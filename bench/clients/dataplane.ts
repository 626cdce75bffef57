/**
 * Stand-in for the library when its facade cannot be imported: the data plane on a real `ws`
 * socket (createFrameRouter + createChannelSink + EventHub listeners). Control frames are handled
 * here minimally (subscribed → bind). Same listeners as the library client.
 */
import WebSocket from 'ws';
import { createFrameRouter } from '../../src/ws/dataplane/router.ts';
import { createChannelSink } from '../../src/ws/dataplane/sinks.ts';
import { EventHub } from '../../src/ws/hub.ts';
import type { BfxWsEvents, SinkEmitter } from '../../src/ws/events.ts';
import type { Subscription } from '../../src/ws/contracts.ts';
import { Latency, Meter, config, fail, finish, ready, watchdog } from './harness.ts';

const sc = config.scenario;
watchdog(120_000);
const started = process.hrtime.bigint();
const meter = new Meter(sc.updates);
const latency = new Latency(sc.updates);
const perConn = Math.ceil(sc.subs.length / sc.connections);
let snapshots = 0;
const hub = new EventHub<BfxWsEvents>((_e, err) => fail(err));
const emit: SinkEmitter = (event, ...args) => hub.emit(event, ...args);
const onSnapshot = (): void => {
  if (++snapshots !== sc.subs.length) return;
  if (sc.id === 'd') finish({ ok: true, subscribeMs: Number(process.hrtime.bigint() - started) / 1e6 });
  else ready();
};
hub.on('t_book_snapshot', onSnapshot);
hub.on('t_trades_snapshot', onSnapshot);
hub.on('t_ticker_update', onSnapshot);
hub.on('candles_snapshot', onSnapshot);
hub.on('t_book_update', () => meter.tick());
if (sc.id === 'f') hub.on('t_trade_execution', (_s, t) => latency.record(t.id));
else hub.on('t_trade_execution', () => meter.tick());

let n = 0;
for (let c = 0; c < sc.connections; c++) {
  const mine = sc.subs.slice(c * perConn, (c + 1) * perConn);
  if (mine.length === 0) continue;
  const events = {
    control(msg: Record<string, unknown>): void {
      if (msg.event === 'info') {
        if (sc.checksumFrames) ws.send(JSON.stringify({ event: 'conf', flags: 131072 }));
        for (const s of mine) ws.send(JSON.stringify({ event: 'subscribe', ...s }));
      } else if (msg.event === 'subscribed') {
        const sub: Subscription = {
          subId: `s${n++}`,
          channel: msg.channel as Subscription['channel'],
          symbol: msg.symbol as string | undefined,
          key: msg.key as string | undefined,
          ...(msg.channel === 'book' ? { prec: msg.prec as 'P0', freq: 'F0' as const, len: '25' as const } : {}),
        };
        router.bind(msg.chanId as number, createChannelSink(sub, emit, events, { checksum: sc.checksumFrames, manageBook: true }));
      }
    },
    resync: () => fail(new Error('checksum mismatch')),
    sequenceGap: () => fail(new Error('sequence gap')),
    problem: (e: Error) => fail(e),
  };
  const router = createFrameRouter(events);
  const ws = new WebSocket(config.url);
  ws.on('message', (data) => router.handle(String(data)));
  ws.on('error', (e) => fail(e));
}
