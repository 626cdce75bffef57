/**
 * Public channel data: the snapshot sent right after a `subscribed` ack, and the fan-out of
 * market events to subscriptions (book diffs + checksums, `te`/`tu` trades, ticker and candle
 * refreshes, derivatives status, liquidations).
 *
 * @module
 */
import type { MarketEngine, MarketEvent } from '../contracts.js';
import { hasFlag, WS_FLAGS } from './flags.js';
import type { Sub } from './types.js';

/** F1 books are flushed at most this often. */
const F1_INTERVAL_MS = 2000;

/** Sends the first data frame(s) of a new subscription. */
export function sendSnapshot(market: MarketEngine, sub: Sub): void {
  const { spec } = sub;
  const send = (payload: unknown): boolean => sub.session.sendChannel(sub.chanId, [payload]);
  switch (spec.channel) {
    case 'ticker':
      send(market.ticker(spec.symbol ?? ''));
      return;
    case 'trades':
      send(market.trades(spec.symbol ?? ''));
      return;
    case 'book':
      if (sub.view) send(sub.view.snapshot());
      sub.lastFlush = Date.now();
      return;
    case 'candles':
      send(market.candles(spec.key ?? '') ?? []);
      return;
    case 'status':
      if (spec.symbol !== undefined) send(market.derivStatus(spec.symbol) ?? []);
      sub.lastFlush = Date.now();
      return;
  }
}

/** Derivatives status rows are re-sent at most (and, while the market moves, about) once a second, like the live server. */
const STATUS_INTERVAL_MS = 1000;

function sendStatus(market: MarketEngine, subs: Iterable<Sub>, symbol: string): void {
  const row = lazy(() => market.derivStatus(symbol));
  const now = Date.now();
  for (const sub of subs) {
    if (sub.spec.channel !== 'status' || now - sub.lastFlush < STATUS_INTERVAL_MS) continue;
    const r = row();
    if (r && sub.session.sendChannel(sub.chanId, [r])) sub.lastFlush = now;
  }
}

/** Drains one book subscription and sends its updates (+ `cs`). */
export function flushBook(sub: Sub, force = false): void {
  const { view, session } = sub;
  if (!view || session.isSilenced()) return;
  const now = Date.now();
  if (!force && sub.spec.freq === 'F1' && now - sub.lastFlush < F1_INTERVAL_MS) return;
  sub.lastFlush = now;
  const rows = view.drain();
  if (rows.length === 0) return;
  if (hasFlag(session.flags, WS_FLAGS.BULK_UPDATES)) session.sendChannel(sub.chanId, [rows]);
  else for (const row of rows) session.sendChannel(sub.chanId, [row]);
  if (hasFlag(session.flags, WS_FLAGS.OB_CHECKSUM)) session.sendChannel(sub.chanId, ['cs', view.checksum()]);
}

/** Lazily computed payload shared by every subscriber of one event. */
function lazy<T>(make: () => T): () => T {
  let done = false;
  let value: T | undefined;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value as T;
  };
}

function sendTrade(subs: Iterable<Sub>, symbol: string, row: unknown[]): void {
  const funding = symbol.startsWith('f');
  for (const { session, chanId, spec } of subs) {
    if (spec.channel !== 'trades') continue;
    session.sendChannel(chanId, [funding ? 'fte' : 'te', row]);
    session.sendChannel(chanId, [funding ? 'ftu' : 'tu', row]);
  }
}

/** Ticker and candle refresh after trades (once per market step, not once per trade). */
function refresh(market: MarketEngine, subs: Iterable<Sub>, symbol: string): void {
  const ticker = lazy(() => market.ticker(symbol));
  for (const { session, chanId, spec } of subs) {
    if (spec.channel === 'ticker') {
      session.sendChannel(chanId, [ticker()]);
    } else if (spec.channel === 'candles' && spec.key !== undefined) {
      const latest = market.candles(spec.key, { limit: 1 })?.[0];
      if (latest) session.sendChannel(chanId, [latest]);
    }
  }
}

/** Where market events go. */
export interface FanoutTargets {
  /** Subscriptions driven by a symbol (a copy: delivery may unsubscribe). */
  bySymbol(symbol: string): Iterable<Sub>;
  /** `liq:global` subscriptions. */
  liquidations(): Iterable<Sub>;
}

/**
 * Creates the market-event fan-out. Trades go out at once (`te` then `tu`); ticker and candle
 * refreshes wait for the `book` event the engine emits after the trades of one step.
 */
export function createFanout(market: MarketEngine, targets: FanoutTargets): (event: MarketEvent) => void {
  const traded = new Set<string>();
  return (event) => deliver(market, event, targets, traded);
}

function deliver(market: MarketEngine, event: MarketEvent, targets: FanoutTargets, traded: Set<string>): void {
  const bySymbol = (s: string): Iterable<Sub> => targets.bySymbol(s);
  switch (event.type) {
    case 'book':
      for (const sub of bySymbol(event.symbol)) if (sub.spec.channel === 'book') flushBook(sub);
      if (traded.delete(event.symbol)) refresh(market, bySymbol(event.symbol), event.symbol);
      sendStatus(market, bySymbol(event.symbol), event.symbol);
      return;
    case 'trade':
      sendTrade(bySymbol(event.symbol), event.symbol, event.row);
      traded.add(event.symbol);
      return;
    case 'status':
      sendStatus(market, bySymbol(event.symbol), event.symbol);
      return;
    case 'quote': {
      const ticker = lazy(() => market.ticker(event.symbol));
      for (const sub of bySymbol(event.symbol)) if (sub.spec.channel === 'ticker') sub.session.sendChannel(sub.chanId, [ticker()]);
      return;
    }
    case 'liquidation':
      for (const sub of targets.liquidations()) sub.session.sendChannel(sub.chanId, [[event.row]]);
      return;
  }
}
