/**
 * Candle timeframes and bucket arithmetic (UTC). Weeks start on Monday; `1M` is the calendar month.
 *
 * @module
 */

const MIN = 60_000;
const DAY = 1440 * MIN;
/** 1970-01-05 was a Monday. */
const MONDAY = 4 * DAY;

/** Timeframe → bucket size in ms (`1M` has a nominal 30 days; use the helpers for exact bounds). */
export const TIMEFRAMES: Readonly<Record<string, number>> = {
  '1m': MIN, '5m': 5 * MIN, '15m': 15 * MIN, '30m': 30 * MIN, '1h': 60 * MIN, '3h': 180 * MIN, '6h': 360 * MIN,
  '12h': 720 * MIN, '1D': DAY, '1W': 7 * DAY, '7D': 7 * DAY, '14D': 14 * DAY, '1M': 30 * DAY,
};

/** True when `tf` is a known timeframe. */
export function isTimeframe(tf: string): boolean {
  return Object.hasOwn(TIMEFRAMES, tf);
}

/** Start of the bucket holding `mts`. */
export function bucketStart(tf: string, mts: number): number {
  if (tf === '1M') {
    const d = new Date(mts);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  }
  const size = TIMEFRAMES[tf];
  const offset = size >= 7 * DAY ? MONDAY : 0;
  return Math.floor((mts - offset) / size) * size + offset;
}

/** Start of the bucket before the one starting at `start`. */
export function previousBucket(tf: string, start: number): number {
  if (tf === '1M') {
    const d = new Date(start);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
  }
  return start - TIMEFRAMES[tf];
}

/** Start of the bucket after the one starting at `start`. */
export function nextBucket(tf: string, start: number): number {
  if (tf === '1M') {
    const d = new Date(start);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }
  return start + TIMEFRAMES[tf];
}
