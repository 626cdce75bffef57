/**
 * Data-plane micro-benchmark: per-message cost of the frame router + channel sink (+ managed book
 * with checksum verification) against the floor of raw `JSON.parse` + a `Map` route by chanId,
 * on 200,000 pre-serialised frames held in memory (the socket read costs the same on both sides
 * and is left out).
 *
 * With `--socket`, the same streams also go through a real loopback WebSocket (server in a child
 * process): the floor is then raw `ws` + `JSON.parse` + `Map` route, and the comparison is the
 * client's CPU time per message.
 *
 * Run: `npx tsx bench/dataplane.bench.ts` (add `--frames=N`, `--rounds=N`, `--socket`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type WebSocketClass from 'ws';
import { createManagedBook } from '../src/book/index.js';
import type { Subscription } from '../src/ws/contracts.js';
import { createFrameRouter } from '../src/ws/dataplane/router.js';
import { createChannelSink } from '../src/ws/dataplane/sinks.js';
import { EventHub } from '../src/ws/hub.js';
import type { BfxWsEvents, SinkEmitter } from '../src/ws/events.js';
import { mulberry32 } from '../src/simulator/market/prng.js';

const arg = (name: string, fallback: number): number => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit === undefined ? fallback : Number(hit.split('=')[1]);
};
const FRAMES = arg('frames', 200_000);
const ROUNDS = arg('rounds', 7);
const SOCKET = process.argv.includes('--socket');
/** The library's own `ws` (the repo root's), not the older copy the peer benchmarks install here. */
const WebSocket = createRequire(new URL('../package.json', import.meta.url))('ws') as typeof WebSocketClass;
const CHECKSUM_EVERY = 50;

/** Deterministic PRNG (mulberry32, the simulator's generator) returning floats in [0, 1). */
function prng(seed: number): () => number {
  return mulberry32(seed).next;
}

/** A P0 book stream: one snapshot, single-level updates and deletes, a correct `cs` every 50 frames. */
function bookFrames(chanId: number, n: number): string[] {
  const rand = prng(7);
  const book = createManagedBook({ funding: false, raw: false }, (r) => r);
  const mid = 86_700;
  const level = (bid: boolean): number => (bid ? mid - 1 - Math.floor(rand() * 60) : mid + 1 + Math.floor(rand() * 60));
  const amount = (): number => Number((0.001 + rand() * 2).toFixed(8));
  const snapshot: number[][] = [];
  for (let i = 0; i < 25; i++) snapshot.push([mid - 1 - i * 2, 1 + (i % 3), amount()]);
  for (let i = 0; i < 25; i++) snapshot.push([mid + 1 + i * 2, 1 + (i % 3), -amount()]);
  book.applySnapshot(snapshot);
  const out = [JSON.stringify([chanId, snapshot])];
  while (out.length < n) {
    if (out.length % CHECKSUM_EVERY === 0) {
      out.push(JSON.stringify([chanId, 'cs', book.checksum()]));
      continue;
    }
    const bid = rand() < 0.5;
    const price = level(bid);
    const row = rand() < 0.3 ? [price, 0, bid ? 1 : -1] : [price, 1 + Math.floor(rand() * 4), bid ? amount() : -amount()];
    book.apply(row);
    out.push(JSON.stringify([chanId, row]));
  }
  return out;
}

/** A trades stream: `te` / `tu` executions. */
function tradeFrames(chanId: number, n: number): string[] {
  const rand = prng(11);
  const out = [JSON.stringify([chanId, [[1, 1790000000000, 0.01, 86700]]])];
  for (let id = 2; out.length < n; id++) {
    const trade = [id, 1790000000000 + id, Number(((rand() - 0.5) * 2).toFixed(8)), 86_000 + Math.floor(rand() * 1000)];
    out.push(JSON.stringify([chanId, rand() < 0.5 ? 'te' : 'tu', trade]));
  }
  return out;
}

/** The floor: parse, route by chanId through a Map, count. */
function floor(frames: readonly string[]): () => number {
  let seen = 0;
  const routes = new Map<number, (m: unknown[]) => void>([[17082, () => void seen++], [5, () => void seen++]]);
  return () => {
    for (let i = 0; i < frames.length; i++) {
      const msg = JSON.parse(frames[i]) as unknown;
      if (Array.isArray(msg)) routes.get(msg[0] as number)?.(msg);
    }
    return seen;
  };
}

/** The data plane: router → sink (→ book + checksum) → EventHub → one counting listener per event. */
function dataplaneConsumer(sub: Subscription, chanId: number, manage: boolean): { consume: Consumer; check(): number } {
  let seen = 0;
  let problems = 0;
  const hub = new EventHub<BfxWsEvents>(() => void problems++);
  const count = (): void => void seen++;
  for (const e of ['t_book_snapshot', 't_book_update', 'checksum', 't_trades_snapshot', 't_trade_execution', 't_trade_execution_update'] as const) {
    hub.on(e, count);
  }
  const emit: SinkEmitter = (event, ...args) => hub.emit(event, ...args);
  const events = {
    control: () => {},
    resync: () => void problems++,
    sequenceGap: () => void problems++,
    problem: () => void problems++,
  };
  const router = createFrameRouter(events);
  router.bind(chanId, createChannelSink(sub, emit, events, { checksum: manage, manageBook: manage }));
  return {
    consume: (data) => router.handle(data),
    check() {
      if (problems > 0) throw new Error(`${problems} problems / mismatches during the run`);
      return seen;
    },
  };
}

/** One in-memory pass of the data plane over `frames`. */
function dataplane(frames: readonly string[], sub: Subscription, chanId: number, manage: boolean): () => number {
  return () => {
    const { consume, check } = dataplaneConsumer(sub, chanId, manage);
    for (let i = 0; i < frames.length; i++) consume(frames[i]);
    return check();
  };
}

function measure(run: () => number, n: number): number {
  const t0 = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - t0) / n;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function compare(name: string, frames: readonly string[], candidate: () => number): void {
  const base = floor(frames);
  base();
  candidate(); // warm up
  const b: number[] = [];
  const c: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    b.push(measure(base, frames.length));
    c.push(measure(candidate, frames.length));
  }
  const nsBase = median(b);
  const nsCand = median(c);
  console.log(
    `${name.padEnd(44)} floor ${nsBase.toFixed(0).padStart(5)} ns/msg  data plane ${nsCand.toFixed(0).padStart(5)} ns/msg  ` +
      `throughput ratio ${(nsBase / nsCand).toFixed(2)}x  (${Math.round(1e9 / nsCand).toLocaleString('en')} msg/s)`,
  );
}

/** A frame consumer for the socket run: called per message, `done` once all arrived. */
type Consumer = (data: string) => void;

/** The child-process server: sends every line of a file as one text frame on each "go". */
const SERVER = `
const WebSocketServer = require('ws').Server;
const frames = require('fs').readFileSync(process.argv[1], 'utf8').split('\\n');
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 }, () => process.send(wss.address().port));
wss.on('connection', (ws) => ws.on('message', () => { for (const f of frames) ws.send(f); }));
process.on('disconnect', () => process.exit(0));
`;

/** Client CPU time (ns) per message to receive all `n` frames through `consume`. */
function overSocket(port: number, n: number, consume: Consumer): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`);
    let seen = 0;
    let cpu = process.cpuUsage();
    ws.on('error', reject);
    ws.on('open', () => {
      cpu = process.cpuUsage();
      ws.send('go');
    });
    ws.on('message', (data: Buffer) => {
      consume(data.toString('utf8'));
      if (++seen === n) {
        const used = process.cpuUsage(cpu);
        ws.close();
        resolve(((used.user + used.system) * 1000) / n);
      }
    });
  });
}

async function compareSocket(name: string, frames: readonly string[], makeCandidate: () => Consumer): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bfx-bench-'));
  const file = join(dir, 'frames.txt');
  writeFileSync(file, frames.join('\n'));
  const child = spawn(process.execPath, ['-e', SERVER, file], { cwd: process.cwd(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const port = await new Promise<number>((resolve) => child.once('message', (p) => resolve(p as number)));
    const floorConsumer = (): Consumer => {
      const routes = new Map<number, (m: unknown[]) => void>([[17082, () => {}], [5, () => {}]]);
      return (data) => {
        const msg = JSON.parse(data) as unknown;
        if (Array.isArray(msg)) routes.get(msg[0] as number)?.(msg);
      };
    };
    await overSocket(port, frames.length, floorConsumer()); // warm up
    await overSocket(port, frames.length, makeCandidate());
    const b: number[] = [];
    const c: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      b.push(await overSocket(port, frames.length, floorConsumer()));
      c.push(await overSocket(port, frames.length, makeCandidate()));
    }
    const nsBase = median(b);
    const nsCand = median(c);
    console.log(
      `${name.padEnd(44)} ws floor ${nsBase.toFixed(0).padStart(5)} ns/msg  data plane ${nsCand.toFixed(0).padStart(5)} ns/msg  ` +
        `throughput ratio ${(nsBase / nsCand).toFixed(2)}x  (client CPU per message)`,
    );
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

const book: Subscription = { subId: 'b', channel: 'book', symbol: 'tBTCUSD', prec: 'P0', freq: 'F0', len: '25' };
const trades: Subscription = { subId: 't', channel: 'trades', symbol: 'tBTCUSD' };
const bookStream = bookFrames(17082, FRAMES);
const tradeStream = tradeFrames(5, FRAMES);

console.log(`node ${process.version}, ${FRAMES.toLocaleString('en')} frames, median of ${ROUNDS} rounds`);
compare('trades (te/tu) router+sink', tradeStream, dataplane(tradeStream, trades, 5, false));
compare('book P0 router+sink, no managed book', bookStream, dataplane(bookStream, book, 17082, false));
compare(`book P0 managed + checksum (cs every ${CHECKSUM_EVERY})`, bookStream, dataplane(bookStream, book, 17082, true));
if (SOCKET) {
  await compareSocket('socket: trades (te/tu) router+sink', tradeStream, () => dataplaneConsumer(trades, 5, false).consume);
  await compareSocket('socket: book P0 router+sink, no managed book', bookStream, () => dataplaneConsumer(book, 17082, false).consume);
  await compareSocket(`socket: book P0 managed + checksum (cs every ${CHECKSUM_EVERY})`, bookStream, () => dataplaneConsumer(book, 17082, true).consume);
}
