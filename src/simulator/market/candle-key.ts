/**
 * Candle key parsing: `trade:TF:tSYM`, `trade:TF:fCCY:pN`, `trade:TF:fCCY:aN:pX:pY`.
 *
 * @module
 */

import { isTimeframe } from './timeframes.js';

/** A parsed candle key. */
export interface CandleKey {
  readonly tf: string;
  readonly symbol: string;
  /** Funding period range (inclusive), undefined for trading keys. */
  readonly periods?: readonly [number, number];
}

const PERIOD = /^p(\d{1,3})$/;

function period(part: string | undefined): number | undefined {
  const m = part === undefined ? null : PERIOD.exec(part);
  const n = m ? Number(m[1]) : NaN;
  return n >= 2 && n <= 120 ? n : undefined;
}

/** Why a key is invalid, for error messages. */
export type CandleKeyError = 'key' | 'time_interval' | 'symbol';

/**
 * Parses a candle key. `normalize` maps a symbol to its canonical form (undefined when unknown).
 * Returns the key or the part that is invalid.
 */
export function parseCandleKey(key: string, normalize: (s: string) => string | undefined): CandleKey | CandleKeyError {
  const parts = key.split(':');
  if (parts[0] !== 'trade' || parts.length < 3) return 'key';
  const tf = parts[1];
  if (!isTimeframe(tf)) return 'time_interval';
  const raw = parts[2];
  if (raw.startsWith('f')) {
    const symbol = normalize(raw);
    if (!symbol) return 'symbol';
    if (parts.length === 4) {
      const p = period(parts[3]);
      return p === undefined ? 'key' : { tf, symbol, periods: [p, p] };
    }
    const agg = parts.length === 6 ? /^a(10|30)$/.exec(parts[3]) : null;
    const from = period(parts[4]);
    const to = period(parts[5]);
    if (!agg || from === undefined || to === undefined || from > to) return 'key';
    return { tf, symbol, periods: [from, to] };
  }
  // Trading symbols may themselves contain a colon (tBTCF0:USTF0, tDOGE:USD).
  const symbol = normalize(parts.slice(2).join(':'));
  return symbol ? { tf, symbol } : 'symbol';
}
