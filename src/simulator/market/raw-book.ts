/**
 * The raw order book of one symbol: individual orders (id, price or rate, signed amount, period
 * for funding) kept sorted best-first per side, with per-precision aggregation cached by version.
 *
 * Sides: trading bids have positive amounts, asks negative; funding bids (demand) have negative
 * amounts, asks (offers) positive. Bids are best at the highest price/rate, asks at the lowest,
 * and the book never crosses.
 *
 * @module
 */

import type { BookPrecision } from '../contracts.js';
import { ceilSig, floorSig, PRECISION_SIG_FIGS, roundAmount } from './precision.js';

/** One resting order (or funding offer). */
export interface RawOrder {
  readonly id: number;
  /** Price (trading) or daily rate (funding). */
  readonly price: number;
  /** Signed amount (see module docs for the sign convention). */
  amount: number;
  /** Funding period in days (0 for trading). */
  readonly period: number;
  /** Hidden orders match but never appear in the public P0–P4 / R0 books. */
  readonly hidden?: boolean;
}

/** Book side. */
export type Side = 'bid' | 'ask';

/** One wire row of a book view with its checksum key and signed amount. */
export interface Level {
  /** Checksum key: price/rate (P0–P4) or order id (R0). */
  readonly key: number;
  /** Signed amount as on the wire. */
  readonly amount: number;
  /** The wire row. */
  readonly row: readonly number[];
}

/** Levels of both sides, best first. */
export interface SideLevels {
  readonly bids: readonly Level[];
  readonly asks: readonly Level[];
}

/** A partial or full fill of one resting order. */
export interface MakerFill {
  readonly orderId: number;
  readonly price: number;
  /** Size filled (positive). */
  readonly size: number;
  readonly period: number;
}

const byBid = (a: RawOrder, b: RawOrder): number => b.price - a.price || a.id - b.id;
const byAsk = (a: RawOrder, b: RawOrder): number => a.price - b.price || a.id - b.id;

function insertSorted(list: RawOrder[], order: RawOrder, cmp: (a: RawOrder, b: RawOrder) => number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(list[mid], order) < 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, order);
}

/** The raw book of one symbol. */
export class RawBook {
  /** Bids, best first. */
  readonly bids: RawOrder[] = [];
  /** Asks, best first. */
  readonly asks: RawOrder[] = [];
  private readonly byId = new Map<number, RawOrder>();
  private readonly cache = new Map<BookPrecision, { version: number; levels: SideLevels }>();
  /** Incremented on every change. */
  version = 0;

  /** @param funding true for a funding book (rates, periods, inverted side signs). */
  constructor(readonly funding: boolean) {}

  /** The side an amount belongs to. */
  sideOfAmount(amount: number): Side {
    return (amount > 0) !== this.funding ? 'bid' : 'ask';
  }

  /** The sign amounts on `side` carry. */
  signOf(side: Side): 1 | -1 {
    return (side === 'bid') !== this.funding ? 1 : -1;
  }

  /** Orders of one side, best first. */
  side(side: Side): RawOrder[] {
    return side === 'bid' ? this.bids : this.asks;
  }

  /** Number of resting orders. */
  get size(): number {
    return this.byId.size;
  }

  /** The order with `id`, if resting. */
  get(id: number): RawOrder | undefined {
    return this.byId.get(id);
  }

  /** Adds an order (its side comes from the amount's sign). */
  add(order: RawOrder): void {
    const side = this.sideOfAmount(order.amount);
    insertSorted(this.side(side), order, side === 'bid' ? byBid : byAsk);
    this.byId.set(order.id, order);
    this.version++;
  }

  /** Removes an order; false when unknown. */
  remove(id: number): boolean {
    const order = this.byId.get(id);
    if (!order) return false;
    const list = this.side(this.sideOfAmount(order.amount));
    const i = list.indexOf(order);
    if (i >= 0) list.splice(i, 1);
    this.byId.delete(id);
    this.version++;
    return true;
  }

  /** Changes an order's amount (same sign); a zero amount removes it. */
  setAmount(id: number, amount: number): void {
    const order = this.byId.get(id);
    if (!order) return;
    const a = roundAmount(amount);
    if (a === 0 || Math.sign(a) !== Math.sign(order.amount)) {
      this.remove(id);
      return;
    }
    order.amount = a;
    this.version++;
  }

  /** Best price/rate of a side. */
  best(side: Side): number | undefined {
    return this.side(side)[0]?.price;
  }

  /**
   * Consumes up to `size` from the best of `side` while `accept(price)` holds. Returns the maker
   * fills in order (one per resting order touched).
   */
  consume(side: Side, size: number, accept: (price: number) => boolean): MakerFill[] {
    const fills: MakerFill[] = [];
    let left = roundAmount(size);
    const list = this.side(side);
    while (left > 0 && list.length > 0) {
      const order = list[0];
      if (!accept(order.price)) break;
      const avail = Math.abs(order.amount);
      const take = Math.min(avail, left);
      fills.push({ orderId: order.id, price: order.price, size: take, period: order.period });
      left = roundAmount(left - take);
      if (take >= avail) this.remove(order.id);
      else this.setAmount(order.id, Math.sign(order.amount) * (avail - take));
    }
    return fills;
  }

  /** Wire levels for a precision, best first per side (cached until the next change). */
  levels(prec: BookPrecision): SideLevels {
    const hit = this.cache.get(prec);
    if (hit && hit.version === this.version) return hit.levels;
    const levels: SideLevels =
      prec === 'R0'
        ? { bids: this.rawLevels(this.bids), asks: this.rawLevels(this.asks) }
        : {
            bids: this.aggregate(this.bids, (p) => floorSig(p, PRECISION_SIG_FIGS[prec])),
            asks: this.aggregate(this.asks, (p) => ceilSig(p, PRECISION_SIG_FIGS[prec])),
          };
    this.cache.set(prec, { version: this.version, levels });
    return levels;
  }

  private rawLevels(orders: readonly RawOrder[]): Level[] {
    return orders.filter((o) => o.hidden !== true).map((o) => ({
      key: o.id,
      amount: o.amount,
      row: this.funding ? [o.id, o.period, o.price, o.amount] : [o.id, o.price, o.amount],
    }));
  }

  private aggregate(orders: readonly RawOrder[], levelOf: (price: number) => number): Level[] {
    const out: Level[] = [];
    let i = 0;
    while (i < orders.length) {
      if (orders[i].hidden === true) {
        i++;
        continue;
      }
      const price = levelOf(orders[i].price);
      let count = 0;
      let sum = 0;
      let period = 0;
      while (i < orders.length && levelOf(orders[i].price) === price) {
        if (orders[i].hidden !== true) {
          count++;
          sum += orders[i].amount;
          period = Math.max(period, orders[i].period);
        }
        i++;
      }
      const amount = roundAmount(sum);
      out.push({ key: price, amount, row: this.funding ? [price, period, count, amount] : [price, count, amount] });
    }
    return out;
  }

  /** The wire delete row for a level of this book at precision `prec`. */
  deleteRow(level: Level): number[] {
    const sign = level.amount > 0 ? 1 : -1;
    return this.funding ? [level.row[0], level.row[1], 0, sign] : [level.row[0], 0, sign];
  }
}
