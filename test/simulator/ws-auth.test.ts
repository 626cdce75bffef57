import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBfxSimulator, WS_FLAGS, type BfxSimulator } from '../../src/simulator/index.js';
import { authEvent, isChan, isEvent, keysOf, TestClient } from './ws-client.js';

const KEY = 'test-key';
const SECRET = 'test-secret';
let sim: BfxSimulator;
const clients: TestClient[] = [];
let nonce = Date.now() * 1000;
const auth = (extra: Record<string, unknown> = {}, key = KEY, secret = SECRET): Record<string, unknown> => authEvent(key, secret, extra, ++nonce);

const connect = async (): Promise<TestClient> => {
  const c = await TestClient.connect(sim.wsUrl);
  clients.push(c);
  return c;
};

/** Connects and authenticates; returns the client and the index of the auth frame. */
async function authed(extra: Record<string, unknown> = {}, flags?: number): Promise<{ c: TestClient; at: number }> {
  const c = await connect();
  if (flags !== undefined) {
    c.send({ event: 'conf', flags });
    await c.event('conf');
  }
  c.send(auth(extra));
  const r = await c.waitFor((f) => isEvent(f, 'auth'));
  expect(r.frame).toMatchObject({ status: 'OK' });
  return { c, at: r.index };
}

const accountFrames = (c: TestClient, from = 0): unknown[][] => c.frames.slice(from).filter((f): f is unknown[] => isChan(f, 0) && f[1] !== 'hb');

async function restPost(path: string, body: Record<string, unknown>): Promise<unknown> {
  const raw = JSON.stringify(body);
  const n = String(++nonce);
  const signature = createHmac('sha384', SECRET).update(`/api/v2/${path}${n}${raw}`).digest('hex');
  const res = await fetch(`${sim.restUrl}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'bfx-apikey': KEY, 'bfx-nonce': n, 'bfx-signature': signature },
    body: raw,
  });
  return res.json();
}

const LIMIT_BUY = { type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: '0.01', price: '1000' };

beforeAll(async () => {
  sim = await createBfxSimulator({
    accounts: [{ apiKey: KEY, apiSecret: SECRET }],
    market: { updatesPerSecond: 10 },
    ws: { connectionsPerMinute: false, heartbeatMs: 80 },
  });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await sim.close();
});

describe('auth', () => {
  it('OK frame like the capture, subId echoed', async () => {
    const { c, at } = await authed({ subId: 'me' });
    const ok = c.frames[at] as Record<string, unknown>;
    expect(keysOf(ok)).toEqual(['event', 'status', 'chanId', 'userId', 'auth_id', 'caps', 'subId']);
    expect(ok).toMatchObject({ event: 'auth', status: 'OK', chanId: 0, subId: 'me' });
    expect(typeof ok.userId).toBe('number');
    expect(ok.auth_id).toMatch(/^[0-9a-f-]{36}$/);
    expect((ok.caps as Record<string, unknown>).orders).toEqual({ read: 1, write: 1 });
  });

  it('FAILED frames: unknown key, bad signature, small nonce', async () => {
    const c = await connect();
    c.send(auth({}, 'nope'));
    expect(await c.event('auth')).toStrictEqual({ event: 'auth', status: 'FAILED', chanId: 0, code: 10100, msg: 'apikey: invalid' });
    let from = c.frames.length;
    c.send(auth({}, KEY, 'wrong-secret'));
    expect(await c.event('auth', {}, from)).toMatchObject({ status: 'FAILED', code: 10100, msg: 'apikey: digest invalid' });
    from = c.frames.length;
    c.send(authEvent(KEY, SECRET, {}, 1000));
    expect(await c.event('auth', {}, from)).toStrictEqual({ event: 'auth', status: 'FAILED', chanId: 0, code: 10114, msg: 'nonce: small' });
  });

  it('snapshots in the captured order, then heartbeats [0,"hb"]', async () => {
    const { c, at } = await authed();
    await c.waitFor((f) => isChan(f, 0) && f[1] === 'hb', { from: at });
    const types = accountFrames(c, at).map((f) => f[1]);
    expect(types.slice(0, 6)).toEqual(['ps', 'ws', 'os', 'fos', 'fcs', 'fls']);
    const rest = types.slice(6);
    const firstBu = rest.indexOf('bu');
    expect(firstBu).toBeGreaterThan(0);
    expect(rest.slice(0, firstBu).every((t) => t === 'wu')).toBe(true);
    expect(c.frames.find((f) => isChan(f, 0) && f[1] === 'hb')).toStrictEqual([0, 'hb']);
  });

  it('honours the filter', async () => {
    const { c, at } = await authed({ filter: ['wallet'] });
    await c.waitFor((f) => isChan(f, 0) && f[1] === 'hb', { from: at });
    const types = new Set(accountFrames(c, at).map((f) => f[1]));
    expect(types.has('ws')).toBe(true);
    expect(types.has('os')).toBe(false);
    expect(types.has('ps')).toBe(false);
  });

  it('a second auth fails with auth: dup; unauth detaches the account channel', async () => {
    const { c, at } = await authed();
    await c.waitFor((f) => isChan(f, 0) && f[1] === 'bu', { from: at });
    let from = c.frames.length;
    c.send(auth());
    expect(await c.event('auth', {}, from)).toMatchObject({ status: 'FAILED', code: 10100, msg: 'auth: dup' });
    c.send({ event: 'unauth' });
    expect(await c.event('unauth')).toStrictEqual({ event: 'unauth', status: 'OK', chanId: 0 });
    from = c.frames.length;
    c.send([0, 'on', null, LIMIT_BUY]);
    expect(await c.event('error', {}, from)).toMatchObject({ code: 10200, msg: 'auth: required' });
  });

  it('an unknown input type gets a 10020 error', async () => {
    const { c } = await authed();
    c.send([0, 'zz', null, {}]);
    expect(await c.event('error')).toMatchObject({ code: 10020, msg: 'input: invalid (zz)' });
  });

  it('inputs before auth get a 10200 error', async () => {
    const c = await connect();
    c.send([0, 'on', null, LIMIT_BUY]);
    expect(await c.event('error')).toMatchObject({ code: 10200 });
  });
});

describe('inputs', () => {
  it('on: n (on-req) first, then on; oc: n then oc CANCELED', async () => {
    const { c, at } = await authed();
    await c.waitFor((f) => isChan(f, 0) && f[1] === 'bu', { from: at });
    const from = c.frames.length;
    c.send([0, 'on', null, { ...LIMIT_BUY, cid: 777 }]);
    const on = await c.waitFor<unknown[]>((f) => isChan(f, 0) && f[1] === 'on', { from });
    const frames = accountFrames(c, from);
    expect(frames[0][1]).toBe('n');
    const notif = frames[0][2] as unknown[];
    expect(notif[1]).toBe('on-req');
    expect(notif[6]).toBe('SUCCESS');
    const order = on.frame[2] as unknown[];
    expect(order[2]).toBe(777);
    expect(order[3]).toBe('tBTCUSD');
    const from2 = c.frames.length;
    c.send([0, 'oc', null, { id: order[0] }]);
    const oc = await c.waitFor<unknown[]>((f) => isChan(f, 0) && f[1] === 'oc', { from: from2 });
    expect(accountFrames(c, from2)[0][1]).toBe('n');
    expect(String((oc.frame[2] as unknown[])[13])).toMatch(/^CANCELED/);
  });

  it('a REST order shows up on the account channel', async () => {
    const { c, at } = await authed();
    await c.waitFor((f) => isChan(f, 0) && f[1] === 'bu', { from: at });
    const from = c.frames.length;
    const body = (await restPost('auth/w/order/submit', { ...LIMIT_BUY, cid: 4242 })) as unknown[];
    expect(body[1]).toBe('on-req');
    const on = await c.waitFor<unknown[]>((f) => isChan(f, 0) && f[1] === 'on', { from });
    expect((on.frame[2] as unknown[])[2]).toBe(4242);
    await restPost('auth/w/order/cancel', { id: (on.frame[2] as unknown[])[0] });
    await c.waitFor((f) => isChan(f, 0) && f[1] === 'oc', { from });
  });

  it('SEQ_ALL on channel 0: [0,TYPE,DATA,PUB_SEQ,AUTH_SEQ], n repeats AUTH_SEQ, *-req n and hb carry one seq', async () => {
    const { c, at } = await authed({}, WS_FLAGS.SEQ_ALL);
    await c.waitFor((f) => isChan(f, 0) && f[1] === 'bu', { from: at });
    const from = c.frames.length;
    c.send([0, 'on', null, LIMIT_BUY]);
    const on = await c.waitFor<unknown[]>((f) => isChan(f, 0) && f[1] === 'on', { from });
    c.send([0, 'oc', null, { id: (on.frame[2] as unknown[])[0] }]);
    await c.waitFor((f) => isChan(f, 0) && f[1] === 'oc', { from });
    await c.waitFor((f) => isChan(f, 0) && f[1] === 'hb', { from });
    const all = c.frames.slice(at).filter((f): f is unknown[] => isChan(f, 0));
    let pub = 0;
    let authSeq = 0;
    for (const f of all) {
      if (f[1] === 'hb') {
        expect(f).toHaveLength(3);
        expect(f[2]).toBe(++pub);
        continue;
      }
      if (f[1] !== 'n') authSeq++;
      if (f[1] === 'n' && String((f[2] as unknown[])[1]).endsWith('-req')) {
        expect(f).toHaveLength(4);
        expect(f[3]).toBe(authSeq);
        continue;
      }
      expect(f).toHaveLength(5);
      expect(f[3]).toBe(++pub);
      expect(f[4]).toBe(authSeq);
    }
    expect(all.some((f) => f[1] === 'n')).toBe(true);
  });

  it('dms: 4 cancels the orders when the socket closes', async () => {
    const { c: watcher, at } = await authed();
    await watcher.waitFor((f) => isChan(f, 0) && f[1] === 'bu', { from: at });
    const { c } = await authed({ dms: 4 });
    const from = watcher.frames.length;
    c.send([0, 'on', null, LIMIT_BUY]);
    const on = await watcher.waitFor<unknown[]>((f) => isChan(f, 0) && f[1] === 'on', { from });
    await c.close();
    const oc = await watcher.waitFor<unknown[]>((f) => isChan(f, 0) && f[1] === 'oc', { from });
    expect((oc.frame[2] as unknown[])[0]).toBe((on.frame[2] as unknown[])[0]);
  });
});
