/**
 * The market of one symbol: its seeded random stream, raw book, public trades and live candle
 * series. `tick()` applies one random event; `take()` lets a taker consume liquidity.
 *
 * @module
 */

import { CandleSeries, createPricePath, queryCandles, syntheticCandle, type CandleWindow, type PricePath } from './candles.js';
import { DEFAULT_PRICE_PROCESS, PriceProcess, type PriceProcessOptions } from './price-process.js';
import { streamFor, type Rng } from './prng.js';
import { roundAmount, roundSig, tickOf } from './precision.js';
import { RawBook, type Side } from './raw-book.js';

/** One public trade. */
export interface TradeRecord {
  readonly id: number;
  readonly mts: number;
  /** Signed taker amount. */
  readonly amount: number;
  /** Price or rate. */
  readonly price: number;
  /** Funding period (0 for trading). */
  readonly period: number;
  /** The own (exchange account) order this trade filled as maker, if any. */
  readonly makerOrderId?: number;
}

/** An own (exchange account) order to rest on the book. */
export interface OwnBookOrder {
  /** The order's (or funding offer's) id: also its R0 id. */
  readonly id: number;
  /** Signed amount (book sign convention). */
  readonly amount: number;
  readonly price: number;
  readonly period?: number;
  readonly hidden?: boolean;
}

/** Construction parameters of a symbol market. */
export interface SymbolMarketInit {
  readonly symbol: string;
  /** Index of the symbol in the universe (separates id ranges). */
  readonly index: number;
  readonly seed: number;
  /** Reference price (or rate). */
  readonly ref: number;
  /** Typical order size. */
  readonly unit: number;
  readonly now: number;
  /** Shape of the fair-price process (default {@link DEFAULT_PRICE_PROCESS}). */
  readonly process?: PriceProcessOptions;
}

const PERIODS = [2, 2, 2, 3, 5, 7, 10, 14, 20, 30, 30, 60, 90, 120];
const TARGET = 400;
const HISTORY_MS = 3 * 3_600_000;
const MAX_TRADES = 50_000;

interface FilteredSeries {
  readonly series: CandleSeries;
  readonly accept: (t: TradeRecord) => boolean;
}

/** The simulated market of one symbol. */
export class SymbolMarket {
  readonly funding: boolean;
  readonly book: RawBook;
  /** Public trades, oldest first. */
  readonly trades: TradeRecord[] = [];
  readonly path: PricePath;
  /** Time of the oldest trade the market holds; candles before it are synthetic. */
  readonly historyStart: number;
  /** The fair price the book follows. */
  readonly fair: PriceProcess;
  private readonly rng: Rng;
  private readonly own = new Set<number>();
  private readonly series = new Map<string, FilteredSeries>();
  private nextOrderId: number;
  private nextTradeId: number;

  constructor(readonly init: SymbolMarketInit) {
    this.funding = init.symbol.startsWith('f');
    this.book = new RawBook(this.funding);
    this.rng = streamFor(init.seed, init.symbol);
    this.path = createPricePath(init.seed ^ 0x5bd1e995, init.ref, init.now);
    this.historyStart = init.now - HISTORY_MS;
    this.fair = new PriceProcess(init.ref, streamFor(init.seed, `${init.symbol}:fair`), init.process ?? DEFAULT_PRICE_PROCESS);
    this.nextOrderId = 100_000_000_000 + init.index * 100_000_000;
    this.nextTradeId = 1_000_000_000 + init.index * 10_000_000;
    this.seedBook();
    this.seedTrades();
  }

  /** Last traded price (or the book mid when nothing traded). */
  lastPrice(): number {
    return this.trades[this.trades.length - 1]?.price ?? this.path.price(this.init.now);
  }

  /** Public wire row of a trade. */
  tradeRow(t: TradeRecord): unknown[] {
    return this.funding ? [t.id, t.mts, t.amount, t.price, t.period] : [t.id, t.mts, t.amount, t.price];
  }

  /** Live candle series for a timeframe and an optional funding period range (created on first use). */
  candleSeries(tf: string, periods?: readonly [number, number]): CandleSeries {
    const key = `${tf}|${periods?.join('-') ?? ''}`;
    let entry = this.series.get(key);
    if (!entry) {
      const accept = periods ? (t: TradeRecord) => t.period >= periods[0] && t.period <= periods[1] : () => true;
      entry = { series: new CandleSeries(tf), accept };
      for (const t of this.trades) if (accept(t)) entry.series.add(t.mts, t.price, Math.abs(t.amount));
      this.series.set(key, entry);
    }
    return entry.series;
  }

  /** Candle rows (live + synthetic history) of a timeframe and optional funding period range. */
  candles(tf: string, periods: readonly [number, number] | undefined, window: CandleWindow, now: number): number[][] {
    const synth = (b: number) => syntheticCandle(this.path, tf, b, this.init.unit);
    return queryCandles(this.candleSeries(tf, periods), synth, this.historyStart, now, window);
  }

  /**
   * One market step at time `now`: the fair price moves, resting orders the fair price has
   * passed are traded through (maker fills for own orders), then one random book event.
   * Returns the trades it produced. A halted market does nothing.
   */
  tick(now: number): TradeRecord[] {
    if (this.fair.halted) {
      this.fair.step();
      return [];
    }
    const fair = this.fair.step();
    const through = this.tradeThrough(fair, now);
    return through.length > 0 ? [...through, ...this.randomEvent(now)] : this.randomEvent(now);
  }

  /** Rest an own order on the book (never cancelled or modified by the random flow). */
  placeOwn(order: OwnBookOrder): void {
    if (this.book.get(order.id)) this.book.remove(order.id);
    this.book.add({ id: order.id, price: order.price, amount: roundAmount(order.amount), period: order.period ?? 0, hidden: order.hidden });
    this.own.add(order.id);
  }

  /** Remove an own order; false when it is no longer on the book. */
  removeOwn(id: number): boolean {
    this.own.delete(id);
    return this.book.remove(id);
  }

  /** Takers sweep the levels the fair price has moved past (bounded per step). */
  private tradeThrough(fair: number, now: number): TradeRecord[] {
    const ask = this.book.best('ask');
    const bid = this.book.best('bid');
    // Trading: buyers lift asks at or below fair. Funding: the taker side signs are inverted.
    if (ask !== undefined && ask <= fair) return this.take(this.book.signOf('bid') * this.depthWithin('ask', fair), now, fair);
    if (bid !== undefined && bid >= fair) return this.take(this.book.signOf('ask') * this.depthWithin('bid', fair), now, fair);
    return [];
  }

  private depthWithin(side: Side, fair: number): number {
    let sum = 0;
    for (const o of this.book.side(side)) {
      if (side === 'ask' ? o.price > fair : o.price < fair) break;
      sum += Math.abs(o.amount);
    }
    return roundAmount(sum);
  }

  private randomEvent(now: number): TradeRecord[] {
    const r = this.rng.next();
    const side: Side = this.rng.next() < 0.5 ? 'bid' : 'ask';
    const n = this.book.side(side).length;
    if (r < 0.15) return this.randomTrade(now);
    if ((r < 0.5 && n < TARGET * 1.15) || n < TARGET * 0.85) this.addRandom(side);
    else if (r < 0.78 || n >= TARGET * 1.15) this.cancelRandom(side);
    else this.modifyRandom(side);
    return [];
  }

  /**
   * Consumes liquidity for a taker of signed `amount` (trading: > 0 buys; funding: > 0 lends),
   * bounded by `limit` when given. Returns the trades (one per resting order touched).
   */
  take(amount: number, now: number, limit?: number): TradeRecord[] {
    if (!(amount !== 0 && Number.isFinite(amount))) return [];
    const side = this.book.sideOfAmount(-amount);
    const accept = (p: number): boolean => limit === undefined || (side === 'ask' ? p <= limit : p >= limit);
    const fills = this.book.consume(side, Math.abs(amount), accept);
    const sign = Math.sign(amount);
    return fills.map((f) => {
      const own = this.own.has(f.orderId);
      if (own && this.book.get(f.orderId) === undefined) this.own.delete(f.orderId);
      return this.recordTrade(now, sign * f.size, f.price, f.period, own ? f.orderId : undefined);
    });
  }

  private recordTrade(now: number, amount: number, price: number, period: number, makerOrderId?: number): TradeRecord {
    const last = this.trades[this.trades.length - 1];
    const mts = Math.max(now, last?.mts ?? 0);
    const t: TradeRecord = { id: this.nextTradeId++, mts, amount: roundAmount(amount), price, period };
    if (makerOrderId !== undefined) Object.assign(t, { makerOrderId });
    this.trades.push(t);
    if (this.trades.length > MAX_TRADES) this.trades.splice(0, this.trades.length - MAX_TRADES + 1000);
    for (const s of this.series.values()) if (s.accept(t)) s.series.add(t.mts, t.price, Math.abs(t.amount));
    return t;
  }

  private orderSize(): number {
    const u = this.rng.next();
    return Math.max(roundAmount(this.init.unit * (0.05 + 2 * u * u)), 1e-8);
  }

  /** A price on `side` of the fair price (never crossing the other side). */
  private priceAway(side: Side): number {
    const fair = this.fair.fair;
    const step = tickOf(fair);
    const u = this.rng.next();
    const d = Math.floor(u * u * 600);
    let p = roundSig(side === 'bid' ? Math.floor(fair / step) * step - d * step : Math.ceil(fair / step) * step + d * step);
    const other = this.book.best(side === 'bid' ? 'ask' : 'bid');
    if (other !== undefined && (side === 'bid' ? p >= other : p <= other)) p = roundSig(side === 'bid' ? other - step : other + step);
    return p > 0 ? p : step;
  }

  private addRandom(side: Side): void {
    const price = this.priceAway(side);
    const period = this.funding ? this.rng.pick(PERIODS) : 0;
    this.book.add({ id: this.nextOrderId++, price, amount: this.book.signOf(side) * this.orderSize(), period });
  }

  private randomOrderId(side: Side): number | undefined {
    const list = this.book.side(side);
    if (list.length === 0) return undefined;
    const u = this.rng.next();
    return list[Math.floor(u * list.length)].id;
  }

  private cancelRandom(side: Side): void {
    const id = this.randomOrderId(side);
    if (id !== undefined && !this.own.has(id)) this.book.remove(id);
  }

  private modifyRandom(side: Side): void {
    const id = this.randomOrderId(side);
    const order = id === undefined || this.own.has(id) ? undefined : this.book.get(id);
    if (!order) return;
    const amount = roundAmount(order.amount * (0.5 + this.rng.next()));
    if (amount !== 0 && amount !== order.amount) this.book.setAmount(order.id, amount);
  }

  private randomTrade(now: number): TradeRecord[] {
    const takerSign = this.rng.next() < 0.5 ? 1 : -1;
    const side = this.book.sideOfAmount(-takerSign);
    const top = this.book.side(side).slice(0, 3);
    if (top.length === 0) return [];
    const depth = top.reduce((s, o) => s + Math.abs(o.amount), 0);
    const size = Math.min(roundAmount(this.init.unit * (0.02 + this.rng.next())), roundAmount(depth));
    return this.take(takerSign * size, now);
  }

  private seedBook(): void {
    for (let i = 0; i < TARGET; i++) {
      this.addRandom('bid');
      this.addRandom('ask');
    }
  }

  private seedTrades(): void {
    let t = this.historyStart;
    while (t < this.init.now) {
      const price = roundSig(this.path.price(t) * (1 + (this.rng.next() - 0.5) * 0.0004));
      const sign = this.rng.next() < 0.5 ? 1 : -1;
      const period = this.funding ? this.rng.pick(PERIODS) : 0;
      this.recordTrade(t, sign * this.orderSize() * 0.5, price, period);
      t += 3000 + Math.floor(this.rng.next() * 30_000);
    }
    // The newest history trade prints at the live fair price, so trades, candles and ticker join the live book.
    const period = this.funding ? this.rng.pick(PERIODS) : 0;
    this.recordTrade(Math.max(this.historyStart, this.init.now - 1000), this.orderSize() * 0.5, roundSig(this.fair.fair), period);
  }
}
