/**
 * Record and replay: a session recorded from the simulator through the socket-factory
 * decorator replays into a fresh client as the identical stream of typed events, in order,
 * with valid checksums and sequence numbers, at any speed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeSocketFactory } from '../../src/platform/websocket.js';
import { recordedSubscriptionKey, recordingSocketFactory } from '../../src/record/recorder.js';
import { createBfxSimulator, createFileRecordSink, readRecording } from '../../src/simulator/index.js';
import { createBfxSystem, type BfxSystem } from '../../src/system.js';
import { DATA_EVENTS } from '../../src/ws/client-support.js';
import { isChan, TestClient } from './ws-client.js';
import type { Subscription } from '../../src/ws/contracts.js';

const dir = mkdtempSync(join(tmpdir(), 'bfx-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Seen = [event: string, channel: string, what: string, data: string];

function listen(bfx: BfxSystem): { events: Seen[]; problems: string[] } {
  const events: Seen[] = [];
  const problems: string[] = [];
  const on = (bfx.ws.on as unknown as (name: string, fn: (sub: Subscription, data: unknown) => void) => void).bind(bfx.ws);
  for (const name of DATA_EVENTS) on(name, (sub, data) => events.push([name, sub.channel, sub.symbol ?? sub.key ?? '', JSON.stringify(data)]));
  on('checksum_mismatch', (sub) => problems.push(`checksum ${sub.symbol ?? ''}`));
  bfx.ws.on('error', (e) => problems.push(`${e.code}: ${e.message}`));
  return { events, problems };
}

async function subscribeAll(bfx: BfxSystem): Promise<void> {
  await Promise.all([
    bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' }),
    bfx.ws.subscribe('trades', { symbol: 'tBTCUSD' }),
    bfx.ws.subscribe('book', { symbol: 'tBTCUSD', prec: 'P0', len: '25' }),
    bfx.ws.subscribe('book', { symbol: 'tETHUSD', prec: 'R0', len: '25' }),
    bfx.ws.subscribe('candles', { key: 'trade:1m:tBTCUSD' }),
  ]);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function record(file: string): Promise<Seen[]> {
  const sim = await createBfxSimulator({ market: { updatesPerSecond: 25 }, ws: { heartbeatMs: 300 } });
  const sink = createFileRecordSink(file);
  // One connection: the order across subscriptions is then one socket's order, fixed by the recording.
  const bfx = createBfxSystem({ wssHost: sim.wsUrl, restHost: sim.restUrl, connections: 1, socketFactory: recordingSocketFactory(nodeSocketFactory, sink) });
  const { events, problems } = listen(bfx);
  try {
    await subscribeAll(bfx);
    await sleep(1500);
  } finally {
    await bfx.close();
    await sink.close();
    await sim.close();
  }
  expect(problems).toEqual([]);
  return events;
}

async function replay(file: string, speed: number, expected: number, connections = 1): Promise<Seen[]> {
  const sim = await createBfxSimulator({ replay: file, speed, market: { updatesPerSecond: 0 }, ws: { heartbeatMs: 300 } });
  const bfx = createBfxSystem({ wssHost: sim.wsUrl, restHost: sim.restUrl, connections });
  const { events, problems } = listen(bfx);
  try {
    await subscribeAll(bfx);
    for (let i = 0; i < 400 && events.length < expected; i++) await sleep(25);
    await sleep(100);
  } finally {
    await bfx.close();
    await sim.close();
  }
  expect(problems).toEqual([]);
  return events;
}

describe('record and replay', () => {
  it('records every received frame with time, connection and subscription, then replays identical typed events at 1x and 8x', async () => {
    const file = join(dir, 'session.jsonl');
    const recorded = await record(file);
    expect(recorded.length).toBeGreaterThan(50);
    // Every line is JSON: context lines {"t","c"} (open/close lines too), then the raw frames.
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown);
    const isContext = (l: unknown): l is Record<string, unknown> => typeof l === 'object' && l !== null && 't' in l;
    expect(lines.some((l) => isContext(l) && l.k === 'open' && typeof l.u === 'string')).toBe(true);
    expect(isContext(lines[0])).toBe(true);
    for (const l of lines.filter(isContext)) {
      expect(typeof l.t).toBe('number');
      expect(typeof l.c).toBe('number');
    }
    const frames = lines.filter((l) => !isContext(l));
    const acks = frames.filter((l) => (l as { event?: unknown }).event === 'subscribed') as Record<string, unknown>[];
    expect(new Set(acks.map(recordedSubscriptionKey))).toEqual(new Set(['ticker:tBTCUSD', 'trades:tBTCUSD', 'book:tBTCUSD:P0:F0:25', 'book:tETHUSD:R0:F0:25', 'candles:trade:1m:tBTCUSD']));
    expect(frames.some((l) => Array.isArray(l) && l[1] === 'cs')).toBe(true);
    expect(readRecording(file).subs.size).toBe(5);

    const atOne = await replay(file, 1, recorded.length);
    expect(atOne).toEqual(recorded);
    const atEight = await replay(file, 8, recorded.length);
    expect(atEight).toEqual(recorded);
    // Spread over 5 connections: every subscription's own stream is still identical.
    const bySub = (events: Seen[]): Record<string, Seen[]> => {
      const out: Record<string, Seen[]> = {};
      for (const e of events) (out[`${e[1]}:${e[2]}`] ??= []).push(e);
      return out;
    };
    expect(bySub(await replay(file, 8, recorded.length, 5))).toEqual(bySub(recorded));
  });

  it('a raw socket gets its own chanId and SEQ_ALL numbers from 1, and no cs frames unless it asked for them', async () => {
    const file = join(dir, 'session.jsonl');
    const sim = await createBfxSimulator({ replay: file, speed: 50, market: { updatesPerSecond: 0 } });
    const plain = await TestClient.connect(sim.wsUrl);
    const seq = await TestClient.connect(sim.wsUrl);
    try {
      expect(sim.replayKeys).toContain('book:tBTCUSD:P0:F0:25');
      seq.send({ event: 'conf', flags: 65536 });
      await seq.event('conf');
      const a = (await plain.subscribe({ channel: 'book', symbol: 'tBTCUSD', prec: 'P0', len: '25' })).ack.chanId as number;
      const b = (await seq.subscribe({ channel: 'book', symbol: 'tBTCUSD', prec: 'P0', len: '25' })).ack.chanId as number;
      await sleep(800);
      const mine = plain.frames.filter((f) => isChan(f, a)) as unknown[][];
      const seqd = seq.frames.filter((f) => isChan(f, b)) as unknown[][];
      expect(mine.length).toBeGreaterThan(10);
      expect(mine.some((f) => f[1] === 'cs')).toBe(false);
      expect(seqd).toHaveLength(mine.length);
      seqd.forEach((f, i) => expect(f.at(-1)).toBe(i + 1));
    } finally {
      await plain.close();
      await seq.close();
      await sim.close();
    }
  });

  it('gzip: a .gz recording replays the same', async () => {
    const file = join(dir, 'session.jsonl.gz');
    const recorded = await record(file);
    expect(readFileSync(file)[0]).toBe(0x1f);
    expect(await replay(file, 4, recorded.length)).toEqual(recorded);
  });
});
