/**
 * The global liquidation feed: seeded history plus occasional liquidations on derivative trades.
 * Rows: `["pos",POS_ID,MTS,null,SYMBOL,AMOUNT,BASE_PRICE,null,IS_MATCH,IS_MARKET_SOLD,null,PRICE]`.
 *
 * @module
 */

import type { HistoryQuery } from '../contracts.js';
import { selectHistory } from './history.js';
import { roundAmount, roundSig } from './precision.js';
import type { Rng } from './prng.js';

const MAX_ROWS = 10_000;

/** Liquidations of the simulated market. */
export class LiquidationFeed {
  private readonly rows: unknown[][] = [];
  private nextId = 150_000_000;
  private seeded = false;

  constructor(
    private readonly rng: Rng,
    private readonly symbols: readonly string[],
    private readonly price: (symbol: string) => number,
    private readonly createdAt: number,
  ) {}

  /** Rows (oldest stored first internally), newest first unless sort = 1. */
  query(query?: HistoryQuery): unknown[][] {
    this.seed();
    return selectHistory(this.rows, (r) => r[2] as number, query, 100).map((r) => [...r]);
  }

  /** With `probability`, a liquidation of `symbol` at `now`; returns the row when one happened. */
  maybe(symbol: string, now: number, probability: number): unknown[] | undefined {
    this.seed();
    if (this.rng.next() >= probability) return undefined;
    return this.make(symbol, now);
  }

  private make(symbol: string, mts: number): unknown[] {
    const price = this.price(symbol);
    const long = this.rng.next() < 0.5;
    const amount = roundAmount((long ? -1 : 1) * (0.01 + this.rng.next() * 3) * (1000 / price));
    const base = roundSig(price * (long ? 1.05 : 0.95));
    const isMatch = this.rng.next() < 0.5 ? 0 : 1;
    const row: unknown[] = ['pos', this.nextId++, mts, null, symbol, amount, base, null, isMatch, isMatch, null, roundSig(price)];
    const last = this.rows[this.rows.length - 1];
    if (last && (last[2] as number) > mts) row[2] = last[2];
    this.rows.push(row);
    if (this.rows.length > MAX_ROWS) this.rows.splice(0, 1000);
    return [...row];
  }

  private seed(): void {
    if (this.seeded || this.symbols.length === 0) return;
    this.seeded = true;
    let t = this.createdAt - 6 * 3_600_000;
    for (let i = 0; i < 60; i++) {
      t += Math.floor(this.rng.next() * 360_000);
      this.make(this.rng.pick(this.symbols), t);
    }
  }
}
