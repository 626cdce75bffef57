/**
 * Ticker and derivatives-status rows computed from a symbol's book, trades and candles.
 *
 * @module
 */

import { roundAmount, roundSig, roundTo } from './precision.js';
import type { SymbolMarket } from './symbol-market.js';

/** 24 h statistics of a symbol. */
export interface DailyStats {
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly volume: number;
}

function sideSize(m: SymbolMarket, side: 'bids' | 'asks'): number {
  const levels = m.book.levels('P0')[side].slice(0, 25);
  return roundAmount(levels.reduce((s, l) => s + Math.abs(l.amount), 0));
}

/** The ticker row without symbol (trading 10 fields + trailing null, funding 16 fields). */
export function tickerRow(m: SymbolMarket, daily: DailyStats): unknown[] {
  const last = m.lastPrice();
  const change = roundSig(last - daily.open);
  const rel = daily.open === 0 ? 0 : roundTo((last - daily.open) / daily.open, 8);
  const p0 = m.book.levels('P0');
  const bid = p0.bids[0]?.key ?? null;
  const ask = p0.asks[0]?.key ?? null;
  if (!m.funding) {
    return [bid, sideSize(m, 'bids'), ask, sideSize(m, 'asks'), change, rel, last, daily.volume, daily.high, daily.low, null];
  }
  const frr = roundSig(m.path.price(m.init.now) * 1.08);
  const bidPeriod = p0.bids[0]?.row[1] ?? null;
  const askPeriod = p0.asks[0]?.row[1] ?? null;
  const frrAvailable = roundAmount(m.init.unit * 700);
  return [frr, bid, bidPeriod, sideSize(m, 'bids'), ask, askPeriod, sideSize(m, 'asks'), change, rel, last,
    daily.volume, daily.high, daily.low, null, null, frrAvailable];
}

const EIGHT_HOURS = 8 * 3_600_000;

/** The derivatives status row without key (23 fields). */
export function derivRow(deriv: SymbolMarket, spot: SymbolMarket | undefined, now: number): unknown[] {
  const derivPrice = deriv.lastPrice();
  const spotPrice = spot?.lastPrice() ?? roundSig(derivPrice * 0.9998);
  const mark = roundSig((derivPrice + spotPrice) / 2);
  const premium = (derivPrice - spotPrice) / spotPrice;
  const nextEvt = Math.ceil((now + 1) / EIGHT_HOURS) * EIGHT_HOURS;
  const step = Math.floor((now % EIGHT_HOURS) / 60_000);
  const accrued = roundTo(premium / 3, 8);
  const current = roundTo(Math.max(-0.0025, Math.min(0.0025, premium)), 8);
  const insurance = roundAmount(deriv.init.unit * deriv.lastPrice() * 2000);
  const oi = roundAmount(deriv.init.unit * 4000);
  return [Math.floor(now / 1000) * 1000, null, derivPrice, spotPrice, null, insurance, null, nextEvt, accrued, step,
    null, current, null, null, mark, null, null, oi, null, null, null, 0.0005, 0.0025];
}
