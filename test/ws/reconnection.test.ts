import { afterEach, describe, expect, it } from 'vitest';
import type { BfxSimulator } from '../../src/simulator/index.js';
import { allLiveOnce, recordingFactory, serverSubscriptions, sleep, startHarness, unhandledRejections, waitFor, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function subscribeSix(harness: Harness): Promise<void> {
  const ws = harness.bfx.ws;
  await Promise.all([
    ws.subscribe('ticker', { symbol: 'tBTCUSD' }),
    ws.subscribe('ticker', { symbol: 'fUSD' }),
    ws.subscribe('trades', { symbol: 'tETHUSD' }),
    ws.subscribe('book', { symbol: 'tBTCUSD' }),
    ws.subscribe('candles', { key: 'trade:1m:tBTCUSD' }),
    ws.subscribe('status', { key: 'liq:global' }),
  ]);
}

const FAULTS: ReadonlyArray<readonly [string, (sim: BfxSimulator) => void]> = [
  ['TCP cut (1006)', (sim) => sim.faults.dropAll()],
  ['close frame 1001', (sim) => sim.faults.dropAll({ closeFrame: true, code: 1001 })],
  ['abnormal close code 1011', (sim) => sim.faults.dropAll({ closeFrame: true, code: 1011 })],
  ['info 20051', (sim) => sim.faults.info(20051)],
  ['heartbeat silence (watchdog)', (sim) => sim.faults.silence(3_000)],
  ['refused connections (503) after a drop', (sim) => {
    sim.faults.refuseConnections(300, 503);
    sim.faults.dropAll();
  }],
  ['HTTP 429 at the handshake after a drop', (sim) => {
    sim.faults.refuseConnections(300, 429);
    sim.faults.dropAll();
  }],
];

describe('reconnection against the simulator', () => {
  it.each(FAULTS)('after %s every subscription is restored exactly once', async (_name, fault) => {
    h = await startHarness({}, { connections: 2, eager: true });
    const before = unhandledRejections();
    const reconnections: Array<[number, number]> = [];
    h.bfx.ws.on('reconnection', (attempts, downtime) => void reconnections.push([attempts, downtime]));
    await subscribeSix(h);
    expect(allLiveOnce(h)).toBe(true);
    fault(h.sim);
    await waitFor(() => reconnections.length >= 1, 10_000, 'the system to reconnect');
    await waitFor(() => allLiveOnce(h!), 10_000, 'every subscription live exactly once');
    await sleep(100);
    expect(allLiveOnce(h)).toBe(true);
    // One outage of both sockets: one `reconnection`, when the last of them is back.
    expect(reconnections).toHaveLength(1);
    expect(h.bfx.ws.connections().map((c) => c.state)).toEqual(['open', 'open']);
    expect(serverSubscriptions(h.sim).total).toBe(6);
    for (const [attempts, downtime] of reconnections) {
      expect(attempts).toBeGreaterThanOrEqual(1);
      expect(downtime).toBeGreaterThanOrEqual(0);
    }
    expect(unhandledRejections()).toBe(before);
  });

  it('HTTP 429 at the handshake is backed off, never thrown; one disconnection for the loss, not one per refused attempt', async () => {
    h = await startHarness({}, { connections: 1, backoff: { initialMs: 50, maxMs: 400, jitter: 0 } });
    await subscribeSix(h);
    const closes: Array<[number, string]> = [];
    const restored: number[] = [];
    h.bfx.ws.on('disconnection', (code, reason) => void closes.push([code, reason]));
    h.bfx.ws.on('connection_restored', (_index, attempts) => void restored.push(attempts));
    h.sim.faults.refuseConnections(400, 429);
    h.sim.faults.dropAll();
    await waitFor(() => restored.length === 1, 5_000, 'the socket back');
    await waitFor(() => allLiveOnce(h!), 10_000, 'restored');
    expect(closes).toHaveLength(1);
    // Refused attempts (50, 100, 200 ms apart) came before the one that got through.
    expect(restored[0]).toBeGreaterThanOrEqual(2);
    expect(restored[0]).toBeLessThan(6);
  });

  it('a quiet socket (no subscription, no heartbeats) is kept alive by pings, not reconnected', async () => {
    h = await startHarness({}, { connections: 2, eager: true, heartbeatTimeoutMs: 600 });
    let disconnections = 0;
    h.bfx.ws.on('disconnection', () => void disconnections++);
    await h.bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' });
    await sleep(2_000);
    expect(disconnections).toBe(0);
    expect(h.bfx.ws.connections().map((c) => c.state)).toEqual(['open', 'open']);
  });

  it('emits `open` once at start and once more after a full outage, not per socket', async () => {
    h = await startHarness({}, { connections: 3, eager: true });
    let opens = 0;
    h.bfx.ws.on('open', () => void opens++);
    await h.bfx.ws.connect();
    await waitFor(() => h!.bfx.ws.connections().every((c) => c.state === 'open'), 5_000, 'all open');
    expect(opens).toBe(1);
    h.sim.faults.dropAll();
    await waitFor(() => opens === 2 && h!.bfx.ws.connections().every((c) => c.state === 'open'), 5_000, 'back');
    await sleep(100);
    expect(opens).toBe(2);
  });

  it('re-sends conf on every reconnect before any subscribe', async () => {
    const rec = recordingFactory();
    h = await startHarness({}, { connections: 1, socketFactory: rec.factory });
    await subscribeSix(h);
    h.sim.faults.dropAll();
    await waitFor(() => rec.sent.length >= 2 && allLiveOnce(h!), 10_000, 'reconnect');
    for (const frames of rec.sent.slice(0, 2)) {
      const events = frames.map((f) => (JSON.parse(f) as { event?: string }).event);
      expect(events[0]).toBe('conf');
      expect(JSON.parse(frames[0])).toEqual({ event: 'conf', flags: 65536 + 131072 });
      expect(events.filter((e) => e === 'subscribe')).toHaveLength(6);
    }
  });

  it('resets the book on resubscribe: no stale level survives a reconnect', async () => {
    h = await startHarness({}, { connections: 1 });
    const book = h.bfx.ws.subscribe('book', { symbol: 'tBTCUSD', prec: 'P0' });
    await book;
    await waitFor(() => (book.book?.bidCount ?? 0) > 0, 5_000, 'book');
    let snapshots = 0;
    book.on('t_book_snapshot', () => void snapshots++);
    book.book!.apply([1, 1, 5]);
    expect((book.book!.bids(1000) as Array<{ price: number }>).some((l) => l.price === 1)).toBe(true);
    h.sim.faults.dropAll();
    await waitFor(() => snapshots >= 1, 10_000, 'fresh snapshot');
    expect((book.book!.bids(1000) as Array<{ price: number }>).some((l) => l.price === 1)).toBe(false);
  });

  it('maintenance: 20060 emits maintenance(true), 20061 maintenance(false) and resubscribes everything once', async () => {
    h = await startHarness({}, { connections: 2, eager: true });
    const seen: boolean[] = [];
    h.bfx.ws.on('maintenance', (active) => void seen.push(active));
    await subscribeSix(h);
    let subscribed = 0;
    h.bfx.ws.on('subscribed', () => void subscribed++);
    h.sim.faults.maintenance('start');
    await waitFor(() => seen.length === 1, 5_000, 'maintenance start');
    expect(h.bfx.ws.maintenance).toBe(true);
    h.sim.faults.maintenance('end');
    await waitFor(() => seen.length === 2 && subscribed >= 6, 5_000, 'maintenance end + resubscribe');
    expect(seen).toEqual([true, false]);
    await waitFor(() => allLiveOnce(h!), 5_000, 'live once');
    await sleep(100);
    expect(serverSubscriptions(h.sim).total).toBe(6);
  });

  it('maintenance seen at (re)connect: platform.status 0 keeps it on, status 1 ends a maintenance missed while down', async () => {
    h = await startHarness({}, { connections: 1 });
    const seen: boolean[] = [];
    h.bfx.ws.on('maintenance', (active) => void seen.push(active));
    await subscribeSix(h);
    h.sim.faults.maintenance('start');
    await waitFor(() => seen.length === 1, 5_000, 'maintenance start');
    h.sim.faults.dropAll();
    await waitFor(() => allLiveOnce(h!), 10_000, 'restored during maintenance');
    expect(h.bfx.ws.maintenance).toBe(true);
    h.sim.faults.refuseConnections(300, 503);
    h.sim.faults.dropAll();
    h.sim.faults.maintenance('end');
    await waitFor(() => seen.length === 2, 10_000, 'maintenance end seen at reconnect');
    expect(seen).toEqual([true, false]);
    await waitFor(() => allLiveOnce(h!), 10_000, 'restored');
  });

  it('checksum corruption → checksum_mismatch, resync of that book, then consistent again', async () => {
    h = await startHarness({ market: { updatesPerSecond: 50 } }, { connections: 1 });
    const book = h.bfx.ws.subscribe('book', { symbol: 'tBTCUSD' });
    await book;
    let mismatches = 0;
    let snapshots = 0;
    book.on('checksum_mismatch', () => void mismatches++);
    book.on('t_book_snapshot', () => void snapshots++);
    let checksums = 0;
    h.bfx.ws.on('checksum', () => void checksums++);
    await waitFor(() => checksums > 0, 5_000, 'a checksum frame');
    h.sim.faults.corruptNextChecksum();
    await waitFor(() => mismatches === 1 && snapshots >= 1, 5_000, 'mismatch + fresh snapshot');
    await waitFor(() => allLiveOnce(h!), 5_000, 'live once');
    const after = checksums;
    await waitFor(() => checksums > after + 2, 5_000, 'more checksums');
    expect(mismatches).toBe(1);
  });

  it('sequence gap → SequenceError on `error` and every channel of the socket resubscribed', async () => {
    h = await startHarness({}, { connections: 1 });
    await subscribeSix(h);
    let subscribed = 0;
    h.bfx.ws.on('subscribed', () => void subscribed++);
    h.sim.faults.skipSequence();
    await waitFor(() => h!.errors.some((e) => e.code === 'ERR_BFX_SEQUENCE'), 5_000, 'sequence error');
    await waitFor(() => subscribed >= 6 && allLiveOnce(h!), 5_000, 'resubscribed');
    expect(serverSubscriptions(h.sim).total).toBe(6);
  });

  it('a malformed frame and a throwing listener become `error` events; data keeps flowing', async () => {
    h = await startHarness({ market: { updatesPerSecond: 50 } }, { connections: 1 });
    const t = h.bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' });
    await t;
    h.sim.faults.sendMalformed('json');
    h.sim.faults.sendMalformed('shape');
    await waitFor(() => h!.errors.filter((e) => e.code === 'ERR_BFX_PROTOCOL').length >= 2, 5_000, 'protocol errors');
    let calls = 0;
    t.on('t_ticker_update', () => {
      calls++;
      throw new Error('listener bug');
    });
    await waitFor(() => calls >= 3, 5_000, 'listener calls');
    expect(h.errors.some((e) => e.code === 'ERR_BFX_LISTENER')).toBe(true);
    expect(t.state).toBe('active');
  });

  it('10305 from the server re-routes, then refuses with CapacityError; no promise stays pending', async () => {
    h = await startHarness({ ws: { maxSubscriptions: 2 } }, { connections: 2 });
    const symbols = ['tBTCUSD', 'tETHUSD', 'tLTCUSD', 'tXRPUSD', 'tSOLUSD'];
    const results = await Promise.allSettled(symbols.map((symbol) => h!.bfx.ws.subscribe('ticker', { symbol })));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(4);
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toMatchObject({ code: 'ERR_BFX_CAPACITY' });
  });

  it('close(code, reason) closes every socket and settles pending work', async () => {
    h = await startHarness({}, { connections: 3, eager: true });
    await subscribeSix(h);
    const pending = h.bfx.ws.subscribe('ticker', { symbol: 'tDOGE:USD' });
    const outcome = pending.then(
      () => 'subscribed',
      (e: unknown) => (e as { code: string }).code,
    );
    await h.bfx.close(4000, 'bye');
    expect(['subscribed', 'ERR_BFX_CLOSED']).toContain(await Promise.race([outcome, sleep(2_000).then(() => 'pending')]));
    expect(h.bfx.ws.subscriptions()).toEqual([]);
    await waitFor(() => h!.sim.faults.connections().length === 0, 3_000, 'server sockets closed');
    await expect(h.bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' })).rejects.toMatchObject({ code: 'ERR_BFX_CLOSED' });
  });
});
