/**
 * The data plane against the simulator over a real loopback socket: a minimal control loop (conf,
 * subscribe, bind on ack, resubscribe on resync) drives the router and the sinks, and every book's
 * checksum must verify, through SEQ_ALL + TIMESTAMP + OB_CHECKSUM, and through injected faults.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createBfxSimulator, type BfxSimulator } from '../../src/simulator/index.js';
import { ConfFlag, type DataPlaneEvents, type Subscription } from '../../src/ws/contracts.js';
import { createFrameRouter } from '../../src/ws/dataplane/router.js';
import { createChannelSink, type ManagedChannelSink } from '../../src/ws/dataplane/sinks.js';
import { ackMatches, normalizeSubscription, subscribeFrame } from '../../src/ws/dataplane/subscriptions.js';
import type { BfxError } from '../../src/errors.js';
import { recordingEmitter } from './fakes.js';

const FLAGS = ConfFlag.OB_CHECKSUM | ConfFlag.SEQ_ALL | ConfFlag.TIMESTAMP;

/** A tiny stand-in for the connection machine: just enough control plane to exercise the data plane. */
function connect(url: string, subs: Subscription[], flags: number) {
  const out = recordingEmitter();
  const problems: BfxError[] = [];
  const gaps: { expected: number; received: number }[] = [];
  const resyncs: string[] = [];
  const sinks = new Map<string, ManagedChannelSink>();
  const chanIds = new Map<string, number>();
  const ws = new WebSocket(url);
  const send = (frame: unknown): void => ws.send(JSON.stringify(frame));
  const subscribe = (sub: Subscription): void => send(subscribeFrame(sub));
  const events: DataPlaneEvents = {
    control(msg) {
      if (msg.event === 'info' && msg.version === 2) send({ event: 'conf', flags });
      else if (msg.event === 'conf') {
        router.setFlags(msg.flags as number);
        subs.forEach(subscribe);
      } else if (msg.event === 'subscribed') {
        const sub = subs.find((s) => ackMatches(s, msg));
        if (!sub) throw new Error(`unexpected ack ${JSON.stringify(msg)}`);
        const sink = sinks.get(sub.subId) ?? createChannelSink(sub, out.emit, events, { checksum: true, manageBook: true, bulk: (flags & ConfFlag.BULK_UPDATES) !== 0 });
        sinks.set(sub.subId, sink);
        chanIds.set(sub.subId, msg.chanId as number);
        router.bind(msg.chanId as number, sink);
      } else if (msg.event === 'unsubscribed') {
        const sub = subs.find((s) => chanIds.get(s.subId) === msg.chanId);
        router.unbind(msg.chanId as number);
        if (sub) {
          sinks.get(sub.subId)!.reset();
          subscribe(sub);
        }
      } else if (msg.event === 'error') throw new Error(`server error ${JSON.stringify(msg)}`);
    },
    resync(subId) {
      resyncs.push(subId);
      send({ event: 'unsubscribe', chanId: chanIds.get(subId) });
    },
    sequenceGap: (expected, received) => void gaps.push({ expected, received }),
    problem: (error) => void problems.push(error),
  };
  const router = createFrameRouter(events);
  ws.on('message', (data) => router.handle(String(data)));
  ws.on('error', () => {}); // reported through `opened`; never an uncaught 'error' event
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  return { ...out, ws, router, sinks, problems, gaps, resyncs, opened, close: () => (ws.close(), closed) };
}

/** Poll `check` until true, at most `ms`. */
async function until(check: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('data plane against the simulator (loopback socket)', () => {
  let sim: BfxSimulator;
  let conn: ReturnType<typeof connect> | undefined;

  beforeEach(async () => {
    sim = await createBfxSimulator({ seed: 3, market: { updatesPerSecond: 40 }, ws: { heartbeatMs: 150 } });
  });
  afterEach(async () => {
    await conn?.close();
    conn = undefined;
    await sim.close();
  });

  const books = [
    normalizeSubscription('book', { symbol: 'tBTCUSD' }, 'p0'),
    normalizeSubscription('book', { symbol: 'tETHUSD', prec: 'P2', len: 100 }, 'p2'),
    normalizeSubscription('book', { symbol: 'tBTCUSD', prec: 'R0' }, 'r0'),
    normalizeSubscription('book', { symbol: 'fUSD' }, 'fp0'),
    normalizeSubscription('book', { symbol: 'fUSD', prec: 'R0' }, 'fr0'),
  ];
  const checksums = (c: ReturnType<typeof connect>, subId: string): number =>
    c.of('checksum').filter((a) => (a[0] as Subscription).subId === subId).length;

  it('every book verifies its checksums under SEQ_ALL + TIMESTAMP + OB_CHECKSUM; other channels decode', async () => {
    const others = [
      normalizeSubscription('ticker', { symbol: 'tBTCUSD' }, 'tk'),
      normalizeSubscription('trades', { symbol: 'tBTCUSD' }, 'tr'),
      normalizeSubscription('candles', { key: 'trade:1m:tBTCUSD' }, 'cd'),
    ];
    conn = connect(sim.wsUrl, [...books, ...others], FLAGS);
    const c = conn;
    await c.opened;
    await until(() => books.every((b) => checksums(c, b.subId) >= 5));
    expect(c.of('checksum_mismatch')).toEqual([]);
    expect(c.resyncs).toEqual([]);
    expect(c.gaps).toEqual([]);
    expect(c.problems).toEqual([]);
    expect(c.of('t_book_snapshot').length).toBe(2);
    expect(c.of('t_raw_book_snapshot').length).toBe(1);
    expect(c.of('f_book_snapshot').length).toBe(1);
    expect(c.of('f_raw_book_snapshot').length).toBe(1);
    expect(c.of('candles_snapshot').length).toBe(1);
    const p0 = c.sinks.get('p0')!.book!;
    expect(p0.bidCount).toBeGreaterThan(0);
    expect(p0.spread()).toBeGreaterThan(0);
    await until(() => c.of('t_ticker_update').length > 0 && c.of('heartbeat').length > 0);
    expect(c.router.lastSeq).toBeGreaterThan(10);
  });

  it('funding ticker / trades and derivatives status decode from the live feed', async () => {
    const subs = [
      normalizeSubscription('ticker', { symbol: 'fUSD' }, 'ftk'),
      normalizeSubscription('trades', { symbol: 'fUSD' }, 'ftr'),
      normalizeSubscription('status', { key: 'deriv:tBTCF0:USTF0' }, 'st'),
    ];
    conn = connect(sim.wsUrl, subs, FLAGS);
    const c = conn;
    await c.opened;
    await until(() => c.of('f_ticker_update').length > 0 && c.of('f_trades_snapshot').length > 0 && c.of('derivatives_status_update').length > 0);
    expect(c.of('f_ticker_update')[0][1]).toMatchObject({ frr: expect.any(Number), bid: expect.any(Number) });
    expect(c.of('derivatives_status_update')[0][1]).toMatchObject({ mts: expect.any(Number), markPrice: expect.any(Number) });
    for (const [, trade] of c.of('f_trade_execution')) expect(trade).toMatchObject({ rate: expect.any(Number), period: expect.any(Number) });
    expect(c.problems).toEqual([]);
    expect(c.gaps).toEqual([]);
  });

  it('BULK_UPDATES books verify too', async () => {
    conn = connect(sim.wsUrl, books.slice(0, 3), FLAGS | ConfFlag.BULK_UPDATES);
    const c = conn;
    await c.opened;
    await until(() => books.slice(0, 3).every((b) => checksums(c, b.subId) >= 5));
    expect(c.of('checksum_mismatch')).toEqual([]);
    expect(c.problems).toEqual([]);
  });

  it('a corrupted checksum → checksum_mismatch + resync; after the resubscribe the book verifies again', async () => {
    conn = connect(sim.wsUrl, [books[0]], FLAGS);
    const c = conn;
    await c.opened;
    await until(() => checksums(c, 'p0') >= 2);
    sim.faults.corruptNextChecksum();
    await until(() => c.resyncs.length === 1);
    expect(c.of('checksum_mismatch')).toHaveLength(1);
    const before = checksums(c, 'p0');
    await until(() => c.of('t_book_snapshot').length === 2 && checksums(c, 'p0') >= before + 3);
    expect(c.of('checksum_mismatch')).toHaveLength(1);
    expect(c.resyncs).toEqual(['p0']);
    expect(c.problems).toEqual([]);
  });

  it('a skipped sequence number is reported; malformed frames become problems and the stream goes on', async () => {
    conn = connect(sim.wsUrl, [books[0]], FLAGS);
    const c = conn;
    await c.opened;
    await until(() => checksums(c, 'p0') >= 2);
    sim.faults.skipSequence();
    await until(() => c.gaps.length === 1);
    expect(c.gaps[0].received).toBe(c.gaps[0].expected + 1);
    sim.faults.sendMalformed('json');
    sim.faults.sendMalformed('shape');
    await until(() => c.problems.length >= 2);
    const n = checksums(c, 'p0');
    await until(() => checksums(c, 'p0') >= n + 2);
    expect(c.of('checksum_mismatch')).toEqual([]);
  });
});
