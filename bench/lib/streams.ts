/**
 * Deterministic, pre-serialised Bitfinex streams the blaster sends (identical bytes to every client):
 * symbols, chanIds, subscribe acks, snapshots, update frames and their WebSocket framing.
 */
import { bookChecksum } from '../../src/book/checksum.ts';
import { mulberry32 } from '../../src/simulator/market/prng.js';

/** Mid price of every benchmark book; bids sit at MID-1-2i, asks at MID+1+2i (25 slots per side). */
export const MID = 86_700;
/** Levels per side. */
export const LEVELS = 25;
/** The sentinel book update: best bid slot set to this amount (never produced by the generator). */
export const SENTINEL_AMOUNT = 7.77777777;
/** The sentinel trade id (last trade of every trades channel in the throughput scenarios). */
export const SENTINEL_TRADE_ID = 999_999_999;
/** A checksum frame every `CS_EVERY` book updates in the `c-cs` scenario. */
export const CS_EVERY = 50;

/** Deterministic PRNG (mulberry32, the simulator's generator) returning floats in [0, 1). */
export function prng(seed: number): () => number {
  return mulberry32(seed).next;
}

/** `n` trading pairs `tBTCUSD`, `tXAAUSD`, `tXABUSD`, ... (3-letter bases, so every client parses them). */
export function symbols(n: number): string[] {
  const out = ['tBTCUSD'];
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (let i = 0; out.length < n; i++) out.push(`t${'XYZ'[Math.floor(i / 676) % 3]}${A[Math.floor(i / 26) % 26]}${A[i % 26]}USD`);
  return out;
}

/** Server → client unmasked text frame. */
export function wsFrame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const n = payload.length;
  let head: Buffer;
  if (n < 126) head = Buffer.from([0x81, n]);
  else if (n < 65536) {
    head = Buffer.alloc(4);
    head[0] = 0x81;
    head[1] = 126;
    head.writeUInt16BE(n, 2);
  } else {
    head = Buffer.alloc(10);
    head[0] = 0x81;
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(n), 2);
  }
  return Buffer.concat([head, payload]);
}

type Row = number[];

/** A P0 book model (25 fixed slots per side) with the Bitfinex checksum. */
class BookModel {
  readonly bids = new Map<number, number>();
  readonly asks = new Map<number, number>();
  apply(row: Row): void {
    const [price, count, amount] = row;
    const side = amount > 0 ? this.bids : this.asks;
    if (count === 0) side.delete(price);
    else side.set(price, amount);
  }
  checksum(): number {
    const bids = [...this.bids].sort((x, y) => y[0] - x[0]) as [number, number][];
    const asks = [...this.asks].sort((x, y) => x[0] - y[0]) as [number, number][];
    return bookChecksum(bids, asks);
  }
}

/** One book channel: snapshot rows and `n` updates (+ optional `cs` frames), then the sentinel update. */
export interface BookStream {
  snapshot: Row[];
  /** Update frames as JSON text; `cs` frames included when asked. The last one is the sentinel. */
  frames: string[];
  /** Number of book updates (sentinel included, `cs` frames excluded). */
  updates: number;
}

/**
 * Book stream on `chanId`: updates touch 25 fixed slots per side (so a `len` 25 window never
 * overflows), 30 % deletes of existing levels, the best bid slot is reserved for the sentinel.
 */
export function bookStream(chanId: number, n: number, withChecksum: boolean, seed = 7): BookStream {
  const rand = prng(seed);
  const model = new BookModel();
  const amount = (): number => Number((0.001 + rand() * 2).toFixed(8));
  const snapshot: Row[] = [];
  for (let i = 0; i < LEVELS; i++) snapshot.push([MID - 1 - i * 2, 1 + (i % 3), amount()]);
  for (let i = 0; i < LEVELS; i++) snapshot.push([MID + 1 + i * 2, 1 + (i % 3), -amount()]);
  for (const r of snapshot) model.apply(r);
  const frames: string[] = [];
  let updates = 0;
  while (updates < n - 1) {
    const bid = rand() < 0.5;
    // slot 1..24 on bids (slot 0 = sentinel), 0..24 on asks
    const slot = bid ? 1 + Math.floor(rand() * (LEVELS - 1)) : Math.floor(rand() * LEVELS);
    const price = bid ? MID - 1 - slot * 2 : MID + 1 + slot * 2;
    const side = bid ? model.bids : model.asks;
    let row: Row;
    if (side.has(price) && rand() < 0.3) row = [price, 0, bid ? 1 : -1];
    else row = [price, 1 + Math.floor(rand() * 4), bid ? amount() : -amount()];
    model.apply(row);
    frames.push(JSON.stringify([chanId, row]));
    updates++;
    if (withChecksum && updates % CS_EVERY === 0) frames.push(JSON.stringify([chanId, 'cs', model.checksum()]));
  }
  const sentinel = [MID - 1, 1, SENTINEL_AMOUNT];
  model.apply(sentinel);
  frames.push(JSON.stringify([chanId, sentinel]));
  updates++;
  return { snapshot, frames, updates };
}

/** Trades snapshot (30 trades, newest first). */
export function tradesSnapshot(seed: number): Row[] {
  const rand = prng(seed);
  const out: Row[] = [];
  for (let i = 30; i > 0; i--) out.push([i, 1_790_000_000_000 + i, Number(((rand() - 0.5) * 2).toFixed(8)), 86_000 + Math.floor(rand() * 1000)]);
  return out;
}

/** `n` `te` frames on `chanId`, the last one the sentinel trade. */
export function tradeFrames(chanId: number, n: number, seed: number): string[] {
  const rand = prng(seed);
  const out: string[] = [];
  for (let i = 0; i < n - 1; i++) {
    const id = 100 + i;
    out.push(JSON.stringify([chanId, 'te', [id, 1_790_000_000_000 + id, Number(((rand() - 0.5) * 2).toFixed(8)) || 0.01, 86_000 + Math.floor(rand() * 1000)]]));
  }
  out.push(JSON.stringify([chanId, 'te', [SENTINEL_TRADE_ID, 1_790_000_009_999, 0.5, 86_500]]));
  return out;
}

/** Ticker row. */
export function tickerRow(seed: number): unknown[] {
  const rand = prng(seed);
  const p = 1000 + Math.floor(rand() * 90_000);
  return [p - 1, 31.89055171, p + 1, 43.35811863, -550.8, -0.0674, p, 8314.71200815, p + 600, p - 100, null];
}

/** Candles snapshot (newest first). */
export function candlesSnapshot(seed: number, n = 120): Row[] {
  const rand = prng(seed);
  const out: Row[] = [];
  for (let i = 0; i < n; i++) {
    const o = 86_000 + Math.floor(rand() * 1000);
    out.push([1_790_000_000_000 - i * 60_000, o, o + 5, o + 20, o - 20, Number((rand() * 10).toFixed(8))]);
  }
  return out;
}

/** Pack text frames into ~64 KiB WebSocket-framed chunks. */
export function packChunks(texts: readonly string[], chunkBytes = 64 * 1024): Buffer[] {
  const chunks: Buffer[] = [];
  let parts: Buffer[] = [];
  let size = 0;
  for (const t of texts) {
    const f = wsFrame(t);
    parts.push(f);
    size += f.length;
    if (size >= chunkBytes) {
      chunks.push(Buffer.concat(parts, size));
      parts = [];
      size = 0;
    }
  }
  if (size > 0) chunks.push(Buffer.concat(parts, size));
  return chunks;
}
