import { describe, expect, it } from 'vitest';
import { BfxProtocolError } from '../../src/errors.js';
import { models } from '../../src/models/index.js';
import type { Subscription } from '../../src/ws/contracts.js';
import type { SinkEmitter } from '../../src/ws/events.js';
import { createFrameRouter } from '../../src/ws/dataplane/router.js';
import { createChannelSink, type ChannelSinkOptions } from '../../src/ws/dataplane/sinks.js';
import { frames } from '../models/samples.js';
import { recordingEmitter, recordingEvents } from './fakes.js';

const OFF: ChannelSinkOptions = { checksum: false, manageBook: false };
const BOOK: ChannelSinkOptions = { checksum: true, manageBook: true };

/** Feed the array frames of a sample (re-serialised, as they came off the wire) through a router bound to one sink. */
function feed(sub: Subscription, sample: string, options = OFF, pick?: (f: unknown[]) => boolean) {
  const out = recordingEmitter();
  const rec = recordingEvents();
  const sink = createChannelSink(sub, out.emit, rec.events, options);
  const router = createFrameRouter(rec.events);
  for (const f of frames(sample)) {
    if (!Array.isArray(f) || (pick && !pick(f))) continue;
    router.bind(f[0] as number, sink);
    router.handle(JSON.stringify(f));
  }
  return { ...out, ...rec, sink };
}

const sub = (s: Partial<Subscription> & Pick<Subscription, 'channel'>): Subscription => ({ subId: 'S', ...s });

describe('ticker sink', () => {
  it('trading ticker frames (10 and 11 fields) → t_ticker_update', () => {
    const s = sub({ channel: 'ticker', symbol: 'tBTCUSD' });
    const { calls, problems } = feed(s, 'ws-ticker-trading');
    expect(calls.map((c) => c.event)).toEqual(Array(4).fill('t_ticker_update'));
    expect(calls[0].args[0]).toBe(s);
    expect(calls[0].args[1]).toEqual({
      bid: 7616.5,
      bidSize: 31.89055171,
      ask: 7617.5,
      askSize: 43.358118629999986,
      dailyChange: -550.8,
      dailyChangeRelative: -0.0674,
      lastPrice: 7617.1,
      volume: 8314.71200815,
      high: 8257.8,
      low: 7500,
    });
    expect(calls[3].args[1]).toMatchObject({ bid: 86697, low: 85156 });
    expect(problems).toEqual([]);
  });

  it('funding ticker frames (16 and 13 fields) → f_ticker_update', () => {
    const { of, problems } = feed(sub({ channel: 'ticker', symbol: 'fUSD' }), 'ws-ticker-funding');
    const updates = of('f_ticker_update').map((a) => a[1]);
    expect(updates).toHaveLength(3);
    expect(updates[0]).toMatchObject({ frr: 0.0003193369863013699, bidPeriod: 30, low: 6.8e-7, frrAmountAvailable: 3441851.73330503 });
    expect(updates[2]).toMatchObject({ frr: 0.00078458, frrAmountAvailable: null });
    expect(problems).toEqual([]);
  });
});

describe('trades sink', () => {
  it('trading snapshot → t_trades_snapshot (newest first)', () => {
    const { of } = feed(sub({ channel: 'trades', symbol: 'tETHUSD' }), 'ws-trades-trading-snapshot');
    const snaps = of('t_trades_snapshot').map((a) => a[1] as unknown[]);
    expect(snaps.map((s) => s.length)).toEqual([30, 2]);
    expect(snaps[0][0]).toEqual({ id: 32288059, mts: 1494971706000, amount: -0.00042864, price: 1773.9 });
  });

  it('funding snapshot → f_trades_snapshot', () => {
    const { of } = feed(sub({ channel: 'trades', symbol: 'fUSD' }), 'ws-trades-funding-snapshot');
    expect(of('f_trades_snapshot')[0][1]).toEqual([
      { id: 133323072, mts: 1574694245478, amount: -258.7458086, rate: 0.0002587, period: 2 },
      { id: 133323071, mts: 1574694245368, amount: -1932.20263916, rate: 0.0002587, period: 2 },
    ]);
  });

  it('te / tu / fte / ftu updates (with and without SEQ_ALL)', () => {
    const s = sub({ channel: 'trades', symbol: 'tBTCUSD' });
    const plain = feed(s, 'ws-trades-updates', OFF, (f) => f[0] !== 18788);
    expect(plain.calls.map((c) => c.event)).toEqual(['t_trade_execution', 't_trade_execution_update', 'f_trade_execution', 'f_trade_execution_update']);
    expect(plain.calls[0].args[1]).toEqual({ id: 401597395, mts: 1574694478808, amount: 0.005, price: 7245.3 });
    expect(plain.calls[2].args[1]).toEqual({ id: 133323543, mts: 1574694605000, amount: -59.84, rate: 0.00023647, period: 2 });

    const out = recordingEmitter();
    const rec = recordingEvents();
    const router = createFrameRouter(rec.events);
    router.setFlags(65536);
    router.bind(18788, createChannelSink(s, out.emit, rec.events, OFF));
    for (const f of frames('ws-trades-updates').filter((f) => (f as unknown[])[0] === 18788)) router.handle(JSON.stringify(f));
    expect(out.calls.map((c) => c.event)).toEqual([
      't_trades_snapshot',
      't_trade_execution',
      't_trade_execution_update',
      'f_trade_execution',
      'f_trade_execution_update',
    ]);
    expect(rec.gaps).toEqual([]);
    expect(rec.problems).toEqual([]);
  });

  it('heartbeats and unreadable frames', () => {
    const out = recordingEmitter();
    const rec = recordingEvents();
    const s = sub({ channel: 'trades', symbol: 'tBTCUSD' });
    const sink = createChannelSink(s, out.emit, rec.events, OFF);
    sink.frame(['hb']);
    sink.frame(['xx', [1, 2, 3, 4]]);
    sink.frame([[1, 2, 3, 4]]);
    expect(out.calls).toEqual([{ event: 'heartbeat', args: [s] }]);
    expect(rec.problems).toHaveLength(2);
    expect(rec.problems[0]).toBeInstanceOf(BfxProtocolError);
  });
});

describe('book sink', () => {
  it('P0 trading snapshot + single updates keep the managed book', () => {
    const s = sub({ channel: 'book', symbol: 'tETHUSD', prec: 'P0', freq: 'F0', len: '25' });
    const out = recordingEmitter();
    const rec = recordingEvents();
    const sink = createChannelSink(s, out.emit, rec.events, BOOK);
    const snapshot = frames('ws-book-p0-snapshot')[0] as unknown[];
    sink.frame([snapshot[1]]);
    const snap = out.of('t_book_snapshot')[0][1] as unknown[];
    expect(snap).toHaveLength(50);
    expect(snap[0]).toEqual({ price: 1921.8, count: 1, amount: 0.17974513 });
    const book = sink.book!;
    expect(book.bidCount).toBe(25);
    expect(book.askCount).toBe(25);
    expect(book.bestBid()).toEqual({ price: 1921.8, count: 1, amount: 0.17974513 });
    expect(book.bestAsk()).toEqual({ price: 1921.9, count: 1, amount: -5.12 });
    expect(book.spread()).toBeCloseTo(0.1, 9);

    sink.frame([[1921.8, 0, 1]]);
    sink.frame([[1921.85, 2, 0.5]]);
    sink.frame([[1921.9, 0, -1]]);
    expect(out.of('t_book_update').map((a) => a[1])).toEqual([
      { price: 1921.8, count: 0, amount: 1 },
      { price: 1921.85, count: 2, amount: 0.5 },
      { price: 1921.9, count: 0, amount: -1 },
    ]);
    expect(book.bids(2)).toEqual([
      { price: 1921.85, count: 2, amount: 0.5 },
      { price: 1920.1, count: 1, amount: 0.8809 },
    ]);
    expect(book.bestAsk()).toEqual({ price: 1922, count: 2, amount: -5.2353 });
    expect(rec.problems).toEqual([]);
  });

  it('sample update frames: snapshot, update, delete, cs, then BULK updates', () => {
    const s = sub({ channel: 'book', symbol: 'tBTCUSD', prec: 'P0', freq: 'F0', len: '25' });
    const { of, calls, resyncs, sink } = feed(s, 'ws-book-updates', BOOK, (f) => f[0] === 759362);
    expect(of('t_book_snapshot')[0][1]).toHaveLength(3);
    expect(of('t_book_update').map((a) => a[1])).toEqual([
      { price: 86719, count: 2, amount: -0.03483509 },
      { price: 86664, count: 0, amount: 1 },
    ]);
    expect(of('checksum')).toEqual([[s, 1330055495]]);
    // the probe trimmed this snapshot, so the server's checksum cannot match the local book
    expect(of('checksum_mismatch')).toHaveLength(1);
    expect(resyncs).toEqual([{ subId: 'S', reason: 'checksum' }]);
    expect(calls.map((c) => c.event)).toEqual(['t_book_snapshot', 't_book_update', 't_book_update', 'checksum', 'checksum_mismatch']);
    expect(sink.book!.bids().map((l) => (l as { price: number }).price)).toEqual([86704, 86701, 86697]);
  });

  it('BULK_UPDATES: after the snapshot a list of rows is one update event per row', () => {
    const s = sub({ channel: 'book', symbol: 'tBTCUSD', prec: 'P0', freq: 'F0', len: '25' });
    const out = recordingEmitter();
    const rec = recordingEvents();
    const router = createFrameRouter(rec.events);
    router.setFlags(536870912 | 65536 | 32768);
    const sink = createChannelSink(s, out.emit, rec.events, { ...BOOK, bulk: true });
    router.bind(853691, sink);
    router.handle('[853691,[[86717,1,0.5],[86816,2,-1.5],[86700,1,0.1]],1,1790134414000]');
    router.handle(JSON.stringify(frames('ws-flags-seq-timestamp-bulk')[1]));
    expect(out.of('t_book_snapshot')).toHaveLength(1);
    expect(out.of('t_book_update')).toHaveLength(4);
    expect(sink.book!.bids()).toEqual([
      { price: 86700, count: 1, amount: 0.1 },
      { price: 86647, count: 3, amount: 0.05388802 },
    ]);
    expect(sink.book!.asks()).toEqual([{ price: 86735, count: 1, amount: -0.00047262 }]);
    expect(rec.gaps).toEqual([]);
  });

  it('funding P book → f_book_* keyed by rate, negative amounts are bids', () => {
    const s = sub({ channel: 'book', symbol: 'fUSD', prec: 'P0', freq: 'F0', len: '25' });
    const { of, sink } = feed(s, 'ws-book-funding', BOOK, (f) => f[0] === 431549 || f[0] === 348748);
    expect(of('f_book_snapshot')[0][1]).toEqual([{ rate: 0.00023112, period: 30, count: 1, amount: -15190.7005375 }]);
    expect(of('f_book_update')[0][1]).toEqual({ rate: 0.00023157, period: 2, count: 1, amount: 66.35007188 });
    expect(sink.book!.bestBid()).toEqual({ rate: 0.00023112, period: 30, count: 1, amount: -15190.7005375 });
    expect(sink.book!.bestAsk()).toEqual({ rate: 0.00023157, period: 2, count: 1, amount: 66.35007188 });
  });

  it('raw books: trading R0 and funding R0 events and deletes', () => {
    const t = sub({ channel: 'book', symbol: 'tBTCUSD', prec: 'R0', freq: 'F0', len: '25' });
    const out = recordingEmitter();
    const rec = recordingEvents();
    const sink = createChannelSink(t, out.emit, rec.events, BOOK);
    sink.frame([[[34753006045, 86700, 0.5], [34753006046, 86800, -1]]]);
    sink.frame((frames('ws-book-updates')[1] as unknown[]).slice(1));
    expect(out.of('t_raw_book_snapshot')[0][1]).toEqual([
      { orderId: 34753006045, price: 86700, amount: 0.5 },
      { orderId: 34753006046, price: 86800, amount: -1 },
    ]);
    expect(out.of('t_raw_book_update')[0][1]).toEqual({ orderId: 34753006045, price: 0, amount: -1 });
    expect(sink.book!.bidCount).toBe(0);
    expect(sink.book!.asks()).toEqual([{ orderId: 34753006046, price: 86800, amount: -1 }]);

    const f = sub({ channel: 'book', symbol: 'fUSD', prec: 'R0', freq: 'F0', len: '25' });
    const fr = feed(f, 'ws-book-funding', BOOK, (x) => x[0] === 472778);
    expect(fr.of('f_raw_book_snapshot')[0][1]).toEqual([{ offerId: 658282397, period: 30, rate: 0.000233, amount: -530 }]);
    expect(fr.of('f_raw_book_update')[0][1]).toEqual({ offerId: 658286906, period: 2, rate: 0, amount: 1 });
    expect(fr.sink.book!.bids()).toEqual([{ offerId: 658282397, period: 30, rate: 0.000233, amount: -530 }]);
  });

  it('without manageBook or checksum there is no book; cs frames are still emitted', () => {
    const s = sub({ channel: 'book', symbol: 'tBTCUSD', prec: 'P0', freq: 'F0', len: '25' });
    const { of, sink, resyncs } = feed(s, 'ws-book-updates', OFF, (f) => f[0] === 759362);
    expect(sink.book).toBeUndefined();
    expect(of('checksum')).toHaveLength(1);
    expect(of('checksum_mismatch')).toHaveLength(0);
    expect(resyncs).toEqual([]);
  });

  it('verifyFunding: false skips funding-book checksum verification (cs still emitted)', () => {
    const f = sub({ channel: 'book', symbol: 'fUSD', prec: 'P0', freq: 'F0', len: '25' });
    const run = (verifyFunding: boolean | undefined) => {
      const out = recordingEmitter();
      const rec = recordingEvents();
      const sink = createChannelSink(f, out.emit, rec.events, { ...BOOK, verifyFunding });
      sink.frame([[[0.0002, 30, 1, -100]]]);
      sink.frame(['cs', 1]);
      return { out, rec };
    };
    const skipped = run(false);
    expect(skipped.out.of('checksum')).toHaveLength(1);
    expect(skipped.rec.resyncs).toEqual([]);
    expect(run(undefined).rec.resyncs).toEqual([{ subId: 'S', reason: 'checksum' }]);
    // trading books are verified whatever verifyFunding says
    const t = sub({ channel: 'book', symbol: 'tBTCUSD', prec: 'P0', freq: 'F0', len: '25' });
    const rec = recordingEvents();
    const sink = createChannelSink(t, recordingEmitter().emit, rec.events, { ...BOOK, verifyFunding: false });
    sink.frame([[[100, 1, 1]]]);
    sink.frame(['cs', 1]);
    expect(rec.resyncs).toHaveLength(1);
  });

  it('listeners see the managed book already updated', () => {
    const s = sub({ channel: 'book', symbol: 'tBTCUSD', prec: 'P0', freq: 'F0', len: '25' });
    const rec = recordingEvents();
    const bestSeen: unknown[] = [];
    const holder: { sink?: ReturnType<typeof createChannelSink> } = {};
    const emit: SinkEmitter = (event, ..._args) => {
      if (event.startsWith('t_book')) bestSeen.push(holder.sink?.book?.bestBid());
    };
    const sink = (holder.sink = createChannelSink(s, emit, rec.events, BOOK));
    sink.frame([[[100, 1, 1]]]);
    sink.frame([[101, 2, 3]]);
    expect(bestSeen).toEqual([
      { price: 100, count: 1, amount: 1 },
      { price: 101, count: 2, amount: 3 },
    ]);
  });

  it('reset makes the next data frame the snapshot again', () => {
    const s = sub({ channel: 'book', symbol: 'tBTCUSD', prec: 'P0', freq: 'F0', len: '25' });
    const out = recordingEmitter();
    const rec = recordingEvents();
    const sink = createChannelSink(s, out.emit, rec.events, BOOK);
    sink.frame([[[100, 1, 1]]]);
    sink.frame([[101, 1, 1]]);
    sink.reset();
    expect(sink.book!.bidCount).toBe(0);
    sink.frame([[[102, 1, 1]]]);
    expect(out.calls.map((c) => c.event)).toEqual(['t_book_snapshot', 't_book_update', 't_book_snapshot']);
    expect(sink.book!.bids()).toEqual([{ price: 102, count: 1, amount: 1 }]);
  });

  it('heartbeats and unreadable frames', () => {
    const s = sub({ channel: 'book', symbol: 'tBTCUSD', prec: 'P0', freq: 'F0', len: '25' });
    const out = recordingEmitter();
    const rec = recordingEvents();
    const sink = createChannelSink(s, out.emit, rec.events, BOOK);
    sink.frame(['hb']);
    sink.frame(['cs', 'nope']);
    sink.frame([42]);
    expect(out.calls).toEqual([{ event: 'heartbeat', args: [s] }]);
    expect(rec.problems).toHaveLength(2);
  });
});

describe('candles and status sinks', () => {
  it('candles snapshot then update', () => {
    const { calls } = feed(sub({ channel: 'candles', key: 'trade:1m:tBTCUSD' }), 'ws-candles');
    expect(calls.map((c) => c.event)).toEqual(['candles_snapshot', 'candles_update']);
    expect(calls[0].args[1]).toEqual([{ mts: 1574698260000, open: 7379.785503, close: 7383.8, high: 7388.3, low: 7379.785503, volume: 1.68829482 }]);
    expect(calls[1].args[1]).toEqual({ mts: 1574698200000, open: 7399.9, close: 7379.7, high: 7399.9, low: 7371.8, volume: 41.63633658 });
  });

  it('derivatives status (18 and 23 fields)', () => {
    const { of } = feed(sub({ channel: 'status', key: 'deriv:tBTCF0:USTF0' }), 'ws-status-deriv');
    const rows = of('derivatives_status_update').map((a) => a[1]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ mts: 1574700235000, derivPrice: 7242.85, spotPrice: 7246.55, openInterest: 155.3675257, clampMin: null });
    expect(rows[1]).toMatchObject({ markPrice: 86676.3172, clampMin: 0.0005, clampMax: 0.0025 });
  });

  it('liquidations: one event per wrapped row', () => {
    const s = sub({ channel: 'status', key: 'liq:global' });
    const { of } = feed(s, 'ws-status-liq');
    expect(of('liquidation_feed_update').map((a) => a[1])).toEqual([
      models.Liquidation.decode((frames('ws-status-liq')[0] as unknown[])[1] as unknown[]),
    ]);
    expect(of('liquidation_feed_update')[0][1]).toMatchObject({ posId: 142397657, symbol: 'tBSVUSD', amount: -2.62932, liquidationPrice: 112.27 });

    const out = recordingEmitter();
    const rec = recordingEvents();
    const sink = createChannelSink(s, out.emit, rec.events, OFF);
    const row = ['pos', 1, 2, null, 'tBTCUSD', 1, 2, null, 0, 0, null, 3];
    sink.frame([[row, [...row.slice(0, 1), 2, ...row.slice(2)]]]);
    expect(out.of('liquidation_feed_update').map((a) => (a[1] as { posId: number }).posId)).toEqual([1, 2]);
  });

  it('a snapshot-shaped frame mid-stream without BULK_UPDATES is not merged: the book is resynced', () => {
    const s = sub({ channel: 'book', symbol: 'tBTCUSD', prec: 'P0', freq: 'F0', len: '25' });
    const out = recordingEmitter();
    const rec = recordingEvents();
    const router = createFrameRouter(rec.events);
    const sink = createChannelSink(s, out.emit, rec.events, BOOK);
    router.bind(5, sink);
    router.handle('[5,[[86717,1,0.5],[86816,2,-1.5]]]');
    router.handle('[5,[[1,1,1],[2,1,1],[3,1,1]]]');
    expect(sink.book!.bids().map((l) => (l as { price: number }).price)).toEqual([86717]);
    expect(rec.resyncs).toEqual([{ subId: s.subId, reason: 'snapshot' }]);
    expect(rec.problems).toHaveLength(1);
  });

  it('decoded rows are type-checked: a trade or ticker with strings for numbers is a problem, no event', () => {
    const t = sub({ channel: 'trades', symbol: 'tBTCUSD' });
    const k = sub({ channel: 'ticker', symbol: 'tBTCUSD' });
    const out = recordingEmitter();
    const rec = recordingEvents();
    const router = createFrameRouter(rec.events);
    router.bind(7, createChannelSink(t, out.emit, rec.events, OFF));
    router.bind(8, createChannelSink(k, out.emit, rec.events, OFF));
    router.handle('[7,"te",["x","y","z","w"]]');
    router.handle('[8,[1,"2",3,4,5,6,7,8,9,10]]');
    router.handle('[7,"te",[1,1700000000000,0.5,100]]');
    expect(out.of('t_trade_execution').map((a) => a[1])).toEqual([{ id: 1, mts: 1700000000000, amount: 0.5, price: 100 }]);
    expect(out.of('t_ticker_update')).toEqual([]);
    expect(rec.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('TradingPairTrade.id must be a number'),
      expect.stringContaining('TradingPairTicker.bidSize must be a number'),
    ]);
  });
});
