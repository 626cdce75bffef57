import { afterEach, describe, expect, it } from 'vitest';
import { createBfxSimulator, WS_FLAGS, type BfxSimulator, type BfxSimulatorOptions } from '../../src/simulator/index.js';
import { BookModel } from './ws-book-model.js';
import { authEvent, isChan, isEvent, TestClient } from './ws-client.js';

let sim: BfxSimulator | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await sim?.close();
  sim = undefined;
});

async function start(options: BfxSimulatorOptions = {}): Promise<BfxSimulator> {
  sim = await createBfxSimulator({ market: { updatesPerSecond: 0 }, ...options, ws: { connectionsPerMinute: false, ...options.ws } });
  return sim;
}
async function connect(flags?: number): Promise<TestClient> {
  const c = await TestClient.connect(sim!.wsUrl);
  clients.push(c);
  await c.event('info');
  if (flags !== undefined) {
    c.send({ event: 'conf', flags });
    await c.event('conf');
  }
  return c;
}
const waitClosed = async (c: TestClient): Promise<number> => {
  for (let i = 0; i < 200 && !c.closed; i++) await TestClient.sleep(10);
  return c.closed?.code ?? -1;
};

describe('dropping sockets', () => {
  it('dropAll without close frame → 1006; with close frame → the code', async () => {
    await start();
    const a = await connect();
    const b = await connect();
    sim!.faults.dropAll();
    expect(await waitClosed(a)).toBe(1006);
    expect(await waitClosed(b)).toBe(1006);
    const c = await connect();
    sim!.faults.dropAll({ closeFrame: true, code: 1012 });
    expect(await waitClosed(c)).toBe(1012);
  });

  it('drop(index) and drop(predicate) target single sockets', async () => {
    await start();
    const a = await connect();
    const b = await connect();
    await b.subscribe({ channel: 'ticker', symbol: 'tBTCUSD' });
    const conns = sim!.faults.connections();
    expect(conns.map((x) => x.subscriptions)).toEqual([0, 1]);
    expect(sim!.faults.drop(conns[0].index)).toBe(1);
    expect(await waitClosed(a)).toBe(1006);
    expect(b.closed).toBeUndefined();
    expect(sim!.faults.drop((x) => x.subscriptions === 1, { closeFrame: true })).toBe(1);
    expect(await waitClosed(b)).toBe(1001);
    expect(sim!.faults.connections()).toEqual([]);
  });

  it('idleCloseMs closes a socket without subscriptions or traffic', async () => {
    await start({ ws: { idleCloseMs: 100 } });
    const c = await connect();
    expect(await waitClosed(c)).toBe(1006);
  });
});

describe('silence', () => {
  it('no frames and no heartbeats while silenced, then back', async () => {
    await start({ ws: { heartbeatMs: 40 } });
    const c = await connect();
    const { ack } = await c.subscribe({ channel: 'ticker', symbol: 'tBTCUSD' });
    const id = ack.chanId as number;
    await c.waitFor((f) => isChan(f, id) && f[1] === 'hb');
    sim!.faults.silence(1000);
    const from = c.frames.length;
    c.send({ event: 'ping', cid: 1 });
    await TestClient.sleep(200);
    expect(c.frames.length).toBe(from);
    await c.waitFor((f) => isChan(f, id) && f[1] === 'hb', { from });
  });

  it("'forever' on one target leaves the others alone", async () => {
    await start({ ws: { heartbeatMs: 40 } });
    const a = await connect();
    const b = await connect();
    const sa = await a.subscribe({ channel: 'ticker', symbol: 'tBTCUSD' });
    const sb = await b.subscribe({ channel: 'ticker', symbol: 'tBTCUSD' });
    sim!.faults.silence('forever', sim!.faults.connections()[0].index);
    const fa = a.frames.length;
    const fb = b.frames.length;
    await b.waitFor((f) => isChan(f, sb.ack.chanId as number) && f[1] === 'hb', { from: fb });
    await TestClient.sleep(150);
    expect(a.frames.slice(fa).filter((f) => isChan(f, sa.ack.chanId as number))).toEqual([]);
  });
});

describe('connection faults', () => {
  it('refuseConnections(ms, status) answers the upgrade with that status, then recovers', async () => {
    await start();
    sim!.faults.refuseConnections(1000, 503);
    await expect(TestClient.connect(sim!.wsUrl)).rejects.toThrow(/503/);
    await TestClient.sleep(1100);
    await connect();
  });

  it('info codes are broadcast', async () => {
    await start();
    const c = await connect();
    sim!.faults.info(20051);
    const info = await c.event('info', { code: 20051 });
    expect(Object.keys(info)).toEqual(['event', 'code', 'msg']);
  });

  it('maintenance start/end: info 20060/20061, platform.status 0, REST 20060', async () => {
    await start();
    const c = await connect();
    sim!.faults.maintenance('start');
    await c.event('info', { code: 20060 });
    const d = await TestClient.connect(sim!.wsUrl);
    clients.push(d);
    expect(await d.event('info')).toMatchObject({ platform: { status: 0 } });
    expect(await (await fetch(`${sim!.restUrl}/platform/status`)).json()).toEqual([0]);
    const book = await fetch(`${sim!.restUrl}/book/tBTCUSD/P0`);
    expect(await book.json()).toEqual(['error', 20060, 'maintenance']);
    sim!.faults.maintenance('end');
    await c.event('info', { code: 20061 });
    expect(await (await fetch(`${sim!.restUrl}/platform/status`)).json()).toEqual([1]);
  });

  it('rest faults are reachable', async () => {
    await start();
    sim!.faults.rest.rateLimitNext(1);
    const res = await fetch(`${sim!.restUrl}/ticker/tBTCUSD`);
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual(['error', 11010, 'ratelimit: error']);
  });
});

describe('frame faults', () => {
  it('corruptNextChecksum: exactly one wrong cs', async () => {
    await start({ market: { updatesPerSecond: 50 } });
    const c = await connect(WS_FLAGS.OB_CHECKSUM);
    const { ack } = await c.subscribe({ channel: 'book', symbol: 'tBTCUSD' });
    const id = ack.chanId as number;
    await c.waitFor((f) => isChan(f, id));
    sim!.faults.corruptNextChecksum();
    const model = new BookModel(false, false);
    const results: boolean[] = [];
    let snap = false;
    for (let i = 0; results.length < 6; i++) {
      const f = (await c.waitFor<unknown[]>((x) => isChan(x, id), { from: i })).frame;
      i = c.frames.indexOf(f);
      if (!snap) {
        model.snapshot(f[1] as number[][]);
        snap = true;
      } else if (f[1] === 'cs') results.push(model.checksum() === f[2]);
      else if (f[1] !== 'hb') model.apply(f[1] as number[]);
    }
    // Frames already in flight when the fault was set may precede the corrupted one.
    expect(results.filter((ok) => !ok)).toHaveLength(1);
    expect(results[results.length - 1]).toBe(true);
  });

  it('skipSequence: one gap of exactly one', async () => {
    await start({ ws: { heartbeatMs: 20 } });
    const c = await connect(WS_FLAGS.SEQ_ALL);
    const { ack } = await c.subscribe({ channel: 'ticker', symbol: 'tBTCUSD' });
    const id = ack.chanId as number;
    await c.waitFor((f) => isChan(f, id) && f[1] === 'hb');
    sim!.faults.skipSequence();
    const from = c.frames.length;
    for (let n = 0; n < 3; n++) await c.waitFor((f) => isChan(f, id) && f[1] === 'hb', { from: c.frames.length });
    const seqs = c.frames.filter((f): f is unknown[] => isChan(f, id)).map((f) => f[f.length - 1] as number);
    const gaps = seqs.slice(1).map((s, i) => s - seqs[i]);
    expect(gaps.filter((g) => g !== 1)).toEqual([2]);
    expect(c.frames.length).toBeGreaterThan(from);
  });

  it('sendMalformed: broken JSON and a wrong shape', async () => {
    await start();
    const c = await connect();
    const { ack } = await c.subscribe({ channel: 'ticker', symbol: 'tBTCUSD' });
    const n = c.raw.length;
    sim!.faults.sendMalformed('json');
    sim!.faults.sendMalformed('shape');
    for (let i = 0; i < 100 && c.raw.length < n + 2; i++) await TestClient.sleep(10);
    expect(() => JSON.parse(c.raw[n])).toThrow();
    const shape = JSON.parse(c.raw[n + 1]) as unknown[];
    expect(shape[0]).toBe(ack.chanId);
    expect(Array.isArray(shape[1])).toBe(false);
  });

  it('rejectAuth(count, code) fails the next auths, then auth works', async () => {
    await start({ accounts: [{ apiKey: 'k', apiSecret: 's' }] });
    const c = await connect();
    sim!.faults.rejectAuth(2, 10114);
    let nonce = Date.now() * 1000;
    c.send(authEvent('k', 's', {}, ++nonce));
    expect(await c.event('auth')).toMatchObject({ status: 'FAILED', code: 10114, msg: 'nonce: small' });
    let from = c.frames.length;
    c.send(authEvent('k', 's', {}, ++nonce));
    expect(await c.event('auth', {}, from)).toMatchObject({ status: 'FAILED', code: 10114 });
    from = c.frames.length;
    c.send(authEvent('k', 's', {}, ++nonce));
    expect(await c.event('auth', {}, from)).toMatchObject({ status: 'OK' });
  });

  it('delayReplies holds every frame back, in order', async () => {
    await start();
    const c = await connect();
    sim!.faults.delayReplies(150);
    const t0 = Date.now();
    c.send({ event: 'ping', cid: 1 });
    c.send({ event: 'ping', cid: 2 });
    const first = await c.waitFor((f) => isEvent(f, 'pong'));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(first.frame).toMatchObject({ cid: 1 });
    expect((await c.waitFor((f) => isEvent(f, 'pong'), { from: first.index + 1 })).frame).toMatchObject({ cid: 2 });
    sim!.faults.delayReplies(0);
  });
});
