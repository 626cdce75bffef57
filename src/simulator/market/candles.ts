/**
 * Candles. Live candles aggregate the symbol's public trades (one series per timeframe and trade
 * filter, updated as trades happen); candles older than the market's trade history come from a
 * stateless seeded price path, so any window can be served without walking back in time.
 *
 * Rows are `[MTS, OPEN, CLOSE, HIGH, LOW, VOLUME]`.
 *
 * @module
 */

import { hashSeed } from './prng.js';
import { roundAmount, roundSig } from './precision.js';
import { bucketStart, nextBucket, previousBucket, TIMEFRAMES } from './timeframes.js';

/** A stateless price path: deterministic price at any time. */
export interface PricePath {
  price(mts: number): number;
  /** A deterministic number in [0, 1) for (tag, mts). */
  noise(tag: string, mts: number): number;
}

const DAY = 86_400_000;

/** A price path through `ref` at time `anchor`, shaped by `seed`. */
export function createPricePath(seed: number, ref: number, anchor: number): PricePath {
  const phase = (i: number): number => (hashSeed(seed, `phase${i}`) / 4294967296) * 2 * Math.PI;
  const [p1, p2, p3] = [phase(1), phase(2), phase(3)];
  const noise = (tag: string, mts: number): number => hashSeed(seed, `${tag}:${mts}`) / 4294967296;
  const g = (t: number): number =>
    0.25 * Math.sin((2 * Math.PI * t) / (400 * DAY) + p1) +
    0.08 * Math.sin((2 * Math.PI * t) / (30 * DAY) + p2) +
    0.02 * Math.sin((2 * Math.PI * t) / DAY + p3) +
    0.0004 * (noise('p', Math.floor(t / 60_000)) * 2 - 1);
  const g0 = g(anchor);
  return { price: (mts) => roundSig(ref * Math.exp(g(mts) - g0)), noise };
}

/** One candle row. */
export type Candle = [mts: number, open: number, close: number, high: number, low: number, volume: number];

/** A synthetic candle for the bucket starting at `start`. */
export function syntheticCandle(path: PricePath, tf: string, start: number, sizeScale: number): Candle {
  const open = path.price(start);
  const close = path.price(nextBucket(tf, start));
  const spread = 0.0005 * Math.sqrt(TIMEFRAMES[tf] / 60_000);
  const high = roundSig(Math.max(open, close) * (1 + spread * path.noise('h', start)));
  const low = roundSig(Math.min(open, close) * (1 - spread * path.noise('l', start)));
  const volume = roundAmount(sizeScale * (TIMEFRAMES[tf] / 60_000) * (0.5 + path.noise('v', start)));
  return [start, open, close, high, low, volume];
}

/** A live candle series fed by trades `(mts, price, size)`. Ascending by MTS. */
export class CandleSeries {
  /** Candles, oldest first. */
  readonly candles: Candle[] = [];

  constructor(readonly tf: string) {}

  /** Accounts one trade. */
  add(mts: number, price: number, size: number): void {
    const start = bucketStart(this.tf, mts);
    const last = this.candles[this.candles.length - 1];
    if (last && last[0] === start) {
      last[2] = price;
      if (price > last[3]) last[3] = price;
      if (price < last[4]) last[4] = price;
      last[5] = roundAmount(last[5] + size);
    } else {
      this.candles.push([start, price, price, price, price, roundAmount(size)]);
    }
  }
}

/** Window of a candle query. */
export interface CandleWindow {
  readonly limit: number;
  readonly start?: number;
  readonly end?: number;
  readonly sort: 1 | -1;
}

/**
 * Candles of one series in a window: live candles plus synthetic candles for buckets that end
 * before `historyStart`. Newest first unless sort = 1. Bounded by `limit` rows.
 */
export function queryCandles(
  series: CandleSeries,
  synth: (start: number) => Candle,
  historyStart: number,
  now: number,
  w: CandleWindow,
): number[][] {
  const tf = series.tf;
  const from = w.start ?? -Infinity;
  const to = Math.min(w.end ?? Infinity, now);
  const live = series.candles.filter((c) => c[0] >= from && c[0] <= to);
  const out: number[][] = [];
  const pushSynthDescending = (max: number): void => {
    let b = bucketStart(tf, Math.min(to, historyStart));
    if (nextBucket(tf, b) > historyStart) b = previousBucket(tf, b);
    while (b >= from && out.length < max && b > 0) {
      out.push(synth(b));
      b = previousBucket(tf, b);
    }
  };
  if (w.sort === -1) {
    for (let i = live.length - 1; i >= 0 && out.length < w.limit; i--) out.push([...live[i]]);
    pushSynthDescending(w.limit);
    return out;
  }
  if (w.start === undefined) {
    // Ascending without start: the newest `limit` rows, oldest first.
    pushSynthDescending(Math.max(0, w.limit - live.length));
    const rows = [...out.reverse(), ...live.map((c) => [...c])];
    return rows.slice(Math.max(0, rows.length - w.limit));
  }
  for (let b = bucketStart(tf, w.start); nextBucket(tf, b) <= historyStart && b <= to && out.length < w.limit; b = nextBucket(tf, b)) {
    if (b >= from) out.push(synth(b));
  }
  for (const c of live) if (out.length < w.limit) out.push([...c]);
  return out;
}
