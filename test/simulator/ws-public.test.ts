import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBfxSimulator, type BfxSimulator } from '../../src/simulator/index.js';
import { isChan, isEvent, keysOf, TestClient, type EventFrame } from './ws-client.js';

let sim: BfxSimulator;
const clients: TestClient[] = [];
const connect = async (): Promise<TestClient> => {
  const c = await TestClient.connect(sim.wsUrl);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  sim = await createBfxSimulator({ market: { updatesPerSecond: 40 }, ws: { connectionsPerMinute: false } });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await sim.close();
});

const ACK_KEYS = {
  symbol: ['event', 'channel', 'chanId', 'symbol', 'pair'],
  funding: ['event', 'channel', 'chanId', 'symbol', 'currency'],
  book: ['event', 'channel', 'chanId', 'symbol', 'prec', 'freq', 'len', 'pair'],
  fbook: ['event', 'channel', 'chanId', 'symbol', 'prec', 'freq', 'len', 'currency'],
  key: ['event', 'channel', 'chanId', 'key'],
};

describe('connection events', () => {
  it('sends info first, exactly like the capture', async () => {
    const c = await connect();
    const { frame } = await c.waitFor<EventFrame>(() => true);
    expect(keysOf(frame)).toEqual(['event', 'version', 'serverId', 'platform']);
    expect(frame).toMatchObject({ event: 'info', version: 2, platform: { status: 1 } });
    expect(frame.serverId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('answers ping with pong (ts, echoed cid)', async () => {
    const c = await connect();
    c.send({ event: 'ping', cid: 1234 });
    const pong = await c.event('pong');
    expect(keysOf(pong)).toEqual(['event', 'ts', 'cid']);
    expect(pong.cid).toBe(1234);
    expect(typeof pong.ts).toBe('number');
  });

  it('acks conf with the flags', async () => {
    const c = await connect();
    c.send({ event: 'conf', flags: 196608 });
    expect(await c.event('conf')).toStrictEqual({ event: 'conf', status: 'OK', flags: 196608 });
  });

  it('ignores non-JSON text and keeps the socket open', async () => {
    const c = await connect();
    c.send('this is not json');
    c.send({ event: 'ping', cid: 7 });
    await c.event('pong', { cid: 7 });
    expect(c.frames.filter((f) => isEvent(f, 'error'))).toEqual([]);
  });

  it('answers an unknown event with 10000', async () => {
    const c = await connect();
    c.send({ event: 'nope' });
    expect(await c.event('error')).toMatchObject({ event: 'error', msg: 'event: invalid (nope)', code: 10000 });
  });
});

describe('subscribe acks and snapshots', () => {
  it('ticker: trading and funding', async () => {
    const c = await connect();
    const t = await c.subscribe({ channel: 'ticker', symbol: 'tBTCUSD' });
    expect(keysOf(t.ack)).toEqual(ACK_KEYS.symbol);
    expect(t.ack).toMatchObject({ event: 'subscribed', channel: 'ticker', symbol: 'tBTCUSD', pair: 'BTCUSD' });
    const snap = (await c.waitFor<unknown[]>((f) => isChan(f, t.ack.chanId as number))).frame;
    expect(snap).toHaveLength(2);
    const row = snap[1] as unknown[];
    expect(row.length).toBeGreaterThanOrEqual(10);
    expect(row.slice(0, 10).every((v) => typeof v === 'number')).toBe(true);

    const f = await c.subscribe({ channel: 'ticker', symbol: 'fUSD' });
    expect(keysOf(f.ack)).toEqual(ACK_KEYS.funding);
    expect(f.ack).toMatchObject({ symbol: 'fUSD', currency: 'USD' });
    const fsnap = (await c.waitFor<unknown[]>((x) => isChan(x, f.ack.chanId as number))).frame;
    expect((fsnap[1] as unknown[]).length).toBe(16);
    expect(f.ack.chanId).not.toBe(t.ack.chanId);
  });

  it('trades: snapshots newest first, then te before tu', async () => {
    const c = await connect();
    const t = await c.subscribe({ channel: 'trades', symbol: 'tBTCUSD' });
    expect(keysOf(t.ack)).toEqual(ACK_KEYS.symbol);
    const id = t.ack.chanId as number;
    const snap = (await c.waitFor<unknown[]>((f) => isChan(f, id))).frame;
    const rows = snap[1] as number[][];
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) expect(r).toHaveLength(4);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1][1]).toBeGreaterThanOrEqual(rows[i][1]);
    const te = await c.waitFor<unknown[]>((f) => isChan(f, id) && f[1] === 'te');
    const tu = await c.waitFor<unknown[]>((f) => isChan(f, id) && f[1] === 'tu', { from: te.index });
    expect(tu.frame[2]).toEqual(te.frame[2]);
    expect(te.frame[2] as unknown[]).toHaveLength(4);

    const f = await c.subscribe({ channel: 'trades', symbol: 'fUSD' });
    expect(keysOf(f.ack)).toEqual(ACK_KEYS.funding);
    const fid = f.ack.chanId as number;
    const fsnap = (await c.waitFor<unknown[]>((x) => isChan(x, fid))).frame;
    for (const r of fsnap[1] as unknown[][]) expect(r).toHaveLength(5);
    const fte = await c.waitFor<unknown[]>((x) => isChan(x, fid) && x[1] === 'fte');
    await c.waitFor<unknown[]>((x) => isChan(x, fid) && x[1] === 'ftu', { from: fte.index });
    expect(fte.frame[2] as unknown[]).toHaveLength(5);
  });

  it('book: P0 trading snapshot bids desc then asks asc, single-level updates', async () => {
    const c = await connect();
    const { ack } = await c.subscribe({ channel: 'book', symbol: 'tBTCUSD', prec: 'P0', freq: 'F0', len: 25 });
    expect(keysOf(ack)).toEqual(ACK_KEYS.book);
    expect(ack).toMatchObject({ symbol: 'tBTCUSD', prec: 'P0', freq: 'F0', len: '25', pair: 'BTCUSD' });
    const id = ack.chanId as number;
    const snap = (await c.waitFor<unknown[]>((f) => isChan(f, id))).frame;
    const rows = snap[1] as number[][];
    const bids = rows.filter((r) => r[2] > 0);
    const asks = rows.filter((r) => r[2] < 0);
    expect(rows.slice(0, bids.length)).toEqual(bids);
    expect(bids.length).toBeLessThanOrEqual(25);
    expect(asks.length).toBeLessThanOrEqual(25);
    for (let i = 1; i < bids.length; i++) expect(bids[i - 1][0]).toBeGreaterThan(bids[i][0]);
    for (let i = 1; i < asks.length; i++) expect(asks[i - 1][0]).toBeLessThan(asks[i][0]);
    const upd = (await c.waitFor<unknown[]>((f) => isChan(f, id) && f !== snap)).frame;
    expect(upd).toHaveLength(2);
    expect(upd[1] as unknown[]).toHaveLength(3);
  });

  it('book: funding P0 and raw books (trading and funding) row shapes', async () => {
    const c = await connect();
    const cases: [Record<string, unknown>, string[], number][] = [
      [{ symbol: 'fUSD', prec: 'P0' }, ACK_KEYS.fbook, 4],
      [{ symbol: 'tBTCUSD', prec: 'R0' }, ACK_KEYS.book, 3],
      [{ symbol: 'fUSD', prec: 'R0' }, ACK_KEYS.fbook, 4],
      [{ symbol: 'tETHUSD', prec: 'P2', len: '100' }, ACK_KEYS.book, 3],
    ];
    for (const [req, keys, width] of cases) {
      const { ack } = await c.subscribe({ channel: 'book', ...req });
      expect(keysOf(ack)).toEqual(keys);
      const snap = (await c.waitFor<unknown[]>((f) => isChan(f, ack.chanId as number))).frame;
      const rows = snap[1] as unknown[][];
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r).toHaveLength(width);
    }
  });

  it('book: a symbol without t is acked with t; len number echoed as string; subId echoed before pair', async () => {
    const c = await connect();
    const { ack } = await c.subscribe({ channel: 'book', symbol: 'BTCF0:USTF0', len: 100, subId: 'abc' });
    expect(keysOf(ack)).toEqual(['event', 'channel', 'chanId', 'symbol', 'prec', 'freq', 'len', 'subId', 'pair']);
    expect(ack).toMatchObject({ symbol: 'tBTCF0:USTF0', len: '100', subId: 'abc', pair: 'BTCF0:USTF0', prec: 'P0', freq: 'F0' });
  });

  it('candles: trading and funding keys, snapshot newest first, then updates', async () => {
    const c = await connect();
    const keys = ['trade:1m:tBTCUSD', 'trade:1h:tETHUSD', 'trade:1m:fUSD:p30', 'trade:1m:fUSD:a30:p2:p30', 'trade:1D:tBTCUSD', 'trade:1W:tBTCUSD', 'trade:3h:tBTCF0:USTF0'];
    for (const key of keys) {
      const { ack } = await c.subscribe({ channel: 'candles', key });
      expect(ack).toStrictEqual({ event: 'subscribed', channel: 'candles', chanId: ack.chanId, key });
      const snap = (await c.waitFor<unknown[]>((f) => isChan(f, ack.chanId as number))).frame;
      const rows = snap[1] as number[][];
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r).toHaveLength(6);
      for (let i = 1; i < rows.length; i++) expect(rows[i - 1][0]).toBeGreaterThan(rows[i][0]);
    }
    const { ack } = await c.subscribe({ channel: 'candles', key: 'trade:1m:tETHUSD' });
    const id = ack.chanId as number;
    const first = await c.waitFor<unknown[]>((f) => isChan(f, id));
    const upd = await c.waitFor<unknown[]>((f) => isChan(f, id) && f[1] !== 'hb', { from: first.index + 1 });
    expect(upd.frame[1] as unknown[]).toHaveLength(6);
  });

  it('candles: an invalid key gets 10300 key: invalid', async () => {
    const c = await connect();
    for (const key of ['trade:1m:tNOPE', 'trade:2m:tBTCUSD', 'nope']) {
      expect((await c.subscribe({ channel: 'candles', key })).ack).toMatchObject({ event: 'error', code: 10300, msg: 'key: invalid', key });
    }
  });

  it('status: deriv and liq:global', async () => {
    const c = await connect();
    const d = await c.subscribe({ channel: 'status', key: 'deriv:tBTCF0:USTF0' });
    expect(keysOf(d.ack)).toEqual(ACK_KEYS.key);
    const row = (await c.waitFor<unknown[]>((f) => isChan(f, d.ack.chanId as number))).frame[1] as unknown[];
    expect(row.length).toBeGreaterThanOrEqual(18);
    expect(typeof row[0]).toBe('number');
    const next = await c.waitFor<unknown[]>((f) => isChan(f, d.ack.chanId as number) && f[1] !== 'hb' && f[1] !== row, { timeoutMs: 10_000 });
    expect((next.frame[1] as unknown[]).length).toBe(row.length);
    const l = await c.subscribe({ channel: 'status', key: 'liq:global' });
    expect(l.ack).toStrictEqual({ event: 'subscribed', channel: 'status', chanId: l.ack.chanId, key: 'liq:global' });
  });

  it('status liq:global: each liquidation row wrapped in an extra array', async () => {
    const liq = await createBfxSimulator({ market: { updatesPerSecond: 40, liquidationProbability: 1 } });
    const c = await TestClient.connect(liq.wsUrl);
    try {
      const { ack } = await c.subscribe({ channel: 'status', key: 'liq:global' });
      const frame = (await c.waitFor<unknown[]>((f) => isChan(f, ack.chanId as number) && f[1] !== 'hb')).frame;
      const rows = frame[1] as unknown[][];
      expect(rows).toHaveLength(1);
      expect(rows[0][0]).toBe('pos');
      expect(rows[0]).toHaveLength(12);
      expect(liq.market.symbols.derivatives).toContain(rows[0][4]);
    } finally {
      await c.close();
      await liq.close();
    }
  });
});

describe('subscribe errors', () => {
  it('10300 with the echoed request and pair', async () => {
    const c = await connect();
    const { ack } = await c.subscribe({ channel: 'book', symbol: 'tNOPEF0:USTF0', prec: 'P0', len: '25' });
    expect(JSON.stringify(ack)).toBe(
      '{"channel":"book","symbol":"tNOPEF0:USTF0","prec":"P0","len":"25","event":"error","msg":"symbol: invalid","code":10300,"pair":"NOPEF0:USTF0"}',
    );
    expect((await c.subscribe({ channel: 'book', symbol: 'tBTCUSD', prec: 'P9' })).ack).toMatchObject({ code: 10300, msg: 'precision: invalid' });
    expect((await c.subscribe({ channel: 'book', symbol: 'tBTCUSD', len: '26' })).ack).toMatchObject({ code: 10300, msg: 'length: invalid' });
    expect((await c.subscribe({ channel: 'nope', symbol: 'tBTCUSD' })).ack).toMatchObject({ code: 10300, msg: 'channel: unknown' });
    expect((await c.subscribe({ channel: 'ticker', symbol: 'fNOPE' })).ack).toMatchObject({ code: 10300, msg: 'symbol: invalid', currency: 'NOPE' });
  });

  it('10301 dup carries the existing chanId', async () => {
    const c = await connect();
    const first = await c.subscribe({ channel: 'book', symbol: 'tBTCUSD', prec: 'P0', len: '25' });
    const dup = await c.subscribe({ channel: 'book', symbol: 'tBTCUSD', prec: 'P0', len: '25' });
    expect(keysOf(dup.ack)).toEqual(['channel', 'symbol', 'prec', 'len', 'event', 'msg', 'code', 'chanId', 'pair']);
    expect(dup.ack).toMatchObject({ event: 'error', msg: 'subscribe: dup', code: 10301, chanId: first.ack.chanId, pair: 'BTCUSD' });
  });

  it('unknown deriv: key gets no reply at all', async () => {
    const c = await connect();
    await c.waitFor((f) => isEvent(f, 'info'));
    const from = c.frames.length;
    c.send({ event: 'subscribe', channel: 'status', key: 'deriv:tNOPEF0:USTF0' });
    c.send({ event: 'ping', cid: 1 });
    const pong = await c.waitFor((f) => isEvent(f, 'pong'), { from });
    expect(pong.index).toBe(from);
  });
});

describe('unsubscribe', () => {
  it('acks, stops the channel, and answers 10400/10401', async () => {
    const c = await connect();
    const { ack } = await c.subscribe({ channel: 'book', symbol: 'tBTCUSD', prec: 'R0' });
    const id = ack.chanId as number;
    await c.waitFor((f) => isChan(f, id));
    c.send({ event: 'unsubscribe', chanId: id });
    const done = await c.waitFor((f) => isEvent(f, 'unsubscribed'));
    expect(done.frame).toStrictEqual({ event: 'unsubscribed', status: 'OK', chanId: id });
    await TestClient.sleep(200);
    expect(c.frames.slice(done.index + 1).filter((f) => isChan(f, id))).toEqual([]);
    c.send({ event: 'unsubscribe', chanId: id });
    expect(await c.event('error', { code: 10401 })).toMatchObject({ chanId: id });
    c.send({ event: 'unsubscribe', chanId: 424242424 });
    expect(await c.event('error', { code: 10400 })).toMatchObject({ msg: 'unsubscribe: invalid', chanId: 424242424 });
  });
});

describe('limits', () => {
  it('10305 at maxSubscriptions, socket stays open', async () => {
    const small = await createBfxSimulator({ market: { updatesPerSecond: 0 }, ws: { maxSubscriptions: 2 } });
    const c = await TestClient.connect(small.wsUrl);
    try {
      await c.subscribe({ channel: 'ticker', symbol: 'tBTCUSD' });
      await c.subscribe({ channel: 'ticker', symbol: 'tETHUSD' });
      const over = await c.subscribe({ channel: 'book', symbol: 'tBTCF0:USTF0', prec: 'P0', freq: 'F0', len: '25' });
      expect(JSON.stringify(over.ack)).toBe(
        '{"channel":"book","symbol":"tBTCF0:USTF0","prec":"P0","freq":"F0","len":"25","event":"error","msg":"subscribe: limit","code":10305,"pair":"BTCF0:USTF0"}',
      );
      c.send({ event: 'ping', cid: 2 });
      await c.event('pong', { cid: 2 });
      expect(small.faults.connections()[0].subscriptions).toBe(2);
    } finally {
      await c.close();
      await small.close();
    }
  });

  it('connection rate: the upgrade over the limit is refused with HTTP 429', async () => {
    const limited = await createBfxSimulator({ market: { updatesPerSecond: 0 }, ws: { connectionsPerMinute: 2 } });
    const ok: TestClient[] = [];
    try {
      ok.push(await TestClient.connect(limited.wsUrl), await TestClient.connect(limited.wsUrl));
      await expect(TestClient.connect(limited.wsUrl)).rejects.toThrow(/429/);
    } finally {
      await Promise.all(ok.map((c) => c.close()));
      await limited.close();
    }
  });
});

describe('heartbeats', () => {
  it('idle channels get [CHAN_ID,"hb"] (and a seq with SEQ_ALL)', async () => {
    const still = await createBfxSimulator({ market: { updatesPerSecond: 0 }, ws: { heartbeatMs: 60 } });
    const c = await TestClient.connect(still.wsUrl);
    try {
      const { ack } = await c.subscribe({ channel: 'ticker', symbol: 'tBTCUSD' });
      const id = ack.chanId as number;
      const hb = await c.waitFor((f) => isChan(f, id) && f[1] === 'hb');
      expect(hb.frame).toStrictEqual([id, 'hb']);
      c.send({ event: 'conf', flags: 65536 });
      const conf = await c.waitFor((f) => isEvent(f, 'conf'));
      const seqHb = await c.waitFor<unknown[]>((f) => isChan(f, id) && f[1] === 'hb', { from: conf.index });
      expect(seqHb.frame).toHaveLength(3);
      expect(typeof seqHb.frame[2]).toBe('number');
    } finally {
      await c.close();
      await still.close();
    }
  });
});
