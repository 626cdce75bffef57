/**
 * Recording micro-benchmark: the per-frame cost of `recordingSocketFactory` (with a sink that drops
 * everything, and with the file sink, plain and gzip) on top of a bare consumer (`JSON.parse` +
 * count), on the (a) book stream held in memory and delivered `--per-turn` frames per event-loop
 * turn (the bench's 64 KiB socket reads carry ~1,400 of these frames; a live Bitfinex socket
 * mostly one). No socket: the figure is the recorder's own cost, which the full benchmark
 * (`BENCH_RECORD=FILE|noop` on the library client) then confirms end to end.
 *
 * Run: `npx tsx bench/record.bench.ts` (add `--frames=N`, `--rounds=N`, `--per-turn=N`).
 * CPU is the whole process's (libuv threads included: file writes, gzip).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SocketFactory, SocketHandlers } from '../src/platform/socket-types.js';
import { recordingSocketFactory, type RecordSink } from '../src/record/recorder.js';
import { createFileRecordSink } from '../src/simulator/record/file-sink.js';
import { bookStream } from './lib/streams.ts';

const arg = (name: string, fallback: number): number => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit === undefined ? fallback : Number(hit.split('=')[1]);
};
const FRAMES = arg('frames', 200_000);
const ROUNDS = arg('rounds', 5);
const PER_TURN = arg('per-turn', 1400);
const CHAN = 17_082;

const stream = bookStream(CHAN, FRAMES, false);
const head = [
  JSON.stringify({ event: 'info', version: 2, serverId: '00000000-0000-4000-8000-000000000000', platform: { status: 1 } }),
  JSON.stringify({ event: 'subscribed', channel: 'book', chanId: CHAN, symbol: 'tBTCUSD', prec: 'P0', freq: 'F0', len: '25', pair: 'BTCUSD' }),
  JSON.stringify([CHAN, stream.snapshot]),
];
const frames = [...head, ...stream.frames];
const dir = mkdtempSync(join(tmpdir(), 'bfx-record-bench-'));

/** A socket factory whose one socket is fed by `drive`. */
function fakeFactory(): { factory: SocketFactory; handlers: () => SocketHandlers } {
  let h: SocketHandlers | undefined;
  const factory: SocketFactory = (_url, handlers) => {
    h = handlers;
    return { send: () => true, close: () => undefined, terminate: () => undefined };
  };
  return {
    factory,
    handlers: () => {
      if (!h) throw new Error('no socket');
      return h;
    },
  };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Variant {
  readonly name: string;
  /** The socket factory to feed, and what to await after the last frame. */
  make(): { factory: (inner: SocketFactory) => SocketFactory; done(): Promise<number> };
}

const variants: Variant[] = [
  { name: 'bare', make: () => ({ factory: (inner) => inner, done: async () => 0 }) },
  {
    name: 'noop sink',
    make: () => {
      const sink: RecordSink = { write: () => undefined };
      return { factory: (inner) => recordingSocketFactory(inner, sink), done: async () => 0 };
    },
  },
  ...(['jsonl', 'jsonl.gz'] as const).map(
    (ext): Variant => ({
      name: `file .${ext}`,
      make: () => {
        const path = join(dir, `session.${ext}`);
        rmSync(path, { force: true });
        const sink = createFileRecordSink(path);
        return {
          factory: (inner) => recordingSocketFactory(inner, sink),
          done: async () => {
            await sink.close();
            return statSync(path).size;
          },
        };
      },
    }),
  ),
];

async function run(v: Variant): Promise<{ cpu: number; wall: number; fed: number; bytes: number }> {
  const fake = fakeFactory();
  const { factory, done } = v.make();
  let parsed = 0;
  factory(fake.factory)('ws://bench', {
    onOpen: () => undefined,
    onMessage: (data) => {
      if ((JSON.parse(data) as unknown) !== null) parsed++;
    },
    onClose: () => undefined,
  });
  const h = fake.handlers();
  h.onOpen();
  await turn();
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < frames.length; i += PER_TURN) {
    const end = Math.min(frames.length, i + PER_TURN);
    for (let j = i; j < end; j++) h.onMessage(frames[j]);
    await turn();
  }
  h.onClose(1000, '');
  await turn();
  const fed = Number(process.hrtime.bigint() - t0) / 1000;
  const bytes = await done();
  const wall = Number(process.hrtime.bigint() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  if (parsed !== frames.length) throw new Error(`parsed ${parsed} of ${frames.length}`);
  return { cpu: (used.user + used.system) / frames.length, wall: wall / frames.length, fed: fed / frames.length, bytes };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = new Map<string, { cpu: number[]; wall: number[]; fed: number[]; bytes: number }>();
for (let r = 0; r < ROUNDS + 1; r++) {
  for (const v of variants) {
    const m = await run(v);
    if (r === 0) continue; // warm-up round
    const acc = results.get(v.name) ?? { cpu: [], wall: [], fed: [], bytes: 0 };
    acc.cpu.push(m.cpu);
    acc.wall.push(m.wall);
    acc.fed.push(m.fed);
    acc.bytes = m.bytes;
    results.set(v.name, acc);
  }
}
rmSync(dir, { recursive: true, force: true });
const bare = results.get('bare');
console.log(`${frames.length} frames, ${PER_TURN} per turn, ${ROUNDS} rounds (median); node ${process.version}`);
// "fed" = wall time until the last frame was handed over (the main thread's share; libuv's
// file writes and gzip may still be running), "wall" = until the file is closed.
console.log('variant          CPU µs/frame  +recording  fed µs/frame  wall µs/frame  file bytes/frame');
for (const [name, m] of results) {
  const cpu = median(m.cpu);
  const extra = bare ? cpu - median(bare.cpu) : 0;
  const perFrame = m.bytes > 0 ? (m.bytes / frames.length).toFixed(1) : '–';
  console.log(`${name.padEnd(16)} ${cpu.toFixed(3).padStart(12)}  ${extra.toFixed(3).padStart(10)}  ${median(m.fed).toFixed(3).padStart(12)}  ${median(m.wall).toFixed(3).padStart(13)}  ${perFrame.padStart(16)}`);
}
