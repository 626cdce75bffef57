import { afterEach, describe, expect, it } from 'vitest';
import { createBfxSimulator, WS_FLAGS, type BfxSimulator } from '../../src/simulator/index.js';
import { BookModel } from './ws-book-model.js';
import { isChan, isEvent, TestClient, type EventFrame } from './ws-client.js';

const { SEQ_ALL, TIMESTAMP, OB_CHECKSUM, BULK_UPDATES } = WS_FLAGS;

let sim: BfxSimulator | undefined;
let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  await sim?.close();
  client = undefined;
  sim = undefined;
});

async function start(flags: number, updatesPerSecond = 30): Promise<TestClient> {
  sim = await createBfxSimulator({ market: { updatesPerSecond } });
  client = await TestClient.connect(sim.wsUrl);
  client.send({ event: 'conf', flags });
  await client.event('conf');
  return client;
}

describe('conf flags shape every array frame', () => {
  it('SEQ_ALL: seq last, starting at 1, including the snapshot', async () => {
    const c = await start(SEQ_ALL);
    const { ack } = await c.subscribe({ channel: 'book', symbol: 'tBTCUSD' });
    const id = ack.chanId as number;
    const snap = await c.waitFor<unknown[]>((f) => isChan(f, id));
    expect(snap.frame).toHaveLength(3);
    expect(snap.frame[2]).toBe(1);
    const next = await c.waitFor<unknown[]>((f) => isChan(f, id), { from: snap.index + 1 });
    expect(next.frame).toHaveLength(3);
    expect(next.frame[2]).toBe(2);
  });

  it('TIMESTAMP: ms time last', async () => {
    const c = await start(TIMESTAMP);
    const before = Date.now();
    const { ack } = await c.subscribe({ channel: 'ticker', symbol: 'tBTCUSD' });
    const snap = (await c.waitFor<unknown[]>((f) => isChan(f, ack.chanId as number))).frame;
    expect(snap).toHaveLength(3);
    expect(snap[2]).toBeGreaterThanOrEqual(before - 1000);
    expect(Array.isArray(snap[1])).toBe(true);
  });

  it('SEQ_ALL + TIMESTAMP: seq second-to-last, time last (te frames too)', async () => {
    const c = await start(SEQ_ALL + TIMESTAMP);
    const { ack } = await c.subscribe({ channel: 'trades', symbol: 'tBTCUSD' });
    const id = ack.chanId as number;
    const te = (await c.waitFor<unknown[]>((f) => isChan(f, id) && f[1] === 'te')).frame;
    expect(te).toHaveLength(5);
    expect(Number.isInteger(te[3])).toBe(true);
    expect(te[4]).toBeGreaterThan(1e12);
  });

  it('OB_CHECKSUM: [CHAN_ID,"cs",CHECKSUM] matching the book', async () => {
    const c = await start(OB_CHECKSUM);
    const { ack } = await c.subscribe({ channel: 'book', symbol: 'tBTCUSD' });
    const id = ack.chanId as number;
    const cs = await c.waitFor<unknown[]>((f) => isChan(f, id) && f[1] === 'cs');
    expect(cs.frame).toHaveLength(3);
    expect(Number.isInteger(cs.frame[2])).toBe(true);
    const model = new BookModel(false, false);
    const frames = c.frames.slice(0, cs.index).filter((f): f is unknown[] => isChan(f, id));
    model.snapshot(frames[0][1] as number[][]);
    for (const f of frames.slice(1)) if (f[1] !== 'hb') model.apply(f[1] as number[]);
    expect(model.checksum()).toBe(cs.frame[2]);
  });

  it('BULK_UPDATES: an update is an array of entries', async () => {
    const c = await start(BULK_UPDATES);
    const { ack } = await c.subscribe({ channel: 'book', symbol: 'tBTCUSD', prec: 'R0' });
    const id = ack.chanId as number;
    const snap = await c.waitFor<unknown[]>((f) => isChan(f, id));
    const upd = await c.waitFor<unknown[]>((f) => isChan(f, id) && f[1] !== 'hb', { from: snap.index + 1 });
    expect(upd.frame).toHaveLength(2);
    const rows = upd.frame[1] as unknown[][];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toHaveLength(3);
  });
});

const BOOKS: { req: Record<string, unknown>; funding: boolean; raw: boolean }[] = [
  { req: { symbol: 'tBTCUSD', prec: 'P0' }, funding: false, raw: false },
  { req: { symbol: 'tBTCUSD', prec: 'P1', len: '100' }, funding: false, raw: false },
  { req: { symbol: 'tETHUSD', prec: 'R0', len: '250' }, funding: false, raw: true },
  { req: { symbol: 'fUSD', prec: 'P0' }, funding: true, raw: false },
  { req: { symbol: 'fUSD', prec: 'R0' }, funding: true, raw: true },
  { req: { symbol: 'tETHUSD', prec: 'P0', len: '1' }, funding: false, raw: false },
];

/** Replays every frame: gap-free seq, and each `cs` equal to the client-side book. */
function verify(frames: readonly unknown[], books: Map<number, BookModel>, bulk: boolean): { checksums: number; seqs: number } {
  let expected = 1;
  let checksums = 0;
  const seen = new Set<number>();
  for (const f of frames) {
    if (!Array.isArray(f)) continue;
    const seq = f[f.length - 2] as number;
    expect(seq).toBe(expected);
    expected++;
    const id = f[0] as number;
    const model = books.get(id);
    const body = f.slice(1, -2);
    if (!model || body[0] === 'hb') continue;
    if (body[0] === 'cs') {
      expect(model.checksum()).toBe(body[1]);
      checksums++;
    } else if (!seen.has(id)) {
      seen.add(id);
      model.snapshot(body[0] as number[][]);
    } else if (bulk) {
      for (const row of body[0] as number[][]) model.apply(row);
    } else {
      model.apply(body[0] as number[]);
    }
  }
  return { checksums, seqs: expected - 1 };
}

describe('full rate, all flags', () => {
  for (const bulk of [true, false]) {
    it(`every checksum matches and seq is gap-free (bulk=${bulk})`, async () => {
      const c = await start(SEQ_ALL + TIMESTAMP + OB_CHECKSUM + (bulk ? BULK_UPDATES : 0), 50);
      const books = new Map<number, BookModel>();
      for (const b of BOOKS) {
        const { ack } = await c.subscribe({ channel: 'book', ...b.req });
        expect(ack.event).toBe('subscribed');
        books.set(ack.chanId as number, new BookModel(b.funding, b.raw));
      }
      for (const symbol of ['tBTCUSD', 'fUSD']) {
        await c.subscribe({ channel: 'trades', symbol });
        await c.subscribe({ channel: 'ticker', symbol });
      }
      await TestClient.sleep(2000);
      const frames = c.frames.filter((f) => !isEvent(f));
      const { checksums, seqs } = verify(frames, books, bulk);
      expect(checksums).toBeGreaterThan(5);
      expect(seqs).toBeGreaterThan(30);
      expect(c.frames.filter((f) => isEvent(f, 'error')) as EventFrame[]).toEqual([]);
    });
  }
});
