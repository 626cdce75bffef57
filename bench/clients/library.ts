/**
 * This library through its public API: createBfxSystem → ws.subscribe → handle.on(listener).
 * Imports '../../src/index.ts' (the public entry); while that entry is still being assembled it
 * falls back to '../../src/system.ts' (the same createBfxSystem) and says so in the result note.
 * Conf: `sequence: false` (the blaster's frames carry no SEQ_ALL numbers), `checksum` only in c-cs.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nowUs } from '../lib/scenarios.ts';
import { subKey } from '../lib/scenarios.ts';
import { Latency, Meter, config, fail, finish, onParentMessage, ready, watchdog } from './harness.ts';

interface Sub { readonly channel: string; readonly symbol?: string; readonly key?: string; readonly prec?: string }
interface Handle {
  on(event: string, listener: (...args: never[]) => void): () => void;
  readonly ready: Promise<unknown>;
}
interface System {
  readonly ws: { subscribe(channel: string, params: Record<string, unknown>, options?: { manageBook?: boolean }): Handle; on(event: string, listener: (...args: never[]) => void): () => void };
  close(): Promise<void>;
}
type Create = (options: Record<string, unknown>) => System;

let note = '';
async function load(): Promise<Create> {
  try {
    const m = (await import('../../src/index.ts')) as unknown as { createBfxSystem: Create };
    return m.createBfxSystem;
  } catch (error) {
    const m = (await import('../../src/system.ts')) as unknown as { createBfxSystem: Create };
    note = `src/index.ts not importable (${error instanceof Error ? error.message.slice(0, 80) : String(error)}); used src/system.ts`;
    return m.createBfxSystem;
  }
}

const sc = config.scenario;
watchdog(sc.id === 'e' ? 120_000 : 120_000);
const createBfxSystem = await load();
const started = process.hrtime.bigint();
if (process.env.BENCH_TRACE) process.stderr.write(`[library] created at ${(Number(started / 1000n) / 1000).toFixed(0)} ms\n`);
const meter = new Meter(sc.updates);
const latency = new Latency(sc.updates);
let snapshots = 0;
let isReady = false;

// Variant `record` (run.ts's "library-record" row): the same run with every received frame recorded
// to a temporary JSONL file (recordingSocketFactory + createFileRecordSink; BENCH_RECORD_GZIP=1: gzip),
// deleted at exit.
// BENCH_RECORD=FILE records any library run to FILE ('.gz' → gzip); BENCH_RECORD=noop keeps the
// decorator but drops its lines.
const recordTo = config.variant === 'record' ? join(tmpdir(), `bfx-bench-record-${process.pid}.jsonl${process.env.BENCH_RECORD_GZIP ? '.gz' : ''}`) : process.env.BENCH_RECORD;
if (config.variant === 'record' && recordTo !== undefined) process.on('exit', () => rmSync(recordTo, { force: true }));
const recording = recordTo === undefined ? undefined : await (async () => {
  const sim = await import('../../src/simulator/index.ts');
  const { nodeSocketFactory } = await import('../../src/platform/websocket.ts');
  const sink = recordTo === 'noop' ? { write: (_lines: string) => undefined } : sim.createFileRecordSink(recordTo);
  return { sink, socketFactory: sim.recordingSocketFactory(nodeSocketFactory, sink) };
})();
if (recording && config.variant !== 'record') note = `${note}${note ? '; ' : ''}recording to ${recordTo}`;
const bfx = createBfxSystem({
  wssHost: config.url,
  ...(config.restUrl ? { restHost: config.restUrl } : {}),
  connections: sc.connections,
  // The blaster has no connection limits (the floor and the peers open every socket at once).
  connectionBudget: false,
  conf: { checksum: sc.checksumFrames, sequence: false },
  logLevel: (process.env.BENCH_LIB_LOG ?? 'error') as 'error',
  ...(recording ? { socketFactory: recording.socketFactory } : {}),
});

// (d) timeline for the note: when the sockets opened and when 10 % / 50 % of the acks arrived
const since = (): number => Math.round(Number(process.hrtime.bigint() - started) / 1e6);
const marks: string[] = [];
let opens = 0;
let acks = 0;
const onSnapshot = (): void => {
  if (++snapshots !== sc.subs.length) return;
  if (sc.id === 'd') {
    if (process.env.BENCH_TRACE) note = `timeline ms: ${marks.join(', ')}, all snapshots ${since()}`;
    finish({ ok: true, subscribeMs: Number(process.hrtime.bigint() - started) / 1e6, note });
    return;
  }
  isReady = true;
  ready();
};

if (sc.id === 'e') {
  const live: Record<string, number> = {};
  let n = 0;
  let outage = false;
  onParentMessage((m) => {
    if (m.type === 'outage') outage = true;
  });
  bfx.ws.on('subscribed', ((sub: Sub) => {
    if (!isReady || !outage) return;
    const k = subKey(sub);
    if (live[k] === undefined) n++;
    live[k] = nowUs();
    if (n === sc.subs.length) finish({ ok: true, live, note });
  }) as never);
}
if (sc.id === 'd' && process.env.BENCH_TRACE) {
  bfx.ws.on('open', (() => {
    if (++opens === 1 || opens === sc.connections) marks.push(`open#${opens} ${since()}`);
  }) as never);
  bfx.ws.on('subscribed', (() => {
    ++acks;
    if (acks === 1 || acks === sc.subs.length / 10 || acks === sc.subs.length / 2 || acks === sc.subs.length) marks.push(`ack#${acks} ${since()}`);
  }) as never);
}
bfx.ws.on('error', ((e: Error) => {
  if (sc.id !== 'e') fail(new Error(`library error event: ${e.message}`));
}) as never);

for (const s of sc.subs) {
  const params: Record<string, unknown> = s.channel === 'candles' ? { key: s.key } : { symbol: s.symbol };
  if (s.channel === 'book') {
    params.prec = s.prec;
    params.len = 25;
  }
  // (a) measures the update stream without a local book (as the floor and bitfinex-api-node
  // without manageOrderBooks do); (c) keeps the book.
  const h = bfx.ws.subscribe(s.channel, params, { manageBook: sc.id !== 'a' });
  h.ready.catch((e: unknown) => fail(e));
  if (s.channel === 'book') {
    h.on('t_book_snapshot', onSnapshot as never);
    h.on('t_book_update', (() => meter.tick()) as never);
  } else if (s.channel === 'trades') {
    h.on('t_trades_snapshot', onSnapshot as never);
    if (sc.id === 'f') h.on('t_trade_execution', ((_sub: Sub, t: { id: number }) => latency.record(t.id)) as never);
    else h.on('t_trade_execution', (() => meter.tick()) as never);
  } else if (s.channel === 'ticker') h.on('t_ticker_update', onSnapshot as never);
  else h.on('candles_snapshot', onSnapshot as never);
}
if (process.env.BENCH_TRACE) process.stderr.write(`[library] ${sc.subs.length} subscribe calls returned after ${since()} ms\n`);
