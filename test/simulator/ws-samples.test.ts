/**
 * Frame shapes of the simulator compared with the captured samples in ../shared/samples
 * (skipped when the samples are not on disk). A shape keeps object key order, the literal
 * type strings of channel frames and number/string/null kinds; snapshots are compared by their
 * first row.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBfxSimulator, WS_FLAGS, type BfxSimulator } from '../../src/simulator/index.js';
import { authEvent, isChan, isEvent, TestClient, type EventFrame } from './ws-client.js';

const SAMPLES = new URL('../../../shared/samples/', import.meta.url);
const haveSamples = existsSync(new URL('ws-subscribe-acks.json', SAMPLES));
const sample = (name: string): unknown[] => (JSON.parse(readFileSync(new URL(name, SAMPLES), 'utf8')) as { frames: unknown[] }).frames;

const TYPE_STRINGS = new Set(['hb', 'cs', 'te', 'tu', 'fte', 'ftu', 'pos']);

/** The shape of a value (see module docs). */
function shape(v: unknown, top = true): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return 'n';
  if (typeof v === 'string') return TYPE_STRINGS.has(v) ? JSON.stringify(v) : 's';
  if (Array.isArray(v)) {
    if (!top && v.length > 0 && v.every(Array.isArray)) return `[*${shape(v[0], false)}]`;
    return `[${v.map((x) => shape(x, false)).join(',')}]`;
  }
  if (typeof v === 'object') return `{${Object.keys(v as object).join(',')}}`;
  return typeof v;
}

const frameShape = (f: unknown): string => shape(f);

/** A flat update `[CHAN_ID,[...]]` (not a snapshot, hb or cs). */
const isFlatUpdate = (f: unknown[]): boolean => Array.isArray(f[1]) && !Array.isArray((f[1] as unknown[])[0]);

let sim: BfxSimulator;
const clients: TestClient[] = [];
async function connect(flags?: number): Promise<TestClient> {
  const c = await TestClient.connect(sim.wsUrl);
  clients.push(c);
  await c.event('info');
  if (flags !== undefined) {
    c.send({ event: 'conf', flags });
    await c.event('conf');
  }
  return c;
}
async function firstData(c: TestClient, req: Record<string, unknown>, pred: (f: unknown[]) => boolean = () => true): Promise<unknown[]> {
  const { ack } = await c.subscribe(req);
  expect(ack.event).toBe('subscribed');
  return (await c.waitFor<unknown[]>((f) => isChan(f, ack.chanId as number) && pred(f))).frame;
}

describe.skipIf(!haveSamples)('frame shapes match the captured samples', () => {
  beforeAll(async () => {
    sim = await createBfxSimulator({
      accounts: [{ apiKey: 'k', apiSecret: 's' }],
      market: { updatesPerSecond: 40 },
      ws: { connectionsPerMinute: false, heartbeatMs: 100 },
    });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await sim.close();
  });

  it('info, conf ack, pong, hb', async () => {
    const c = await connect();
    expect(frameShape(c.frames[0])).toBe(frameShape(sample('ws-info-on-connect.json')[0]));
    c.send({ event: 'conf', flags: 196608 });
    expect(await c.event('conf')).toStrictEqual(sample('ws-conf-ack.json')[0]);
    const [hb, hb0, pong] = sample('ws-heartbeat-pong.json');
    c.send({ event: 'ping', cid: 1234 });
    expect(frameShape(await c.event('pong'))).toBe(frameShape(pong));
    const d = await connect();
    const t = await firstData(d, { channel: 'ticker', symbol: 'tBTCUSD' });
    const beat = await d.waitFor((f) => isChan(f, t[0] as number) && f[1] === 'hb');
    expect(frameShape(beat.frame)).toBe(frameShape(hb));
    d.send(authEvent('k', 's'));
    await d.event('auth', { status: 'OK' });
    expect(frameShape((await d.waitFor((f) => isChan(f, 0) && f[1] === 'hb')).frame)).toBe(frameShape(hb0));
  });

  it('subscribe acks: same keys in the same order, same values', async () => {
    const c = await connect();
    for (const expected of sample('ws-subscribe-acks.json') as EventFrame[]) {
      const req: Record<string, unknown> = { channel: expected.channel };
      for (const k of ['symbol', 'prec', 'freq', 'len', 'key']) if (k in expected) req[k] = expected[k];
      const { ack } = await c.subscribe(req);
      expect(ack).toStrictEqual({ ...expected, chanId: ack.chanId });
      expect(Object.keys(ack)).toEqual(Object.keys(expected));
    }
  });

  it('subscribe errors: same keys in the same order', async () => {
    const c = await connect();
    const [dup, , invalid] = sample('ws-errors.json') as EventFrame[];
    const req = (e: EventFrame, symbol: string): Record<string, unknown> => ({ channel: e.channel, symbol, prec: e.prec, len: e.len });
    await c.subscribe(req(dup, 'tBTCF0:USTF0'));
    const again = await c.subscribe(req(dup, 'tBTCF0:USTF0'));
    expect(Object.keys(again.ack)).toEqual(Object.keys(dup));
    const bad = await c.subscribe(req(invalid, invalid.symbol as string));
    expect(bad.ack).toStrictEqual(invalid);
    const [failed10100, failed10114] = sample('ws-auth-failed.json');
    c.send(authEvent('nope', 's'));
    expect(await c.event('auth')).toStrictEqual(failed10100);
    const from = c.frames.length;
    c.send(authEvent('k', 's', {}, 1));
    expect(await c.event('auth', {}, from)).toStrictEqual(failed10114);
  });

  it('ticker, trades, books, candles, status: snapshot and update shapes', async () => {
    const c = await connect();
    const oneOf = (name: string, pick: (f: unknown[]) => boolean = () => true): string[] =>
      (sample(name) as unknown[][]).filter(pick).map(frameShape);
    expect(oneOf('ws-ticker-trading.json')).toContain(frameShape(await firstData(c, { channel: 'ticker', symbol: 'tBTCUSD' })));
    expect(oneOf('ws-ticker-funding.json')).toContain(frameShape(await firstData(c, { channel: 'ticker', symbol: 'fUSD' })));
    expect(oneOf('ws-trades-trading-snapshot.json')).toContain(frameShape(await firstData(c, { channel: 'trades', symbol: 'tBTCUSD' })));
    expect(oneOf('ws-trades-funding-snapshot.json')).toContain(frameShape(await firstData(c, { channel: 'trades', symbol: 'fUSD' })));
    const updates = oneOf('ws-trades-updates.json', (f) => f.length === 3);
    expect(updates).toContain(frameShape(await firstData(c, { channel: 'trades', symbol: 'tETHUSD' }, (f) => f[1] === 'te')));
    expect(updates).toContain(frameShape(await firstData(c, { channel: 'trades', symbol: 'fBTC' }, (f) => f[1] === 'ftu')));
    expect(oneOf('ws-book-p0-snapshot.json')).toContain(frameShape(await firstData(c, { channel: 'book', symbol: 'tBTCUSD' })));
    const book = oneOf('ws-book-funding.json');
    expect(book).toContain(frameShape(await firstData(c, { channel: 'book', symbol: 'fUSD' })));
    expect(book).toContain(frameShape(await firstData(c, { channel: 'book', symbol: 'fUSD', prec: 'R0' })));
    const bookUpd = oneOf('ws-book-updates.json', isFlatUpdate);
    expect(bookUpd).toContain(frameShape(await firstData(c, { channel: 'book', symbol: 'tETHUSD', prec: 'R0' }, isFlatUpdate)));
    const candles = oneOf('ws-candles.json');
    expect(candles).toContain(frameShape(await firstData(c, { channel: 'candles', key: 'trade:1m:tBTCUSD' })));
    expect(candles).toContain(frameShape(await firstData(c, { channel: 'candles', key: 'trade:1m:tETHUSD' }, isFlatUpdate)));
    expect(oneOf('ws-status-deriv.json')).toContain(frameShape(await firstData(c, { channel: 'status', key: 'deriv:tBTCF0:USTF0' })));
  });

  it('flag shapes: SEQ_ALL, BULK+SEQ_ALL+TIMESTAMP, TIMESTAMP', async () => {
    const [seqOnly, bulkSeqTs, tsOnly] = sample('ws-flags-seq-timestamp-bulk.json') as unknown[][];
    const upd = async (flags: number, prec = 'P0'): Promise<unknown[]> => {
      const c = await connect(flags);
      const snap = await firstData(c, { channel: 'book', symbol: 'tBTCUSD', prec });
      return (await c.waitFor<unknown[]>((f) => isChan(f, snap[0] as number) && Array.isArray(f[1]), { from: c.frames.indexOf(snap) + 1 })).frame;
    };
    expect(frameShape(await upd(WS_FLAGS.SEQ_ALL))).toBe(frameShape(seqOnly));
    expect(frameShape(await upd(WS_FLAGS.TIMESTAMP))).toBe(frameShape(tsOnly));
    const bulk = await upd(WS_FLAGS.BULK_UPDATES + WS_FLAGS.SEQ_ALL + WS_FLAGS.TIMESTAMP);
    expect(shape(bulk).replace(/\[\*\[n,n,n\]\]/, 'B')).toBe(shape(bulkSeqTs).replace(/\[\*\[n,n,n\]\]/, 'B'));
  });

  it('auth OK: same keys in the same order', async () => {
    const c = await connect();
    c.send(authEvent('k', 's'));
    expect(frameShape(await c.event('auth'))).toBe(frameShape(sample('ws-auth-ok.json')[0]));
    expect(c.frames.some((f) => isEvent(f, 'error'))).toBe(false);
  });
});
